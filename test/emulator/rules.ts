// Server-side input rules of Direct Mail (reference §4), enforced independently of any client-side checks.
import { createHash } from 'node:crypto';

export const DOMAIN_NAME = /^(?=.{1,50}$)(?!-)[a-z0-9-]+(?:\.[a-z0-9-]+)+$/i;
/** Local part: digits, letters, `_`, `-`, `+`, `.` (EmailFormatError); overall ≤ 192 chars. */
export const EMAIL = /^[A-Za-z0-9._+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+$/;
export const isEmail = (value: string): boolean => value.length <= 192 && EMAIL.test(value);
export const TAG_NAME = /^[A-Za-z0-9_-]{1,128}$/;
const DKIM_SELECTOR_FORBIDDEN = /[_:;/!*~.@#$%^&()+=[{\]}\\|?<>,"\s]/;

export function isDkimSelector(value: string): boolean {
  return value.length <= 60 && !value.startsWith('-') && !value.endsWith('-') && !DKIM_SELECTOR_FORBIDDEN.test(value);
}

/**
 * SMTP password rule: 10–20 letters and digits with at least 2 digits, 2 upper-case and 2 lower-case letters,
 * and no class made of one repeated character.
 */
export function isStrongSmtpPassword(value: string): boolean {
  if (!/^[A-Za-z0-9]{10,20}$/.test(value)) return false;
  const classes = [value.match(/[0-9]/g) ?? [], value.match(/[A-Z]/g) ?? [], value.match(/[a-z]/g) ?? []];
  return classes.every((chars) => chars.length >= 2 && new Set(chars).size > 1);
}

export const passwordHash = (password: string): string => createHash('sha256').update(password).digest('hex');
