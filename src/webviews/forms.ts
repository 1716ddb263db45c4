// The create forms' fields and their checks. Bundled into the form front end (checks while typing)
// and used by the extension (checks again before any request), so both apply the client's own rules.
import { checkField } from '../api/validation';
import type { FormKind } from './protocol';

export type FormValues = Record<string, string>;

export interface FieldSpec {
  key: string;
  label: string;
  /** `domainSelect`/`tagSelect` offer the view's domains/tags; `readonly` shows the view's sender. */
  control: 'text' | 'textarea' | 'select' | 'domainSelect' | 'tagSelect' | 'readonly';
  optional?: boolean;
  placeholder?: string;
  help?: string;
  /** Fixed choices of a `select`. */
  options?: readonly { value: string; label: string }[];
  /** The problem with this field's value, in words, or undefined when it is fine. */
  check(value: string, values: FormValues): string | undefined;
}

export interface FormSpec {
  title: string;
  intro: string;
  submitLabel: string;
  /** Shown while the request runs (default "Creating…"). */
  busyText?: string;
  /** Keep what was typed after a success (a test email is often sent again); create forms start fresh. */
  keepValues?: boolean;
  fields: readonly FieldSpec[];
}

/** The full sender address the local part and the picked domain make. */
export const senderAddress = (values: FormValues): string => `${values.localPart ?? ''}@${values.domain ?? ''}`;

const SEND_TYPE_OPTIONS = [
  { value: 'trigger', label: 'Triggered (transactional: sign-up, password reset, receipts)' },
  { value: 'batch', label: 'Batch (newsletters and other bulk mail)' },
] as const;

export const FORMS: Record<FormKind, FormSpec> = {
  domain: {
    title: 'Create sending domain',
    intro:
      'Register a domain you own to send mail from. Afterwards you publish a few DNS records at your DNS provider; the DNS setup panel opens with them.',
    submitLabel: 'Create domain',
    fields: [
      {
        key: 'domainName',
        label: 'Domain name',
        control: 'text',
        placeholder: 'mail.example.com',
        help: 'A domain or sub-domain you control. A sub-domain keeps mail reputation apart from your main domain.',
        check: (v) => checkField('domainName', v),
      },
      {
        key: 'dkimSelector',
        label: 'DKIM selector (optional)',
        control: 'text',
        optional: true,
        placeholder: 'leave empty for the default',
        help: 'Names the DKIM key record: <selector>._domainkey. Leave empty unless you rotate keys yourself.',
        check: (v) => checkField('dkimSelector', v),
      },
    ],
  },
  mailAddress: {
    title: 'Create sender address',
    intro: 'A sender address is the From address of your mail. It must be on a verified domain of this account.',
    submitLabel: 'Create sender address',
    fields: [
      {
        key: 'domain',
        label: 'Domain',
        control: 'domainSelect',
        help: 'Only verified domains can send. Verify a domain from its DNS setup panel first.',
        check: (v) => (v ? undefined : 'Pick a verified domain. If the list is empty, create and verify a domain first.'),
      },
      {
        key: 'localPart',
        label: 'Local part',
        control: 'text',
        placeholder: 'noreply',
        help: 'The part before the @, e.g. noreply or news.',
        check: (_v, values) => checkField('accountName', senderAddress(values)),
      },
      {
        key: 'sendType',
        label: 'Send type',
        control: 'select',
        options: SEND_TYPE_OPTIONS,
        help: 'Triggered addresses send one-to-one mail from your code; batch addresses send to recipient lists.',
        check: (v) => checkField('sendType', v),
      },
      {
        key: 'replyAddress',
        label: 'Reply-to address (optional)',
        control: 'text',
        optional: true,
        placeholder: 'support@example.com',
        help: 'Where replies go. Direct Mail sends it a verification mail before it is used.',
        check: (v) => checkField('replyAddress', v),
      },
    ],
  },
  receiver: {
    title: 'Create recipient list',
    intro: 'A recipient list holds the addresses a batch mail goes to.',
    submitLabel: 'Create recipient list',
    fields: [
      {
        key: 'receiversName',
        label: 'Name',
        control: 'text',
        placeholder: 'Newsletter',
        check: (v) => checkField('receiverName', v),
      },
      {
        key: 'receiversAlias',
        label: 'Alias address',
        control: 'text',
        placeholder: 'newsletter@example.com',
        help: 'An address-shaped alias that stands for the whole list when you send to it.',
        check: (v) => checkField('receiverAlias', v),
      },
      {
        key: 'desc',
        label: 'Description (optional)',
        control: 'textarea',
        optional: true,
        check: (v) => checkField('receiverDescription', v),
      },
    ],
  },
  tag: {
    title: 'Create tag',
    intro: 'Tags label the mail you send so its statistics can be told apart (e.g. welcome, password-reset).',
    submitLabel: 'Create tag',
    fields: [
      {
        key: 'tagName',
        label: 'Tag name',
        control: 'text',
        placeholder: 'welcome',
        check: (v) => checkField('tagName', v),
      },
      {
        key: 'tagDescription',
        label: 'Description (optional)',
        control: 'textarea',
        optional: true,
        check: (v) => checkField('tagDescription', v),
      },
    ],
  },
};

/** Problem with one field: empty optional fields are fine, empty required ones are not. */
export function checkFormField(field: FieldSpec, values: FormValues): string | undefined {
  const value = (values[field.key] ?? '').trim();
  if (value === '') return field.optional ? undefined : `${field.label} is required.`;
  return field.check(value, { ...values, [field.key]: value });
}

/** Every field's problem, keyed by field; empty when the form can be submitted. */
export function checkForm(kind: FormKind, values: FormValues): Record<string, string> {
  return checkSpec(FORMS[kind], values);
}

/** Every problem of a form built from `spec` (create forms and the test-email form). */
export function checkSpec(spec: FormSpec, values: FormValues): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of spec.fields) {
    const message = checkFormField(field, values);
    if (message) errors[field.key] = message;
  }
  return errors;
}
