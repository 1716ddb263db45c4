// Rules for every value a user types, taken from the Direct Mail reference. Each rule is a plain function
// returning "what is wrong and how to fix it" (or undefined), wrapped once in a zod/mini schema so forms and the
// client share exactly the same checks. Schemas are built once at load time (no per-request compilation).
import * as z from 'zod/mini';

export type FieldName =
  | 'domainName' | 'dkimSelector' | 'emailAddress' | 'accountName' | 'replyAddress' | 'sendType' | 'smtpPassword'
  | 'tagName' | 'tagDescription' | 'recipientListName' | 'recipientListAlias' | 'recipientListDescription' | 'pageSize' | 'keyword'
  | 'profileName' | 'accessKeyId' | 'subject' | 'senderName' | 'replyToName' | 'mailBody' | 'headerName' | 'headerValue' | 'recipientDetail' | 'templateVariable' | 'templateValue';

type Rule = (value: string) => string | undefined;

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
const INVISIBLE: Readonly<Record<number, string>> = {
  0x200b: 'a zero-width space', 0x200c: 'a zero-width non-joiner', 0x200d: 'a zero-width joiner', 0x2060: 'a word joiner',
  0xfeff: 'a zero-width no-break space', 0x202a: 'a left-to-right embedding', 0x202b: 'a right-to-left embedding',
  0x202c: 'a pop directional formatting', 0x202d: 'a left-to-right override', 0x202e: 'a right-to-left override',
  0x2066: 'a left-to-right isolate', 0x2067: 'a right-to-left isolate', 0x2068: 'a first strong isolate', 0x2069: 'a pop directional isolate',
};

const codePoint = (ch: string): string => `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

/** The first invisible character of a name, described ("a right-to-left override (U+202E)"), or undefined. */
export function invisibleCharIn(value: string): string | undefined {
  for (const ch of value) {
    const name = INVISIBLE[ch.codePointAt(0)!];
    if (name) return `${name} (${codePoint(ch)})`;
  }
  return undefined;
}

function misleadingProblem(label: string, value: string): string | undefined {
  const found = invisibleCharIn(value);
  return found ? `${capital(label)} contains ${found}, an invisible character that can make it look like another name; remove it (type the name instead of pasting it).` : undefined;
}

// eslint-disable-next-line no-control-regex
const CONTROL = /[\x00-\x1f\x7f-\x9f\u2028\u2029]/;

/** How a character is shown in a message: quoted when visible, described when it is a space, break or control. */
function describeChar(ch: string): string {
  if (ch === ' ') return 'a space';
  if (ch === '\n' || ch === '\r' || ch === '\u2028' || ch === '\u2029') return `a line break (${codePoint(ch)})`;
  if (ch === '\t') return 'a tab';
  if (ch === '\0') return 'a NUL character (U+0000)';
  const invisible = INVISIBLE[ch.codePointAt(0)!];
  if (invisible) return `${invisible} (${codePoint(ch)})`;
  if (CONTROL.test(ch) || /\s/.test(ch)) return `the control character ${codePoint(ch)}`;
  return `"${ch}"`;
}

/** The first character outside `allowed`, described so a stray space, line break or invisible character shows. */
function firstBadChar(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) if (!allowed.test(ch)) return describeChar(ch);
  return undefined;
}

function lengthProblem(label: string, value: string, min: number, max: number): string | undefined {
  if (value.length < min) return min === 1 ? `Enter ${label}.` : `${capital(label)} needs at least ${min} characters (now ${value.length}).`;
  if (value.length > max) return `${capital(label)} can have at most ${max} characters (now ${value.length}); shorten it.`;
  return undefined;
}

const capital = (s: string): string => s.replace(/^./, (c) => c.toUpperCase());

/** Host name rules shared by domain names and the domain part of addresses. */
function hostProblem(host: string, label: string): string | undefined {
  const bad = firstBadChar(host, /[A-Za-z0-9.-]/);
  if (bad) return `${capital(label)} may contain only letters, digits, "." and "-"; remove ${bad}.`;
  if (!host.includes('.')) return `${capital(label)} needs a dot, like example.com or mail.example.com.`;
  const labels = host.split('.');
  if (labels.some((l) => l === '')) return `${capital(label)} has an empty part (two dots in a row, or a dot at the start or end); remove the extra dot.`;
  const long = labels.find((l) => l.length > MAX_LABEL);
  if (long) return `A part of ${label.replace(/^(a |an )/, 'the ')} between dots can have at most ${MAX_LABEL} characters (now ${long.length}); shorten it.`;
  if (labels.some((l) => l.startsWith('-') || l.endsWith('-'))) return `A part of ${label.replace(/^(a |an )/, 'the ')} starts or ends with "-"; move or remove the hyphen.`;
  if (/^[0-9]+$/.test(labels[labels.length - 1])) return `${capital(label)} must end with a top-level domain such as .com, not a number.`;
  return undefined;
}

const domainName: Rule = (v) => misleadingProblem('the domain name', v) ?? lengthProblem('a domain name', v, 1, MAX_DOMAIN) ?? hostProblem(v, 'a domain name');

const DKIM_FORBIDDEN = /[_ :;/!*~.@#$%^&()+=[{\]}\\|?<>,"]/;
const dkimSelector: Rule = (v) => {
  if (v === '') return undefined; // optional: the service picks one
  if (v.length > 60) return `A DKIM selector can have at most 60 characters (now ${v.length}); shorten it.`;
  const forbidden = DKIM_FORBIDDEN.exec(v)?.[0];
  const bad = firstBadChar(v, /[\x21-\x7e]/) ?? (forbidden === undefined ? undefined : `"${forbidden}"`);
  if (bad) return `A DKIM selector may use letters, digits and "-" but not ${bad}; remove it, or leave the selector empty to let Direct Mail choose.`;
  if (v.startsWith('-') || v.endsWith('-')) return 'A DKIM selector must not start or end with "-".';
  return undefined;
};

function emailProblem(v: string, label: string): string | undefined {
  if (v === '') return `Enter ${label}.`;
  const misleading = misleadingProblem(label, v) ?? singleLineProblem(label, v);
  if (misleading) return misleading;
  if (v.length > MAX_EMAIL) return `${capital(label)} can have at most ${MAX_EMAIL} characters (now ${v.length}).`;
  const at = v.lastIndexOf('@');
  if (at <= 0 || at === v.length - 1 || v.indexOf('@') !== at) return `${capital(label)} must look like name@example.com (one "@" with text on both sides).`;
  const local = v.slice(0, at);
  if (local.length > MAX_LOCAL_PART) return `The part before "@" can have at most ${MAX_LOCAL_PART} characters (now ${local.length}); shorten it.`;
  const bad = firstBadChar(local, /[A-Za-z0-9_+.-]/);
  if (bad) return `The part before "@" may contain only letters, digits, "_", "-", "+" and "."; remove ${bad}.`;
  if (local.startsWith('.') || local.endsWith('.') || local.includes('..')) return 'The part before "@" must not start or end with "." or contain "..".';
  return hostProblem(v.slice(at + 1), 'the domain after "@"');
}

const emailAddress: Rule = (v) => emailProblem(v, 'an email address');
const accountName: Rule = (v) => emailProblem(v, 'the sender address');
const replyAddress: Rule = (v) => (v === '' ? undefined : emailProblem(v, 'the reply-to address'));

const sendType: Rule = (v) => (v === 'batch' || v === 'trigger' ? undefined : 'Choose a send type: "trigger" (transactional mail) or "batch" (bulk or marketing mail).');

function repeatedClass(chars: string[]): boolean {
  return chars.length > 0 && chars.every((c) => c === chars[0]);
}

const smtpPassword: Rule = (v) => {
  if (v === '') return 'Enter an SMTP password: 10 to 20 letters and digits, with at least two digits, two upper-case and two lower-case letters.';
  if (v.length < 10 || v.length > 20) return `The SMTP password must be 10 to 20 characters long (now ${v.length}).`;
  const bad = firstBadChar(v, /[A-Za-z0-9]/);
  if (bad) return `The SMTP password may contain only letters and digits; remove ${bad}.`;
  const digits = v.match(/[0-9]/g) ?? [];
  const upper = v.match(/[A-Z]/g) ?? [];
  const lower = v.match(/[a-z]/g) ?? [];
  const missing = [digits.length < 2 && 'two digits', upper.length < 2 && 'two upper-case letters', lower.length < 2 && 'two lower-case letters'].filter(Boolean);
  if (missing.length) return `The SMTP password needs at least two digits, two upper-case and two lower-case letters; add ${missing.join(' and ')}.`;
  if (repeatedClass(digits) || repeatedClass(upper) || repeatedClass(lower)) return 'The SMTP password must not repeat one character for all its digits, upper-case or lower-case letters (e.g. not "11" or "AA"); vary them.';
  return undefined;
};

const tagName: Rule = (v) => {
  const misleading = misleadingProblem('the tag name', v);
  if (misleading) return misleading;
  const len = lengthProblem('a tag name', v, 1, 128);
  if (len) return len;
  const bad = firstBadChar(v, /[A-Za-z0-9_-]/);
  return bad ? `A tag name may contain only letters, digits, "_" and "-"; remove ${bad}.` : undefined;
};

/** One line of text: no line breaks, tabs, NUL or other control characters (they could start a new header line). */
function singleLineProblem(label: string, v: string): string | undefined {
  const ch = [...v].find((c) => CONTROL.test(c));
  return ch === undefined ? undefined : `${capital(label)} must be a single line without control characters; remove ${describeChar(ch)}.`;
}

function freeText(label: string, max: number): Rule {
  return (v) => {
    if (v.length > max) return `${capital(label)} can have at most ${max} characters (now ${v.length}); shorten it.`;
    return singleLineProblem(label, v);
  };
}

/** A free-text name: single line, and no invisible characters that make it look like another. */
function freeName(label: string, max: number): Rule {
  const text = freeText(label, max);
  return (v) => misleadingProblem(label, v) ?? text(v);
}

const tagDescription = freeText('a tag description', 255);
const recipientListDescription = freeText('a list description', 255);

const listName = freeName('the list name', 30);
const recipientListName: Rule = (v) => lengthProblem('a list name', v.trim() === '' ? '' : v, 1, 30) ?? listName(v);

const recipientListAlias: Rule = (v) => {
  if (v === '') return 'Enter a list alias (an address such as news-list@example.com).';
  if (v.length >= 30) return `A list alias must be shorter than 30 characters (now ${v.length}).`;
  return emailProblem(v, 'a list alias');
};

const pageSize: Rule = (v) => {
  if (!/^[0-9]+$/.test(v.trim())) return `The page size must be a whole number from 1 to ${MAX_PAGE_SIZE}.`;
  const n = Number(v);
  return n >= 1 && n <= MAX_PAGE_SIZE ? undefined : `The page size must be from 1 to ${MAX_PAGE_SIZE} (now ${n}).`;
};

const keyword = freeText('a search keyword', 50);

const profileName: Rule = (v) => {
  const misleading = misleadingProblem('the profile name', v);
  if (misleading) return misleading;
  if (v.trim() === '') return 'Enter a profile name, for example "work" or "production".';
  if (v.length > 64) return `A profile name can have at most 64 characters (now ${v.length}).`;
  const bad = firstBadChar(v, /[A-Za-z0-9 _.@-]/);
  if (bad) return `A profile name may contain only letters, digits, spaces, "_", ".", "@" and "-"; remove ${bad}.`;
  if (v !== v.trim()) return 'A profile name must not start or end with a space.';
  return undefined;
};

const accessKeyId: Rule = (v) => {
  if (v === '') return 'Enter the AccessKey ID (it usually starts with LTAI).';
  if (v !== v.trim()) return 'The AccessKey ID has a leading or trailing space; remove it.';
  if (!/^(STS\.)?[A-Za-z0-9]+$/.test(v)) return `The AccessKey ID may contain only letters and digits (temporary keys start with "STS."); remove ${firstBadChar(v.replace(/^STS\./, ''), /[A-Za-z0-9]/) ?? 'the extra characters'}.`;
  if (v.length < 12 || v.length > 64) return `An AccessKey ID has 12 to 64 characters (this one has ${v.length}); check that you copied the ID, not the secret.`;
  return undefined;
};

const subject: Rule = (v) => {
  if (v.trim() === '') return 'Enter a subject.';
  if (v.length > MAX_SUBJECT) return `The subject can have at most ${MAX_SUBJECT} characters (now ${v.length}); shorten it.`;
  return singleLineProblem('the subject', v);
};

/** FromAlias and ReplyAddressAlias: the display name beside an address. */
function displayName(label: string): Rule {
  const rule = freeName(label, MAX_SENDER_NAME);
  return (v) => (v.length > MAX_SENDER_NAME ? `${capital(label)} must be shorter than ${MAX_SENDER_NAME + 1} characters (now ${v.length}); shorten it.` : rule(v));
}
const senderName = displayName('the sender name');
const replyToName = displayName('the reply-to name');

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
const mailBody: Rule = (v) => {
  if (v === '') return 'Enter a message body (HTML or plain text).';
  const bytes = utf8Bytes(v);
  if (bytes > MAX_MAIL_BODY_BYTES) return `The message body can have at most ${MAX_MAIL_BODY_BYTES / 1_000_000} MB (now ${(bytes / 1_000_000).toFixed(1)} MB); shorten it.`;
  if (v.includes('\0')) return 'The message body contains a NUL character (U+0000); remove it.';
  return undefined;
};

/** RFC 5322 field-name: printable ASCII without ":" (so a name cannot smuggle a second header). */
const headerName: Rule = (v) => {
  if (v === '') return 'Enter a header name, such as X-User-Campaign.';
  if (v.length > 76) return `A header name can have at most 76 characters (now ${v.length}); shorten it.`;
  const bad = firstBadChar(v, /[\x21-\x39\x3b-\x7e]/);
  return bad ? `A header name may contain only printable ASCII characters without ":"; remove ${bad}.` : undefined;
};

const headerValue: Rule = (v) => {
  if (v.length > MAX_HEADER_VALUE) return `A header value can have at most ${MAX_HEADER_VALUE} characters (now ${v.length}); shorten it.`;
  return singleLineProblem('a header value', v);
};

const recipientDetail = freeText('a recipient detail (user name, nickname, gender, birthday or mobile)', MAX_RECIPIENT_DETAIL);

/** A template variable of a recipient (SaveReceiverDetail CustomDetail): a name a template refers to, and its value. */
const templateVariableName = freeName('a template variable name', 64);
const templateVariable: Rule = (v) => (v.trim() === '' ? 'Enter a template variable name.' : templateVariableName(v));
const templateValue = freeText('a template variable value', 1000);

const RULES: Readonly<Record<FieldName, Rule>> = {
  domainName, dkimSelector, emailAddress, accountName, replyAddress, sendType, smtpPassword, tagName, tagDescription,
  recipientListName, recipientListAlias, recipientListDescription, pageSize, keyword, profileName, accessKeyId,
  subject, senderName, replyToName, mailBody, headerName, headerValue, recipientDetail, templateVariable, templateValue,
};

export const FIELD_NAMES = Object.keys(RULES) as FieldName[];

/** The message for an invalid value ("what is wrong and how to fix it"), or undefined when it is fine. */
export function checkField(name: FieldName, value: string): string | undefined {
  return RULES[name](value);
}

function schemaOf(rule: Rule) {
  return z.string().check(z.superRefine((value, ctx) => {
    const message = rule(value);
    if (message) ctx.issues.push({ code: 'custom', message, input: value });
  }));
}

/** zod/mini schemas for every user-typed field (same rules as checkField). */
export const fieldSchemas: { readonly [K in FieldName]: z.ZodMiniString<string> } =
  Object.fromEntries(FIELD_NAMES.map((n) => [n, schemaOf(RULES[n])])) as { [K in FieldName]: z.ZodMiniString<string> };

// ---- rules for values that are not typed by the user but passed to the client (IDs from listings)

/** Numeric ID (domain, sender address, tag). */
export function idProblem(label: string, value: string): string | undefined {
  return /^[0-9]{1,19}$/.test(value) ? undefined : `${capital(label)} must be a number; got "${value.slice(0, 40)}".`;
}

/** Opaque string ID (recipient list, cursor, ticket). */
export function tokenProblem(label: string, value: string): string | undefined {
  if (value === '') return `${capital(label)} is missing.`;
  return /^[\x21-\x7e]{1,512}$/.test(value) ? undefined : `${capital(label)} contains characters it cannot have.`;
}
