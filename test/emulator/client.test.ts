// The Direct Mail client against the local emulator over real HTTP with real signatures: every action, both
// signature versions, STS tokens, paging, every injected fault, and input that must never reach the wire.
import { strict as assert } from 'node:assert';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { DirectMailClient, DirectMailError, DomainStatus, RecipientListStatus, collect } from '../../src/api';
import type { ClientExtraOptions, ClientOptions, Credentials, RequestLogEntry } from '../../src/api';
import {
  DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, OTHER_ACCESS_KEY_ID, STS_ACCESS_KEY_ID, STS_ACCESS_KEY_SECRET, STS_SECURITY_TOKEN,
} from './credentials';
import type { Emulator } from './server';
import { failure } from './failure';
import { startEmulator } from './server';
import { until } from './until';

const DEMO: Credentials = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };
const STS: Credentials = { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_SECURITY_TOKEN };

interface LoggedRequest { action: string; params: Record<string, string>; signatureVersion: string; status: number; code?: string }
interface AccountJson {
  totals: { domains: number; mailAddresses: number; receivers: number; tags: number };
  domains: { id: number; name: string; status: number; passwordSet: boolean }[];
  mailAddresses: { id: number; accountName: string; sendtype: string; replyAddress: string; replyStatus: number; replyTicket?: string }[];
  receivers: { id: string; name: string; count: number; recipients: { email: string }[] }[];
  tags: { id: number; name: string; description: string }[];
  quota: { dailyQuota: number; monthQuota: number };
  sentMails: { to?: string[]; subject?: string }[];
}

describe('Direct Mail client against the emulator', function () {
  let emulator: Emulator;
  const clients: DirectMailClient[] = [];

  async function admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${emulator.url}/__emulator/${path}`, {
      method, headers: body === undefined ? undefined : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
    });
    assert.equal(res.status, 200, `admin ${method} ${path}: ${await res.clone().text()}`);
    return (await res.json()) as T;
  }
  const demoState = async (): Promise<AccountJson> => (await admin<{ accounts: { demo: AccountJson } }>('GET', 'state')).accounts.demo;
  const requests = async (): Promise<LoggedRequest[]> => (await admin<{ requests: LoggedRequest[] }>('GET', 'requests')).requests;
  const fault = (spec: Record<string, unknown>): Promise<unknown> => admin('POST', 'faults', spec);

  function client(options: Partial<ClientOptions & ClientExtraOptions> = {}): DirectMailClient {
    const c = new DirectMailClient({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: DEMO, retryBaseDelayMs: 5, ...options });
    clients.push(c);
    return c;
  }

  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
  });
  after(async () => {
    await emulator.close();
  });
  beforeEach(async () => {
    await admin('POST', 'reset', { seed: 'demo' });
    await admin('DELETE', 'faults');
    await admin('DELETE', 'requests');
  });
  afterEach(async () => {
    await Promise.all(clients.splice(0).map((c) => c.close()));
  });

  for (const signatureVersion of ['v3', 'v1'] as const) {
    describe(`signature ${signatureVersion}`, () => {
      it('reads the account summary and every list of the demo account', async () => {
        const c = client({ signatureVersion });
        const state = await demoState();
        const summary = await c.descAccountSummary();
        assert.equal(summary.domains, state.totals.domains);
        assert.equal(summary.dailyQuota, state.quota.dailyQuota);
        assert.equal(summary.monthQuota, state.quota.monthQuota);

        const domains = await c.queryDomains();
        assert.equal(domains.totalCount, state.totals.domains);
        assert.deepEqual(domains.items.map((d) => d.domainName).sort(), state.domains.map((d) => d.name).sort());
        const verified = domains.items.find((d) => d.domainName === 'example.com');
        assert.equal(verified?.domainStatus, DomainStatus.Verified);
        assert.equal(domains.items.find((d) => d.domainName === 'mail.example.org')?.domainStatus, DomainStatus.NotVerified);

        const addresses = await c.querySenderAddresses();
        assert.equal(addresses.totalCount, state.totals.mailAddresses);
        assert.equal(addresses.items.find((a) => a.accountName === 'noreply@example.com')?.sendtype, 'trigger');
        assert.equal(addresses.items.find((a) => a.accountName === 'news@example.com')?.sendtype, 'batch');
        assert.equal((await c.querySenderAddresses({ sendtype: 'batch' })).items.length, state.mailAddresses.filter((m) => m.sendtype === 'batch').length);

        const lists = await c.queryRecipientLists();
        assert.deepEqual(lists.items.map((l) => [l.listName, l.count]).sort(), state.receivers.map((r) => [r.name, r.count]).sort());
        const tags = await c.queryTags();
        assert.deepEqual(tags.items.map((t) => t.tagName).sort(), state.tags.map((t) => t.name).sort());
        assert.equal((await c.queryTags({ keyword: 'welcome' })).items.length, 1);

        const logged = await requests();
        assert.ok(logged.length >= 7 && logged.every((r) => r.signatureVersion === signatureVersion && r.status === 200));
      });

      it('creates, verifies, changes and deletes a domain', async () => {
        const c = client({ signatureVersion });
        const { domainId } = await c.createDomain({ domainName: 'mail.client-test.com', dkimSelector: 'sel1' });
        assert.match(domainId, /^\d+$/);
        assert.equal((await c.queryDomains({ keyword: 'client-test' })).items[0]?.domainId, domainId);
        const detail = await c.descDomain(domainId, { realTime: true });
        assert.equal(detail.domainName, 'mail.client-test.com');
        assert.equal(detail.tlDomainName, 'client-test.com');
        assert.equal(detail.hostRecord, 'aliyundm.mail');
        assert.equal(detail.dkimRR, 'sel1._domainkey.mail');
        assert.equal(detail.domainStatus, DomainStatus.NotVerified);
        assert.equal((await c.checkDomain(domainId)).domainStatus, DomainStatus.NotVerified);
        await admin('POST', 'publish', { domainName: 'mail.client-test.com' });
        assert.equal((await c.checkDomain(domainId)).domainStatus, DomainStatus.Verified);
        await c.modifyDomainPassword('mail.client-test.com', 'Abcd1234Ef');
        await c.modifyDomainPassword(domainId, 'Wxyz5678Gh'); // by ID: resolved to the name first
        assert.equal((await demoState()).domains.find((d) => d.name === 'mail.client-test.com')?.passwordSet, true);
        await failure(c.modifyDomainPassword(domainId, 'Wxyz5678Gh'), { code: 'InvalidDomainPassword.equalcurrent', httpStatus: 400 });
        await c.deleteDomain(domainId);
        assert.equal((await demoState()).domains.some((d) => d.name === 'mail.client-test.com'), false);
        const gone = await failure(c.descDomain(domainId), { retryable: false });
        assert.match(gone.code, /NotFound/);
        assert.ok(gone.requestId, 'a service error carries the RequestId');
      });

      it('creates, modifies, verifies the reply-to of and deletes a sender address', async () => {
        const c = client({ signatureVersion });
        const { senderAddressId } = await c.createSenderAddress({ accountName: 'alerts@example.com', sendtype: 'trigger', replyAddress: 'ops@example.com' });
        const created = (await c.querySenderAddresses({ keyword: 'alerts' })).items;
        assert.deepEqual(created.map((m) => [m.senderAddressId, m.accountName, m.replyAddress]), [[senderAddressId, 'alerts@example.com', 'ops@example.com']]);
        await c.modifySenderAddress({ senderAddressId, password: 'Abcd1234Ef', replyAddress: 'help@example.com' });
        await c.checkReplyToAddress(senderAddressId, { lang: 'en' });
        const ticket = (await demoState()).mailAddresses.find((m) => String(m.id) === senderAddressId)?.replyTicket;
        assert.ok(ticket, 'the emulator issued a verification ticket');
        await c.approveReplyAddress(ticket);
        const approved = (await demoState()).mailAddresses.find((m) => String(m.id) === senderAddressId);
        assert.equal(approved?.replyAddress, 'help@example.com');
        assert.equal(approved?.replyStatus, 1);
        await c.deleteSenderAddress(senderAddressId);
        assert.equal((await demoState()).mailAddresses.some((m) => String(m.id) === senderAddressId), false);
      });

      it('creates a recipient list, adds, lists and removes recipients, and deletes it', async () => {
        const c = client({ signatureVersion });
        const { recipientListId } = await c.createRecipientList({ listName: 'Client test', listAlias: 'client-test@example.com', desc: 'made by a test' });
        const saved = await c.addRecipients(recipientListId, [
          { email: 'a@example.net', userName: 'Ann' }, { email: 'b@example.net' }, { email: 'a@example.net' },
        ]);
        assert.equal(saved.successCount, 2);
        assert.equal(saved.errorCount, 1);
        assert.deepEqual(saved.errors.map((e) => e.email), ['a@example.net']);
        const page = await c.queryRecipients({ recipientListId });
        assert.deepEqual(page.items.map((r) => r.email).sort(), ['a@example.net', 'b@example.net']);
        assert.equal((await c.queryRecipients({ recipientListId, keyword: 'b@' })).items.length, 1);
        const custom = await c.addRecipientsWithData(recipientListId, [{ email: 'c@example.net', customData: { name: 'Cy', plan: 'pro' } }, { email: 'b@example.net', customData: {} }]);
        assert.deepEqual([custom.successCount, custom.errorCount, custom.errors.map((e) => e.email)], [1, 1, ['b@example.net']]);
        const logged = (await requests()).filter((r) => r.action === 'SaveReceiverDetail').at(-1);
        assert.deepEqual(JSON.parse(logged?.params.CustomDetail ?? 'null'), [{ Email: 'c@example.net', CustomData: { name: 'Cy', plan: 'pro' } }, { Email: 'b@example.net', CustomData: {} }]);
        assert.equal(logged?.params.Detail, undefined);
        await c.deleteRecipient(recipientListId, 'c@example.net');
        await c.deleteRecipient(recipientListId, 'a@example.net');
        assert.deepEqual((await demoState()).receivers.find((r) => r.id === recipientListId)?.recipients.map((r) => r.email), ['b@example.net']);
        await c.deleteRecipientList(recipientListId);
        assert.equal((await demoState()).receivers.some((r) => r.id === recipientListId), false);
      });

      it('creates, renames and deletes a tag', async () => {
        const c = client({ signatureVersion });
        const { tagId } = await c.createTag({ tagName: 'client_test', tagDescription: 'first' });
        await c.modifyTag({ tagId, tagName: 'client-test-2', tagDescription: 'second' });
        const tag = (await demoState()).tags.find((t) => String(t.id) === tagId);
        assert.deepEqual([tag?.name, tag?.description], ['client-test-2', 'second']);
        assert.deepEqual((await c.queryTags({ keyword: 'client-test-2' })).items.map((t) => t.tagId), [tagId]);
        await c.deleteTag(tagId);
        assert.equal((await demoState()).tags.some((t) => String(t.id) === tagId), false);
      });

      it('sends a single mail with its fields in the form body', async () => {
        const c = client({ signatureVersion });
        const sent = await c.singleSendMail({
          accountName: 'noreply@example.com', toAddress: ['dev@example.net', 'qa@example.net'], subject: 'Hello é & ~ *',
          textBody: 'Line 1\nLine 2 + more', fromAlias: 'Tester', tagName: 'welcome', headers: { 'X-User-Id': '42' },
        });
        assert.match(sent.envId, /^\d+$/);
        assert.match(sent.requestId, /^[0-9A-F-]{36}$/);
        const logged = (await requests()).find((r) => r.action === 'SingleSendMail');
        assert.equal(logged?.params.Subject, 'Hello é & ~ *');
        assert.equal(logged?.params.ToAddress, 'dev@example.net,qa@example.net');
        assert.equal(logged?.params.TextBody, 'Line 1\nLine 2 + more');
        assert.equal(logged?.params.ReplyToAddress, 'false');
        assert.equal(logged?.params.DomainAuth, undefined);
      });

      it('sends as a domain with domain-level authentication, and refuses a bare domain without it', async () => {
        const c = client({ signatureVersion });
        await failure(c.singleSendMail({ accountName: 'example.com', domainAuth: true, toAddress: 'dev@example.net', subject: 'S', textBody: 'T' }), { code: 'InvalidMailAddress.NotFound' });
        await c.createSenderAddress({ accountName: 'domain-auth-created-by-system@example.com', sendtype: 'trigger' });
        await admin('DELETE', 'requests');
        const sent = await c.singleSendMail({ accountName: 'example.com', domainAuth: true, toAddress: 'dev@example.net', subject: 'Domain', textBody: 'T' });
        assert.match(sent.envId, /^\d+$/);
        assert.deepEqual((await requests()).map((r) => [r.action, r.params.AccountName, r.params.DomainAuth]), [['SingleSendMail', 'example.com', 'true']]);
        const refused = await failure(c.singleSendMail({ accountName: 'example.com', toAddress: 'dev@example.net', subject: 'S', textBody: 'T' }), { code: 'InvalidInput' });
        assert.match(refused.message, /domain-level authentication \(domainAuth\)/);
        assert.equal((await requests()).length, 1, 'the refused send never reached the wire');
      });

      it('filters recipient lists by upload status', async () => {
        const c = client({ signatureVersion });
        assert.equal((await c.queryRecipientLists({ status: RecipientListStatus.Ready })).totalCount, (await demoState()).totals.receivers);
        assert.equal((await c.queryRecipientLists({ status: RecipientListStatus.Uploading })).totalCount, 0);
        assert.equal((await requests()).at(-1)?.params.Status, '0');
      });

      it('signs with an STS token', async () => {
        const c = client({ signatureVersion, credentials: async () => STS });
        assert.equal((await c.queryTags()).totalCount, (await demoState()).totals.tags);
        const wrongToken = client({ signatureVersion, credentials: { ...STS, securityToken: 'NotTheToken' } });
        const e = await failure(wrongToken.descAccountSummary(), { retryable: false });
        assert.match(e.code, /SecurityToken/);
        assert.match(e.message, /token/i);
        assert.ok(!e.message.includes('NotTheToken') && !e.message.includes(STS_ACCESS_KEY_SECRET));
      });

      it('explains a wrong secret and an unknown key without revealing the secret', async () => {
        const wrong = client({ signatureVersion, credentials: { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: 'WrongSecretValue123' } });
        const e = await failure(wrong.descAccountSummary(), { code: 'SignatureDoesNotMatch', httpStatus: 400, retryable: false });
        assert.match(e.message, /AccessKey secret/);
        assert.ok(!e.message.includes('WrongSecretValue123'));
        const unknown = client({ signatureVersion, credentials: { accessKeyId: 'NoSuchEmulatorKeyId', accessKeySecret: 'x' } });
        const n = await failure(unknown.descAccountSummary(), { code: 'InvalidAccessKeyId.NotFound', httpStatus: 404 });
        assert.match(n.message, /does not exist/);
      });
    });
  }

  it('explains a clock the service does not accept', async () => {
    // An allowed distance below zero: every request time counts as too far from the emulator's clock.
    const strict = await startEmulator({ seed: 'empty', clockSkewMs: -1 });
    try {
      const log: RequestLogEntry[] = [];
      const c = client({ endpoint: strict.url, onLog: (e) => log.push(e) });
      const e = await failure(c.descAccountSummary(), { code: 'InvalidTimeStamp.Expired', httpStatus: 400, retryable: false });
      assert.match(e.message, /Check the system clock/);
      assert.equal(log.length, 1);
    } finally {
      await strict.close();
    }
  });

  it('shows the data of the account the key belongs to', async () => {
    const other = client({ credentials: { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: 'OtherEmulatorSecretNotReal000' } });
    const names = (await other.queryDomains()).items.map((d) => d.domainName);
    assert.ok(names.length > 0 && !names.includes('example.com'));
  });

  describe('paging', () => {
    const N = 250;
    beforeEach(async () => {
      await admin('POST', 'reset', { seed: `scale:${N}` });
    });

    it('walks PageNo/PageSize pages to the end', async () => {
      const c = client();
      const pages = [];
      for await (const page of c.iterateDomains({ pageSize: 100 })) pages.push(page);
      assert.deepEqual(pages.map((p) => [p.pageNumber, p.items.length]), [[1, 100], [2, 100], [3, 50]]);
      const names = new Set(pages.flatMap((p) => p.items.map((d) => d.domainName)));
      assert.equal(names.size, N);
      assert.equal((await collect(c.iterateTags({ pageSize: 40 }))).length, N);
      assert.equal((await collect(c.iterateSenderAddresses({ pageSize: 100, sendtype: 'trigger' }))).length, N / 2);
    });

    it('pages recipient lists by PageNo (their request has no NextStart) and recipients by NextStart, to the end', async () => {
      const c = client();
      await admin('DELETE', 'requests');
      const listPages = [];
      for await (const page of c.iterateRecipientLists({ pageSize: 100 })) listPages.push(page);
      assert.deepEqual(listPages.map((p) => [p.pageNumber, p.items.length]), [[1, 100], [2, 100], [3, 50]]);
      const lists = listPages.flatMap((p) => p.items);
      assert.equal(new Set(lists.map((l) => l.recipientListId)).size, N);
      const sent = (await requests()).filter((r) => r.action === 'QueryReceiverByParam').map((r) => [r.params.PageNo, r.params.NextStart]);
      assert.deepEqual(sent, [['1', undefined], ['2', undefined], ['3', undefined]]);
      const big = lists.find((l) => l.count === N);
      assert.ok(big, 'the scale seed has one list with N recipients');
      let pageCount = 0;
      const emails = new Set<string>();
      for await (const page of c.iterateRecipients({ recipientListId: big.recipientListId, pageSize: 100 })) {
        pageCount++;
        for (const r of page.items) emails.add(r.email);
      }
      assert.equal(pageCount, 3);
      assert.equal(emails.size, N);
    });
  });

  describe('a service that leaves TotalCount out', () => {
    it('pages on after a full page and stops at a short one, so no item is lost', async () => {
      const c = client();
      await fault({ kind: 'omitFields', fields: ['TotalCount'], actions: ['QueryTagByParam'], count: 0 });
      await admin('DELETE', 'requests');
      const pages: { size: number; total: number | undefined }[] = [];
      for await (const page of c.iterateTags({ pageSize: 2 })) pages.push({ size: page.items.length, total: page.totalCount });
      assert.deepEqual(pages, [{ size: 2, total: undefined }, { size: 1, total: undefined }]);
      assert.deepEqual((await requests()).map((r) => r.params.PageNo), ['1', '2']);
      assert.equal((await requests()).every((r) => r.code === undefined), true);
    });
  });

  describe('a service that repeats a page', () => {
    it('ends an iteration at a page with nothing new and yields every item once', async () => {
      const c = client();
      await fault({ kind: 'repeatPage', actions: ['QueryTagByParam', 'QueryReceiverByParam'], count: 0 });
      await admin('DELETE', 'requests');
      const tags = await collect(c.iterateTags({ pageSize: 2 }));
      assert.equal(tags.length, 2);
      assert.equal(new Set(tags.map((t) => t.tagId)).size, 2);
      assert.deepEqual((await requests()).map((r) => r.params.PageNo), ['1', '2'], 'page 2 came back as page 1, so the iteration ended');
      const lists = await collect(c.iterateRecipientLists({ pageSize: 1 }));
      assert.deepEqual(lists.length, 1);
    });
  });

  describe('faults', () => {
    it('retries a read after HTTP 503 and succeeds, with a fresh nonce per attempt', async () => {
      const log: RequestLogEntry[] = [];
      const c = client({ onLog: (e) => log.push(e) });
      await fault({ kind: 'http503', count: 1, actions: ['QueryDomainByParam'] });
      const page = await c.queryDomains();
      assert.equal(page.totalCount, (await demoState()).totals.domains);
      assert.deepEqual(log.map((e) => [e.action, e.attempt, e.httpStatus, e.code]), [
        ['QueryDomainByParam', 1, 503, 'ServiceUnavailable'], ['QueryDomainByParam', 2, 200, undefined],
      ]);
      assert.ok(log[1].requestId && log.every((e) => e.durationMs >= 0));
      assert.deepEqual((await requests()).map((r) => r.status), [503, 200]);
    });

    it('gives up on a read after the configured retries of HTTP 500', async () => {
      const c = client({ maxRetries: 2 });
      await fault({ kind: 'http500', count: 0 });
      const e = await failure(c.descAccountSummary(), { code: 'InternalError', httpStatus: 500, retryable: true, action: 'DescAccountSummary' });
      assert.match(e.message, /temporary server problem/);
      assert.equal((await requests()).length, 3);
    });

    it('never re-sends a create after HTTP 503', async () => {
      const c = client();
      await fault({ kind: 'http503', count: 1, actions: ['CreateTag'] });
      await failure(c.createTag({ tagName: 'once_only' }), { code: 'ServiceUnavailable', httpStatus: 503, retryable: true });
      assert.deepEqual((await requests()).map((r) => r.action), ['CreateTag']);
    });

    it('retries throttling (honouring x-acs-retry-after), even for a create, since nothing was done', async () => {
      const log: RequestLogEntry[] = [];
      const c = client({ onLog: (e) => log.push(e) });
      await fault({ kind: 'throttle', count: 1, retryAfterMs: 20, actions: ['CreateTag'] });
      const { tagId } = await c.createTag({ tagName: 'after_throttle' });
      assert.ok((await demoState()).tags.some((t) => String(t.id) === tagId));
      assert.deepEqual(log.map((e) => e.code), ['Throttling.User', undefined]);
    });

    it('explains throttling that does not stop', async () => {
      const c = client({ maxRetries: 1 });
      await fault({ kind: 'throttle', count: 0 });
      const e = await failure(c.queryTags(), { code: 'Throttling.User', retryable: true });
      assert.match(e.message, /limiting the request rate/);
      assert.equal((await requests()).length, 2);
    });

    it('retries a read after a connection reset, but not a create', async () => {
      const c = client();
      await fault({ kind: 'reset', count: 1, actions: ['QueryTagByParam'] });
      assert.equal((await c.queryTags()).totalCount, (await demoState()).totals.tags);
      await admin('DELETE', 'requests');
      await fault({ kind: 'reset', count: 1, actions: ['CreateDomain'] });
      const e = await failure(c.createDomain({ domainName: 'reset.example.com' }), { code: 'NetworkError', retryable: true, delivery: 'unknown' });
      assert.match(e.message, /outcome is unknown/);
      assert.deepEqual((await requests()).map((r) => r.action), ['CreateDomain']);
    });

    it('reports a truncated body and a non-JSON body that persist (a read is asked again) as InvalidResponse', async () => {
      const c = client({ maxRetries: 1 });
      await fault({ kind: 'truncated', count: 2, actions: ['QueryDomainByParam'] });
      const t = await failure(c.queryDomains(), { code: 'InvalidResponse', action: 'QueryDomainByParam' });
      assert.match(t.message, /QueryDomainByParam/);
      await fault({ kind: 'nonjson', count: 2, actions: ['DescAccountSummary'] });
      const n = await failure(c.descAccountSummary(), { code: 'InvalidResponse', httpStatus: 200 });
      assert.match(n.message, /not valid JSON/);
      assert.deepEqual((await requests()).map((r) => r.action), ['QueryDomainByParam', 'QueryDomainByParam', 'DescAccountSummary', 'DescAccountSummary']);
    });

    it('times out a slow answer, retrying a read but never a write', async () => {
      const log: RequestLogEntry[] = [];
      const c = client({ requestTimeoutMs: 300, onLog: (e) => log.push(e) });
      await fault({ kind: 'latency', count: 0, latencyMs: 3000, actions: ['CreateTag', 'QueryTagByParam'] });
      const e = await failure(c.createTag({ tagName: 'slow_one' }), { code: 'RequestTimeout', retryable: true });
      assert.match(e.message, /did not answer CreateTag within 0.3 s/);
      assert.deepEqual(log.map((l) => [l.action, l.attempt, l.code]), [['CreateTag', 1, 'RequestTimeout']]);
      const r = client({ requestTimeoutMs: 300, maxRetries: 1, onLog: (e) => log.push(e) });
      await failure(r.queryTags(), { code: 'RequestTimeout' });
      assert.deepEqual(log.slice(1).map((l) => [l.action, l.attempt, l.code]), [['QueryTagByParam', 1, 'RequestTimeout'], ['QueryTagByParam', 2, 'RequestTimeout']]);
      await admin('DELETE', 'faults');
    });

    it('cancels a request through its AbortSignal', async () => {
      const c = client();
      await fault({ kind: 'latency', count: 1, latencyMs: 2000 });
      const controller = new AbortController();
      const pending = c.queryDomains({}, { signal: controller.signal });
      setTimeout(() => controller.abort(), 50);
      await failure(pending, { code: 'RequestAborted', retryable: false });
    });

    it('a cancel before sending sends nothing; a change cancelled after it left may still happen, and says so', async () => {
      const c = client();
      await admin('DELETE', 'requests');
      const early = await failure(c.createTag({ tagName: 'never_sent' }, { signal: AbortSignal.abort() }), { code: 'RequestAborted', delivery: 'notSent' });
      assert.equal(early.message, 'CreateTag was cancelled before it was sent.');
      assert.deepEqual(await requests(), []);

      await fault({ kind: 'latency', count: 1, latencyMs: 500, actions: ['CreateTag'] });
      const controller = new AbortController();
      const pending = c.createTag({ tagName: 'cancelled_late' }, { signal: controller.signal });
      setTimeout(() => controller.abort(), 100);
      const late = await failure(pending, { code: 'RequestAborted', delivery: 'unknown', retryable: false });
      assert.equal(late.message, 'CreateTag was cancelled after it was sent; Direct Mail may or may not have carried it out.');
      // The service did not hear of the cancel: the tag is there once its delay has passed.
      await until('the delayed tag', async () => (await demoState()).tags.some((t) => t.name === 'cancelled_late'));
    });

    it('retries a refused connection, even for a create, and then explains it', async () => {
      const closed = createServer();
      await new Promise<void>((r) => closed.listen(0, '127.0.0.1', () => r()));
      const port = (closed.address() as AddressInfo).port;
      await new Promise<void>((r) => closed.close(() => r()));
      const log: RequestLogEntry[] = [];
      const c = client({ endpoint: `http://127.0.0.1:${port}`, maxRetries: 2, onLog: (e) => log.push(e) });
      const e = await failure(c.createTag({ tagName: 'nobody_home' }), { code: 'NetworkError', retryable: true });
      assert.match(e.message, /Could not reach Direct Mail at 127\.0\.0\.1:\d+ \(ECONNREFUSED/);
      assert.equal(log.length, 3);
    });
  });

  describe('input checks', () => {
    it('rejects bad input before sending anything', async () => {
      const c = client();
      const cases: [Promise<unknown>, RegExp][] = [
        [c.createDomain({ domainName: 'not a domain' }), /domain name may contain only/],
        [c.createDomain({ domainName: 'example.com', dkimSelector: 'bad_selector' }), /DKIM selector/],
        [c.createSenderAddress({ accountName: 'no-at-sign', sendtype: 'trigger' }), /name@example\.com/],
        [c.createSenderAddress({ accountName: 'a@example.com', sendtype: 'bulk' as never }), /send type/],
        [c.modifyDomainPassword('example.com', 'weak'), /10 to 20 characters/],
        [c.modifySenderAddress({ senderAddressId: '237915', password: 'alllowercase12' }), /upper-case/],
        [c.createTag({ tagName: 'has space' }), /tag name/],
        [c.createRecipientList({ listName: '', listAlias: 'x@example.com' }), /list name/],
        [c.createRecipientList({ listName: 'ok', listAlias: 'not-an-address' }), /list alias/],
        [c.queryDomains({ pageSize: 1000 }), /page size/],
        [c.deleteDomain('abc'), /must be a number/],
        [c.addRecipients('bbb5f8fc7508e49c34efcdd8e6877b05', [{ email: 'bad@' }]), /Recipient 1/],
        [c.singleSendMail({ accountName: 'noreply@example.com', toAddress: 'dev@example.net', subject: 'Hi' }), /message body/],
        [c.singleSendMail({ accountName: 'noreply@example.com', toAddress: 'x', subject: 'Hi', textBody: 'b' }), /Recipient "x"/],
      ];
      for (const [promise, message] of cases) {
        const e = await failure(promise, { code: 'InvalidInput', retryable: false });
        assert.match(e.message, message);
      }
      assert.deepEqual(await requests(), []);
    });

    it('refuses a plain http:// endpoint that is not this machine', () => {
      assert.throws(() => new DirectMailClient({ region: 'cn-hangzhou', endpoint: 'http://dm.example.com', credentials: DEMO }),
        (e: unknown) => e instanceof DirectMailError && e.code === 'InvalidInput' && /only allowed for this machine/.test(e.message));
    });
  });

  describe('wire details', () => {
    it('sends the User-Agent, reuses keep-alive connections and keeps secrets out of the log entries', async () => {
      const seen: { ua?: string; port?: number }[] = [];
      const proxy = createServer((req, res) => {
        seen.push({ ua: req.headers['user-agent'], port: req.socket.remotePort });
        res.writeHead(200, { 'content-type': 'application/json', 'x-acs-request-id': 'ABC' });
        res.end(JSON.stringify({ RequestId: 'ABC', PageNumber: 1, PageSize: 10, TotalCount: 0, data: { tag: [] } }));
      });
      await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
      try {
        const log: RequestLogEntry[] = [];
        const c = client({ endpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`, extensionVersion: '9.9.9', credentials: STS, onLog: (e) => log.push(e) });
        for (let i = 0; i < 6; i++) await c.queryTags();
        assert.deepEqual(new Set(seen.map((s) => s.ua)), new Set(['DirectMailVSCode/9.9.9']));
        // undici frees a connection just after the answer is delivered, so back-to-back calls may use a second one.
        assert.ok(new Set(seen.map((s) => s.port)).size <= 2, 'keep-alive connections are reused');
        const text = JSON.stringify(log);
        assert.ok(log.length === 6 && log[0].requestId === 'ABC');
        assert.ok(!text.includes(STS_ACCESS_KEY_SECRET) && !text.includes(STS_SECURITY_TOKEN));
      } finally {
        proxy.closeAllConnections();
        await new Promise<void>((r) => proxy.close(() => r()));
      }
    });
  });
});
