// The DNS records derived from DescDomain, checked against the reference's worked example (§6.4) and the
// apex / fully-qualified-host variants a real response can carry.
import * as assert from 'node:assert/strict';
import { DomainStatus, RecordStatus, type DomainDetail } from '../../src/api/types';
import { deriveDnsRecords, recordLabel, relativeHost, subdomainOf, zoneLine } from '../../src/model/dnsRecords';
import { domainStateOfRecords, domainStateOfSummary } from '../../src/model/domainState';

const DKIM_KEY = 'v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC';

function detail(overrides: Partial<DomainDetail> = {}): DomainDetail {
  return {
    domainId: '158910', domainName: 'mail.example.com', tlDomainName: 'example.com', domainStatus: DomainStatus.NotVerified,
    createTime: '2025-03-19T12:49Z', hostRecord: 'aliyundm.mail', domainType: '0c40d5f125af4e42892a',
    spfRecord: 'include:spf1.dm.aliyun.com', spfRecordV2: 'v=spf1 include:spf1.dm.aliyun.com -all', spfAuthStatus: RecordStatus.Verified,
    mxRecord: 'mx01.dm.aliyun.com', mxAuthStatus: RecordStatus.NotVerified,
    dkimRR: 'aliyun-cn-hangzhou._domainkey.mail', dkimPublicKey: DKIM_KEY, dkimAuthStatus: RecordStatus.NotVerified,
    dmarcHostRecord: '_dmarc.mail', dmarcRecord: 'v=DMARC1;p=none;rua=mailto:dmarc_report@service.aliyun.com', dmarcAuthStatus: RecordStatus.NotVerified,
    cnameRecord: 'dmtrace', tracefRecord: 'tracedm.aliyuncs.com', cnameAuthStatus: RecordStatus.NotVerified, cnameConfirmed: false,
    icpFiled: false, dnsTxt: '', dnsSpf: '', dnsMx: '', dnsDmarc: '',
    ...overrides,
  };
}

describe('dnsRecords: DescDomain → DNS records', () => {
  it('derives the six records of the worked example, hosts relative to the zone', () => {
    const records = deriveDnsRecords(detail());
    assert.deepEqual(records.map((r) => [r.kind, r.type, r.host, r.fqdn, r.value, r.priority]), [
      ['ownership', 'TXT', 'aliyundm.mail', 'aliyundm.mail.example.com', '0c40d5f125af4e42892a', undefined],
      ['spf', 'TXT', 'mail', 'mail.example.com', 'v=spf1 include:spf1.dm.aliyun.com -all', undefined],
      ['mx', 'MX', 'mail', 'mail.example.com', 'mx01.dm.aliyun.com', 10],
      ['dkim', 'TXT', 'aliyun-cn-hangzhou._domainkey.mail', 'aliyun-cn-hangzhou._domainkey.mail.example.com', DKIM_KEY, undefined],
      ['dmarc', 'TXT', '_dmarc.mail', '_dmarc.mail.example.com', 'v=DMARC1;p=none;rua=mailto:dmarc_report@service.aliyun.com', undefined],
      ['tracking', 'CNAME', 'dmtrace.mail', 'dmtrace.mail.example.com', 'tracedm.aliyuncs.com', undefined],
    ]);
  });

  it('maps the service flags (0 = found) to pass/fail and marks tracking as optional', () => {
    const records = deriveDnsRecords(detail());
    assert.deepEqual(records.map((r) => [r.kind, r.state, r.required]), [
      ['ownership', 'fail', true], ['spf', 'pass', true], ['mx', 'fail', true],
      ['dkim', 'fail', true], ['dmarc', 'fail', true], ['tracking', 'fail', false],
    ]);
  });

  it('counts ownership as passed when public DNS returns the token or the domain is usable', () => {
    assert.equal(deriveDnsRecords(detail({ dnsTxt: '0c40d5f125af4e42892a' }))[0].state, 'pass');
    assert.equal(deriveDnsRecords(detail({ dnsTxt: 'someothertoken' }))[0].state, 'fail');
    assert.equal(deriveDnsRecords(detail({ domainStatus: DomainStatus.Verified }))[0].state, 'pass');
  });

  it('names the different value public DNS has for a record that does not verify, and nothing otherwise', () => {
    const seen = (overrides: Partial<DomainDetail>) => deriveDnsRecords(detail(overrides)).map((r) => [r.kind, r.seen]).filter(([, v]) => v !== undefined);
    // SPF fails with an old include; MX fails with another host; DMARC fails and DNS has nothing: only the first two say so.
    assert.deepEqual(seen({ spfAuthStatus: RecordStatus.NotVerified, dnsSpf: 'v=spf1 include:spf.old-provider.example -all', dnsMx: 'mx.other.example', dnsDmarc: '' }),
      [['spf', 'v=spf1 include:spf.old-provider.example -all'], ['mx', 'mx.other.example']]);
    // The ownership token with another value at its host.
    assert.deepEqual(seen({ dnsTxt: 'someothertoken' }), [['ownership', 'someothertoken']]);
    // The expected value (quoted, or MX with a trailing dot) is not a difference; a passing record says nothing.
    assert.deepEqual(seen({ spfAuthStatus: RecordStatus.NotVerified, dnsSpf: '"v=spf1 include:spf1.dm.aliyun.com -all"', dnsMx: 'MX01.dm.aliyun.com.' }), []);
    assert.deepEqual(seen({ dnsSpf: 'v=spf1 include:spf.old-provider.example -all' }), [], 'SPF passes: its flag is 0');
  });

  it('uses @ for an apex domain and builds the SPF text from the legacy fragment', () => {
    const records = deriveDnsRecords(detail({
      domainName: 'example.com', hostRecord: 'aliyundm', spfRecordV2: '', spfRecord: 'include:spf1.dm.aliyun.com',
      dkimRR: 'aliyun-cn-hangzhou._domainkey', dmarcHostRecord: '_dmarc',
    }));
    assert.deepEqual(records.map((r) => [r.host, r.fqdn]), [
      ['aliyundm', 'aliyundm.example.com'], ['@', 'example.com'], ['@', 'example.com'],
      ['aliyun-cn-hangzhou._domainkey', 'aliyun-cn-hangzhou._domainkey.example.com'], ['_dmarc', '_dmarc.example.com'],
      ['dmtrace', 'dmtrace.example.com'],
    ]);
    assert.equal(records[1].value, 'v=spf1 include:spf1.dm.aliyun.com -all');
  });

  it('accepts hosts the service gives fully qualified, and falls back to the documented defaults', () => {
    const records = deriveDnsRecords(detail({ hostRecord: '', dmarcHostRecord: '', cnameRecord: '', dkimRR: 'aliyun-cn-hangzhou._domainkey.mail.example.com.' }));
    assert.deepEqual(records.map((r) => r.host), ['aliyundm.mail', 'mail', 'mail', 'aliyun-cn-hangzhou._domainkey.mail', '_dmarc.mail', 'dmtrace.mail']);
  });

  it('leaves out records the service gave no value for', () => {
    const records = deriveDnsRecords(detail({ dmarcRecord: '', tracefRecord: '' }));
    assert.deepEqual(records.map((r) => r.kind), ['ownership', 'spf', 'mx', 'dkim']);
  });

  it('explains each record in words, naming the host to publish', () => {
    const [ownership, spf, mx] = deriveDnsRecords(detail());
    assert.match(ownership.explanation, /^Ownership: proves to Direct Mail that you control mail\.example\.com\. .*host "aliyundm\.mail"/);
    assert.match(spf.explanation, /^SPF: .*host "mail"/);
    assert.match(mx.explanation, /priority 10\.$/);
  });

  it('labels as `host  TYPE  value` and writes zone-file lines', () => {
    const [ownership, , mx, , , tracking] = deriveDnsRecords(detail());
    assert.equal(recordLabel(ownership), 'aliyundm.mail  TXT  0c40d5f125af4e42892a');
    assert.equal(recordLabel(mx), 'mail  MX  10 mx01.dm.aliyun.com');
    assert.equal(zoneLine(ownership), 'aliyundm.mail.example.com.\tIN\tTXT\t"0c40d5f125af4e42892a"');
    assert.equal(zoneLine(mx), 'mail.example.com.\tIN\tMX\t10 mx01.dm.aliyun.com.');
    assert.equal(zoneLine(tracking), 'dmtrace.mail.example.com.\tIN\tCNAME\ttracedm.aliyuncs.com.');
  });

  it('splits the host helpers correctly', () => {
    assert.equal(subdomainOf('a.b.example.com', 'example.com'), 'a.b');
    assert.equal(subdomainOf('example.com', 'example.com'), '');
    assert.equal(relativeHost('example.com', 'example.com'), '@');
    assert.equal(relativeHost('x.example.com', 'example.com'), 'x');
  });
});

describe('domainState', () => {
  it('reads the list entry: usable, some records, none', () => {
    assert.equal(domainStateOfSummary({ domainStatus: DomainStatus.Verified }), 'verified');
    assert.equal(domainStateOfSummary({ domainStatus: DomainStatus.NoIcp }), 'verified');
    assert.equal(domainStateOfSummary({ domainStatus: DomainStatus.NotVerified, spfAuthStatus: RecordStatus.Verified, mxAuthStatus: RecordStatus.NotVerified }), 'partly');
    assert.equal(domainStateOfSummary({ domainStatus: DomainStatus.NotVerified, spfAuthStatus: RecordStatus.NotVerified }), 'unverified');
  });

  it('reads the records: all required pass even with tracking missing', () => {
    const all = deriveDnsRecords(detail({ domainStatus: DomainStatus.Verified, mxAuthStatus: 0, dkimAuthStatus: 0, dmarcAuthStatus: 0 }));
    assert.equal(domainStateOfRecords(all), 'verified');
    assert.equal(domainStateOfRecords(deriveDnsRecords(detail())), 'partly');
    assert.equal(domainStateOfRecords(deriveDnsRecords(detail({ spfAuthStatus: 1 }))), 'unverified');
  });
});
