// The create forms' fields and their checks. Bundled into the form front end (checks while typing)
// and used by the extension (checks again before any request), so both apply the client's own rules.
// The specs are built with a translator (the page's l10n.t, the extension's vscode.l10n.t, English by default),
// so their words are literal l10n calls the bundle check can see.
import { checkField } from '../api/validation';
import { english, type Translate } from './translate';
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

/** A full address typed into "Local part": what to type instead (the domain is picked in its own field). */
function localPartWithAt(value: string, t: Translate): string {
  const before = value.slice(0, value.indexOf('@')).trim();
  return before
    ? t('Type only the part before the @ ("{0}"); the domain is picked under "Domain".', before)
    : t('Type only the part before the @, e.g. noreply; the domain is picked under "Domain".');
}

/**
 * A full address typed into "Local part" whose domain is one of `domains` (the form's choices): the two parts to move
 * into their fields, or undefined when the typed text cannot be split that way.
 */
export function splitTypedAddress(localPart: string, domains: readonly string[]): { localPart: string; domain: string } | undefined {
  const typed = localPart.trim();
  const at = typed.lastIndexOf('@');
  if (at <= 0 || typed.indexOf('@') !== at) return undefined;
  const domain = domains.find((d) => d.toLowerCase() === typed.slice(at + 1).toLowerCase());
  return domain ? { localPart: typed.slice(0, at), domain } : undefined;
}

/** Every create form, in the words of `t`. */
export function formSpecs(t: Translate = english): Record<FormKind, FormSpec> {
  const sendTypeOptions = [
    { value: 'trigger', label: t('Triggered (transactional: sign-up, password reset, receipts)') },
    { value: 'batch', label: t('Batch (newsletters and other bulk mail)') },
  ] as const;
  return {
    domain: {
      title: t('Create sending domain'),
      intro: t('Register a domain you own to send mail from. Afterwards you publish a few DNS records at your DNS provider; the DNS setup panel opens with them.'),
      submitLabel: t('Create domain'),
      fields: [
        {
          key: 'domainName',
          label: t('Domain name'),
          control: 'text',
          placeholder: t('e.g. {0}', 'mail.example.com'),
          help: t('A domain or sub-domain you control. A sub-domain keeps mail reputation apart from your main domain.'),
          check: (v) => checkField('domainName', v, t),
        },
        {
          key: 'dkimSelector',
          label: t('DKIM selector (optional)'),
          control: 'text',
          optional: true,
          placeholder: t('Leave empty for the default'),
          help: t('Names the DKIM key record: <selector>._domainkey. Leave empty unless you rotate keys yourself.'),
          check: (v) => checkField('dkimSelector', v, t),
        },
      ],
    },
    sender: {
      title: t('Create sender address'),
      intro: t('A sender address is the From address of your mail. It must be on a verified domain of this account.'),
      submitLabel: t('Create sender address'),
      fields: [
        {
          key: 'domain',
          label: t('Domain'),
          control: 'domainSelect',
          help: t('Only verified domains can send. Verify a domain from its DNS setup panel first.'),
          check: (v) => (v ? undefined : t('Pick a verified domain. If the list is empty, create and verify a domain first.')),
        },
        {
          key: 'localPart',
          label: t('Local part'),
          control: 'text',
          placeholder: t('e.g. {0}', 'noreply'),
          help: t('The part before the @, e.g. noreply or news.'),
          check: (v, values) => (v.includes('@') ? localPartWithAt(v, t) : checkField('accountName', senderAddress(values), t)),
        },
        {
          key: 'sendType',
          label: t('Send type'),
          control: 'select',
          options: sendTypeOptions,
          help: t('Triggered addresses send one-to-one mail from your code; batch addresses send to recipient lists.'),
          check: (v) => checkField('sendType', v, t),
        },
        {
          key: 'replyAddress',
          label: t('Reply-to address (optional)'),
          control: 'text',
          optional: true,
          placeholder: t('e.g. {0}', 'support@example.com'),
          help: t('Where replies go. Direct Mail sends it a verification mail before it is used.'),
          check: (v) => checkField('replyAddress', v, t),
        },
      ],
    },
    recipientList: {
      title: t('Create recipient list'),
      intro: t('A recipient list holds the addresses a batch mail goes to.'),
      submitLabel: t('Create recipient list'),
      fields: [
        {
          key: 'listName',
          label: t('Name'),
          control: 'text',
          placeholder: t('e.g. {0}', t('Newsletter')),
          check: (v) => checkField('recipientListName', v, t),
        },
        {
          key: 'listAlias',
          label: t('Alias address'),
          control: 'text',
          placeholder: t('e.g. {0}', 'newsletter@example.com'),
          help: t('An address-shaped alias that stands for the whole list when you send to it.'),
          check: (v) => checkField('recipientListAlias', v, t),
        },
        {
          key: 'desc',
          label: t('Description (optional)'),
          control: 'textarea',
          optional: true,
          check: (v) => checkField('recipientListDescription', v, t),
        },
      ],
    },
    tag: {
      title: t('Create tag'),
      intro: t('Tags label the mail you send so its statistics can be told apart (e.g. welcome, password-reset).'),
      submitLabel: t('Create tag'),
      fields: [
        {
          key: 'tagName',
          label: t('Tag name'),
          control: 'text',
          placeholder: t('e.g. {0}', 'welcome'),
          check: (v) => checkField('tagName', v, t),
        },
        {
          key: 'tagDescription',
          label: t('Description (optional)'),
          control: 'textarea',
          optional: true,
          check: (v) => checkField('tagDescription', v, t),
        },
      ],
    },
  };
}

/** The create forms in English (labels for logs and tests). */
export const FORMS = formSpecs();

/** Problem with one field: empty optional fields are fine, empty required ones are not. */
export function checkFormField(field: FieldSpec, values: FormValues, t: Translate = english): string | undefined {
  const value = (values[field.key] ?? '').trim();
  if (value === '') return field.optional ? undefined : t('{0} is required.', field.label);
  return field.check(value, { ...values, [field.key]: value });
}

/** Every field's problem, keyed by field; empty when the form can be submitted. */
export function checkForm(kind: FormKind, values: FormValues, t: Translate = english): Record<string, string> {
  return checkSpec(formSpecs(t)[kind], values, t);
}

/** Every problem of a form built from `spec` (create forms and the test-email form). */
export function checkSpec(spec: FormSpec, values: FormValues, t: Translate = english): Record<string, string> {
  const errors: Record<string, string> = {};
  for (const field of spec.fields) {
    const message = checkFormField(field, values, t);
    if (message) errors[field.key] = message;
  }
  return errors;
}

/** What keeps a form from being sent: the first field (in form order) with a problem, and why, in words. */
export interface SubmitBlocker {
  key: string;
  label: string;
  text: string;
}

/**
 * The reason shown next to a disabled submit button (and sent back for a refused submit): names the field in words.
 * `problems` holds each field's current problem (see checkSpec); an empty required field asks to be filled in.
 */
export function submitBlocker(spec: FormSpec, values: FormValues, problems: Readonly<Record<string, string | undefined>>, t: Translate = english): SubmitBlocker | undefined {
  for (const field of spec.fields) {
    const problem = problems[field.key];
    if (!problem) continue;
    const empty = (values[field.key] ?? '').trim() === '';
    const text = empty && !field.optional ? t('Fill in "{0}" to continue.', field.label) : t('Fix "{0}" to continue: {1}', field.label, problem);
    return { key: field.key, label: field.label, text };
  }
  return undefined;
}
