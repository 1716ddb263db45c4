// The gateway's own computation of the two signature schemes, written from the signing reference (§1.2–§1.4 for
// V1, §2.2 for V3) with node:crypto alone. It deliberately shares no code with the client's src/api/signing.ts: if
// the emulator re-used the client's signer, a mistake there (a wrong encoding, a header left out, the wrong key)
// would be made on both sides and every request would still verify. The published vectors pin this file down
// (test/emulator/signing-independent.test.ts), exactly as they pin down the client's signer.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

export const ACS3 = 'ACS3-HMAC-SHA256';

const UNRESERVED_BYTE = (b: number): boolean =>
  (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a) || (b >= 0x30 && b <= 0x39) || b === 0x2d || b === 0x5f || b === 0x2e || b === 0x7e;

/** §1.2: every UTF-8 byte outside `A-Z a-z 0-9 - _ . ~` becomes `%XY` with upper-case hex (space → %20). */
export function gatewayEncode(value: string): string {
  let out = '';
  for (const b of Buffer.from(value, 'utf8')) out += UNRESERVED_BYTE(b) ? String.fromCharCode(b) : '%' + b.toString(16).toUpperCase().padStart(2, '0');
  return out;
}

/** §1.3 / §2.2: `name=value`, both encoded, sorted by name in plain code-unit order, joined with `&`. */
export function gatewayCanonicalQuery(params: Readonly<Record<string, string>>): string {
  return Object.keys(params).sort().map((name) => `${gatewayEncode(name)}=${gatewayEncode(params[name])}`).join('&');
}

export interface V1Expected { stringToSign: string; signature: string }

/** §1.4: `METHOD&%2F&enc(canonical)`, HMAC-SHA1 keyed with `secret&`, base64. `params` exclude `Signature`. */
export function expectedV1(method: string, params: Readonly<Record<string, string>>, accessKeySecret: string): V1Expected {
  const stringToSign = `${method}&${gatewayEncode('/')}&${gatewayEncode(gatewayCanonicalQuery(params))}`;
  return { stringToSign, signature: createHmac('sha1', `${accessKeySecret}&`).update(stringToSign, 'utf8').digest('base64') };
}

export interface V3Input {
  method: string;
  pathname: string;
  /** Decoded query parameters (never the body). */
  query: Readonly<Record<string, string>>;
  /** Lower-case header name → every value received under that name (in any case of the name). */
  headers: Readonly<Record<string, readonly string[] | undefined>>;
  /** The names the Authorization header lists, as listed. */
  signedHeaderNames: readonly string[];
  hashedPayload: string;
  accessKeySecret: string;
}

export interface V3Expected { canonicalRequest: string; stringToSign: string; signature: string }

/**
 * §2.2: METHOD, URI, canonical query, one `name:value` line per signed header (names lower-case and sorted, values
 * trimmed; a repeated header's values sorted and joined with `,`), an empty line, the names joined with `;`, and
 * the payload hash. String to sign: `ACS3-HMAC-SHA256\n` + hex SHA-256 of that; signature: hex HMAC-SHA256 keyed
 * with the raw secret (no `&`).
 */
export function expectedV3(input: V3Input): V3Expected {
  const names = [...new Set(input.signedHeaderNames.map((n) => n.toLowerCase()))].sort();
  const lines = names.map((name) => {
    const values = (input.headers[name] ?? []).map((v) => v.trim());
    return `${name}:${values.length > 1 ? [...values].sort().join(',') : (values[0] ?? '')}\n`;
  });
  const canonicalRequest = [input.method, input.pathname, gatewayCanonicalQuery(input.query), lines.join(''), names.join(';'), input.hashedPayload].join('\n');
  const stringToSign = `${ACS3}\n${createHash('sha256').update(canonicalRequest, 'utf8').digest('hex')}`;
  return { canonicalRequest, stringToSign, signature: createHmac('sha256', input.accessKeySecret).update(stringToSign, 'utf8').digest('hex') };
}

export interface AuthorizationHeader { algorithm: string; credential: string; signedHeaderNames: string[]; signature: string }

/** `ACS3-HMAC-SHA256 Credential=…,SignedHeaders=a;b,Signature=…`; undefined when a part is missing. */
export function readAuthorization(value: string | undefined): AuthorizationHeader | undefined {
  const match = /^(\S+) (.+)$/.exec(value ?? '');
  if (!match) return undefined;
  const fields: Record<string, string> = {};
  for (const part of match[2].split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) fields[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  const { Credential: credential, SignedHeaders: signedHeaders, Signature: signature } = fields;
  if (!credential || signedHeaders === undefined || !signature) return undefined;
  return { algorithm: match[1], credential, signedHeaderNames: signedHeaders === '' ? [] : signedHeaders.split(';').map((n) => n.trim().toLowerCase()), signature };
}

/** Headers that V3 requires to be signed whenever they are present (§2.2: all but Authorization). */
export const mustBeSigned = (name: string): boolean => name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

export const sha256HexOf = (data: Buffer | string): string => createHash('sha256').update(data).digest('hex');

/** Constant-time equality of two signature texts. */
export function sameSignature(expected: string, received: string): boolean {
  const a = Buffer.from(expected, 'utf8');
  const b = Buffer.from(received, 'utf8');
  return a.length === b.length && timingSafeEqual(a, b);
}
