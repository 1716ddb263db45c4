// Test helper: sends one raw API request signed with the client's signing primitives (V1 or V3), over real HTTP,
// with knobs to break exactly one thing (secret, time, nonce, body) the way a faulty client would.
import { request } from 'node:http';
import { EMPTY_BODY_SHA256, canonicalQueryString, formatTimestamp, makeNonce, percentEncode, sha256Hex, signV1, signV3 } from '../../src/api/signing';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';

export interface CallOptions {
  action: string;
  params?: Record<string, string>;
  scheme?: 'v1' | 'v3';
  method?: 'GET' | 'POST';
  /** POST only: put the action parameters into a form body instead of the query. */
  form?: boolean;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  version?: string;
  time?: Date;
  /** Sent verbatim instead of a formatted time (to test malformed timestamps). */
  rawTime?: string;
  nonce?: string;
  /** Replaces the body after signing (the signature then covers other bytes). */
  tamperBody?: (body: string) => string;
}

export interface CallResult {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

export async function signedCall(baseUrl: string, o: CallOptions): Promise<CallResult> {
  const method = o.method ?? 'POST';
  const keyId = o.accessKeyId ?? DEMO_ACCESS_KEY_ID;
  const secret = o.accessKeySecret ?? DEMO_ACCESS_KEY_SECRET;
  const time = o.rawTime ?? formatTimestamp(o.time ?? new Date());
  const nonce = o.nonce ?? makeNonce();
  const api = o.params ?? {};
  const useForm = method === 'POST' && o.form === true;
  const host = new URL(baseUrl).host;
  const headers: Record<string, string> = {};
  let query: Record<string, string>;
  let body = '';

  if ((o.scheme ?? 'v3') === 'v1') {
    const common: Record<string, string> = {
      Action: o.action, Version: o.version ?? '2015-11-23', Format: 'JSON', AccessKeyId: keyId, SignatureMethod: 'HMAC-SHA1',
      SignatureVersion: '1.0', SignatureNonce: nonce, Timestamp: time, ...(o.securityToken ? { SecurityToken: o.securityToken } : {}),
    };
    const { signature } = signV1(method, { ...common, ...api }, secret);
    query = useForm ? { ...common, Signature: signature } : { ...common, ...api, Signature: signature };
    if (useForm) body = canonicalQueryString(api);
  } else {
    query = useForm ? {} : api;
    if (useForm) body = canonicalQueryString(api);
    Object.assign(headers, {
      host, 'x-acs-action': o.action, 'x-acs-version': o.version ?? '2015-11-23', 'x-acs-date': time, 'x-acs-signature-nonce': nonce,
      'x-acs-content-sha256': body ? sha256Hex(body) : EMPTY_BODY_SHA256,
      ...(o.securityToken ? { 'x-acs-security-token': o.securityToken } : {}),
    });
    if (useForm) headers['content-type'] = 'application/x-www-form-urlencoded';
    headers.authorization = signV3({ method, pathname: '/', query, headers, hashedPayload: headers['x-acs-content-sha256'], accessKeyId: keyId, accessKeySecret: secret }).authorization;
  }
  if (useForm) headers['content-type'] = 'application/x-www-form-urlencoded';
  if (o.tamperBody) body = o.tamperBody(body);
  const path = '/' + (Object.keys(query).length ? '?' + Object.entries(query).map(([k, v]) => `${percentEncode(k)}=${percentEncode(v)}`).join('&') : '');
  return send(baseUrl, method, path, headers, body);
}

export function send(baseUrl: string, method: string, path: string, headers: Record<string, string>, body: string): Promise<CallResult> {
  const url = new URL(path, baseUrl);
  return new Promise((resolve, reject) => {
    const req = request(url, { method, headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('error', reject);
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        let parsed: unknown;
        try {
          parsed = JSON.parse(text);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode ?? 0, headers: res.headers, text, body: parsed });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

/** JSON admin call (no signature). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function admin(baseUrl: string, method: string, route: string, body?: unknown): Promise<any> {
  const res = await send(baseUrl, method, `/__emulator/${route}`, { 'content-type': 'application/json' }, body === undefined ? '' : JSON.stringify(body));
  if (res.status !== 200) throw new Error(`admin ${method} ${route}: ${res.status} ${res.text}`);
  return res.body;
}
