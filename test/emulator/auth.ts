// Verifies a request's signature like the gateway does, in the gateway's order: signing parameters present →
// time format → time window → nonce not reused → key known → STS token → signature. The signature itself is
// re-computed by the gateway's own code (gatewaySignature.ts, node:crypto and the reference), never by the
// client's signer: a signing mistake in the client must be refused here, not mirrored.
import type { IncomingHttpHeaders } from 'node:http';
import { ACS3, expectedV1, expectedV3, mustBeSigned, readAuthorization, sameSignature, sha256HexOf } from './gatewaySignature';
import type { KeyPair } from './credentials';
import { gateway, missing } from './errors';

export type SignatureVersion = 'v1' | 'v3';

export interface SignedRequest {
  method: string;
  /** Decoded URL query parameters. */
  query: Readonly<Record<string, string>>;
  /** Query ∪ form body (body wins). */
  params: Readonly<Record<string, string>>;
  headers: IncomingHttpHeaders;
  /** Headers with repeated values kept apart (Node's headersDistinct). */
  headersDistinct: Readonly<Record<string, string[] | undefined>>;
  rawBody: Buffer;
}

export interface Verified { key: KeyPair; signatureVersion: SignatureVersion }

export const DEFAULT_CLOCK_SKEW_MS = 15 * 60_000;
const TIME_FORMAT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

/** Which scheme a request uses: an Authorization header means V3, otherwise V1 parameters. */
export const signatureVersionOf = (headers: IncomingHttpHeaders): SignatureVersion => (headers.authorization ? 'v3' : 'v1');

export class Verifier {
  private readonly keys: Map<string, KeyPair>;
  /** `<AccessKeyId>\n<nonce>` → time after which the nonce may be forgotten. */
  private readonly nonces = new Map<string, number>();
  private nextSweep = 0;

  constructor(keys: readonly KeyPair[], private readonly clockSkewMs = DEFAULT_CLOCK_SKEW_MS) {
    this.keys = new Map(keys.map((k) => [k.accessKeyId, k]));
  }

  verify(req: SignedRequest, now = Date.now()): Verified {
    return signatureVersionOf(req.headers) === 'v3' ? this.verifyV3(req, now) : this.verifyV1(req, now);
  }

  forgetNonces(): void {
    this.nonces.clear();
  }

  private verifyV1(req: SignedRequest, now: number): Verified {
    const p = req.params;
    for (const name of ['AccessKeyId', 'Signature', 'SignatureMethod', 'SignatureNonce', 'Timestamp']) if (!p[name]) throw missing(name);
    if (p.SignatureMethod !== 'HMAC-SHA1') throw gateway.signatureMethod();
    if (p.SignatureVersion !== undefined && p.SignatureVersion !== '1.0') throw gateway.incompleteSignature('SignatureVersion must be 1.0.');
    this.checkTime(p.Timestamp, now);
    this.checkNonce(p.AccessKeyId, p.SignatureNonce);
    const key = this.keyFor(p.AccessKeyId, p.SecurityToken);
    const { Signature: received, ...signed } = p;
    const expected = expectedV1(req.method, signed, key.accessKeySecret);
    if (!sameSignature(expected.signature, received)) throw gateway.v1Mismatch(expected.stringToSign);
    this.rememberNonce(p.AccessKeyId, p.SignatureNonce, now);
    return { key, signatureVersion: 'v1' };
  }

  private verifyV3(req: SignedRequest, now: number): Verified {
    const auth = readAuthorization(req.headers.authorization);
    if (!auth || auth.algorithm !== ACS3) {
      throw gateway.incompleteSignature(`The Authorization header must be "${ACS3} Credential=…,SignedHeaders=…,Signature=…".`);
    }
    const header = (name: string): string | undefined => req.headersDistinct[name]?.[0];
    for (const name of ['x-acs-date', 'x-acs-signature-nonce', 'x-acs-content-sha256', 'x-acs-action', 'x-acs-version', 'host']) {
      if (!header(name)) throw gateway.incompleteSignature(`The ${name} header is missing.`);
    }
    const signed = new Set(auth.signedHeaderNames);
    // Every host, content-type and x-acs-* header present must be signed (a form body's content-type too, as the
    // official SDK signs it); every header listed as signed must be present.
    const unsigned = Object.keys(req.headersDistinct).filter((n) => mustBeSigned(n) && !signed.has(n));
    if (unsigned.length) throw gateway.incompleteSignature(`Headers ${unsigned.join(', ')} must be signed.`);
    const absent = auth.signedHeaderNames.filter((n) => !req.headersDistinct[n]?.length);
    if (absent.length) throw gateway.incompleteSignature(`Signed headers ${absent.join(', ')} are not in the request.`);
    const nonce = header('x-acs-signature-nonce')!;
    this.checkTime(header('x-acs-date')!, now);
    this.checkNonce(auth.credential, nonce);
    const key = this.keyFor(auth.credential, header('x-acs-security-token'));
    const hashedPayload = header('x-acs-content-sha256')!;
    if (hashedPayload !== sha256HexOf(req.rawBody)) throw gateway.bodyHashMismatch();
    const expected = expectedV3({
      method: req.method, pathname: '/', query: req.query, headers: req.headersDistinct, hashedPayload,
      signedHeaderNames: auth.signedHeaderNames, accessKeySecret: key.accessKeySecret,
    });
    if (!sameSignature(expected.signature, auth.signature)) throw gateway.v3Mismatch(expected.stringToSign, expected.canonicalRequest);
    this.rememberNonce(auth.credential, nonce, now);
    return { key, signatureVersion: 'v3' };
  }

  private checkTime(value: string, now: number): void {
    if (!TIME_FORMAT.test(value)) throw gateway.timestampFormat();
    const t = Date.parse(value);
    if (Number.isNaN(t)) throw gateway.timestampFormat();
    if (Math.abs(now - t) > this.clockSkewMs) throw gateway.timestampExpired();
  }

  private checkNonce(accessKeyId: string, nonce: string): void {
    const until = this.nonces.get(accessKeyId + '\n' + nonce);
    if (until !== undefined && until > Date.now()) throw gateway.nonceUsed();
  }

  private rememberNonce(accessKeyId: string, nonce: string, now: number): void {
    // A nonce only needs remembering while a request carrying it could still pass the time window.
    this.nonces.set(accessKeyId + '\n' + nonce, now + 2 * this.clockSkewMs);
    if (now >= this.nextSweep) {
      this.nextSweep = now + 60_000;
      for (const [k, until] of this.nonces) if (until <= now) this.nonces.delete(k);
    }
  }

  private keyFor(accessKeyId: string, token: string | undefined): KeyPair {
    const key = this.keys.get(accessKeyId);
    if (!key) throw gateway.keyNotFound();
    if (key.securityToken !== undefined) {
      if (!token) throw gateway.missingToken();
      if (token !== key.securityToken) throw gateway.tokenMalformed();
    } else if (token) {
      throw gateway.tokenMismatch();
    }
    return key;
  }
}
