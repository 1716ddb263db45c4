// The signing primitives of Alibaba Cloud RPC APIs. A request is put together and signed in signedRequest.ts
// (buildRequest), the one place the client signs; the local emulator verifies with its own, separate code
// (test/emulator/gatewaySignature.ts), so a mistake here is refused rather than mirrored. Two schemes:
//  - V3 "ACS3-HMAC-SHA256": headers + Authorization, the default of current Alibaba SDKs.
//  - V1 "HMAC-SHA1" (SignatureVersion=1.0): a Signature parameter over all query + form parameters.
// Both must agree byte for byte with the service, so every piece here is covered by the published vectors.
import * as crypto from 'node:crypto';
import { createHash, createHmac, randomUUID } from 'node:crypto';

export const V3_ALGORITHM = 'ACS3-HMAC-SHA256';
/** hex SHA-256 of an empty body, the `x-acs-content-sha256` of a request without body. */
export const EMPTY_BODY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

// encodeURIComponent already emits upper-case hex and UTF-8; it leaves ! ' ( ) * literal, which RFC 3986 (and the
// service) encode.
const HAS_EXTRA_RESERVED = /[!'()*]/;
const EXTRA_RESERVED = /[!'()*]/g;
const extraReserved = (c: string): string => '%' + c.charCodeAt(0).toString(16).toUpperCase();

/** RFC 3986 percent-encoding as Alibaba signs it: only `A-Z a-z 0-9 - _ . ~` stay literal, space is `%20`. */
export function percentEncode(value: string): string {
  const encoded = encodeURIComponent(value);
  return HAS_EXTRA_RESERVED.test(encoded) ? encoded.replace(EXTRA_RESERVED, extraReserved) : encoded;
}

export type ParamValue = string | number | boolean | null | undefined | ParamValue[] | { [key: string]: ParamValue };

/**
 * Flattens structured parameters the way the SDKs (and the service) expect: list items `Key.1`, `Key.2`…,
 * object members `Key.Field`; null/undefined dropped (list items keep their index slot); scalars stringified.
 */
export function flattenParams(params: Record<string, ParamValue>, out: Record<string, string> = {}, prefix = ''): Record<string, string> {
  for (const key of Object.keys(params)) flattenValue(params[key], prefix ? `${prefix}.${key}` : key, out);
  return out;
}

function flattenValue(value: ParamValue, name: string, out: Record<string, string>): void {
  if (value === null || value === undefined) return;
  if (Array.isArray(value)) {
    value.forEach((item, i) => flattenValue(item, `${name}.${i + 1}`, out));
  } else if (typeof value === 'object') {
    flattenParams(value, out, name);
  } else {
    out[name] = String(value);
  }
}

/** `name=value` pairs, both percent-encoded, sorted by name (plain code-unit order), joined with `&`. */
export function canonicalQueryString(params: Readonly<Record<string, string>>): string {
  const names = Object.keys(params).sort();
  let out = '';
  for (let i = 0; i < names.length; i++) {
    if (i) out += '&';
    out += percentEncode(names[i]) + '=' + percentEncode(params[names[i]]);
  }
  return out;
}

export function hmacSha1Base64(key: string, data: string): string {
  return createHmac('sha1', key).update(data, 'utf8').digest('base64');
}

// Node ≥ 20.12 has a one-shot crypto.hash(), cheaper than a Hash object per call; older runtimes fall back.
const oneShotHash = (crypto as { hash?: (algorithm: string, data: string | Uint8Array, encoding: 'hex') => string }).hash;

export function sha256Hex(data: string | Uint8Array): string {
  return oneShotHash ? oneShotHash('sha256', data, 'hex') : createHash('sha256').update(data).digest('hex');
}

export function hmacSha256Hex(key: string, data: string): string {
  return createHmac('sha256', key).update(data, 'utf8').digest('hex');
}

// ---------------------------------------------------------------------------------------------- V1 (HMAC-SHA1)

/** String to sign of V1: `METHOD&%2F&` + percentEncode(canonical query). */
export function v1StringToSign(method: string, canonicalQuery: string): string {
  return method + '&%2F&' + percentEncode(canonicalQuery);
}

export interface V1Signature {
  /** The canonicalised parameters; with `&Signature=<encoded>` appended it is also a valid form body. */
  canonicalQuery: string;
  stringToSign: string;
  /** Base64 HMAC-SHA1; percent-encode it on the wire. */
  signature: string;
}

/**
 * Signs V1: `params` are all request parameters (query ∪ form body), already flattened, without `Signature`.
 * `method` is the HTTP method used on the wire (upper case). The HMAC key is the secret plus a literal `&`.
 */
export function signV1(method: string, params: Readonly<Record<string, string>>, accessKeySecret: string): V1Signature {
  const canonicalQuery = canonicalQueryString(params);
  const stringToSign = v1StringToSign(method, canonicalQuery);
  return { canonicalQuery, stringToSign, signature: hmacSha1Base64(accessKeySecret + '&', stringToSign) };
}

// ---------------------------------------------------------------------------------------------- V3 (ACS3-HMAC-SHA256)

export type HeaderInput = Readonly<Record<string, string | readonly string[] | undefined>>;

export interface V3CanonicalInput {
  /** Upper-case HTTP method as sent. */
  method: string;
  /** Canonical URI; `/` for RPC APIs. */
  pathname: string;
  /** Query parameters only (never the body), decoded and flattened. */
  query: Readonly<Record<string, string>>;
  /** Headers in any case; only `host`, `content-type` and `x-acs-*` are signed unless `signedHeaderNames` is given. */
  headers: HeaderInput;
  /** hex SHA-256 of the exact body bytes (== `x-acs-content-sha256`). */
  hashedPayload: string;
  /**
   * Lower-case names to sign. A server verifying a request passes the names listed in the received
   * Authorization header; a client leaves it out to sign every signable header.
   */
  signedHeaderNames?: readonly string[];
}

export interface V3Canonical {
  canonicalRequest: string;
  /** Lower-case header names joined with `;`. */
  signedHeaders: string;
}

const isSignableHeader = (name: string): boolean => name === 'host' || name === 'content-type' || name.startsWith('x-acs-');

/** Builds the V3 canonical request (headers merged case-insensitively; repeated values trimmed, sorted, joined with `,`). */
export function v3CanonicalRequest(input: V3CanonicalInput): V3Canonical {
  const merged = new Map<string, string[]>();
  const wanted = input.signedHeaderNames ? new Set(input.signedHeaderNames) : undefined;
  for (const rawName of Object.keys(input.headers)) {
    const value = input.headers[rawName];
    if (value === undefined) continue;
    const name = rawName.toLowerCase();
    if (wanted ? !wanted.has(name) : !isSignableHeader(name)) continue;
    const values = merged.get(name) ?? [];
    if (typeof value === 'string') values.push(value.trim());
    else for (const v of value) values.push(v.trim());
    merged.set(name, values);
  }
  const sorted: [string, string][] = [...merged.keys()].sort().map((name) => {
    const values = merged.get(name)!;
    return [name, values.length === 1 ? values[0] : values.sort().join(',')];
  });
  return assembleV3CanonicalRequest(input.method, input.pathname, canonicalQueryString(input.query), sorted, input.hashedPayload);
}

/**
 * The last step of v3CanonicalRequest, for a caller that already has the canonical query and the signed headers
 * as lower-case, trimmed, name-sorted pairs (the client, which builds them that way, skips the normalising work).
 */
export function assembleV3CanonicalRequest(method: string, pathname: string, canonicalQuery: string, sortedHeaders: readonly (readonly [string, string])[], hashedPayload: string): V3Canonical {
  let canonicalHeaders = '';
  let signedHeaders = '';
  for (let i = 0; i < sortedHeaders.length; i++) {
    canonicalHeaders += sortedHeaders[i][0] + ':' + sortedHeaders[i][1] + '\n';
    signedHeaders += (i ? ';' : '') + sortedHeaders[i][0];
  }
  const canonicalRequest = method + '\n' + pathname + '\n' + canonicalQuery + '\n' + canonicalHeaders + '\n' + signedHeaders + '\n' + hashedPayload;
  return { canonicalRequest, signedHeaders };
}

/** `ACS3-HMAC-SHA256\n` + hex SHA-256 of the canonical request. */
export function v3StringToSign(canonicalRequest: string): string {
  return V3_ALGORITHM + '\n' + sha256Hex(canonicalRequest);
}

export interface V3Signature extends V3Canonical {
  stringToSign: string;
  /** Lower-case hex HMAC-SHA256 keyed with the raw secret (no trailing `&`). */
  signature: string;
  /** Value of the Authorization header. */
  authorization: string;
}

export function signV3(input: V3CanonicalInput & { accessKeyId: string; accessKeySecret: string }): V3Signature {
  return signV3Canonical(v3CanonicalRequest(input), input.accessKeyId, input.accessKeySecret);
}

/** Signs an already built canonical request. */
export function signV3Canonical(canonical: V3Canonical, accessKeyId: string, accessKeySecret: string): V3Signature {
  const stringToSign = v3StringToSign(canonical.canonicalRequest);
  const signature = hmacSha256Hex(accessKeySecret, stringToSign);
  const authorization = `${V3_ALGORITHM} Credential=${accessKeyId},SignedHeaders=${canonical.signedHeaders},Signature=${signature}`;
  return { canonicalRequest: canonical.canonicalRequest, signedHeaders: canonical.signedHeaders, stringToSign, signature, authorization };
}

// ---------------------------------------------------------------------------------------------- shared helpers

/** UTC `yyyy-MM-ddTHH:mm:ssZ` (no milliseconds), for `Timestamp` and `x-acs-date`. */
export function formatTimestamp(date?: Date): string {
  if (date) return date.toISOString().slice(0, 19) + 'Z';
  // The current time changes once a second, so its text is formatted once a second, not once per request.
  const second = Math.floor(Date.now() / 1000);
  if (second !== lastSecond) {
    lastSecond = second;
    lastStamp = new Date(second * 1000).toISOString().slice(0, 19) + 'Z';
  }
  return lastStamp;
}
let lastSecond = -1;
let lastStamp = '';

/** A fresh nonce: must be unique per attempt (a reused nonce is refused as `SignatureNonceUsed`). */
export function makeNonce(): string {
  return randomUUID();
}
