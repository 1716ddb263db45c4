// The ownership TXT record has no verification flag of its own: it counts as found when what public DNS returned
// (DnsTxt of a real-time DescDomain) holds the token. DNS tools and resolvers print TXT values in double quotes, so
// a quoted token is the token.
import * as assert from 'node:assert/strict';
import { DomainStatus, RecordStatus, type DomainDetail } from '../../src/api/types';
import { deriveDnsRecords } from '../../src/model/dnsRecords';

const TOKEN = '0c40d5f125af4e42892a';

function detail(overrides: Partial<DomainDetail>): DomainDetail {
  return {
    domainId: '158910', domainName: 'mail.example.com', tlDomainName: 'example.com', domainStatus: DomainStatus.NotVerified,
    createTime: '', hostRecord: 'aliyundm.mail', domainType: TOKEN, spfRecord: '', spfRecordV2: 'v=spf1 include:spf1.dm.aliyun.com -all',
    spfAuthStatus: RecordStatus.NotVerified, mxRecord: 'mx01.dm.aliyun.com', mxAuthStatus: RecordStatus.NotVerified, dkimRR: '', dkimPublicKey: '',
    dkimAuthStatus: RecordStatus.NotVerified, dmarcHostRecord: '', dmarcRecord: '', dmarcAuthStatus: RecordStatus.NotVerified, cnameRecord: '',
    tracefRecord: '', cnameAuthStatus: RecordStatus.NotVerified, cnameConfirmed: false, icpFiled: false, dnsTxt: '', dnsSpf: '', dnsMx: '', dnsDmarc: '',
    ...overrides,
  };
}

const ownership = (d: DomainDetail): string => deriveDnsRecords(d).find((r) => r.kind === 'ownership')!.state;

describe('DNS ownership record: the token as DNS returns it', () => {
  it('counts the token in double quotes as found, alone or among other TXT values', () => {
    assert.equal(ownership(detail({ dnsTxt: `"${TOKEN}"` })), 'pass');
    assert.equal(ownership(detail({ dnsTxt: `"v=spf1 -all" "${TOKEN}"` })), 'pass');
    assert.equal(ownership(detail({ dnsTxt: `"google-site-verification=x",\n"${TOKEN}"` })), 'pass');
  });

  it('counts the bare token as found', () => {
    assert.equal(ownership(detail({ dnsTxt: TOKEN })), 'pass');
  });

  it('does not count another value, a longer value holding the token, or nothing', () => {
    assert.equal(ownership(detail({ dnsTxt: '"ffffffffffffffffffff"' })), 'fail');
    assert.equal(ownership(detail({ dnsTxt: `"x${TOKEN}"` })), 'fail');
    assert.equal(ownership(detail({ dnsTxt: `"${TOKEN}x"` })), 'fail');
    assert.equal(ownership(detail({ dnsTxt: '' })), 'fail');
  });

  it('a verified domain has proved ownership, whatever DnsTxt holds', () => {
    assert.equal(ownership(detail({ domainStatus: DomainStatus.Verified, dnsTxt: '' })), 'pass');
  });
});
