// The test-email form's fields and checks (SingleSendMail, reference §4.6). Bundled into the form front end
// (checks while typing) and used by the extension (checks again before any request).
import { checkField } from '../api/validation';
import { english, type Translate } from './translate';
import type { FieldSpec, FormSpec, FormValues } from './formSpecs';

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

function toProblem(value: string, t: Translate): string | undefined {
  const list = recipientsOf(value);
  if (list.length === 0) return t('Enter at least one recipient address, like you@example.com.');
  if (list.length > MAX_RECIPIENTS) return t('Direct Mail sends one mail to at most {0} recipients (now {1}); remove some.', MAX_RECIPIENTS, list.length);
  for (const [i, address] of list.entries()) {
    const problem = checkField('emailAddress', address, t);
    if (problem) return list.length === 1 ? problem : t('Recipient {0} ("{1}"): {2}', i + 1, address.slice(0, 60), problem);
  }
  const seen = new Set<string>();
  for (const address of list) {
    const key = address.toLowerCase();
    if (seen.has(key)) return t('{0} is listed twice; remove the copy.', address);
    seen.add(key);
  }
  return undefined;
}

function subjectProblem(value: string, t: Translate): string | undefined {
  if (value.length > MAX_SUBJECT) return t('The subject can have at most {0} characters (now {1}); shorten it.', MAX_SUBJECT, value.length);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return t('The subject must be a single line without control characters.');
  return undefined;
}

/** The test-email form, in the words of `t`. */
export function testEmailForm(t: Translate = english): FormSpec {
  const bodyFormats = [
    { value: 'text', label: t('Plain text') },
    { value: 'html', label: 'HTML' },
  ] as const;
  const fields: FieldSpec[] = [
    {
      key: 'from',
      label: t('From'),
      control: 'readonly',
      optional: true,
      help: t('The sender address the mail goes out from.'),
      check: () => undefined,
    },
    {
      key: 'toAddress',
      label: t('To'),
      control: 'text',
      placeholder: 'you@example.com, colleague@example.com',
      help: t('Up to {0} addresses, separated by commas. Each one counts against the daily quota.', MAX_RECIPIENTS),
      check: (v) => toProblem(v, t),
    },
    {
      key: 'subject',
      label: t('Subject'),
      control: 'text',
      placeholder: t('Test from Direct Mail'),
      check: (v) => subjectProblem(v, t),
    },
    {
      key: 'bodyFormat',
      label: t('Body format'),
      control: 'select',
      options: bodyFormats,
      check: (v) => (v === 'text' || v === 'html' ? undefined : t('Choose the body format: plain text or HTML.')),
    },
    {
      key: 'body',
      label: t('Body'),
      control: 'textarea',
      placeholder: t('Hello! This is a test mail.'),
      check: (v) => (v.length > MAX_BODY ? t('The body can have at most {0} characters here (now {1}); shorten it.', MAX_BODY, v.length) : undefined),
    },
    {
      key: 'tagName',
      label: t('Tag (optional)'),
      control: 'tagSelect',
      optional: true,
      help: t('Labels the mail in the statistics. Create tags with "Direct Mail: Create Tag".'),
      check: (v) => checkField('tagName', v, t),
    },
    {
      key: 'fromAlias',
      label: t('Sender name (optional)'),
      control: 'text',
      optional: true,
      placeholder: t('Example Shop'),
      help: t('The display name recipients see, fewer than {0} characters.', MAX_FROM_ALIAS + 1),
      check: (v) => (v.length > MAX_FROM_ALIAS ? t('The sender name must be shorter than {0} characters (now {1}); shorten it.', MAX_FROM_ALIAS + 1, v.length) : undefined),
    },
  ];
  return {
    title: t('Send test email'),
    intro: t('Send one mail from this sender address (SingleSendMail) to check that it arrives and looks right.'),
    submitLabel: t('Send test email'),
    busyText: t('Sending\u2026'),
    keepValues: true,
    fields,
  };
}

/**
 * What the sender's send type means for a test mail, shown next to the sender before anything is sent; undefined
 * for trigger addresses. The SDK's SingleSendMail model documents how the service treats a batch address there
 * (UnSubscribeLinkType / UnSubscribeFilterLevel "default"): the mail goes out, but as bulk mail, so the test
 * shows what a campaign looks like rather than a transactional mail. Hence a warning, not a block.
 */
export function senderNote(sendType: string, t: Translate = english): string | undefined {
  if (sendType !== 'batch') return undefined;
  return t('This is a batch address (bulk mail). Direct Mail sends a single mail from it as bulk mail: it adds an unsubscribe link for recipients at large webmail providers (Gmail, Yahoo, Outlook, Hotmail…) and skips recipients who unsubscribed from this sender. To test a transactional mail as your app sends it, use a trigger address.');
}

/** Sending the same values again from one form needs a change first: a second click must not send a second mail. */
export function sendKey(values: FormValues): string {
  return JSON.stringify(TEST_EMAIL_FORM_KEYS.map((k) => values[k] ?? ''));
}

/** The test-email form in English (field keys and limits for the extension's checks and tests). */
export const TEST_EMAIL_FORM = testEmailForm();
const TEST_EMAIL_FORM_KEYS = TEST_EMAIL_FORM.fields.map((f) => f.key);

export type { FormValues };
