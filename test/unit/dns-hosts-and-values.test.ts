// How DescDomain's hosts and values become the records a user publishes: hosts made relative to the zone in any
// spelling the service uses (fully qualified, trailing dot, upper case, the apex), the SPF text from either field,
// record flags including "no check", and the words that explain each record and state.
import * as assert from 'node:assert/strict';
import { DomainStatus, RecordStatus, type DomainDetail } from '../../src/api/types';
import { deriveDnsRecords, relativeHost, stateText, subdomainOf } from '../../src/model/dnsRecords';
import { domainStateOfRecords } from '../../src/model/domainState';

function detail(overrides: Partial<DomainDetail> = {}): DomainDetail {
  return {
    domainId: '1', domainName: 'mail.example.com', tlDomainName: 'example.com', domainStatus: DomainStatus.NotVerified, createTime: '',
    hostRecord: 'aliyundm.mail', domainType: 'token123', spfRecord: '', spfRecordV2: 'v=spf1 include:spf1.dm.aliyun.com -all',
    spfAuthStatus: RecordStatus.Verified, mxRecord: 'mx01.dm.aliyun.com', mxAuthStatus: RecordStatus.NotVerified,
    dkimRR: 'aliyun._domainkey.mail', dkimPublicKey: 'v=DKIM1; k=rsa; p=KEY', dkimAuthStatus: RecordStatus.NotVerified,
    dmarcHostRecord: '_dmarc.mail', dmarcRecord: 'v=DMARC1;p=none', dmarcAuthStatus: RecordStatus.NotVerified,
    cnameRecord: 'dmtrace', tracefRecord: 'tracedm.aliyuncs.com', cnameAuthStatus: RecordStatus.NotVerified, cnameConfirmed: false,
    icpFiled: false, dnsTxt: '', dnsSpf: '', dnsMx: '', dnsDmarc: '', ...overrides,
  };
}

describe('DNS records: hosts relative to the zone, in every spelling', () => {
  it('subdomainOf: case, trailing dots, the apex, another zone, no zone', () => {
    assert.equal(subdomainOf('Mail.Example.COM.', 'example.com.'), 'mail');
    assert.equal(subdomainOf('a.b.example.com', 'EXAMPLE.com'), 'a.b');
    assert.equal(subdomainOf('example.com.', 'example.com'), '');
    assert.equal(subdomainOf('example.com', 'Example.Com.'), '');
    assert.equal(subdomainOf('mail.other.org', 'example.com'), '');
    assert.equal(subdomainOf('notexample.com', 'example.com'), '');
    assert.equal(subdomainOf('mail.example.com', ''), '');
  });

  it('relativeHost: fully qualified, trailing dot, spaces, upper case, the apex in three spellings', () => {
    assert.equal(relativeHost('aliyundm.mail.example.com.', 'example.com'), 'aliyundm.mail');
    assert.equal(relativeHost(' aliyundm.MAIL.Example.com ', 'example.com'), 'aliyundm.MAIL');
    assert.equal(relativeHost('aliyundm.mail', 'example.com'), 'aliyundm.mail');
    assert.equal(relativeHost('', 'example.com'), '@');
    assert.equal(relativeHost(' @ ', 'example.com'), '@');
    assert.equal(relativeHost('Example.com.', 'example.com'), '@');
    assert.equal(relativeHost('x.notexample.com', 'example.com'), 'x.notexample.com');
  });

  it('records of a domain given fully qualified and in upper case are relative to its zone', () => {
    const records = deriveDnsRecords(detail({ domainName: 'Mail.Example.com', tlDomainName: 'EXAMPLE.COM', hostRecord: 'aliyundm.mail.example.com.' }));
    assert.deepEqual(records.map((r) => r.host), ['aliyundm.mail', 'mail', 'mail', 'aliyun._domainkey.mail', '_dmarc.mail', 'dmtrace.mail']);
    assert.ok(records.every((r) => r.zone === 'example.com'), JSON.stringify(records.map((r) => r.zone)));
  });
});

describe('DNS records: values and states', () => {
  it('SPF: SpfRecordV2 trimmed; else the legacy fragment with or without "include:"; else no SPF record', () => {
    const spf = (o: Partial<DomainDetail>): string | undefined => deriveDnsRecords(detail(o)).find((r) => r.kind === 'spf')?.value;
    assert.equal(spf({ spfRecordV2: '  v=spf1 include:x -all  ' }), 'v=spf1 include:x -all');
    assert.equal(spf({ spfRecordV2: '   ', spfRecord: ' spf1.dm.aliyun.com ' }), 'v=spf1 include:spf1.dm.aliyun.com -all');
    assert.equal(spf({ spfRecordV2: '', spfRecord: 'include:spf1.dm.aliyun.com' }), 'v=spf1 include:spf1.dm.aliyun.com -all');
    assert.equal(spf({ spfRecordV2: '', spfRecord: '  ' }), undefined);
  });

  it('a record without a flag is "unknown", 0 is "pass", 1 is "fail"', () => {
    const states = deriveDnsRecords(detail({ spfAuthStatus: undefined, mxAuthStatus: RecordStatus.Verified, dkimAuthStatus: RecordStatus.NotVerified }));
    assert.deepEqual(states.filter((r) => ['spf', 'mx', 'dkim'].includes(r.kind)).map((r) => [r.kind, r.state]), [['spf', 'unknown'], ['mx', 'pass'], ['dkim', 'fail']]);
  });

  it('each record explains itself, naming its host', () => {
    const by = new Map(deriveDnsRecords(detail()).map((r) => [r.kind, r.explanation]));
    assert.match(by.get('dkim')!, /^DKIM: .*mail\.example\.com/);
    assert.match(by.get('dmarc')!, /^DMARC: .*mail\.example\.com/);
    assert.match(by.get('tracking')!, /^Tracking \(optional\): .*"dmtrace\.mail"/);
    for (const [kind, text] of by) assert.ok(text.length > 20, `${kind}: ${text}`);
  });

  it('the state words for tooltips differ per state', () => {
    assert.equal(stateText('pass'), 'Direct Mail found this record and it is correct.');
    assert.match(stateText('fail'), /^Direct Mail did not find this record, or its value differs\. Publish it/);
    assert.equal(stateText('unknown'), 'Direct Mail reports no check for this record.');
  });

  it('a domain is verified only when every required record passes, and never with no required record', () => {
    const rec = (state: 'pass' | 'fail', required = true) => ({ kind: 'spf', type: 'TXT', host: '@', fqdn: 'x', zone: 'x', value: 'v', state, required, explanation: '' }) as never;
    assert.equal(domainStateOfRecords([]), 'unverified');
    assert.equal(domainStateOfRecords([rec('pass', false)]), 'unverified');
    assert.equal(domainStateOfRecords([rec('pass'), rec('pass'), rec('fail', false)]), 'verified');
    assert.equal(domainStateOfRecords([rec('pass'), rec('fail')]), 'partly');
    assert.equal(domainStateOfRecords([rec('fail')]), 'unverified');
  });
});
