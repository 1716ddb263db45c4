// The test-email form's fields and checks (SingleSendMail, reference §4.6). Bundled into the form front end
// (checks while typing) and used by the extension (checks again before any request).
import { checkField } from '../api/validation';
import type { FieldSpec, FormSpec, FormValues } from './forms';

/** SingleSendMail's limits. */
export const MAX_RECIPIENTS = 100;
export const MAX_SUBJECT = 256;
/** FromAlias: "fewer than 15 characters". */
export const MAX_FROM_ALIAS = 14;
/** Well under what the API accepts in a form body (~8 MB); a test mail does not need more. */
export const MAX_BODY = 65_536;

/** The recipients typed in the To field: separated by commas, semicolons or line breaks. */
export function recipientsOf(value: string): string[] {
  return value.split(/[,;\n\r]+/).map((s) => s.trim()).filter(Boolean);
}

function toProblem(value: string): string | undefined {
  const list = recipientsOf(value);
  if (list.length === 0) return 'Enter at least one recipient address, like you@example.com.';
  if (list.length > MAX_RECIPIENTS) return `Direct Mail sends one mail to at most ${MAX_RECIPIENTS} recipients (now ${list.length}); remove some.`;
  for (const [i, address] of list.entries()) {
    const problem = checkField('emailAddress', address);
    if (problem) return list.length === 1 ? problem : `Recipient ${i + 1} ("${address.slice(0, 60)}"): ${problem}`;
  }
  const seen = new Set<string>();
  for (const address of list) {
    const key = address.toLowerCase();
    if (seen.has(key)) return `${address} is listed twice; remove the copy.`;
    seen.add(key);
  }
  return undefined;
}

function subjectProblem(value: string): string | undefined {
  if (value.length > MAX_SUBJECT) return `The subject can have at most ${MAX_SUBJECT} characters (now ${value.length}); shorten it.`;
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return 'The subject must be a single line without control characters.';
  return undefined;
}

const BODY_FORMATS = [
  { value: 'text', label: 'Plain text' },
  { value: 'html', label: 'HTML' },
] as const;

const fields: FieldSpec[] = [
  {
    key: 'from',
    label: 'From',
    control: 'readonly',
    optional: true,
    help: 'The sender address the mail goes out from.',
    check: () => undefined,
  },
  {
    key: 'toAddress',
    label: 'To',
    control: 'text',
    placeholder: 'you@example.com, colleague@example.com',
    help: `Up to ${MAX_RECIPIENTS} addresses, separated by commas. Each one counts against the daily quota.`,
    check: toProblem,
  },
  {
    key: 'subject',
    label: 'Subject',
    control: 'text',
    placeholder: 'Test from Direct Mail',
    check: subjectProblem,
  },
  {
    key: 'bodyFormat',
    label: 'Body format',
    control: 'select',
    options: BODY_FORMATS,
    check: (v) => (v === 'text' || v === 'html' ? undefined : 'Choose the body format: plain text or HTML.'),
  },
  {
    key: 'body',
    label: 'Body',
    control: 'textarea',
    placeholder: 'Hello! This is a test mail.',
    check: (v) => (v.length > MAX_BODY ? `The body can have at most ${MAX_BODY} characters here (now ${v.length}); shorten it.` : undefined),
  },
  {
    key: 'tagName',
    label: 'Tag (optional)',
    control: 'tagSelect',
    optional: true,
    help: 'Labels the mail in the statistics. Create tags with "Direct Mail: Create Tag".',
    check: (v) => checkField('tagName', v),
  },
  {
    key: 'fromAlias',
    label: 'Sender name (optional)',
    control: 'text',
    optional: true,
    placeholder: 'Example Shop',
    help: `The display name recipients see, fewer than ${MAX_FROM_ALIAS + 1} characters.`,
    check: (v) => (v.length > MAX_FROM_ALIAS ? `The sender name must be shorter than ${MAX_FROM_ALIAS + 1} characters (now ${v.length}); shorten it.` : undefined),
  },
];

export const TEST_EMAIL_FORM: FormSpec = {
  title: 'Send test email',
  intro: 'Send one mail from this sender address (SingleSendMail) to check that it arrives and looks right.',
  submitLabel: 'Send test email',
  busyText: 'Sending\u2026',
  keepValues: true,
  fields,
};

export type { FormValues };
