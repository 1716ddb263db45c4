// The one store of what the extension knows per resource: writes from any source reach every listener, a cached
// DescDomain answer never outlives a newer status, not-found answers mark a resource gone, a new connection drops
// late answers of the old one, and the account is re-read after a send.
import * as assert from 'node:assert/strict';
import { DomainStatus, RecordStatus, type AccountSummary, type DomainDetail, type DomainSummary } from '../../src/api/types';
import { ACCOUNT_KEY, isNotFound, ResourceStore, type StoreChange } from '../../src/model/resourceStore';

const summary = (over: Partial<DomainSummary> = {}): DomainSummary => ({
  domainId: '101', domainName: 'mail.example.org', domainStatus: DomainStatus.NotVerified, domainRecord: 'tok',
  spfAuthStatus: RecordStatus.NotVerified, mxAuthStatus: RecordStatus.NotVerified, icpFiled: false, createTime: '2025-01-01T00:00Z', ...over,
});

const detail = (over: Partial<DomainDetail> = {}): DomainDetail => ({
  domainId: '101', domainName: 'mail.example.org', tlDomainName: 'example.org', domainStatus: DomainStatus.NotVerified, createTime: '2025-01-01T00:00Z',
  hostRecord: 'aliyundm.mail', domainType: 'tok', spfRecord: '', spfRecordV2: 'v=spf1 include:spf1.dm.aliyun.com -all', spfAuthStatus: RecordStatus.NotVerified,
  mxRecord: 'mx01.dm.aliyun.com', mxAuthStatus: RecordStatus.NotVerified, dkimRR: 'k._domainkey.mail', dkimPublicKey: 'v=DKIM1; p=x',
  dmarcHostRecord: '_dmarc.mail', dmarcRecord: 'v=DMARC1;p=none', cnameRecord: 'dmtrace', tracefRecord: 'tracedm.aliyuncs.com', cnameConfirmed: false,
  icpFiled: false, dnsTxt: '', dnsSpf: '', dnsMx: '', dnsDmarc: '', ...over,
});

const account = (left: number): AccountSummary => ({
  dailyQuota: 200, dailyRemainFreeQuota: left, monthQuota: 6000, remainFreeQuota: 1000 + left, quotaLevel: 1, maxQuotaLevel: 5,
  userStatus: 0, domains: 3, senderAddresses: 3, tags: 3, templates: 0, recipientLists: 2, enableTimes: 0,
});

const notFound = (code: string, httpStatus = 404): Error => Object.assign(new Error(code), { code, httpStatus });

function recorder(store: ResourceStore): StoreChange[] {
  const seen: StoreChange[] = [];
  store.onDidChange((c) => seen.push(c));
  return seen;
}

describe('ResourceStore', () => {
  it('tells every listener about a change, keyed by kind and id', () => {
    const store = new ResourceStore();
    const a = recorder(store);
    const b = recorder(store);
    store.putDomains([summary()]);
    store.put('tag', '7', { tagId: '7', tagName: 'welcome', tagDescription: '' });
    const expected = [{ type: 'updated', key: { kind: 'domain', id: '101' } }, { type: 'updated', key: { kind: 'tag', id: '7' } }];
    assert.deepEqual(a, expected);
    assert.deepEqual(b, expected);
    assert.equal(store.get('tag', '7')?.tagName, 'welcome');
  });

  it('keeps quiet when a list page repeats what is known', () => {
    const store = new ResourceStore();
    store.putDomains([summary()]);
    const seen = recorder(store);
    store.putDomains([summary()]);
    assert.deepEqual(seen, []);
  });

  it('takes the status from DescDomain, and drops a cached DescDomain answer a newer list page contradicts', () => {
    const store = new ResourceStore();
    store.putDomains([summary()]);
    store.putDomainDetail(detail({ domainStatus: DomainStatus.Verified, spfAuthStatus: RecordStatus.Verified, mxAuthStatus: RecordStatus.Verified }));
    assert.equal(store.domain('101')?.summary.domainStatus, DomainStatus.Verified);
    assert.equal(store.domain('101')?.summary.spfAuthStatus, RecordStatus.Verified);
    // A page that agrees keeps the records; one that differs drops them.
    store.putDomains([summary({ domainStatus: DomainStatus.Verified, spfAuthStatus: RecordStatus.Verified, mxAuthStatus: RecordStatus.Verified })]);
    assert.ok(store.domain('101')?.detail);
    store.putDomains([summary()]);
    assert.equal(store.domain('101')?.detail, undefined);
    assert.equal(store.domain('101')?.summary.domainStatus, DomainStatus.NotVerified);
  });

  it('drops the cached records when CheckDomain reports another status', () => {
    const store = new ResourceStore();
    store.putDomainDetail(detail());
    const seen = recorder(store);
    store.putDomainStatus('101', DomainStatus.NotVerified);
    assert.deepEqual(seen, [], 'same status: nothing changes');
    store.putDomainStatus('101', DomainStatus.Verified);
    assert.equal(store.domain('101')?.summary.domainStatus, DomainStatus.Verified);
    assert.equal(store.domain('101')?.detail, undefined);
    assert.deepEqual(seen, [{ type: 'updated', key: { kind: 'domain', id: '101' } }]);
  });

  it('recognises the service\'s not-found codes per kind only', () => {
    assert.ok(isNotFound('domain', notFound('InvalidDomainId.NotFound')));
    assert.ok(isNotFound('domain', notFound('InvalidDomain.NotFound')));
    assert.ok(isNotFound('domain', notFound('InvalidDomainId.Malformed', 404)), 'CheckDomain of an unknown id');
    assert.ok(!isNotFound('domain', notFound('InvalidDomainId.Malformed', 400)));
    assert.ok(!isNotFound('domain', notFound('InvalidTag.NotFound')));
    assert.ok(isNotFound('tag', notFound('InvalidTag.NotFound')));
    assert.ok(!isNotFound('sender', new Error('socket hang up')));
  });

  it('marks a resource gone when a request about it answers not found, and says so once', async () => {
    const store = new ResourceStore();
    store.putDomains([summary()]);
    store.setSources({ account: async () => account(1), domain: async () => { throw notFound('InvalidDomainId.NotFound'); } });
    const seen = recorder(store);
    await assert.rejects(store.loadDomain('101', { force: true }), /InvalidDomainId.NotFound/);
    await assert.rejects(store.track({ kind: 'domain', id: '101' }, Promise.reject(notFound('InvalidDomain.NotFound'))));
    assert.ok(store.isGone({ kind: 'domain', id: '101' }));
    assert.equal(store.domain('101'), undefined);
    assert.deepEqual(seen, [{ type: 'gone', key: { kind: 'domain', id: '101' } }]);
  });

  it('keeps other failures as the resource\'s error without calling it gone', async () => {
    const store = new ResourceStore();
    store.setSources({ account: async () => { throw Object.assign(new Error('busy'), { code: 'ServiceUnavailable' }); }, domain: async () => detail() });
    const seen = recorder(store);
    await assert.rejects(store.loadAccount(), /busy/);
    assert.equal(store.isGone(ACCOUNT_KEY), false);
    assert.match(String(store.errorOf(ACCOUNT_KEY)), /busy/);
    assert.deepEqual(seen, [{ type: 'failed', key: ACCOUNT_KEY }]);
  });

  it('sends one DescDomain for loads asked at the same time', async () => {
    const store = new ResourceStore();
    let calls = 0;
    store.setSources({ account: async () => account(1), domain: async () => { calls++; return detail(); } });
    await Promise.all([store.loadDomain('101'), store.loadDomain('101'), store.loadDomain('101')]);
    await store.loadDomain('101');
    assert.equal(calls, 1);
    await store.loadDomain('101', { force: true });
    assert.equal(calls, 2);
  });

  it('re-reads the account after a send only when something showed it', async () => {
    const store = new ResourceStore();
    let left = 100;
    let calls = 0;
    store.setSources({ account: async () => { calls++; return account(left); }, domain: async () => detail() });
    await store.accountChanged();
    assert.equal(calls, 0, 'nothing showed the account yet');
    assert.equal((await store.loadAccount()).dailyRemainFreeQuota, 100);
    left = 98;
    const seen = recorder(store);
    await store.accountChanged();
    assert.equal(store.account()?.dailyRemainFreeQuota, 98);
    assert.deepEqual(seen, [{ type: 'updated', key: ACCOUNT_KEY }]);
    assert.equal(calls, 2);
  });

  it('forgets everything on a new connection and drops answers that arrive for the old one', async () => {
    const store = new ResourceStore();
    let release: (d: DomainDetail) => void = () => undefined;
    store.setSources({ account: async () => account(1), domain: () => new Promise((resolve) => (release = resolve)) });
    store.putDomains([summary()]);
    const late = store.loadDomain('101');
    const seen = recorder(store);
    store.reset('other-profile');
    release(detail({ domainStatus: DomainStatus.Verified }));
    await late;
    assert.equal(store.domain('101'), undefined);
    assert.deepEqual(seen, [{ type: 'reset' }]);
    assert.equal(store.scope, 'other-profile');
  });

  it('keeps telling the other listeners when one throws', () => {
    const errors: unknown[] = [];
    const store = new ResourceStore((e) => errors.push(e));
    store.onDidChange(() => {
      throw new Error('listener broke');
    });
    const seen = recorder(store);
    store.putAccount(account(5));
    assert.equal(seen.length, 1);
    assert.equal(errors.length, 1);
  });
});
