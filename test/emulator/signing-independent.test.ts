// The emulator verifies signatures with code of its own (gatewaySignature.ts), not with the client's signer, so a
// signing mistake in the client is refused instead of mirrored. These tests pin the emulator's verifier to the
// published vectors of the signing reference (§1.6–§1.9, §2.4), through its pure functions and through the whole
// Verifier, and check the rules that only the gateway enforces: a form body's content-type must be signed.
import { strict as assert } from 'node:assert';
import { request } from 'node:http';
import { DirectMailClient } from '../../src/api';
import { buildRequest, type RpcCall } from '../../src/api/signedRequest';
import { Verifier } from './auth';
import type { SignedRequest } from './auth';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import type { KeyPair } from './credentials';
import { expectedV1, expectedV3, gatewayCanonicalQuery, gatewayEncode, readAuthorization } from './gatewaySignature';
import { startEmulator } from './server';
import type { Emulator } from './server';

const EMPTY = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

/** A request as rpc.ts hands it to the Verifier: header names lower-case, every value kept. */
function signedRequest(method: string, query: Record<string, string>, headers: Record<string, string>, body = '', form: Record<string, string> = {}): SignedRequest {
  const distinct: Record<string, string[]> = {};
  for (const [name, value] of Object.entries(headers)) (distinct[name.toLowerCase()] ??= []).push(value);
  return { method, query, params: { ...query, ...form }, headers: Object.fromEntries(Object.entries(distinct).map(([n, v]) => [n, v.join(', ')])), headersDistinct: distinct, rawBody: Buffer.from(body, 'utf8') };
}

const key = (accessKeyId: string, accessKeySecret: string, securityToken?: string): KeyPair => ({ accessKeyId, accessKeySecret, account: 'demo', securityToken });

describe('emulator signature verifier: its own code reproduces the published vectors', () => {
  it('encodes like the reference (§1.2) without the client\'s percentEncode', () => {
    assert.equal(gatewayEncode('AZaz09-_.~'), 'AZaz09-_.~');
    assert.equal(gatewayEncode(" *+/=:!'()\"é"), '%20%2A%2B%2F%3D%3A%21%27%28%29%22%C3%A9');
    assert.equal(gatewayEncode("str'str"), 'str%27str');
    assert.equal(gatewayCanonicalQuery({ 'Key.2': 'b', 'Key.10': 'a', empty: '' }), 'Key.10=a&Key.2=b&empty=');
  });

  describe('V1 HMAC-SHA1', () => {
    const ecs = {
      AccessKeyId: 'testid', Action: 'DescribeRegions', Format: 'XML', SignatureMethod: 'HMAC-SHA1',
      SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Version: '2014-05-26',
    };
    const sts = {
      AccessKeyId: 'testid', Action: 'DescribeInstances', Format: 'JSON', RegionId: 'cn-hangzhou', SecurityToken: 'tok/en+=',
      SignatureMethod: 'HMAC-SHA1', SignatureNonce: 'nonce-0001', SignatureVersion: '1.0', Timestamp: '2024-01-02T03:04:05Z',
      Version: '2014-05-26', InstanceName: "a b*c~d!'()é", 'Tag.1.Key': 'env',
    };

    it('DescribeRegions (Timestamp and legacy TimeStamp spellings)', () => {
      const a = expectedV1('GET', { ...ecs, Timestamp: '2016-02-23T12:46:24Z' }, 'testsecret');
      assert.equal(a.stringToSign, 'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26');
      assert.equal(a.signature, 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
      assert.equal(expectedV1('GET', { ...ecs, TimeStamp: '2016-02-23T12:46:24Z' }, 'testsecret').signature, 'CT9X0VtwR86fNWSnsc6v8YGOjuE=');
    });

    it("openapi-util's getRPCSignature (empty method) and the STS cross-check for GET and POST", () => {
      const empty = expectedV1('', { test: 'ok' }, 'accessKeySecret');
      assert.equal(empty.stringToSign, '&%2F&test%3Dok');
      assert.equal(empty.signature, 'jHx/oHoHNrbVfhncHEvPdHXZwHU=');
      assert.equal(expectedV1('GET', sts, 'testsecret').signature, 'NSfSDEkLxr/N1sP2ygmUpjUipSg=');
      assert.equal(expectedV1('POST', sts, 'testsecret').signature, 'qPLTdihCw3AunBAR4SpS+LZ/YYY=');
    });

    it('the whole Verifier accepts the published DescribeRegions request and refuses it with one byte changed', () => {
      const params = { ...ecs, Timestamp: '2016-02-23T12:46:24Z', Signature: 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=' };
      const now = Date.parse('2016-02-23T12:46:24Z');
      const ok = new Verifier([key('testid', 'testsecret')]).verify(signedRequest('GET', params, {}), now);
      assert.equal(ok.signatureVersion, 'v1');
      assert.throws(() => new Verifier([key('testid', 'testsecret')]).verify(signedRequest('GET', { ...params, Format: 'JSON' }, {}), now),
        (e: Error & { code?: string }) => e.code === 'SignatureDoesNotMatch');
    });

    it('the whole Verifier accepts the STS cross-check sent as a form POST (parameters split between query and body)', () => {
      const { InstanceName, RegionId, 'Tag.1.Key': tag, ...common } = sts;
      const form = { InstanceName, RegionId, 'Tag.1.Key': tag };
      const req = signedRequest('POST', { ...common, Signature: 'qPLTdihCw3AunBAR4SpS+LZ/YYY=' }, { 'content-type': 'application/x-www-form-urlencoded' }, '', form);
      const ok = new Verifier([key('testid', 'testsecret', 'tok/en+=')]).verify(req, Date.parse('2024-01-02T03:04:05Z'));
      assert.equal(ok.key.accessKeyId, 'testid');
    });
  });

  describe('V3 ACS3-HMAC-SHA256', () => {
    const runInstances = {
      host: 'ecs.cn-shanghai.aliyuncs.com', 'x-acs-action': 'RunInstances', 'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z', 'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d', 'x-acs-content-sha256': EMPTY,
    };
    const runQuery = { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' };
    const names = Object.keys(runInstances).sort();
    const distinct = (h: Record<string, string>): Record<string, string[]> => Object.fromEntries(Object.entries(h).map(([n, v]) => [n, [v]]));

    it('RunInstances: canonical request, string to sign and signature (POST; GET differs)', () => {
      const post = expectedV3({ method: 'POST', pathname: '/', query: runQuery, headers: distinct(runInstances), signedHeaderNames: names, hashedPayload: EMPTY, accessKeySecret: 'YourAccessKeySecret' });
      assert.equal(post.canonicalRequest, [
        'POST', '/', 'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
        'host:ecs.cn-shanghai.aliyuncs.com', 'x-acs-action:RunInstances', `x-acs-content-sha256:${EMPTY}`, 'x-acs-date:2023-10-26T10:22:32Z',
        'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d', 'x-acs-version:2014-05-26', '',
        'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version', EMPTY,
      ].join('\n'));
      assert.equal(post.stringToSign, 'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
      assert.equal(post.signature, '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
      const get = expectedV3({ method: 'GET', pathname: '/', query: runQuery, headers: distinct(runInstances), signedHeaderNames: names, hashedPayload: EMPTY, accessKeySecret: 'YourAccessKeySecret' });
      assert.equal(get.signature, '9f6beca8bc1d657b9dfa220898e087dd255411946c1091ced04ef0dc2ed19d87');
    });

    it("openapi-util's getAuthorization vectors: repeated header values sorted and joined, empty query value", () => {
      const payload = '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23';
      const headers = { 'x-acs-test': ['https', 'http'] };
      const query = { test: 'ok', empty: '' };
      const ts = expectedV3({ method: 'undefined', pathname: '', query, headers, signedHeaderNames: ['x-acs-test'], hashedPayload: payload, accessKeySecret: 'secret' });
      assert.equal(ts.canonicalRequest, `undefined\n\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n${payload}`);
      assert.equal(ts.signature, '0f2d549523cf082c83bb8135b5863614f7fe16ca7c2c7fc537e74d67374eeeac');
      const none = expectedV3({ method: 'undefined', pathname: '', query: {}, headers: {}, signedHeaderNames: [], hashedPayload: payload, accessKeySecret: 'secret' });
      assert.equal(none.signature, '608b887e491f3e88e85276b188a4d24e29230a559464685ccbf2dcc458e1fde8');
      const go = expectedV3({ method: '', pathname: '/', query, headers, signedHeaderNames: ['x-acs-test'], hashedPayload: payload, accessKeySecret: 'secret' });
      assert.equal(go.signature, '4ab59fffe3c5738ff8a2729f90cc04fe18b02a4b15b2102cbaf92f9ff3df2ea3');
    });

    it('reads the published Authorization header', () => {
      const auth = readAuthorization('ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
      assert.deepEqual(auth, { algorithm: 'ACS3-HMAC-SHA256', credential: 'YourAccessKeyId', signedHeaderNames: names, signature: '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0' });
      assert.equal(readAuthorization('ACS3-HMAC-SHA256 Credential=a,Signature=b'), undefined);
      assert.equal(readAuthorization('ACS3-HMAC-SHA256'), undefined);
    });

    it('the whole Verifier accepts the published RunInstances request and refuses it under GET', () => {
      const headers = { ...runInstances, authorization: `ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=${names.join(';')},Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0` };
      const now = Date.parse('2023-10-26T10:22:32Z');
      const keys = [key('YourAccessKeyId', 'YourAccessKeySecret')];
      assert.equal(new Verifier(keys).verify(signedRequest('POST', runQuery, headers), now).signatureVersion, 'v3');
      assert.throws(() => new Verifier(keys).verify(signedRequest('GET', runQuery, headers), now), (e: Error & { code?: string }) => e.code === 'SignatureDoesNotMatch');
    });

    it('the whole Verifier accepts the derived STS GET and form POST vectors', () => {
      const base = { host: 'ecs.cn-hangzhou.aliyuncs.com', 'x-acs-action': 'DescribeInstances', 'x-acs-version': '2014-05-26', 'x-acs-date': '2024-01-02T03:04:05Z', 'x-acs-signature-nonce': 'nonce-0001' };
      const now = Date.parse('2024-01-02T03:04:05Z');
      const stsHeaders = {
        ...base, 'x-acs-accesskey-id': 'testid', 'x-acs-security-token': 'tok/en+=', 'x-acs-content-sha256': EMPTY,
        authorization: 'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=6f0220f6822745087b2f6a4f170e20bd22e32ecaf856dcca447af406ab37c3f9',
      };
      const get = signedRequest('GET', { RegionId: 'cn-hangzhou', InstanceName: "a b*c~d!'()é" }, stsHeaders);
      assert.equal(new Verifier([key('testid', 'testsecret', 'tok/en+=')]).verify(get, now).key.securityToken, 'tok/en+=');

      const body = "InstanceName=a%20b*c~d!'()%C3%A9&RegionId=cn-hangzhou";
      const formHeaders = {
        ...base, 'content-type': 'application/x-www-form-urlencoded', 'x-acs-content-sha256': '28b57477a30157222628dbd81d62e6c566dbc62634370db7ba0312c78e621bba',
        authorization: 'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=adca9283202014e66645c668f13447f4f39718c113381010adf9b09d5ff9087a',
      };
      const post = signedRequest('POST', {}, formHeaders, body, { InstanceName: "a b*c~d!'()é", RegionId: 'cn-hangzhou' });
      assert.equal(new Verifier([key('testid', 'testsecret')]).verify(post, now).signatureVersion, 'v3');
    });
  });
});

describe('emulator signature verifier: a form body signs its content-type', () => {
  let emulator: Emulator;
  const demo = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };
  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
  });
  after(() => emulator.close());

  function post(path: string, headers: Record<string, string>, body: string): Promise<{ status: number; body: { Code?: string; Message?: string } }> {
    return new Promise((resolve, reject) => {
      const req = request(new URL(path, emulator.url), { method: 'POST', headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) } }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString('utf8')) }));
      });
      req.on('error', reject);
      req.end(body);
    });
  }

  it("the client's SaveReceiverDetail and SingleSendMail requests list content-type among the signed headers", () => {
    const ctx = { host: new URL(emulator.url).host, regionId: 'cn-hangzhou', credentials: demo, signatureVersion: 'v3' as const, userAgent: 'test' };
    const calls: RpcCall[] = [
      { action: 'SaveReceiverDetail', query: { ReceiverId: 'r1' }, body: { Detail: '[{"e":"a@example.com"}]' } },
      { action: 'SingleSendMail', query: {}, body: { AccountName: 'noreply@example.com', Subject: 'Hi', ToAddress: 'a@example.com' } },
    ];
    for (const call of calls) {
      const built = buildRequest(call, ctx);
      assert.equal(built.headers['content-type'], 'application/x-www-form-urlencoded', call.action);
      const auth = readAuthorization(built.headers.authorization);
      assert.ok(auth?.signedHeaderNames.includes('content-type'), `${call.action}: SignedHeaders=${auth?.signedHeaderNames.join(';')}`);
      // And the signature is the one the gateway's own computation expects over those headers.
      const headers = Object.fromEntries(Object.entries(built.headers).map(([n, v]) => [n, [v]]));
      const query = Object.fromEntries(new URLSearchParams(built.path.slice(2)));
      const expected = expectedV3({ method: 'POST', pathname: '/', query, headers, signedHeaderNames: auth!.signedHeaderNames, hashedPayload: built.headers['x-acs-content-sha256'], accessKeySecret: demo.accessKeySecret });
      assert.equal(auth!.signature, expected.signature, call.action);
    }
  });

  it('the client adds recipients and sends a mail through the form body, accepted by the emulator', async () => {
    const client = new DirectMailClient({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: demo });
    try {
      const list = await client.createRecipientList({ listName: 'signed-form', listAlias: 'signed-form@example.com' });
      const saved = await client.addRecipients(list.recipientListId, [{ email: 'one@example.com' }]);
      assert.equal(saved.successCount, 1);
    } finally {
      await client.close();
    }
  });

  it('refuses a form-body request whose content-type is sent but not signed, and accepts the same request signed', async () => {
    const body = 'Detail=%5B%5D';
    const headers: Record<string, string> = {
      host: new URL(emulator.url).host, 'x-acs-action': 'DescAccountSummary', 'x-acs-version': '2015-11-23',
      'x-acs-date': new Date().toISOString().slice(0, 19) + 'Z', 'x-acs-content-sha256': '',
      'content-type': 'application/x-www-form-urlencoded',
    };
    headers['x-acs-content-sha256'] = (await import('node:crypto')).createHash('sha256').update(body).digest('hex');
    const sign = (names: string[], nonce: string): Record<string, string> => {
      const h: Record<string, string> = { ...headers, 'x-acs-signature-nonce': nonce };
      const all = [...names, 'x-acs-signature-nonce'];
      const e = expectedV3({ method: 'POST', pathname: '/', query: {}, headers: Object.fromEntries(Object.entries(h).map(([n, v]) => [n, [v]])), signedHeaderNames: all, hashedPayload: h['x-acs-content-sha256'], accessKeySecret: demo.accessKeySecret });
      return { ...h, authorization: `ACS3-HMAC-SHA256 Credential=${demo.accessKeyId},SignedHeaders=${[...all].sort().join(';')},Signature=${e.signature}` };
    };
    const withoutType = Object.keys(headers).filter((n) => n !== 'content-type');
    const refused = await post('/', sign(withoutType, 'nonce-unsigned-type'), body);
    assert.equal(refused.status, 400);
    assert.equal(refused.body.Code, 'IncompleteSignature');
    assert.match(refused.body.Message ?? '', /content-type/);
    const accepted = await post('/', sign(Object.keys(headers), 'nonce-signed-type'), body);
    assert.equal(accepted.status, 200, JSON.stringify(accepted.body));
  });
});
