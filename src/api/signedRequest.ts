// Where a request is signed: builds one signed HTTP request for an RPC action, with the primitives of signing.ts.
// Called once per attempt, so every retry carries a fresh nonce, timestamp and signature (a reused nonce is refused
// as SignatureNonceUsed).
import {
  EMPTY_BODY_SHA256, assembleV3CanonicalRequest, canonicalQueryString, formatTimestamp, makeNonce, percentEncode, sha256Hex, signV1, signV3Canonical,
} from './signing';
import type { HttpRequest } from './transport';
import type { Credentials, SignatureVersion } from './types';

export const API_VERSION = '2015-11-23';
const FORM = 'application/x-www-form-urlencoded';

export interface RpcCall {
  action: string;
  /** Parameters the SDK places in the query string. Owned by the request builder (it adds RegionId). */
  query: Record<string, string>;
  /** Parameters the SDK places in the form body (SingleSendMail). */
  body?: Record<string, string>;
  /** Values of this call that must never be echoed (an SMTP password): redacted from error texts like the key secret. */
  secrets?: string[];
}

export interface RequestContext {
  host: string;
  /** Sent as RegionId: the service (and the emulator) use it for region-specific values such as DNS hosts. */
  regionId: string;
  credentials: Credentials;
  signatureVersion: SignatureVersion;
  userAgent: string;
  /** Correction of this computer's clock for this endpoint (see clock.ts). */
  clockOffsetMs?: number;
}

const requestTime = (ctx: RequestContext): string => formatTimestamp(ctx.clockOffsetMs ? new Date(Date.now() + ctx.clockOffsetMs) : undefined);

export function buildRequest(call: RpcCall, ctx: RequestContext): HttpRequest {
  return ctx.signatureVersion === 'v1' ? buildV1(call, ctx) : buildV3(call, ctx);
}

function buildV3(call: RpcCall, ctx: RequestContext): HttpRequest {
  const { credentials } = ctx;
  const query = call.query;
  query.RegionId = ctx.regionId;
  const queryString = canonicalQueryString(query);
  const body = call.body ? canonicalQueryString(call.body) : undefined;
  const hashedPayload = body ? sha256Hex(body) : EMPTY_BODY_SHA256;
  const date = requestTime(ctx);
  const nonce = makeNonce();
  // The signed headers, already lower-case and in sorted order, so the canonical request is assembled directly.
  const signed: [string, string][] = [];
  if (body) signed.push(['content-type', FORM]);
  signed.push(['host', ctx.host]);
  if (credentials.securityToken) signed.push(['x-acs-accesskey-id', credentials.accessKeyId]);
  signed.push(['x-acs-action', call.action], ['x-acs-content-sha256', hashedPayload], ['x-acs-date', date]);
  if (credentials.securityToken) signed.push(['x-acs-security-token', credentials.securityToken]);
  signed.push(['x-acs-signature-nonce', nonce], ['x-acs-version', API_VERSION]);
  const signature = signV3Canonical(assembleV3CanonicalRequest('POST', '/', queryString, signed, hashedPayload), credentials.accessKeyId, credentials.accessKeySecret);
  const headers: Record<string, string> = Object.fromEntries(signed);
  headers.authorization = signature.authorization;
  headers['user-agent'] = ctx.userAgent;
  headers.accept = 'application/json';
  return { method: 'POST', path: '/?' + queryString, headers, body };
}

function buildV1(call: RpcCall, ctx: RequestContext): HttpRequest {
  const { credentials } = ctx;
  const query = call.query;
  Object.assign(query, {
    RegionId: ctx.regionId,
    Action: call.action,
    Version: API_VERSION,
    Format: 'JSON',
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: makeNonce(),
    Timestamp: requestTime(ctx),
  });
  if (credentials.securityToken) query.SecurityToken = credentials.securityToken;
  // The signature covers query ∪ body; with no body the canonical string is the query string itself.
  const signed = signV1('POST', call.body ? { ...query, ...call.body } : query, credentials.accessKeySecret);
  const queryString = call.body ? canonicalQueryString(query) : signed.canonicalQuery;
  const headers: Record<string, string> = { 'user-agent': ctx.userAgent, accept: 'application/json', 'x-acs-action': call.action, 'x-acs-version': API_VERSION };
  let body: string | undefined;
  if (call.body) {
    body = canonicalQueryString(call.body);
    headers['content-type'] = FORM;
  }
  return { method: 'POST', path: '/?' + queryString + '&Signature=' + percentEncode(signed.signature), headers, body };
}
