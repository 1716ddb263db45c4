// Keeps secrets (the AccessKey secret, the STS token, SMTP passwords) out of every text the client produces from
// what a service sent back. A service or proxy may echo a request in several spellings: as sent (percent-encoded
// the RFC 3986 way the signer does, or form-encoded with "+" for a space), encoded a second time when the echo was
// itself put into a URL, JSON-escaped, or base64-encoded. Every such spelling is replaced.

const MASK = '***';
/** Shorter values are not masked: they would cut ordinary words out of messages and protect nothing. */
const MIN_SECRET_LENGTH = 4;

/** RFC 3986 unreserved characters kept, everything else %XX (what the request signer sends). */
const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
/** application/x-www-form-urlencoded: "+" for a space, `*-._` kept (URLSearchParams, HTML forms). */
const form = (s: string): string => new URLSearchParams([['', s]]).toString().slice(1);
const ENCODERS: readonly ((s: string) => string)[] = [rfc3986, encodeURIComponent, form];

function base64(s: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(s)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/** Every spelling of one secret that the redaction looks for (the plain value first). */
export function secretSpellings(secret: string): string[] {
  const spellings = new Set<string>([secret, JSON.stringify(secret).slice(1, -1)]);
  for (const once of ENCODERS) {
    const first = once(secret);
    spellings.add(first);
    for (const twice of ENCODERS) spellings.add(twice(first));
  }
  const b64 = base64(secret);
  spellings.add(b64).add(b64.replace(/=+$/, '')).add(b64.replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_'));
  return [...spellings];
}

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * Replaces every occurrence of the given secrets (ignoring empty and very short ones), in any of the spellings of
 * secretSpellings, with "***". Percent escapes match in either case (%2f and %2F); so do the letters of the secret,
 * which at worst masks a little more than needed.
 */
export function redact(text: string, secrets: readonly (string | undefined)[]): string {
  const spellings = new Set<string>();
  for (const s of secrets) if (s && s.length >= MIN_SECRET_LENGTH) for (const spelling of secretSpellings(s)) spellings.add(spelling);
  if (spellings.size === 0) return text;
  // Longest first, so a longer spelling is not cut by a shorter one that it contains.
  const pattern = [...spellings].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|');
  return text.replace(new RegExp(pattern, 'gi'), MASK);
}

/** An address in free text: local part, "@", and a domain with at least one dot. */
const ADDRESS = /([A-Za-z0-9_+.-])[A-Za-z0-9_+.-]*@([A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+)/g;

/**
 * Domains reserved for documentation and tests (RFC 2606, RFC 6761): no person receives mail there, and messages
 * use them as examples ("must look like name@example.com"), which stay readable.
 */
const RESERVED_DOMAIN = /(^|\.)(example\.(com|net|org)|example|test|invalid|localhost)$/i;

/**
 * Masks the local part of every email address in a text ("alice@contoso.cn" → "a***@contoso.cn"): enough to tell
 * addresses and domains apart in a log, without writing recipients' addresses to disk.
 */
export function maskEmailAddresses(text: string): string {
  if (!text.includes('@')) return text;
  return text.replace(ADDRESS, (all, first: string, domain: string) => (RESERVED_DOMAIN.test(domain) ? all : `${first}***@${domain}`));
}
