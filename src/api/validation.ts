// Rules for every value a user types, taken from the Direct Mail reference. Each rule is a plain function
// returning "what is wrong and how to fix it" (or undefined), wrapped once in a zod/mini schema so forms and the
// client share exactly the same checks. Schemas are built once at load time (no per-request compilation).
// The words go through a translator with vscode.l10n.t's shape (English by default, for the client's errors and
// logs): every sentence is one literal template, and a field's name is a translated noun passed into it, so a
// language without articles or capitals words it its own way.
import * as z from 'zod/mini';
import { english, type Translate } from '../shared/translate';

export type FieldName =
  | 'domainName' | 'dkimSelector' | 'emailAddress' | 'accountName' | 'replyAddress' | 'sendType' | 'smtpPassword'
  | 'tagName' | 'tagDescription' | 'recipientListName' | 'recipientListAlias' | 'recipientListDescription' | 'pageSize' | 'keyword'
  | 'profileName' | 'accessKeyId' | 'subject' | 'senderName' | 'replyToName' | 'mailBody' | 'headerName' | 'headerValue' | 'recipientDetail' | 'templateVariable' | 'templateValue';

type Rule = (value: string, t: Translate) => string | undefined;
/** A field's name as one sentence needs it ("A tag name", "the domain name"), in the words of `t`. */
type Noun = (t: Translate) => string;

const MAX_DOMAIN = 50;
const MAX_EMAIL = 192;
/** RFC 1035: one label of a host name. */
const MAX_LABEL = 63;
/** RFC 5321: the part of an address before "@". */
const MAX_LOCAL_PART = 64;
export const MAX_PAGE_SIZE = 100;
/** SingleSendMail: "fewer than 15 characters" for FromAlias and ReplyAddressAlias. */
export const MAX_SENDER_NAME = 14;
export const MAX_SUBJECT = 256;
/** The service accepts mail bodies of about 8 MB in a form body (reference §1); counted in UTF-8 bytes. */
export const MAX_MAIL_BODY_BYTES = 8_000_000;
/** RFC 5322 limits a header line to 998 characters. */
export const MAX_HEADER_VALUE = 998;
/** The service honours up to 10 custom headers per mail. */
export const MAX_HEADERS = 10;
/** SaveReceiverDetail detail values (user name, nickname, gender, birthday, mobile). */
export const MAX_RECIPIENT_DETAIL = 100;

/**
 * Characters that change how a name looks without being seen: bidirectional embeddings, overrides and isolates
 * (U+202A–202E, U+2066–2069) can show "gpj.exe" as "exe.jpg", and zero-width characters (U+200B–200D, U+2060,
 * U+FEFF) make two different names look the same. Names that hold one are refused, with the character named.
 */
const INVISIBLE: Readonly<Record<number, Noun>> = {
  0x200b: (t) => t('a zero-width space (U+200B)'), 0x200c: (t) => t('a zero-width non-joiner (U+200C)'),
  0x200d: (t) => t('a zero-width joiner (U+200D)'), 0x2060: (t) => t('a word joiner (U+2060)'),
  0xfeff: (t) => t('a zero-width no-break space (U+FEFF)'), 0x202a: (t) => t('a left-to-right embedding (U+202A)'),
  0x202b: (t) => t('a right-to-left embedding (U+202B)'), 0x202c: (t) => t('a pop directional formatting (U+202C)'),
  0x202d: (t) => t('a left-to-right override (U+202D)'), 0x202e: (t) => t('a right-to-left override (U+202E)'),
  0x2066: (t) => t('a left-to-right isolate (U+2066)'), 0x2067: (t) => t('a right-to-left isolate (U+2067)'),
  0x2068: (t) => t('a first strong isolate (U+2068)'), 0x2069: (t) => t('a pop directional isolate (U+2069)'),
};

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first invisible character of a name, described ("a right-to-left override (U+202E)"), or undefined. */
export function invisibleCharIn(value: string, t: Translate = english): string | undefined {
  for (const ch of value) {
    const name = INVISIBLE[ch.codePointAt(0)!];
    if (name) return name(t);
  }
  return undefined;
}

function misleadingProblem(label: Noun, value: string, t: Translate): string | undefined {
  const found = invisibleCharIn(value, t);
  return found ? t('{0} contains {1}, an invisible character that can make it look like another name; remove it (type the name instead of pasting it).', label(t), found) : undefined;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;

/** How a character is shown in a message: quoted when visible, described when it is a space, break or control. */
function describeChar(ch: string, t: Translate): string {
  if (ch === ' ') return t('a space');
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') return t('a line break ({0})', codePoint(ch));
  if (ch === '\t') return t('a tab');
  if (ch === '\0') return t('a NUL character (U+0000)');
  const invisible = INVISIBLE[ch.codePointAt(0)!];
  if (invisible) return invisible(t);
  if (CONTROL.test(ch) || /\s/.test(ch)) return t('the control character {0}', codePoint(ch));
  return t('"{0}"', ch);
}

/** The first character outside `allowed`, described so a stray space, line break or invisible character shows. */
function firstBadChar(value: string, allowed: RegExp, t: Translate): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return describeChar(ch, t);
  return undefined;
}

function tooLong(label: Noun, value: string, max: number, t: Translate): string | undefined {
  return value.length > max ? t('{0} can have at most {1} characters (now {2}); shorten it.', label(t), max, value.length) : undefined;
}

/** Host name rules shared by domain names and the domain part of addresses. */
function hostProblem(host: string, name: { start: Noun; part: Noun }, t: Translate): string | undefined {
  const bad = firstBadChar(host, /[A-Za-z0-9.-]/, t);
  if (bad) return t('{0} may contain only letters, digits, "." and "-"; remove {1}.', name.start(t), bad);
  if (!host.includes('.')) return t('{0} needs a dot, like example.com or mail.example.com.', name.start(t));
  const labels = host.split('.');
  if (labels.some((l) => l === '')) return t('{0} has an empty part (two dots in a row, or a dot at the start or end); remove the extra dot.', name.start(t));
  const long = labels.find((l) => l.length > MAX_LABEL);
  if (long) return t('A part of {0} between dots can have at most {1} characters (now {2}); shorten it.', name.part(t), MAX_LABEL, long.length);
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) return t('A part of {0} starts or ends with "-"; move or remove the hyphen.', name.part(t));
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return t('{0} must end with a top-level domain such as .com, not a number.', name.start(t));
  return undefined;
}

const DOMAIN_NAME = { start: (t: Translate) => t('A domain name'), part: (t: Translate) => t('the domain name') };
const domainName: Rule = (v, t) =>
  misleadingProblem((t) => t('The domain name'), v, t) ??
  (v === '' ? t('Enter a domain name.') : tooLong(DOMAIN_NAME.start, v, MAX_DOMAIN, t) ?? hostProblem(v, DOMAIN_NAME, t));

const DKIM_FORBIDDEN = /[_ :;/!*~.@#$%^&()+=[{\]}\\|?<>,"]/;
const dkimSelector: Rule = (v, t) => {
  if (v === '') return undefined; // optional: the service picks one
  const long = tooLong((t) => t('A DKIM selector'), v, 60, t);
  if (long) return long;
  const forbidden = DKIM_FORBIDDEN.exec(v)?.[0];
  const bad = firstBadChar(v, /[\x21-\x7e]/, t) ?? (forbidden === undefined ? undefined : t('"{0}"', forbidden));
  if (bad) return t('A DKIM selector may use letters, digits and "-" but not {0}; remove it, or leave the selector empty to let Direct Mail choose.', bad);
  if (v.startsWith('-') || v.endsWith('-')) return t('A DKIM selector must not start or end with "-".');
  return undefined;
};

const DOMAIN_AFTER_AT = { start: (t: Translate) => t('The domain after "@"'), part: (t: Translate) => t('the domain after "@"') };

/** A typed address (not empty: each field asks for it in its own words). */
function emailProblem(v: string, label: Noun, t: Translate): string | undefined {
  const misleading = misleadingProblem(label, v, t) ?? singleLineProblem(label, v, t);
  if (misleading) return misleading;
  if (v.length > MAX_EMAIL) return t('{0} can have at most {1} characters (now {2}).', label(t), MAX_EMAIL, v.length);
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1 || v.indexOf('@') !== at) return t('{0} must look like name@example.com (one "@" with text on both sides).', label(t));
  const local = v.slice(0, at);
  if (local.length > MAX_LOCAL_PART) return t('The part before "@" can have at most {0} characters (now {1}); shorten it.', MAX_LOCAL_PART, local.length);
  const bad = firstBadChar(local, /[A-Za-z0-9_+.-]/, t);
  if (bad) return t('The part before "@" may contain only letters, digits, "_", "-", "+" and "."; remove {0}.', bad);
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return t('The part before "@" must not start or end with "." or contain "..".');
  return hostProblem(v.slice(at + 1), DOMAIN_AFTER_AT, t);
}

const emailAddress: Rule = (v, t) => (v === '' ? t('Enter an email address.') : emailProblem(v, (t) => t('An email address'), t));
const accountName: Rule = (v, t) => (v === '' ? t('Enter the sender address.') : emailProblem(v, (t) => t('The sender address'), t));
const replyAddress: Rule = (v, t) => (v === '' ? undefined : emailProblem(v, (t) => t('The reply-to address'), t));

const sendType: Rule = (v, t) => (v === 'batch' || v === 'trigger' ? undefined : t('Choose a send type: "trigger" (transactional mail) or "batch" (bulk or marketing mail).'));

function repeatedClass(chars: string[]): boolean {
  return chars.length > 0 && chars.every((c) => c === chars[0]);
}

const smtpPassword: Rule = (v, t) => {
  if (v === '') return t('Enter an SMTP password: 10 to 20 letters and digits, with at least two digits, two upper-case and two lower-case letters.');
  if (v.length < 10 || v.length > 20) return t('The SMTP password must be 10 to 20 characters long (now {0}).', v.length);
  const bad = firstBadChar(v, /[A-Za-z0-9]/, t);
  if (bad) return t('The SMTP password may contain only letters and digits; remove {0}.', bad);
  const digits = v.match(/[0-9]/g) ?? [];
  const upper = v.match(/[A-Z]/g) ?? [];
  const lower = v.match(/[a-z]/g) ?? [];
  const missing = [
    digits.length < 2 && t('two digits'), upper.length < 2 && t('two upper-case letters'), lower.length < 2 && t('two lower-case letters'),
  ].filter((m): m is string => typeof m === 'string');
  if (missing.length) {
    return t('The SMTP password needs at least two digits, two upper-case and two lower-case letters; add {0}.', missing.reduce((a, b) => t('{0} and {1}', a, b)));
  }
  if (repeatedClass(digits) || repeatedClass(upper) || repeatedClass(lower)) return t('The SMTP password must not repeat one character for all its digits, upper-case or lower-case letters (e.g. not "11" or "AA"); vary them.');
  return undefined;
};

const tagName: Rule = (v, t) => {
  const misleading = misleadingProblem((t) => t('The tag name'), v, t);
  if (misleading) return misleading;
  if (v === '') return t('Enter a tag name.');
  const len = tooLong((t) => t('A tag name'), v, 128, t);
  if (len) return len;
  const bad = firstBadChar(v, /[A-Za-z0-9_-]/, t);
  return bad ? t('A tag name may contain only letters, digits, "_" and "-"; remove {0}.', bad) : undefined;
};

/** One line of text: no line breaks, tabs, NUL or other control characters (they could start a new header line). */
function singleLineProblem(label: Noun, v: string, t: Translate): string | undefined {
  const ch = [...v].find((c) => CONTROL.test(c));
  return ch === undefined ? undefined : t('{0} must be a single line without control characters; remove {1}.', label(t), describeChar(ch, t));
}

function freeText(label: Noun, max: number): Rule {
  return (v, t) => tooLong(label, v, max, t) ?? singleLineProblem(label, v, t);
}

/** A free-text name: single line, and no invisible characters that make it look like another. */
function freeName(label: Noun, max: number): Rule {
  const text = freeText(label, max);
  return (v, t) => misleadingProblem(label, v, t) ?? text(v, t);
}

const tagDescription = freeText((t) => t('A tag description'), 255);
const recipientListDescription = freeText((t) => t('A list description'), 255);

const listName = freeName((t) => t('The list name'), 30);
const recipientListName: Rule = (v, t) => (v.trim() === '' ? t('Enter a list name.') : tooLong((t) => t('A list name'), v, 30, t) ?? listName(v, t));

const recipientListAlias: Rule = (v, t) => {
  if (v === '') return t('Enter a list alias (an address such as news-list@example.com).');
  if (v.length >= 30) return t('A list alias must be shorter than 30 characters (now {0}).', v.length);
  return emailProblem(v, (t) => t('A list alias'), t);
};

const pageSize: Rule = (v, t) => {
  if (!/^[0-9]+$/.test(v.trim())) return t('The page size must be a whole number from 1 to {0}.', MAX_PAGE_SIZE);
  const n = Number(v);
  return n >= 1 && n <= MAX_PAGE_SIZE ? undefined : t('The page size must be from 1 to {0} (now {1}).', MAX_PAGE_SIZE, n);
};

const keyword = freeText((t) => t('A search keyword'), 50);

const profileName: Rule = (v, t) => {
  const misleading = misleadingProblem((t) => t('The profile name'), v, t);
  if (misleading) return misleading;
  if (v.trim() === '') return t('Enter a profile name, for example "work" or "production".');
  if (v.length > 64) return t('A profile name can have at most {0} characters (now {1}).', 64, v.length);
  const bad = firstBadChar(v, /[A-Za-z0-9 _.@-]/, t);
  if (bad) return t('A profile name may contain only letters, digits, spaces, "_", ".", "@" and "-"; remove {0}.', bad);
  if (v !== v.trim()) return t('A profile name must not start or end with a space.');
  return undefined;
};

const accessKeyId: Rule = (v, t) => {
  if (v === '') return t('Enter the AccessKey ID (it usually starts with LTAI).');
  if (v !== v.trim()) return t('The AccessKey ID has a leading or trailing space; remove it.');
  if (!/^(STS\.)?[A-Za-z0-9]+$/.test(v)) {
    const bad = firstBadChar(v.replace(/^STS\./, ''), /[A-Za-z0-9]/, t) ?? t('the extra characters');
    return t('The AccessKey ID may contain only letters and digits (temporary keys start with "STS."); remove {0}.', bad);
  }
  if (v.length < 12 || v.length > 64) return t('An AccessKey ID has 12 to 64 characters (this one has {0}); check that you copied the ID, not the secret.', v.length);
  return undefined;
};

const subject: Rule = (v, t) => {
  if (v.trim() === '') return t('Enter a subject.');
  if (v.length > MAX_SUBJECT) return t('The subject can have at most {0} characters (now {1}); shorten it.', MAX_SUBJECT, v.length);
  return singleLineProblem((t) => t('The subject'), v, t);
};

/** FromAlias and ReplyAddressAlias: the display name beside an address. */
function displayName(label: Noun): Rule {
  const rule = freeName(label, MAX_SENDER_NAME);
  return (v, t) => (v.length > MAX_SENDER_NAME ? t('{0} must be shorter than {1} characters (now {2}); shorten it.', label(t), MAX_SENDER_NAME + 1, v.length) : rule(v, t));
}
const senderName = displayName((t) => t('The sender name'));
const replyToName = displayName((t) => t('The reply-to name'));

/** UTF-8 length without allocating (this module also runs in the webviews, where there is no Buffer). */
function utf8Bytes(v: string): number {
  let bytes = 0;
  for (let i = 0; i < v.length; i++) {
    const c = v.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < v.length) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}
const mailBody: Rule = (v, t) => {
  if (v === '') return t('Enter a message body (HTML or plain text).');
  const bytes = utf8Bytes(v);
  if (bytes > MAX_MAIL_BODY_BYTES) return t('The message body can have at most {0} MB (now {1} MB); shorten it.', MAX_MAIL_BODY_BYTES / 1_000_000, (bytes / 1_000_000).toFixed(1));
  if (v.includes('\0')) return t('The message body contains a NUL character (U+0000); remove it.');
  return undefined;
};

/** RFC 5322 field-name: printable ASCII without ":" (so a name cannot smuggle a second header). */
const headerName: Rule = (v, t) => {
  if (v === '') return t('Enter a header name, such as X-User-Campaign.');
  const long = tooLong((t) => t('A header name'), v, 76, t);
  if (long) return long;
  const bad = firstBadChar(v, /[\x21-\x39\x3b-\x7e]/, t);
  return bad ? t('A header name may contain only printable ASCII characters without ":"; remove {0}.', bad) : undefined;
};

const headerValue = freeText((t) => t('A header value'), MAX_HEADER_VALUE);

const recipientDetail = freeText((t) => t('A recipient detail (user name, nickname, gender, birthday or mobile)'), MAX_RECIPIENT_DETAIL);

/** A template variable of a recipient (SaveReceiverDetail CustomDetail): a name a template refers to, and its value. */
const templateVariableName = freeName((t) => t('A template variable name'), 64);
const templateVariable: Rule = (v, t) => (v.trim() === '' ? t('Enter a template variable name.') : templateVariableName(v, t));
const templateValue = freeText((t) => t('A template variable value'), 1000);

const RULES: Readonly<Record<FieldName, Rule>> = {
  domainName, dkimSelector, emailAddress, accountName, replyAddress, sendType, smtpPassword, tagName, tagDescription,
  recipientListName, recipientListAlias, recipientListDescription, pageSize, keyword, profileName, accessKeyId,
  subject, senderName, replyToName, mailBody, headerName, headerValue, recipientDetail, templateVariable, templateValue,
};

export const FIELD_NAMES = Object.keys(RULES) as FieldName[];

/**
 * The message for an invalid value ("what is wrong and how to fix it"), or undefined when it is fine. `t` words
 * it: the extension passes vscode.l10n.t and the pages their translator; the client keeps the English default.
 */
export function checkField(name: FieldName, value: string, t: Translate = english): string | undefined {
  return RULES[name](value, t);
}

function schemaOf(rule: Rule) {
  return z.string().check(z.superRefine((value, ctx) => {
    const message = rule(value, english);
    if (message) ctx.issues.push({ code: 'custom', message, input: value });
  }));
}

/** zod/mini schemas for every user-typed field (same rules as checkField, in English). */
export const fieldSchemas: { readonly [K in FieldName]: z.ZodMiniString<string> } =
  Object.fromEntries(FIELD_NAMES.map((n) => [n, schemaOf(RULES[n])])) as { [K in FieldName]: z.ZodMiniString<string> };

// ---- rules for values that are not typed by the user but passed to the client (IDs from listings)

const capital = (s: string): string => s.replace(/^./, (c) => c.toUpperCase());

/** Numeric ID (domain, sender address, tag). */
export function idProblem(label: string, value: string): string | undefined {
  return /^[0-9]{1,19}$/.test(value) ? undefined : `${capital(label)} must be a number; got "${value.slice(0, 40)}".`;
}

/**
 * Opaque string ID (recipient list, cursor, ticket). A ticket is also pasted by the user, so `t` words the message
 * (the label comes in the words of `t` too; it is capitalised for the start of the sentence).
 */
export function tokenProblem(label: string, value: string, t: Translate = english): string | undefined {
  if (value === '') return t('{0} is missing.', capital(label));
  return /^[\x21-\x7e]{1,512}$/.test(value) ? undefined : t('{0} contains characters it cannot have.', capital(label));
}
