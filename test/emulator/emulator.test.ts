// The emulator speaks the Direct Mail RPC protocol over real HTTP: requests signed with the client's signing code
// are accepted, each kind of broken request gets the gateway's Code and HTTP status, and the state behaves.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { request } from 'node:http';
import { spawn } from 'node:child_process';
import {
  DEMO_ACCESS_KEY_SECRET, OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET, STS_ACCESS_KEY_ID, STS_ACCESS_KEY_SECRET, STS_SECURITY_TOKEN,
} from './credentials';
import { isLoopbackAddress } from './http';
import type { Emulator } from './server';
import { startEmulator } from './server';
import type { CallOptions } from './signedCall';
import { admin, send, signedCall } from './signedCall';

const UUID_UPPER = /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/;

describe('Direct Mail emulator', function () {
  let emu: Emulator;
  const call = (o: CallOptions) => signedCall(emu.url, o);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const demoState = async (): Promise<any> => (await admin(emu.url, 'GET', 'state')).accounts.demo;

  before(async () => {
    emu = await startEmulator({ seed: 'demo' });
  });
  after(() => emu.close());
  beforeEach(() => admin(emu.url, 'POST', 'reset', { seed: 'demo' }));

  describe('signatures', () => {
    for (const scheme of ['v1', 'v3'] as const) {
      for (const [method, form] of [['GET', false], ['POST', false], ['POST', true]] as const) {
        it(`accepts a correct ${scheme} ${method}${form ? ' form' : ''} request`, async () => {
          const res = await call({ action: 'QueryTagByParam', params: { KeyWord: 'week', PageSize: '5' }, scheme, method, form });
          assert.equal(res.status, 200, res.text);
          assert.equal(res.headers['content-type'], 'application/json;charset=utf-8');
          assert.match(res.body.RequestId, UUID_UPPER);
          assert.equal(res.headers['x-acs-request-id'], res.body.RequestId);
          assert.deepEqual(res.body.data.tag.map((t: { TagName: string }) => t.TagName), ['weekly-digest']);
        });
      }
    }

    it('signs and checks parameters with reserved and non-ASCII characters', async () => {
      for (const scheme of ['v1', 'v3'] as const) {
        const res = await call({ action: 'QueryTagByParam', params: { KeyWord: "a b*c~d!'()é+/=" }, scheme, method: 'GET' });
        assert.equal(res.status, 200, res.text);
        assert.equal(res.body.TotalCount, 0);
      }
    });

    it('refuses a wrong secret with SignatureDoesNotMatch (400) and echoes the string to sign', async () => {
      const v1 = await call({ action: 'DescAccountSummary', scheme: 'v1', method: 'GET', accessKeySecret: 'WrongSecret' });
      assert.equal(v1.status, 400);
      assert.equal(v1.body.Code, 'SignatureDoesNotMatch');
      assert.match(v1.body.Message, /^Specified signature is not matched with our calculation\. server string to sign is:GET&%2F&AccessKeyId%3D/);
      const v3 = await call({ action: 'DescAccountSummary', scheme: 'v3', accessKeySecret: 'WrongSecret' });
      assert.equal(v3.status, 400);
      assert.equal(v3.body.Code, 'SignatureDoesNotMatch');
      assert.ok(!v3.text.includes(DEMO_ACCESS_KEY_SECRET));
    });

    it('answers errors with the gateway body shape', async () => {
      const res = await call({ action: 'DescAccountSummary', accessKeySecret: 'WrongSecret' });
      assert.deepEqual(Object.keys(res.body).sort(), ['Code', 'HostId', 'Message', 'Recommend', 'RequestId']);
      assert.match(res.body.RequestId, UUID_UPPER);
      assert.equal(res.headers['x-acs-request-id'], res.body.RequestId);
      assert.equal(res.body.Recommend, `https://api.aliyun.com/troubleshoot?q=SignatureDoesNotMatch&product=Dm&requestId=${res.body.RequestId}`);
    });

    it('refuses an unknown AccessKey ID with InvalidAccessKeyId.NotFound (404)', async () => {
      for (const scheme of ['v1', 'v3'] as const) {
        const res = await call({ action: 'DescAccountSummary', scheme, accessKeyId: 'NobodyHasThisKeyId' });
        assert.equal(res.status, 404);
        assert.equal(res.body.Code, 'InvalidAccessKeyId.NotFound');
      }
    });

    it('refuses a timestamp more than 15 minutes off, and a malformed one', async () => {
      for (const scheme of ['v1', 'v3'] as const) {
        const old = await call({ action: 'DescAccountSummary', scheme, time: new Date(Date.now() - 20 * 60_000) });
        assert.equal(old.status, 400);
        assert.equal(old.body.Code, 'InvalidTimeStamp.Expired');
        const future = await call({ action: 'DescAccountSummary', scheme, time: new Date(Date.now() + 20 * 60_000) });
        assert.equal(future.body.Code, 'InvalidTimeStamp.Expired');
        const bad = await call({ action: 'DescAccountSummary', scheme, rawTime: '26/11/2025 10:00' });
        assert.equal(bad.status, 400);
        assert.equal(bad.body.Code, 'InvalidTimeStamp.Format');
      }
      const slightlyOff = await call({ action: 'DescAccountSummary', time: new Date(Date.now() - 10 * 60_000) });
      assert.equal(slightlyOff.status, 200);
    });

    it('refuses a replayed nonce with SignatureNonceUsed', async () => {
      for (const scheme of ['v1', 'v3'] as const) {
        const nonce = `nonce-${scheme}-${Date.now()}`;
        assert.equal((await call({ action: 'DescAccountSummary', scheme, nonce })).status, 200);
        const again = await call({ action: 'DescAccountSummary', scheme, nonce });
        assert.equal(again.status, 400);
        assert.equal(again.body.Code, 'SignatureNonceUsed');
      }
    });

    it('refuses a V3 body that does not match x-acs-content-sha256', async () => {
      const res = await call({
        action: 'CreateTag', params: { TagName: 'honest' }, scheme: 'v3', form: true, tamperBody: () => 'TagName=tampered',
      });
      assert.equal(res.status, 400);
      assert.equal(res.body.Code, 'SignatureDoesNotMatch');
      const tags = (await demoState()).tags.map((t: { name: string }) => t.name);
      assert.ok(!tags.includes('tampered') && !tags.includes('honest'));
    });

    it('refuses a V1 form body changed after signing', async () => {
      const res = await call({ action: 'CreateTag', params: { TagName: 'honest' }, scheme: 'v1', form: true, tamperBody: () => 'TagName=tampered' });
      assert.equal(res.status, 400);
      assert.equal(res.body.Code, 'SignatureDoesNotMatch');
    });

    it('refuses a V3 request whose x-acs headers are not all signed', async () => {
      const res = await send(emu.url, 'POST', '/', {
        'x-acs-action': 'DescAccountSummary', 'x-acs-version': '2015-11-23', 'x-acs-date': new Date().toISOString().slice(0, 19) + 'Z',
        'x-acs-signature-nonce': 'n-unsigned', 'x-acs-content-sha256': 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
        authorization: 'ACS3-HMAC-SHA256 Credential=DemoEmulatorKeyId,SignedHeaders=host,Signature=00',
      }, '');
      assert.equal(res.status, 400);
      assert.equal(res.body.Code, 'IncompleteSignature');
    });

    it('accepts STS credentials only with their security token', async () => {
      for (const scheme of ['v1', 'v3'] as const) {
        const sts = { accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET };
        assert.equal((await call({ action: 'DescAccountSummary', scheme, ...sts, securityToken: STS_SECURITY_TOKEN })).status, 200);
        assert.equal((await call({ action: 'DescAccountSummary', scheme, ...sts })).body.Code, 'MissingSecurityToken');
        assert.equal((await call({ action: 'DescAccountSummary', scheme, ...sts, securityToken: 'forged' })).body.Code, 'InvalidSecurityToken.Malformed');
        assert.equal((await call({ action: 'DescAccountSummary', scheme, securityToken: 'token-for-a-plain-key' })).body.Code,
          'InvalidSecurityToken.MismatchWithAccessKey');
      }
    });
  });

  describe('routing and parameters', () => {
    it('refuses an unknown action with InvalidAction.NotFound (404) and a wrong version with InvalidVersion', async () => {
      const unknown = await call({ action: 'DescribeInstances' });
      assert.equal(unknown.status, 404);
      assert.equal(unknown.body.Code, 'InvalidAction.NotFound');
      const version = await call({ action: 'DescAccountSummary', version: '2014-05-26' });
      assert.equal(version.status, 400);
      assert.equal(version.body.Code, 'InvalidVersion');
    });

    it('names the missing parameter', async () => {
      const res = await call({ action: 'CreateDomain', params: {} });
      assert.equal(res.status, 400);
      assert.equal(res.body.Code, 'MissingDomainName');
      assert.equal(res.body.Message, 'DomainName is mandatory for this action.');
      const send2 = await call({ action: 'SingleSendMail', form: true, params: { AccountName: 'noreply@example.com', AddressType: '1', ReplyToAddress: 'false', Subject: 's', TextBody: 't' } });
      assert.equal(send2.body.Code, 'MissingToAddress');
    });

    it('refuses a non-integer where the API takes an integer', async () => {
      const res = await call({ action: 'DescDomain', params: { DomainId: 'abc' } });
      assert.equal(res.status, 400);
      assert.equal(res.body.Code, 'InvalidParameter');
      assert.match(res.body.Message, /DomainId/);
    });

    it('merges query and form parameters, the form winning', async () => {
      // V3 signs the query; the form body is covered by the content hash.
      const res = await signedCall(emu.url, { action: 'CreateTag', params: { TagName: 'from-form' }, form: true });
      assert.equal(res.status, 200, res.text);
      const tags = (await demoState()).tags.map((t: { name: string }) => t.name);
      assert.ok(tags.includes('from-form'));
    });
  });

  describe('account and seeds', () => {
    it('has the demo seed the tests rely on', async () => {
      const s = await demoState();
      assert.deepEqual(s.totals, { domains: 3, mailAddresses: 2, receivers: 2, tags: 3, templates: 0 });
      const status = Object.fromEntries(s.domains.map((d: { name: string; status: number }) => [d.name, d.status]));
      assert.deepEqual(status, { 'example.com': 0, 'mail.example.org': 1, 'news.example.net': 1 });
      assert.deepEqual(s.mailAddresses.map((m: { accountName: string; sendtype: string }) => `${m.accountName}:${m.sendtype}`),
        ['noreply@example.com:trigger', 'news@example.com:batch']);
      assert.equal(s.mailAddresses[1].replyAddress, 'support@example.com');
      assert.deepEqual(s.receivers.map((r: { name: string; count: number }) => `${r.name}:${r.count}`), ['Newsletter:25', 'Beta testers:3']);
      assert.deepEqual(s.tags.map((t: { name: string }) => t.name), ['welcome', 'password-reset', 'weekly-digest']);
    });

    it('reports counts that follow the state in DescAccountSummary', async () => {
      const before = (await call({ action: 'DescAccountSummary' })).body;
      assert.deepEqual([before.Domains, before.MailAddresses, before.Receivers, before.Tags], [3, 2, 2, 3]);
      assert.equal(typeof before.DailyQuota, 'number');
      assert.equal(before.IpChannelType, 'normal');
      await call({ action: 'CreateTag', params: { TagName: 'extra' } });
      await call({ action: 'CreateDomain', params: { DomainName: 'fresh.example.io' } });
      const after = (await call({ action: 'DescAccountSummary' })).body;
      assert.deepEqual([after.Domains, after.Tags], [4, 4]);
    });

    it('keeps the other account apart', async () => {
      const other = { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET };
      const domains = await call({ action: 'QueryDomainByParam', ...other });
      assert.deepEqual(domains.body.data.domain.map((d: { DomainName: string }) => d.DomainName), ['other-account.example']);
      const tags = await call({ action: 'QueryTagByParam', ...other });
      assert.deepEqual(tags.body.data.tag.map((t: { TagName: string }) => t.TagName), ['other-tag']);
      const conflict = await call({ action: 'CreateDomain', params: { DomainName: 'example.com' }, ...other });
      assert.equal(conflict.body.Code, 'InvalidDomainName.Conflict');
    });

    it('resets to the empty seed and to a scale seed', async () => {
      await admin(emu.url, 'POST', 'reset', { seed: 'empty' });
      const empty = (await call({ action: 'DescAccountSummary' })).body;
      assert.deepEqual([empty.Domains, empty.MailAddresses, empty.Receivers, empty.Tags], [0, 0, 0, 0]);
      assert.deepEqual((await call({ action: 'QueryDomainByParam' })).body.data, { domain: [] });
      await admin(emu.url, 'POST', 'reset', { seed: 'scale:40' });
      const scale = (await call({ action: 'DescAccountSummary' })).body;
      assert.deepEqual([scale.Domains, scale.MailAddresses, scale.Receivers, scale.Tags], [40, 40, 40, 40]);
      const lists = (await demoState()).receivers.map((r: { count: number }) => r.count);
      assert.equal(lists.filter((c: number) => c === 40).length, 1);
    });
  });

  describe('domains', () => {
    it('creates an unverified domain with its DNS records and verifies it once they are published', async () => {
      const created = await call({ action: 'CreateDomain', params: { DomainName: 'mail.shop.example.com' } });
      assert.equal(created.status, 200, created.text);
      const id = created.body.DomainId;
      assert.equal(typeof id, 'number');
      const d = (await call({ action: 'DescDomain', params: { DomainId: String(id) } })).body;
      assert.equal(d.DomainId, String(id));
      assert.equal(d.DomainStatus, '1');
      assert.equal(d.TlDomainName, 'example.com');
      assert.equal(d.HostRecord, 'aliyundm.mail.shop');
      assert.match(d.DomainType, /^[0-9a-f]{20}$/);
      assert.equal(d.SpfRecordV2, 'v=spf1 include:spf1.dm.aliyun.com -all');
      assert.equal(d.SpfRecord, 'include:spf1.dm.aliyun.com');
      assert.equal(d.MxRecord, 'mx01.dm.aliyun.com');
      assert.equal(d.DkimRR, 'aliyun-cn-hangzhou._domainkey.mail.shop');
      assert.match(d.DkimPublicKey, /^v=DKIM1; k=rsa; p=MIGf/);
      assert.equal(d.DmarcHostRecord, '_dmarc.mail.shop');
      assert.equal(d.DmarcAuthStatus, 1);
      assert.equal(d.DkimRsaLength, 1024);
      assert.equal(d.TracefRecord, 'tracedm.aliyuncs.com');
      assert.equal(d.SpfAuthStatus, '1');
      assert.equal(d.DnsTxt, '');

      const early = await call({ action: 'CheckDomain', params: { DomainId: String(id) } });
      assert.equal(early.body.DomainStatus, 1);
      const tooEarly = await call({ action: 'CreateMailAddress', params: { AccountName: 'hi@mail.shop.example.com', Sendtype: 'trigger' } });
      assert.equal(tooEarly.body.Code, 'InvalidMailAddressDomain.Malformed');

      await admin(emu.url, 'POST', 'publish', { domainName: 'mail.shop.example.com' });
      const live = (await call({ action: 'DescDomain', params: { DomainId: String(id), RequireRealTimeDnsRecords: 'true' } })).body;
      assert.equal(live.DnsTxt, d.DomainType);
      assert.equal(live.DomainStatus, '1');
      const checked = await call({ action: 'CheckDomain', params: { DomainId: String(id) } });
      assert.equal(checked.body.DomainStatus, 0);
      const after = (await call({ action: 'DescDomain', params: { DomainId: String(id) } })).body;
      assert.deepEqual([after.DomainStatus, after.SpfAuthStatus, after.MxAuthStatus, after.DkimAuthStatus, after.DmarcAuthStatus], ['0', '0', '0', '0', 0]);
      const sender = await call({ action: 'CreateMailAddress', params: { AccountName: 'Hi@mail.shop.example.com', Sendtype: 'trigger' } });
      assert.equal(sender.status, 200, sender.text);
      assert.equal(typeof sender.body.MailAddressId, 'string');
    });

    it('shows the partly verified demo domain record by record', async () => {
      const s = await demoState();
      const id = s.domains.find((d: { name: string }) => d.name === 'news.example.net').id;
      const d = (await call({ action: 'DescDomain', params: { DomainId: String(id) } })).body;
      assert.deepEqual([d.DomainStatus, d.SpfAuthStatus, d.MxAuthStatus, d.DkimAuthStatus, d.DmarcAuthStatus], ['1', '0', '1', '1', 1]);
      await admin(emu.url, 'POST', 'publish', { domainName: 'news.example.net', records: ['mx'] });
      assert.equal((await call({ action: 'CheckDomain', params: { DomainId: String(id) } })).body.DomainStatus, 0);
    });

    it('lists domains under data.domain[] with paging, keyword and status filters', async () => {
      const all = (await call({ action: 'QueryDomainByParam', params: { PageSize: '2' } })).body;
      assert.deepEqual([all.PageNumber, all.PageSize, all.TotalCount, all.data.domain.length], [1, 2, 3, 2]);
      const item = all.data.domain[0];
      assert.equal(typeof item.DomainId, 'string');
      assert.equal(typeof item.UtcCreateTime, 'number');
      assert.match(item.CreateTime, /^\d{4}-\d\d-\d\dT\d\d:\d\dZ$/);
      const page2 = (await call({ action: 'QueryDomainByParam', params: { PageSize: '2', PageNo: '2' } })).body;
      assert.equal(page2.data.domain.length, 1);
      const names = [...all.data.domain, ...page2.data.domain].map((d: { DomainName: string }) => d.DomainName).sort();
      assert.deepEqual(names, ['example.com', 'mail.example.org', 'news.example.net']);
      const kw = (await call({ action: 'QueryDomainByParam', params: { KeyWord: 'example.org' } })).body;
      assert.deepEqual(kw.data.domain.map((d: { DomainName: string }) => d.DomainName), ['mail.example.org']);
      const verified = (await call({ action: 'QueryDomainByParam', params: { Status: '0' } })).body;
      assert.deepEqual(verified.data.domain.map((d: { DomainName: string }) => d.DomainName), ['example.com']);
      assert.equal((await call({ action: 'QueryDomainByParam', params: { PageSize: '1000' } })).body.Code, 'InvalidParameter');
    });

    it('validates domain names and refuses duplicates', async () => {
      assert.equal((await call({ action: 'CreateDomain', params: { DomainName: 'bad_domain' } })).body.Code, 'InvalidDomainName.Malformed');
      assert.equal((await call({ action: 'CreateDomain', params: { DomainName: 'EXAMPLE.com' } })).body.Code, 'InvalidDomainName.Duplicate');
      const unknown = await call({ action: 'DescDomain', params: { DomainId: '1' } });
      assert.deepEqual([unknown.status, unknown.body.Code], [404, 'InvalidDomainId.NotFound']);
      const check = await call({ action: 'CheckDomain', params: { DomainId: '1' } });
      assert.deepEqual([check.status, check.body.Code], [404, 'InvalidDomainId.Malformed']);
    });

    it('deletes a domain only when no sender address uses it', async () => {
      const s = await demoState();
      const idOf = (n: string): string => String(s.domains.find((d: { name: string }) => d.name === n).id);
      assert.equal((await call({ action: 'DeleteDomain', params: { DomainId: idOf('example.com') } })).body.Code, 'InvalidDomainStatus.Malformed');
      assert.equal((await call({ action: 'DeleteDomain', params: { DomainId: idOf('mail.example.org') } })).status, 200);
      assert.equal((await demoState()).totals.domains, 2);
    });

    it('sets the domain SMTP password with the password rules', async () => {
      const set = (pw: string, domain = 'example.com') => call({ action: 'ModifyPWByDomain', params: { DomainName: domain, Password: pw } });
      assert.equal((await set('short1A')).body.Code, 'InvalidDomainPassword.Malformed');
      assert.equal((await set('aaaaaaBBCC11')).body.Code, 'InvalidDomainPassword.Malformed');
      const ok = await set('GoodPass12Ab');
      assert.deepEqual([ok.status, ok.body.Code, ok.body.Success], [200, 'OK', true]);
      assert.equal((await set('GoodPass12Ab')).body.Code, 'InvalidDomainPassword.equalcurrent');
      assert.equal((await set('GoodPass12Ab', 'mail.example.org')).body.Code, 'InvalidDomainStatus.Malformed');
      assert.equal((await set('GoodPass12Ab', 'nowhere.example')).body.Code, 'InvalidDomain.NotFound');
    });
  });

  describe('sender addresses', () => {
    it('lists addresses with the numeric wire types of the official sample', async () => {
      const res = (await call({ action: 'QueryMailAddressByParam', params: { Sendtype: 'batch' } })).body;
      assert.equal(res.TotalCount, 1);
      const a = res.data.mailAddress[0];
      assert.equal(a.AccountName, 'news@example.com');
      assert.equal(typeof a.MailAddressId, 'number');
      assert.deepEqual([a.AccountStatus, a.DomainStatus, a.ReplyStatus, a.DailyCount, a.MonthCount], [0, 0, 0, -1, -1]);
      assert.equal(a.ReplyAddress, 'support@example.com');
    });

    it('verifies a reply-to address through the ticket of the verification mail', async () => {
      const news = (await demoState()).mailAddresses.find((m: { accountName: string }) => m.accountName === 'news@example.com');
      assert.equal((await call({ action: 'CheckReplyToMailAddress', params: { MailAddressId: String(news.id), Lang: 'en' } })).status, 200);
      const ticket = (await demoState()).mailAddresses.find((m: { id: number }) => m.id === news.id).replyTicket;
      assert.match(ticket, /^[0-9a-f]{32}$/);
      assert.equal((await call({ action: 'ApproveReplyMailAddress', params: { Ticket: 'f'.repeat(32) } })).status, 404);
      assert.equal((await call({ action: 'ApproveReplyMailAddress', params: { Ticket: ticket } })).status, 200);
      const listed = (await call({ action: 'QueryMailAddressByParam', params: { KeyWord: 'news@' } })).body.data.mailAddress[0];
      assert.equal(listed.ReplyStatus, 1);
      await call({ action: 'ModifyMailAddress', params: { MailAddressId: String(news.id), ReplyAddress: 'help@example.com' } });
      const changed = (await call({ action: 'QueryMailAddressByParam', params: { KeyWord: 'news@' } })).body.data.mailAddress[0];
      assert.deepEqual([changed.ReplyAddress, changed.ReplyStatus], ['help@example.com', 0]);
    });

    it('validates sender addresses', async () => {
      const create = (params: Record<string, string>) => call({ action: 'CreateMailAddress', params });
      assert.equal((await create({ AccountName: 'x@example.com', Sendtype: 'bulk' })).body.Code, 'InvalidMailAddressSendType.Malformed');
      assert.equal((await create({ AccountName: 'x@unknown.example', Sendtype: 'batch' })).body.Code, 'InvalidMailAddressDomain.Malformed');
      assert.equal((await create({ AccountName: 'NOREPLY@example.com', Sendtype: 'batch' })).body.Code, 'InvalidMailAddress.Duplicate');
      assert.equal((await create({ AccountName: 'x@example.com', Sendtype: 'batch', ReplyAddress: 'nope' })).body.Code, 'InvalidReplyAddress.Malformed');
      const missingId = await call({ action: 'DeleteMailAddress', params: { MailAddressId: '42' } });
      assert.deepEqual([missingId.status, missingId.body.Code], [404, 'InvalidMailAddress.NotFound']);
    });
  });

  describe('recipient lists', () => {
    it('pages the recipients of a list with NextStart cursors', async () => {
      const newsletter = (await call({ action: 'QueryReceiverByParam', params: { KeyWord: 'newsletter' } })).body.data.receiver[0];
      assert.deepEqual([newsletter.Count, newsletter.ReceiversStatus, typeof newsletter.UtcCreateTime], [25, 1, 'number']);
      assert.match(newsletter.ReceiverId, /^[0-9a-f]{32}$/);
      const seen: string[] = [];
      let nextStart: string | undefined;
      let pages = 0;
      do {
        const params: Record<string, string> = { ReceiverId: newsletter.ReceiverId, PageSize: '10', ...(nextStart ? { NextStart: nextStart } : {}) };
        const page = (await call({ action: 'QueryReceiverDetail', params })).body;
        assert.equal(page.DataSchema, 'UserName,NickName,Gender,Birthday,Mobile');
        seen.push(...page.data.detail.map((d: { Email: string }) => d.Email));
        nextStart = page.NextStart;
        pages++;
      } while (nextStart && pages < 10);
      assert.equal(pages, 3);
      assert.equal(new Set(seen).size, 25);
    });

    it('pages the list of lists by PageNo, answers with NextStart and without PageNumber, and ignores a NextStart sent back', async () => {
      const res = (await call({ action: 'QueryReceiverByParam', params: { PageSize: '1' } })).body;
      assert.equal(res.PageNumber, undefined);
      assert.deepEqual([res.PageSize, res.TotalCount, res.data.receiver.length, typeof res.NextStart], [1, 2, 1, 'string']);
      // The request model has no NextStart: like the service, the emulator answers page 1 again.
      const cursorOnly = (await call({ action: 'QueryReceiverByParam', params: { PageSize: '1', NextStart: res.NextStart } })).body;
      assert.equal(cursorOnly.data.receiver[0].ReceiverId, res.data.receiver[0].ReceiverId);
      const next = (await call({ action: 'QueryReceiverByParam', params: { PageSize: '1', PageNo: '2', NextStart: res.NextStart } })).body;
      assert.notEqual(next.data.receiver[0].ReceiverId, res.data.receiver[0].ReceiverId);
      assert.equal(next.NextStart, undefined);
    });

    it('answers the first page again for every page while a repeatPage fault is set', async () => {
      await admin(emu.url, 'POST', 'faults', { kind: 'repeatPage', actions: ['QueryTagByParam'], count: 0 });
      const first = (await call({ action: 'QueryTagByParam', params: { PageSize: '2', PageNo: '1' } })).body;
      const second = (await call({ action: 'QueryTagByParam', params: { PageSize: '2', PageNo: '2' } })).body;
      assert.deepEqual(second.data.tag, first.data.tag);
      assert.equal(second.PageNumber, 1);
      await admin(emu.url, 'DELETE', 'faults');
      const real = (await call({ action: 'QueryTagByParam', params: { PageSize: '2', PageNo: '2' } })).body;
      assert.notDeepEqual(real.data.tag, first.data.tag);
    });

    it('creates a list, adds recipients in bulk, and deletes one', async () => {
      const created = await call({ action: 'CreateReceiver', params: { ReceiversName: 'VIP', ReceiversAlias: 'vip@example.com', Desc: 'Top' } });
      assert.equal(created.status, 200, created.text);
      const id = created.body.ReceiverId;
      const detail = JSON.stringify([{ e: 'a@example.net', u: 'Ann' }, { e: 'b@example.net' }, { e: 'a@example.net' }, { e: 'not-an-address' }]);
      const saved = (await call({ action: 'SaveReceiverDetail', form: true, params: { ReceiverId: id, Detail: detail } })).body;
      assert.deepEqual([saved.SuccessCount, saved.ErrorCount], [2, 2]);
      assert.deepEqual(saved.Data.Detail.map((d: { Email: string }) => d.Email), ['a@example.net', 'not-an-address']);
      assert.equal((await call({ action: 'DeleteReceiverDetail', params: { ReceiverId: id, Email: 'a@example.net' } })).status, 200);
      const left = (await call({ action: 'QueryReceiverDetail', params: { ReceiverId: id } })).body;
      assert.deepEqual(left.data.detail.map((d: { Email: string }) => d.Email), ['b@example.net']);
      assert.equal((await call({ action: 'CreateReceiver', params: { ReceiversName: 'VIP', ReceiversAlias: 'vip2@example.com' } })).body.Code,
        'InvalidReceiverName.Duplicate');
      assert.equal((await call({ action: 'DeleteReceiver', params: { ReceiverId: id } })).status, 200);
      assert.equal((await call({ action: 'DeleteReceiver', params: { ReceiverId: id } })).body.Code, 'InvalidReceiver.NotFound');
    });
  });

  describe('tags', () => {
    it('creates, renames, lists and deletes tags', async () => {
      const created = (await call({ action: 'CreateTag', params: { TagName: 'promo', TagDescription: 'Promotions' } })).body;
      assert.equal(typeof created.TagId, 'string');
      assert.equal((await call({ action: 'CreateTag', params: { TagName: 'promo' } })).body.Code, 'InvalidTagName.Duplicate');
      assert.equal((await call({ action: 'CreateTag', params: { TagName: 'bad tag!' } })).body.Code, 'InvalidTagName.Malformed');
      assert.equal((await call({ action: 'ModifyTag', params: { TagId: created.TagId, TagName: 'promo-2024' } })).status, 200);
      const listed = (await call({ action: 'QueryTagByParam', params: { KeyWord: 'promo' } })).body.data.tag;
      assert.deepEqual(listed, [{ TagId: created.TagId, TagName: 'promo-2024', TagDescription: 'Promotions' }]);
      assert.equal((await call({ action: 'DeleteTag', params: { TagId: created.TagId } })).status, 200);
      const gone = await call({ action: 'DeleteTag', params: { TagId: created.TagId } });
      assert.deepEqual([gone.status, gone.body.Code], [404, 'InvalidTag.NotFound']);
    });
  });

  describe('SingleSendMail', () => {
    const mail = (extra: Record<string, string> = {}) => call({
      action: 'SingleSendMail', form: true,
      params: { AccountName: 'noreply@example.com', AddressType: '1', ReplyToAddress: 'false', ToAddress: 'a@example.net,b@example.net', Subject: 'Hello', TextBody: 'Hi', ...extra },
    });

    it('sends from an existing sender address and counts against the quota', async () => {
      const before = (await call({ action: 'DescAccountSummary' })).body;
      const res = await mail({ TagName: 'welcome' });
      assert.equal(res.status, 200, res.text);
      assert.match(res.body.EnvId, /^\d+$/);
      const after = (await call({ action: 'DescAccountSummary' })).body;
      assert.equal(after.DailyRemainFreeQuota, before.DailyRemainFreeQuota - 2);
      assert.equal(after.RemainFreeQuota, before.RemainFreeQuota - 2);
      const sent = (await demoState()).sentMails;
      assert.deepEqual(sent.map((m: { envId: string; to: string[] }) => [m.envId, m.to]), [[res.body.EnvId, ['a@example.net', 'b@example.net']]]);
    });

    it('refuses what the service refuses', async () => {
      const unknown = await mail({ AccountName: 'ghost@example.com' });
      assert.deepEqual([unknown.status, unknown.body.Code], [404, 'InvalidMailAddress.NotFound']);
      assert.equal((await mail({ TextBody: '' })).body.Code, 'InvalidBody');
      assert.equal((await mail({ ToAddress: 'not an address' })).body.Code, 'InvalidToAddress');
      assert.equal((await mail({ Subject: 'x'.repeat(257) })).body.Code, 'InvalidSubject.Malformed');
      assert.equal((await mail({ FromAlias: 'A very long display name' })).body.Code, 'InvalidFromAlias.Malformed');
      assert.equal((await mail({ AccountName: 'news@example.com', ReplyToAddress: 'true' })).body.Code, 'InvalidReplyAddress.Malformed');
      assert.equal((await demoState()).sentMails.length, 0);
    });
  });

  describe('faults', () => {
    afterEach(() => admin(emu.url, 'DELETE', 'faults'));

    it('answers InternalError 500 and ServiceUnavailable 503 for the given count, then recovers', async () => {
      await admin(emu.url, 'POST', 'faults', { kind: 'http500', count: 2 });
      for (let i = 0; i < 2; i++) {
        const res = await call({ action: 'DescAccountSummary' });
        assert.deepEqual([res.status, res.body.Code], [500, 'InternalError']);
      }
      assert.equal((await call({ action: 'DescAccountSummary' })).status, 200);
      await admin(emu.url, 'POST', 'faults', { kind: 'http503' });
      assert.deepEqual((await call({ action: 'DescAccountSummary' })).body.Code, 'ServiceUnavailable');
    });

    it('throttles with Throttling.User (400) and x-acs-retry-after, only for the chosen actions', async () => {
      await admin(emu.url, 'POST', 'faults', { kind: 'throttle', count: 0, actions: ['QueryTagByParam'], retryAfterMs: 250 });
      assert.equal((await call({ action: 'DescAccountSummary' })).status, 200);
      for (let i = 0; i < 3; i++) {
        const res = await call({ action: 'QueryTagByParam' });
        assert.deepEqual([res.status, res.body.Code, res.body.Message], [400, 'Throttling.User', 'Request was denied due to user flow control.']);
        assert.equal(res.headers['x-acs-retry-after'], '250');
      }
      await admin(emu.url, 'DELETE', 'faults');
      assert.equal((await call({ action: 'QueryTagByParam' })).status, 200);
    });

    it('resets the connection, truncates the body, or answers non-JSON', async () => {
      await admin(emu.url, 'POST', 'faults', { kind: 'reset' });
      await assert.rejects(call({ action: 'DescAccountSummary' }), /socket hang up|ECONNRESET/);
      await admin(emu.url, 'POST', 'faults', { kind: 'truncated' });
      await assert.rejects(call({ action: 'DescAccountSummary' }), /aborted|ECONNRESET|terminated/);
      await admin(emu.url, 'POST', 'faults', { kind: 'nonjson', httpStatus: 502 });
      const html = await call({ action: 'DescAccountSummary' });
      assert.equal(html.status, 502);
      assert.match(String(html.headers['content-type']), /^text\/html/);
      assert.equal(html.body, undefined);
      assert.equal((await call({ action: 'DescAccountSummary' })).status, 200);
    });

    it('answers an injected business refusal (apiError) for the chosen action, with its code and status', async () => {
      await admin(emu.url, 'POST', 'faults', { kind: 'apiError', code: 'InvalidMailAddressSendType.Malformed', message: 'Wrong send type.', actions: ['SingleSendMail'] });
      assert.equal((await call({ action: 'DescAccountSummary' })).status, 200);
      const refused = await call({ action: 'SingleSendMail', form: true, params: { AccountName: 'noreply@example.com', AddressType: '1', ReplyToAddress: 'false', ToAddress: 'a@example.net', Subject: 's', TextBody: 't' } });
      assert.deepEqual([refused.status, refused.body.Code, refused.body.Message], [400, 'InvalidMailAddressSendType.Malformed', 'Wrong send type.']);
      assert.equal((await demoState()).sentMails.length, 0);
      const res = await send(emu.url, 'POST', '/__emulator/faults', { 'content-type': 'application/json' }, JSON.stringify({ kind: 'apiError' }));
      assert.equal(res.status, 400);
    });

    it('delays answers with a latency fault', async () => {
      await admin(emu.url, 'POST', 'faults', { kind: 'latency', latencyMs: 300 });
      const started = Date.now();
      assert.equal((await call({ action: 'DescAccountSummary' })).status, 200);
      assert.ok(Date.now() - started >= 290);
    });

    it('answers with the JSON body of an answer fault, and refuses one without a body', async () => {
      await admin(emu.url, 'POST', 'faults', { kind: 'answer', actions: ['QueryTagByParam'], body: { TotalCount: 1, data: { tag: [{ TagId: '91141', TagName: 'test' }] } } });
      const answered = await call({ action: 'QueryTagByParam' });
      assert.deepEqual([answered.status, answered.body.data.tag[0].TagId, typeof answered.body.RequestId], [200, '91141', 'string']);
      assert.equal((await call({ action: 'QueryTagByParam' })).body.TotalCount, 3, 'one answer, then the emulator again');
      const res = await send(emu.url, 'POST', '/__emulator/faults', { 'content-type': 'application/json' }, JSON.stringify({ kind: 'answer' }));
      assert.equal(res.status, 400);
      assert.match(res.body.error, /JSON object to answer with/);
    });

    it('refuses an unknown fault kind', async () => {
      const res = await send(emu.url, 'POST', '/__emulator/faults', { 'content-type': 'application/json' }, JSON.stringify({ kind: 'meteor' }));
      assert.equal(res.status, 400);
      assert.match(res.body.error, /latency, http500/);
    });
  });

  describe('request log', () => {
    it('records what was asked, without signatures, tokens or passwords', async () => {
      await admin(emu.url, 'DELETE', 'requests');
      await call({ action: 'DescAccountSummary', scheme: 'v1', method: 'GET', accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_SECURITY_TOKEN });
      await call({ action: 'ModifyPWByDomain', params: { DomainName: 'example.com', Password: 'GoodPass12Ab' }, scheme: 'v3' });
      await call({ action: 'QueryTagByParam', accessKeySecret: 'WrongSecret' });
      const { requests } = await admin(emu.url, 'GET', 'requests');
      assert.deepEqual(requests.map((r: { action: string; status: number; signatureVersion: string }) => [r.action, r.status, r.signatureVersion]),
        [['DescAccountSummary', 200, 'v1'], ['ModifyPWByDomain', 200, 'v3'], ['QueryTagByParam', 400, 'v3']]);
      assert.equal(requests[2].code, 'SignatureDoesNotMatch');
      assert.equal(requests[1].params.DomainName, 'example.com');
      const text = JSON.stringify(requests);
      for (const secret of [STS_SECURITY_TOKEN, STS_ACCESS_KEY_SECRET, DEMO_ACCESS_KEY_SECRET, 'GoodPass12Ab', '"Signature"']) assert.ok(!text.includes(secret), secret);
    });
  });

  describe('admin routes', () => {
    it('are not under the API path and answer 404 for unknown routes', async () => {
      const res = await send(emu.url, 'GET', '/__emulator/nothing', {}, '');
      assert.equal(res.status, 404);
    });

    it('answer loopback callers only', () => {
      assert.equal(isLoopbackAddress('127.0.0.1'), true);
      assert.equal(isLoopbackAddress('::ffff:127.0.0.1'), true);
      assert.equal(isLoopbackAddress('192.168.1.5'), false);
      assert.equal(isLoopbackAddress(undefined), false);
    });
  });
});

describe('Direct Mail emulator state file', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dm-emulator-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps changes across restarts', async () => {
    const file = join(dir, 'state.json');
    const first = await startEmulator({ seed: 'demo', stateFile: file });
    try {
      assert.equal((await signedCall(first.url, { action: 'CreateTag', params: { TagName: 'persisted' } })).status, 200);
      assert.equal((await signedCall(first.url, { action: 'CreateDomain', params: { DomainName: 'kept.example' } })).status, 200);
    } finally {
      await first.close();
    }
    assert.match(readFileSync(file, 'utf8'), /"persisted"/);
    const second = await startEmulator({ seed: 'empty', stateFile: file });
    try {
      const summary = (await signedCall(second.url, { action: 'DescAccountSummary' })).body;
      assert.deepEqual([summary.Domains, summary.Tags], [4, 4]);
      const tags = (await signedCall(second.url, { action: 'QueryTagByParam', params: { KeyWord: 'persisted' } })).body;
      assert.equal(tags.TotalCount, 1);
      // New ids continue after the persisted ones.
      const next = (await signedCall(second.url, { action: 'CreateTag', params: { TagName: 'after-restart' } })).body;
      assert.ok(Number(next.TagId) > Number(tags.data.tag[0].TagId));
    } finally {
      await second.close();
    }
  });
});

describe('Direct Mail emulator command line', () => {
  it('prints the listening line first, then the demo credentials, and stops on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(__dirname, 'main.ts'), '--port', '0', '--seed', 'empty'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (c: Buffer) => {
        out += c.toString();
        if (out.includes('Ctrl+C')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${out}`)));
    });
    const lines = out.split('\n');
    assert.match(lines[0], /^Direct Mail emulator listening on http:\/\/127\.0\.0\.1:\d+$/);
    assert.ok(lines.some((l) => l.includes('DemoEmulatorKeyId')));
    const url = lines[0].slice('Direct Mail emulator listening on '.length);
    const summary = await signedCall(url, { action: 'DescAccountSummary' });
    assert.equal(summary.body.Domains, 0);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    await new Promise<void>((resolve, reject) => {
      const req = request(url, () => reject(new Error('still listening')));
      req.on('error', () => resolve());
      req.end();
    });
  });
});
