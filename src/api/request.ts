// Builds one signed HTTP request for an RPC action. Called once per attempt, so every retry carries a fresh
// nonce, timestamp and signature (a reused nonce is refused as SignatureNonceUsed).
import { canonicalQueryString, formatTimestamp, makeNonce, percentEncode, sha256Hex, signV1, signV3, EMPTY_BODY_SHA256 } from './signing';
import type { HttpRequest } from './transport';
import type { Credentials, SignatureVersion } from './types';

export const API_VERSION = '2015-11-23';
const FORM = 'application/x-www-form-urlencoded';

export interface RpcCall {
  action: string;
  /** Parameters the SDK places in the query string. */
  query: Record<string, string>;
  /** Parameters the SDK places in the form body (SingleSendMail). */
  body?: Record<string, string>;
}

export interface RequestContext {
  host: string;
  /** Sent as RegionId: the service (and the emulator) use it for region-specific values such as DNS hosts. */
  regionId: string;
  credentials: Credentials;
  signatureVersion: SignatureVersion;
  userAgent: string;
}

export function buildRequest(call: RpcCall, ctx: RequestContext): HttpRequest {
  return ctx.signatureVersion === 'v1' ? buildV1(call, ctx) : buildV3(call, ctx);
}

function buildV3(call: RpcCall, ctx: RequestContext): HttpRequest {
  const { credentials } = ctx;
  const query = { ...call.query, RegionId: ctx.regionId };
  const queryString = canonicalQueryString(query);
  const body = call.body ? canonicalQueryString(call.body) : undefined;
  const hashedPayload = body ? sha256Hex(body) : EMPTY_BODY_SHA256;
  const headers: Record<string, string> = {
    host: ctx.host,
    'x-acs-action': call.action,
    'x-acs-version': API_VERSION,
    'x-acs-date': formatTimestamp(),
    'x-acs-signature-nonce': makeNonce(),
    'x-acs-content-sha256': hashedPayload,
  };
  if (body) headers['content-type'] = FORM;
  if (credentials.securityToken) {
    headers['x-acs-security-token'] = credentials.securityToken;
    headers['x-acs-accesskey-id'] = credentials.accessKeyId;
  }
  const signed = signV3({
    method: 'POST', pathname: '/', query, headers, hashedPayload,
    accessKeyId: credentials.accessKeyId, accessKeySecret: credentials.accessKeySecret,
  });
  headers.authorization = signed.authorization;
  headers['user-agent'] = ctx.userAgent;
  headers.accept = 'application/json';
  return { method: 'POST', path: queryString ? '/?' + queryString : '/', headers, body };
}

function buildV1(call: RpcCall, ctx: RequestContext): HttpRequest {
  const { credentials } = ctx;
  const query: Record<string, string> = {
    ...call.query,
    RegionId: ctx.regionId,
    Action: call.action,
    Version: API_VERSION,
    Format: 'JSON',
    AccessKeyId: credentials.accessKeyId,
    SignatureMethod: 'HMAC-SHA1',
    SignatureVersion: '1.0',
    SignatureNonce: makeNonce(),
    Timestamp: formatTimestamp(),
  };
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
