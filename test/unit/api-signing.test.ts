// Every published signing vector of the reference (signing-and-credentials.md §1–§2), byte for byte.
import { strict as assert } from 'node:assert';
import {
  EMPTY_BODY_SHA256, canonicalQueryString, flattenParams, formatTimestamp, hmacSha1Base64,
  percentEncode, sha256Hex, signV1, signV3, v1StringToSign, v3StringToSign,
} from '../../src/api/signing';

describe('api signing: percentEncode (§1.2)', () => {
  it('keeps only the unreserved set and uses upper-case hex', () => {
    assert.equal(percentEncode('AZaz09-_.~'), 'AZaz09-_.~');
    assert.equal(percentEncode('"'), '%22');
    assert.equal(percentEncode('é'), '%C3%A9');
    assert.equal(percentEncode(' '), '%20');
    assert.equal(percentEncode('*'), '%2A');
    assert.equal(percentEncode('+/=:'), '%2B%2F%3D%3A');
    assert.equal(percentEncode("!'()"), '%21%27%28%29');
  });
  it("matches pop-core's encode vectors", () => {
    assert.equal(percentEncode('str'), 'str');
    assert.equal(percentEncode("str'str"), 'str%27str');
    assert.equal(percentEncode('str(str'), 'str%28str');
    assert.equal(percentEncode('str)str'), 'str%29str');
    assert.equal(percentEncode('str*str'), 'str%2Astr');
  });
  it('is stable across repeated calls with and without reserved characters', () => {
    for (let i = 0; i < 3; i++) {
      assert.equal(percentEncode('a(b'), 'a%28b');
      assert.equal(percentEncode('ab'), 'ab');
    }
  });
});

describe('api signing: flattening and canonical query (§1.3, §1.7, §1.8)', () => {
  it("matches pop-core's flatten/canonicalize vectors", () => {
    assert.equal(canonicalQueryString(flattenParams({ key: ['value'] })), 'key.1=value');
    assert.equal(canonicalQueryString(flattenParams({ key: [{ Domain: '1.com' }] })), 'key.1.Domain=1.com');
    assert.equal(canonicalQueryString(flattenParams({ a: 'value', c: 'value', b: 'value' })), 'a=value&b=value&c=value');
    assert.equal(canonicalQueryString(flattenParams({})), '');
  });
  it("matches openapi-util's toForm vector (null items keep their index slot)", () => {
    const input = {
      val1: 'string', val2: undefined, val3: null, val4: 1, val5: true,
      val6: { subval1: 'string', subval2: 1, subval3: true, subval4: null, subval5: ['1', 2, true, { val1: 'string' }] },
      val7: ['1', 2, undefined, null, true, { val1: 'string' }, ['substring']],
    };
    assert.equal(canonicalQueryString(flattenParams(input)),
      'val1=string&val4=1&val5=true&val6.subval1=string&val6.subval2=1&val6.subval3=true&val6.subval5.1=1&val6.subval5.2=2&val6.subval5.3=true&val6.subval5.4.val1=string&val7.1=1&val7.2=2&val7.5=true&val7.6.val1=string&val7.7.1=substring');
  });
  it('sorts Key.10 before Key.2 (plain code-unit order)', () => {
    assert.equal(canonicalQueryString({ 'Key.2': 'b', 'Key.10': 'a' }), 'Key.10=a&Key.2=b');
  });
});

describe('api signing: V1 HMAC-SHA1 (§1.4–§1.9)', () => {
  const ecs = {
    AccessKeyId: 'testid', Action: 'DescribeRegions', Format: 'XML', SignatureMethod: 'HMAC-SHA1',
    SignatureNonce: '3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf', SignatureVersion: '1.0', Version: '2014-05-26',
  };

  it('reproduces the published DescribeRegions example with Timestamp', () => {
    const signed = signV1('GET', { ...ecs, Timestamp: '2016-02-23T12:46:24Z' }, 'testsecret');
    assert.equal(signed.canonicalQuery,
      'AccessKeyId=testid&Action=DescribeRegions&Format=XML&SignatureMethod=HMAC-SHA1&SignatureNonce=3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion=1.0&Timestamp=2016-02-23T12%3A46%3A24Z&Version=2014-05-26');
    assert.equal(signed.stringToSign,
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26Timestamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26');
    assert.equal(signed.signature, 'OLeaidS1JvxuMvnyHOwuJ+uX5qY=');
    assert.equal(percentEncode(signed.signature), 'OLeaidS1JvxuMvnyHOwuJ%2BuX5qY%3D');
  });

  it('reproduces the legacy TimeStamp-spelling example and its signed URL parameter', () => {
    const signed = signV1('GET', { ...ecs, TimeStamp: '2016-02-23T12:46:24Z' }, 'testsecret');
    assert.equal(signed.stringToSign,
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeRegions%26Format%3DXML%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf%26SignatureVersion%3D1.0%26TimeStamp%3D2016-02-23T12%253A46%253A24Z%26Version%3D2014-05-26');
    assert.equal(signed.signature, 'CT9X0VtwR86fNWSnsc6v8YGOjuE=');
    assert.equal(percentEncode(signed.signature), 'CT9X0VtwR86fNWSnsc6v8YGOjuE%3D');
  });

  it('shows the raw-ampersand rendering of the legacy string to sign is the documented trap, not the signature', () => {
    const raw = 'GET&%2F&AccessKeyId%3Dtestid&Action%3DDescribeRegions&Format%3DXML&SignatureMethod%3DHMAC-SHA1&SignatureNonce%3D3ee8c1b8-83d3-44af-a94f-4e0ad82fd6cf&SignatureVersion%3D1.0&TimeStamp%3D2016-02-23T12%253A46%253A24Z&Version%3D2014-05-26';
    assert.equal(hmacSha1Base64('testsecret&', raw), 'LZ5DVzNj95387UDL70u7+18AwWY=');
  });

  it("reproduces openapi-util's getRPCSignature (empty method) and getSignature vectors", () => {
    const signed = signV1('', { test: 'ok' }, 'accessKeySecret');
    assert.equal(signed.stringToSign, '&%2F&test%3Dok');
    assert.equal(signed.signature, 'jHx/oHoHNrbVfhncHEvPdHXZwHU=');
    assert.equal(hmacSha1Base64('secret', 'stringtosign'), 'OmuTAr79tpI6CRoAdmzKRq5lHs0=');
  });

  it('reproduces the STS cross-check vector for GET and POST', () => {
    const params = {
      AccessKeyId: 'testid', Action: 'DescribeInstances', Format: 'JSON', RegionId: 'cn-hangzhou', SecurityToken: 'tok/en+=',
      SignatureMethod: 'HMAC-SHA1', SignatureNonce: 'nonce-0001', SignatureVersion: '1.0', Timestamp: '2024-01-02T03:04:05Z',
      Version: '2014-05-26', InstanceName: "a b*c~d!'()é", 'Tag.1.Key': 'env',
    };
    const get = signV1('GET', params, 'testsecret');
    assert.equal(get.canonicalQuery,
      'AccessKeyId=testid&Action=DescribeInstances&Format=JSON&InstanceName=a%20b%2Ac~d%21%27%28%29%C3%A9&RegionId=cn-hangzhou&SecurityToken=tok%2Fen%2B%3D&SignatureMethod=HMAC-SHA1&SignatureNonce=nonce-0001&SignatureVersion=1.0&Tag.1.Key=env&Timestamp=2024-01-02T03%3A04%3A05Z&Version=2014-05-26');
    assert.equal(get.stringToSign,
      'GET&%2F&AccessKeyId%3Dtestid%26Action%3DDescribeInstances%26Format%3DJSON%26InstanceName%3Da%2520b%252Ac~d%2521%2527%2528%2529%25C3%25A9%26RegionId%3Dcn-hangzhou%26SecurityToken%3Dtok%252Fen%252B%253D%26SignatureMethod%3DHMAC-SHA1%26SignatureNonce%3Dnonce-0001%26SignatureVersion%3D1.0%26Tag.1.Key%3Denv%26Timestamp%3D2024-01-02T03%253A04%253A05Z%26Version%3D2014-05-26');
    assert.equal(get.signature, 'NSfSDEkLxr/N1sP2ygmUpjUipSg=');
    assert.equal(signV1('POST', params, 'testsecret').signature, 'qPLTdihCw3AunBAR4SpS+LZ/YYY=');
    assert.equal(v1StringToSign('POST', get.canonicalQuery), 'POST' + get.stringToSign.slice(3));
  });
});

describe('api signing: V3 ACS3-HMAC-SHA256 (§2.2–§2.4)', () => {
  const runInstances = {
    pathname: '/',
    query: { ImageId: 'win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd', RegionId: 'cn-shanghai' },
    headers: {
      host: 'ecs.cn-shanghai.aliyuncs.com', 'x-acs-action': 'RunInstances', 'x-acs-version': '2014-05-26',
      'x-acs-date': '2023-10-26T10:22:32Z', 'x-acs-signature-nonce': '3156853299f313e23d1673dc12e1703d',
      'x-acs-content-sha256': EMPTY_BODY_SHA256, 'user-agent': 'not signed', accept: 'application/json',
    },
    hashedPayload: EMPTY_BODY_SHA256,
    accessKeyId: 'YourAccessKeyId',
    accessKeySecret: 'YourAccessKeySecret',
  };

  it('hashes primitives as published', () => {
    assert.equal(sha256Hex(''), EMPTY_BODY_SHA256);
    assert.equal(sha256Hex('test'), '9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08');
  });

  it('reproduces the published RunInstances canonical request, string to sign, signature and Authorization', () => {
    const signed = signV3({ ...runInstances, method: 'POST' });
    assert.equal(signed.canonicalRequest, [
      'POST', '/', 'ImageId=win2019_1809_x64_dtc_zh-cn_40G_alibase_20230811.vhd&RegionId=cn-shanghai',
      'host:ecs.cn-shanghai.aliyuncs.com', 'x-acs-action:RunInstances',
      'x-acs-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      'x-acs-date:2023-10-26T10:22:32Z', 'x-acs-signature-nonce:3156853299f313e23d1673dc12e1703d', 'x-acs-version:2014-05-26', '',
      'host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version',
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    ].join('\n'));
    assert.equal(sha256Hex(signed.canonicalRequest), '7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    assert.equal(signed.stringToSign, 'ACS3-HMAC-SHA256\n7ea06492da5221eba5297e897ce16e55f964061054b7695beedaac1145b1e259');
    assert.equal(signed.signature, '06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
    assert.equal(signed.authorization,
      'ACS3-HMAC-SHA256 Credential=YourAccessKeyId,SignedHeaders=host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=06563a9e1b43f5dfe96b81484da74bceab24a1d853912eee15083a6f0f3283c0');
  });

  it('gives the documented GET signature for the same inputs', () => {
    assert.equal(signV3({ ...runInstances, method: 'GET' }).signature, '9f6beca8bc1d657b9dfa220898e087dd255411946c1091ced04ef0dc2ed19d87');
  });

  const utilPayload = '55e12e91650d2fec56ec74e1d3e4ddbfce2ef3a65890c2a19ecf88a307e76a23';
  const utilInput = {
    query: { test: 'ok', empty: '' },
    headers: { 'x-acs-TEST': 'https', 'x-acs-test': 'http' },
    hashedPayload: utilPayload, accessKeyId: 'acesskey', accessKeySecret: 'secret',
  };

  it("reproduces openapi-util getAuthorization vector 1 (merged duplicate headers, empty value, method 'undefined')", () => {
    const signed = signV3({ ...utilInput, method: 'undefined', pathname: '' });
    assert.equal(signed.canonicalRequest, `undefined\n\nempty=&test=ok\nx-acs-test:http,https\n\nx-acs-test\n${utilPayload}`);
    assert.equal(signed.authorization,
      'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature=0f2d549523cf082c83bb8135b5863614f7fe16ca7c2c7fc537e74d67374eeeac');
  });

  it('reproduces openapi-util getAuthorization vector 2 (nothing set)', () => {
    const signed = signV3({ method: 'undefined', pathname: '', query: {}, headers: {}, hashedPayload: utilPayload, accessKeyId: 'acesskey', accessKeySecret: 'secret' });
    assert.equal(signed.authorization,
      'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=,Signature=608b887e491f3e88e85276b188a4d24e29230a559464685ccbf2dcc458e1fde8');
  });

  it('reproduces the Go getAuthorization vector (empty method, pathname /)', () => {
    assert.equal(signV3({ ...utilInput, method: '', pathname: '/' }).authorization,
      'ACS3-HMAC-SHA256 Credential=acesskey,SignedHeaders=x-acs-test,Signature=4ab59fffe3c5738ff8a2729f90cc04fe18b02a4b15b2102cbaf92f9ff3df2ea3');
  });

  const derivedHeaders = {
    host: 'ecs.cn-hangzhou.aliyuncs.com', 'x-acs-action': 'DescribeInstances', 'x-acs-version': '2014-05-26',
    'x-acs-date': '2024-01-02T03:04:05Z', 'x-acs-signature-nonce': 'nonce-0001',
  };

  it('reproduces the STS GET cross-check vector', () => {
    const signed = signV3({
      method: 'GET', pathname: '/', query: { RegionId: 'cn-hangzhou', InstanceName: "a b*c~d!'()é" },
      headers: { ...derivedHeaders, 'x-acs-accesskey-id': 'testid', 'x-acs-security-token': 'tok/en+=', 'x-acs-content-sha256': EMPTY_BODY_SHA256 },
      hashedPayload: EMPTY_BODY_SHA256, accessKeyId: 'testid', accessKeySecret: 'testsecret',
    });
    assert.equal(signed.canonicalRequest.split('\n')[2], 'InstanceName=a%20b%2Ac~d%21%27%28%29%C3%A9&RegionId=cn-hangzhou');
    assert.equal(sha256Hex(signed.canonicalRequest), '1a1edead1fbe7eb9214beda00b25a0d34aa973bb799800a710d0defbd0d67762');
    assert.equal(signed.authorization,
      'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=host;x-acs-accesskey-id;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-security-token;x-acs-signature-nonce;x-acs-version,Signature=6f0220f6822745087b2f6a4f170e20bd22e32ecaf856dcca447af406ab37c3f9');
  });

  it('reproduces the form POST cross-check vector', () => {
    const body = "InstanceName=a%20b*c~d!'()%C3%A9&RegionId=cn-hangzhou";
    const hashedPayload = sha256Hex(body);
    assert.equal(hashedPayload, '28b57477a30157222628dbd81d62e6c566dbc62634370db7ba0312c78e621bba');
    const signed = signV3({
      method: 'POST', pathname: '/', query: {},
      headers: { ...derivedHeaders, 'content-type': 'application/x-www-form-urlencoded', 'x-acs-content-sha256': hashedPayload },
      hashedPayload, accessKeyId: 'testid', accessKeySecret: 'testsecret',
    });
    assert.equal(sha256Hex(signed.canonicalRequest), 'aebd53d986f75b16ab52605ac9ce263412314747cb78ffdcea0d206e9cf7f5cc');
    assert.equal(signed.stringToSign, v3StringToSign(signed.canonicalRequest));
    assert.equal(signed.authorization,
      'ACS3-HMAC-SHA256 Credential=testid,SignedHeaders=content-type;host;x-acs-action;x-acs-content-sha256;x-acs-date;x-acs-signature-nonce;x-acs-version,Signature=adca9283202014e66645c668f13447f4f39718c113381010adf9b09d5ff9087a');
  });

  it('formats timestamps without milliseconds', () => {
    assert.equal(formatTimestamp(new Date(Date.UTC(2016, 1, 23, 12, 46, 24, 973))), '2016-02-23T12:46:24Z');
  });
});
