// The client's failure messages in the display language: certificate refusals, proxy settings and proxies, the
// service's error codes and unknown outcomes are each one template of the translator the caller passes, with only
// names (hosts, codes, actions, certificates) put in as they are; and with the shipped zh-cn bundle they read Chinese.
import * as assert from 'node:assert/strict';
import { outcomeUnknown, serviceError } from '../../src/api/errors';
import { describeProxySetting, describeProxyUnreachable, ProxyUnreachableError } from '../../src/api/network';
import { CertificateRefusedError, describeRefusal, trustedContext } from '../../src/api/trust';
import type { Translate } from '../../src/shared/translate';
import { regionInfo, resolveEndpoint, type RegionId } from '../../src/api/regions';
import { marking, messagesIn, oneSpan, zhCn } from '../translationChecks';

/**
 * The marked message is one translated sentence that says what the English one says; once the names put in as
 * they are (`literals`) are taken out, no lower-case letter is left, so no English word came from outside `t`.
 */
function assertThrough(marked: string, plain: string, literals: readonly string[] = []): void {
  assert.ok(oneSpan(marked), `not one translated sentence: ${marked}`);
  assert.equal(marked.replace(/[«»]/g, '').toLowerCase(), plain.toLowerCase(), `the translated message says something else: ${marked}`);
  const rest = literals.reduce((text, literal) => text.split(literal).join(''), marked);
  assert.doesNotMatch(rest, /[a-z]/, `English outside the translator: ${marked}`);
}

// Names in upper case, so any lower-case letter in a marked message is a word the translator did not produce.
const HOST = 'DM.EXAMPLE.COM';
const REASONS = ['SELF_SIGNED_CERT_IN_CHAIN', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'CERT_HAS_EXPIRED', 'CERT_NOT_YET_VALID', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'CERT_REVOKED'];
const CERTIFICATES: Array<[string | undefined, string | undefined, string | undefined]> = [
  [undefined, undefined, undefined], ['CN=PROXY CA', undefined, undefined], ['CN=DM.EXAMPLE.COM', 'CN=PROXY CA', 'JAN 1 00:00:00 2020 GMT'], ['CN=SELF', 'CN=SELF', 'JAN 1 00:00:00 2020 GMT'],
];
const GATEWAY_CODES = [
  'SignatureDoesNotMatch', 'IncompleteSignature', 'InvalidAccessKeyId.NotFound', 'InvalidAccessKeyId', 'InvalidAccessKeyId.Inactive', 'Forbidden.AccessKeyDisabled',
  'InvalidTimeStamp.Expired', 'InvalidTimeStamp.Format', 'SignatureNonceUsed', 'MissingSecurityToken', 'InvalidSecurityToken.Expired', 'InvalidSecurityToken.Malformed',
  'InvalidSecurityToken.MismatchWithAccessKey', 'Forbidden.RAM', 'NoPermission', 'Forbidden', 'InvalidAction.NotFound', 'InvalidApi.NotFound', 'InvalidProtocol.NeedSsl',
  'InternalError', 'ServiceUnavailable', 'InvalidIP.NotFound', 'Throttling.User', 'Throttling',
];

describe('Client failures in the display language', () => {
  it('words every certificate refusal through the translator', () => {
    const { t, seen } = marking();
    for (const reason of REASONS) {
      for (const [subject, issuer, validTo] of CERTIFICATES) {
        const refused = new CertificateRefusedError(reason, HOST, subject, issuer, validTo);
        assertThrough(describeRefusal(refused, t), describeRefusal(refused));
      }
    }
    // The configured CA certificates: a file that cannot be read, one without a certificate, a damaged certificate.
    const noSystem = { systemCertificates: false, nodeExtraCaCertsFile: '' };
    const broken = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
    for (const options of [{ caFiles: ['/NONEXISTENT/CA.PEM'] }, { extraCaPems: ['NOT A CERTIFICATE'] }, { extraCaPems: [broken] }]) {
      const message = (translate?: Translate): string => {
        try {
          trustedContext({ ...noSystem, ...options }, translate);
        } catch (e) {
          return (e as Error).message;
        }
        return assert.fail('expected a refusal');
      };
      const marked = message(t);
      assert.ok(oneSpan(marked), `not one translated sentence: ${marked}`);
      assert.equal(marked.replace(/[«»]/g, '').toLowerCase(), message().toLowerCase());
    }
    assert.deepEqual([...messagesIn('src/api/trust.ts')].filter((key) => !seen.has(key)), []);
  });

  it('words the proxy setting and an unreachable proxy through the translator', () => {
    const { t, seen } = marking();
    for (const scheme of [undefined, 'SOCKS5']) assertThrough(describeProxySetting(scheme, t), describeProxySetting(scheme));
    for (const failure of ['UND_ERR_HEADERS_TIMEOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'ECONNREFUSED', 'ENOTFOUND']) {
      const e = new ProxyUnreachableError('PROXY.EXAMPLE:8080', failure, undefined);
      assertThrough(describeProxyUnreachable(e, t), describeProxyUnreachable(e));
    }
    assert.deepEqual([...messagesIn('src/api/network.ts')].filter((key) => !seen.has(key)), []);
  });

  it('words the explanations of the service\'s codes and unknown outcomes through the translator', () => {
    const { t, seen } = marking();
    for (const action of ['DescDomain', 'CreateTag']) {
      for (const code of GATEWAY_CODES) {
        assertThrough(serviceError(action, 400, { code, message: 'the service said this' }, [], t).message, serviceError(action, 400, { code, message: 'the service said this' }, []).message, [action, code]);
      }
      assertThrough(serviceError(action, 418, {}, [], t).message, serviceError(action, 418, {}, []).message, [action]);
    }
    for (const action of ['SingleSendMail', 'CheckReplyToMailAddress', 'CreateTag', 'DeleteDomain']) {
      const why = t('{0} was cancelled.', action);
      assertThrough(outcomeUnknown(action, 'NetworkError', why, undefined, undefined, t).message, outcomeUnknown(action, 'NetworkError', `${action} was cancelled.`).message, [action]);
    }
    seen.delete('{0} was cancelled.');
    assert.deepEqual([...messagesIn('src/api/errors.ts')].filter((key) => !seen.has(key)), []);
  });

  it('words the endpoint and region checks through the translator', () => {
    const { t, seen } = marking();
    const bad = ['http://DM.EXAMPLE.COM', 'FTP://DM.EXAMPLE.COM', 'NOT A URL', 'HTTPS://', 'HTTPS://USER:PW@DM.EXAMPLE.COM', 'HTTPS://DM.EXAMPLE.COM/PATH'];
    for (const endpoint of bad) {
      let plain = '';
      let marked = '';
      assert.throws(() => resolveEndpoint('cn-hangzhou', endpoint), (e: Error) => ((plain = e.message), true));
      assert.throws(() => resolveEndpoint('cn-hangzhou', endpoint, t), (e: Error) => ((marked = e.message), true));
      assert.ok(oneSpan(marked), `not one translated sentence: ${marked}`);
      assert.equal(marked.replace(/[«»]/g, '').toLowerCase(), plain.toLowerCase());
    }
    assert.throws(() => regionInfo('MARS-1' as RegionId, t), /^Error: «UNKNOWN DIRECT MAIL REGION "MARS-1"\. USE ONE OF: cn-hangzhou/);
    assert.deepEqual([...messagesIn('src/api/regions.ts')].filter((key) => !seen.has(key)), []);
    assert.throws(() => resolveEndpoint('cn-hangzhou', 'http://dm.aliyuncs.com', zhCn()),
      { message: '终端节点“http://dm.aliyuncs.com”使用了明文 http://，只有本机（localhost、127.0.0.1、::1）允许这样做。请改用 https://。' });
  });

  it('keeps the service\'s own text as it came, behind the action name the extension takes off', () => {
    const { t } = marking();
    assert.equal(serviceError('CreateTag', 400, { code: 'InvalidTagName.Duplicate', message: 'The tag already exists' }, [], t).message, 'CreateTag failed: The tag already exists.');
  });

  describe('with the zh-cn bundle', () => {
    const zh = zhCn();

    it('words a certificate refusal, a proxy and a service code in Chinese', () => {
      const refused = new CertificateRefusedError('SELF_SIGNED_CERT_IN_CHAIN', 'dm.aliyuncs.com', 'CN=dm.aliyuncs.com', 'CN=Corp Proxy CA');
      assert.equal(describeRefusal(refused, zh),
        'dm.aliyuncs.com 的证书（使用者 CN=dm.aliyuncs.com，颁发者 CN=Corp Proxy CA）不是由受信任的机构颁发的（SELF_SIGNED_CERT_IN_CHAIN）。如果公司的代理或防火墙会检查 HTTPS 流量，请向管理员索取其根证书，并将设置“directMail.caCertificates”指向该 PEM 文件（或对整个 Node 设置 NODE_EXTRA_CA_CERTS）。');
      assert.equal(describeProxyUnreachable(new ProxyUnreachableError('proxy.example.com:8080', 'ECONNREFUSED', undefined), zh),
        '无法连接位于 proxy.example.com:8080 的代理（ECONNREFUSED）。未向邮件推送发送任何请求。请检查代理设置（http.proxy 或 HTTPS_PROXY），并确认代理正在运行。');
      assert.equal(serviceError('DeleteTag', 403, { code: 'Forbidden.RAM' }, [], zh).message,
        '此 AccessKey 所属的 RAM 用户无权调用 DeleteTag。请在 RAM 控制台中为其授予 AliyunDirectMailFullAccess 策略（只读使用时授予 AliyunDirectMailReadOnlyAccess）。');
    });
  });
});
