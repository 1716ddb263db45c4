// Alibaba's official Direct Mail SDK talks to the emulator as it would to the cloud: its default V3 signature and
// its HMAC-SHA1 (V1) mode both verify, and errors come back with the codes the SDK reports.
import assert from 'node:assert/strict';
import Dm, * as $Dm from '@alicloud/dm20151123';
import * as $OpenApi from '@alicloud/openapi-client';
import {
  DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET, STS_ACCESS_KEY_ID, STS_ACCESS_KEY_SECRET, STS_SECURITY_TOKEN,
} from './credentials';
import type { Emulator } from './server';
import { startEmulator } from './server';
import { admin } from './signedCall';

interface SdkKeys { accessKeyId: string; accessKeySecret: string; securityToken?: string }

describe('official SDK @alicloud/dm20151123 against the emulator', function () {
  let emu: Emulator;
  const demoKeys: SdkKeys = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };
  const sdk = (keys: SdkKeys = demoKeys, signatureAlgorithm?: string): Dm =>
    new Dm(new $OpenApi.Config({ ...keys, endpoint: `127.0.0.1:${emu.port}`, protocol: 'http', regionId: 'cn-hangzhou', signatureAlgorithm }));

  before(async () => {
    emu = await startEmulator({ seed: 'demo' });
  });
  after(() => emu.close());
  beforeEach(() => admin(emu.url, 'POST', 'reset', { seed: 'demo' }));

  for (const [label, algorithm, scheme] of [['default (V3)', undefined, 'v3'], ['HMAC-SHA1 (V1)', 'v2', 'v1']] as const) {
    describe(`signature ${label}`, () => {
      it('reads the account summary and the domain list', async () => {
        const client = sdk(demoKeys, algorithm);
        const summary = await client.descAccountSummary(new $Dm.DescAccountSummaryRequest({}));
        assert.equal(summary.statusCode, 200);
        assert.deepEqual([summary.body?.domains, summary.body?.mailAddresses, summary.body?.receivers, summary.body?.tags], [3, 2, 2, 3]);
        const domains = await client.queryDomainByParam(new $Dm.QueryDomainByParamRequest({ pageNo: 1, pageSize: 10 }));
        assert.equal(domains.body?.totalCount, 3);
        assert.deepEqual(domains.body?.data?.domain?.map((d) => d.domainName).sort(), ['example.com', 'mail.example.org', 'news.example.net']);
        const { requests } = await admin(emu.url, 'GET', 'requests');
        assert.equal(requests.at(-1).signatureVersion, scheme);
      });

      it('creates and describes a domain, and sends a mail with its form body', async () => {
        const client = sdk(demoKeys, algorithm);
        const created = await client.createDomain(new $Dm.CreateDomainRequest({ domainName: `sdk-${scheme}.example.com` }));
        const id = Number(created.body?.domainId);
        assert.ok(id > 0);
        const desc = await client.descDomain(new $Dm.DescDomainRequest({ domainId: id }));
        assert.equal(desc.body?.domainName, `sdk-${scheme}.example.com`);
        assert.equal(desc.body?.hostRecord, `aliyundm.sdk-${scheme}`);
        assert.equal(desc.body?.domainStatus, '1');
        const tag = await client.createTag(new $Dm.CreateTagRequest({ tagName: `sdk_${scheme}` }));
        assert.ok(tag.body?.tagId);
        const tags = await client.queryTagByParam(new $Dm.QueryTagByParamRequest({ keyWord: `sdk_${scheme}` }));
        assert.deepEqual(tags.body?.data?.tag?.map((t) => t.tagName), [`sdk_${scheme}`]);
        const sent = await client.singleSendMail(new $Dm.SingleSendMailRequest({
          accountName: 'noreply@example.com', addressType: 1, replyToAddress: false, toAddress: 'reader@example.net',
          subject: 'Hello from the SDK – ünïcode', htmlBody: '<p>Hi & welcome!</p>', tagName: `sdk_${scheme}`,
        }));
        assert.match(sent.body?.envId ?? '', /^\d+$/);
        const { accounts } = await admin(emu.url, 'GET', 'state');
        assert.equal(accounts.demo.sentMails.at(-1).subject, 'Hello from the SDK – ünïcode');
      });

      it('pages the recipients of a list', async () => {
        const client = sdk(demoKeys, algorithm);
        const lists = await client.queryReceiverByParam(new $Dm.QueryReceiverByParamRequest({ keyWord: 'Newsletter' }));
        const receiverId = lists.body?.data?.receiver?.[0]?.receiverId;
        assert.ok(receiverId);
        let nextStart: string | undefined;
        let count = 0;
        for (let page = 0; page < 10; page++) {
          const res = await client.queryReceiverDetail(new $Dm.QueryReceiverDetailRequest({ receiverId, pageSize: 10, nextStart }));
          count += res.body?.data?.detail?.length ?? 0;
          nextStart = res.body?.nextStart;
          if (!nextStart) break;
        }
        assert.equal(count, 25);
      });

      it('fails with SignatureDoesNotMatch for a wrong secret', async () => {
        const client = sdk({ accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: 'NotTheRightSecret' }, algorithm);
        await assert.rejects(client.descAccountSummary(new $Dm.DescAccountSummaryRequest({})),
          (e: { code?: string; statusCode?: number }) => e.code === 'SignatureDoesNotMatch' && e.statusCode === 400);
      });

      it('fails with InvalidAccessKeyId.NotFound for an unknown key and reports business errors', async () => {
        const stranger = sdk({ accessKeyId: 'UnknownEmulatorKeyId', accessKeySecret: 'x' }, algorithm);
        await assert.rejects(stranger.descAccountSummary(new $Dm.DescAccountSummaryRequest({})),
          (e: { code?: string; statusCode?: number }) => e.code === 'InvalidAccessKeyId.NotFound' && e.statusCode === 404);
        await assert.rejects(sdk(demoKeys, algorithm).descDomain(new $Dm.DescDomainRequest({ domainId: 1 })),
          (e: { code?: string }) => e.code === 'InvalidDomainId.NotFound');
      });

      it('signs with STS credentials and sees the other account with its key', async () => {
        const sts = sdk({ accessKeyId: STS_ACCESS_KEY_ID, accessKeySecret: STS_ACCESS_KEY_SECRET, securityToken: STS_SECURITY_TOKEN }, algorithm);
        assert.equal((await sts.descAccountSummary(new $Dm.DescAccountSummaryRequest({}))).body?.domains, 3);
        const other = sdk({ accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET }, algorithm);
        const tags = await other.queryTagByParam(new $Dm.QueryTagByParamRequest({}));
        assert.deepEqual(tags.body?.data?.tag?.map((t) => t.tagName), ['other-tag']);
      });
    });
  }
});
