// What the client says for each kind of refused certificate (the emulator's TLS tests produce the untrusted-issuer
// and wrong-host cases over real sockets; an expired or not-yet-valid certificate needs a clock this test cannot
// move), and how it assembles the trusted certificates: a configured file it cannot read, one without a
// certificate, and the one context kept per configuration.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CertificateRefusedError, describeRefusal, isCertificateCode, trustedContext } from '../../src/api/trust';

const refused = (reason: string, subject?: string, issuer?: string, validTo?: string): string =>
  describeRefusal(new CertificateRefusedError(reason, 'dm.aliyuncs.com', subject, issuer, validTo));

describe('Certificate refusals in words', () => {
  it('an expired certificate: when it expired, and to check the date', () => {
    assert.equal(refused('CERT_HAS_EXPIRED', 'CN=dm.aliyuncs.com', 'CN=Some CA', 'Jan  1 00:00:00 2020 GMT'),
      'The certificate of dm.aliyuncs.com (subject CN=dm.aliyuncs.com, issued by CN=Some CA) expired on Jan  1 00:00:00 2020 GMT (CERT_HAS_EXPIRED). ' +
      "Check this computer's date; if it is right, the server or a proxy in between presents an old certificate.");
    assert.match(refused('CERT_HAS_EXPIRED'), /^The certificate of dm\.aliyuncs\.com expired \(CERT_HAS_EXPIRED\)\./);
  });

  it('a certificate not valid yet: check the date and time', () => {
    assert.equal(refused('CERT_NOT_YET_VALID', 'CN=dm.aliyuncs.com', 'CN=dm.aliyuncs.com'),
      "The certificate of dm.aliyuncs.com (subject CN=dm.aliyuncs.com) is not valid yet (CERT_NOT_YET_VALID). Check this computer's date and time.");
  });

  it('a certificate for another host name, in both of Node\'s spellings', () => {
    for (const reason of ['ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH']) {
      assert.match(refused(reason), new RegExp(`^The certificate presented for dm\\.aliyuncs\\.com is for another host name \\(${reason}\\)\\. Check the endpoint setting`));
    }
  });

  it('every "not trusted here" code points at directMail.caCertificates and NODE_EXTRA_CA_CERTS', () => {
    for (const reason of ['UNABLE_TO_VERIFY_LEAF_SIGNATURE', 'UNABLE_TO_GET_ISSUER_CERT', 'UNABLE_TO_GET_ISSUER_CERT_LOCALLY', 'SELF_SIGNED_CERT_IN_CHAIN', 'DEPTH_ZERO_SELF_SIGNED_CERT', 'CERT_UNTRUSTED', 'CERT_CHAIN_TOO_LONG']) {
      assert.match(refused(reason), new RegExp(`is not issued by a trusted authority \\(${reason}\\)\\. If a company proxy .*"directMail\\.caCertificates".*NODE_EXTRA_CA_CERTS`), reason);
    }
  });

  it('any other reason still says what to set', () => {
    assert.equal(refused('CERT_REVOKED'), 'The certificate of dm.aliyuncs.com was refused (CERT_REVOKED). If a company proxy inspects HTTPS, set "directMail.caCertificates" to its root certificate (PEM).');
  });

  it('tells certificate failures from other errors by their codes', () => {
    for (const code of ['CERT_HAS_EXPIRED', 'SELF_SIGNED_CERT_IN_CHAIN', 'ERR_TLS_CERT_ALTNAME_INVALID', 'HOSTNAME_MISMATCH', 'UNABLE_TO_VERIFY_LEAF_SIGNATURE']) assert.equal(isCertificateCode(code), true, code);
    for (const code of ['ECONNRESET', 'ECONNREFUSED', 'ERR_SSL_WRONG_VERSION_NUMBER', '', undefined]) assert.equal(isCertificateCode(code), false, String(code));
  });
});

describe('Trusted certificates', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dm-trust-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('a configured file that cannot be read is named, with the reason', () => {
    const missing = join(dir, 'missing.pem');
    assert.throws(() => trustedContext({ caFiles: [missing], systemCertificates: false, nodeExtraCaCertsFile: '' }),
      { message: `The CA certificate file ${missing} cannot be read (ENOENT).` });
  });

  it('a configured file without a certificate is refused before any connection', () => {
    const notPem = join(dir, 'not.pem');
    writeFileSync(notPem, 'just some text');
    assert.throws(() => trustedContext({ caFiles: [notPem], systemCertificates: false, nodeExtraCaCertsFile: '' }), /holds no PEM certificate/);
  });

  it('a certificate block that is broken inside is refused by name, not at connect time', () => {
    const broken = '-----BEGIN CERTIFICATE-----\nbm90IGEgY2VydGlmaWNhdGU=\n-----END CERTIFICATE-----\n';
    assert.throws(() => trustedContext({ extraCaPems: [broken], systemCertificates: false, nodeExtraCaCertsFile: '' }), { message: /^A configured CA certificate cannot be read \(.*\); copy the whole PEM block again\.$/ });
  });

  it('keeps one context per configuration: the same settings give the same context, others a new one', () => {
    const a = trustedContext({ systemCertificates: false, nodeExtraCaCertsFile: '' });
    assert.equal(trustedContext({ systemCertificates: false, nodeExtraCaCertsFile: '' }), a);
    const b = trustedContext({ systemCertificates: true, nodeExtraCaCertsFile: '' });
    assert.notEqual(b, a);
  });
});
