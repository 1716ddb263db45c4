// Response parsing accepts the wire quirks of the reference and names the field when a body does not fit.
import { strict as assert } from 'node:assert';
import { DirectMailError, serviceError } from '../../src/api/errors';
import {
  parseAccountSummary, parseCheckDomain, parseCreateDomain, parseDomainDetail, parseDomainPage, parseMailAddressPage,
  parseReceiverPage, parseRecipientPage, parseSaveReceiverDetail, parseTagPage,
} from '../../src/api/responses';
import { DomainStatus, RecordStatus, ReplyStatus, isDomainUsable } from '../../src/api/types';

const asked = { pageNo: 1, pageSize: 10 };

function invalid(fn: () => unknown): DirectMailError {
  try {
    fn();
  } catch (e) {
    assert.ok(e instanceof DirectMailError);
    assert.equal(e.code, 'InvalidResponse');
    return e;
  }
  assert.fail('expected InvalidResponse');
}

describe('api responses', () => {
  it('reads the account summary sample and tolerates fields added later being absent', () => {
    const s = parseAccountSummary('DescAccountSummary', {
      RequestId: 'X', DailyQuota: 2000, MonthQuota: '60000', QuotaLevel: 2, MaxQuotaLevel: 10, RemainFreeQuota: 1910, UserStatus: 0,
      Domains: 1, Templates: 1, DayuStatus: 0, SomethingNew: { a: 1 },
    });
    assert.deepEqual(s, {
      dailyQuota: 2000, dailyRemainFreeQuota: 0, monthQuota: 60000, remainFreeQuota: 1910, quotaLevel: 2, maxQuotaLevel: 10,
      userStatus: 0, ipChannelType: undefined, domains: 1, senderAddresses: 0, tags: 0, templates: 1, recipientLists: 0, enableTimes: 0,
    });
  });

  it('reads domains from data.domain[] with string statuses and a numeric id', () => {
    const page = parseDomainPage('QueryDomainByParam', {
      RequestId: 'X', PageNumber: 2, PageSize: 10, TotalCount: 11,
      data: { domain: [{ DomainId: 158910, DomainName: 'mail.example.com', DomainRecord: 'tok', DomainStatus: '1', SpfAuthStatus: '0', MxAuthStatus: '1', IcpStatus: '0', CreateTime: '2025-03-19T12:49Z', UtcCreateTime: 1742388540 }] },
    }, asked);
    assert.deepEqual(page, {
      pageNumber: 2, pageSize: 10, totalCount: 11,
      items: [{
        domainId: '158910', domainName: 'mail.example.com', domainStatus: DomainStatus.NotVerified, domainRecord: 'tok',
        spfAuthStatus: RecordStatus.Verified, mxAuthStatus: RecordStatus.NotVerified, cnameAuthStatus: undefined, confirmStatus: undefined,
        icpFiled: false, createTime: '2025-03-19T12:49Z', utcCreateTime: 1742388540,
      }],
    });
  });

  it('treats a missing list wrapper as an empty page and fills missing echo fields from the request', () => {
    assert.deepEqual(parseTagPage('QueryTagByParam', { RequestId: 'X' }, { pageNo: 3, pageSize: 20 }), { items: [], pageNumber: 3, pageSize: 20, totalCount: undefined });
    assert.deepEqual(parseTagPage('QueryTagByParam', { RequestId: 'X', data: { tag: null } }, asked).items, []);
  });

  it('reads sender addresses with the numeric wire types of the official sample', () => {
    const [m] = parseMailAddressPage('QueryMailAddressByParam', {
      PageNumber: 1, PageSize: 10, TotalCount: 1,
      data: { mailAddress: [{ MailAddressId: 237915, AccountName: 'noreply@mail.example.com', Sendtype: 'trigger', AccountStatus: 0, DomainStatus: 0, ReplyAddress: '', ReplyStatus: 1, DailyCount: -1, MonthCount: '-1', DailyReqCount: 0, MonthReqCount: 0, CreateTime: '2021-05-13T15:54Z' }] },
    }, asked).items;
    assert.equal(m.senderAddressId, '237915');
    assert.equal(m.monthCount, -1);
    assert.equal(m.replyStatus, ReplyStatus.Verified);
    assert.equal(m.configSetId, undefined);
  });

  it('reads DescDomain (strings except DmarcAuthStatus and DkimRsaLength) and CheckDomain (number)', () => {
    const d = parseDomainDetail('DescDomain', {
      DomainId: '1', DomainName: 'mail.example.com', DomainStatus: '0', TlDomainName: 'example.com', HostRecord: 'aliyundm.mail',
      DomainType: 'tok', SpfAuthStatus: '0', DmarcAuthStatus: 1, DkimRsaLength: 1024, CnameConfirmStatus: '0', IcpStatus: '1',
    });
    assert.equal(d.domainStatus, DomainStatus.Verified);
    assert.equal(d.dmarcAuthStatus, RecordStatus.NotVerified);
    assert.equal(d.dkimRsaLength, 1024);
    assert.equal(d.icpFiled, true);
    assert.equal(d.spfRecordV2, '');
    assert.deepEqual(parseCheckDomain('CheckDomain', { DomainStatus: 0 }), { domainStatus: DomainStatus.Verified });
    assert.deepEqual(parseCreateDomain('CreateDomain', { DomainId: 158910 }), { domainId: '158910' });
  });

  it('reads the list of lists as a numbered page (no PageNumber on the wire) and cursor pages of recipients', () => {
    const lists = parseReceiverPage('QueryReceiverByParam', { data: { receiver: [{ ReceiverId: 'abc', ReceiversName: 'L', Count: 3, ReceiversStatus: 1 }] } }, { pageNo: 3, pageSize: 5 });
    assert.equal(lists.nextStart, undefined);
    assert.equal(lists.items[0].count, 3);
    assert.deepEqual([lists.pageNumber, lists.pageSize, lists.totalCount], [3, 5, undefined]);
    const withCursor = parseReceiverPage('QueryReceiverByParam', { NextStart: '6aec200853#102#1638894326#test@example.com', PageSize: 10, TotalCount: 15, data: { receiver: [] } }, asked);
    assert.deepEqual([withCursor.nextStart, withCursor.pageNumber, withCursor.totalCount], ['6aec200853#102#1638894326#test@example.com', 1, 15]);
    const recipients = parseRecipientPage('QueryReceiverDetail', { NextStart: '', DataSchema: 'UserName', data: { detail: [{ Email: 'a@b.c', Data: 'Ann' }] } });
    assert.equal(recipients.nextStart, undefined);
    assert.equal(recipients.dataSchema, 'UserName');
    assert.equal(parseRecipientPage('QueryReceiverDetail', { NextStart: 'x#10#k', data: { detail: [] } }).nextStart, 'x#10#k');
    assert.deepEqual(parseSaveReceiverDetail('SaveReceiverDetail', { SuccessCount: 1, ErrorCount: 1, Data: { Detail: [{ Email: 'x', ErrMessage: 'Duplicate' }] } }),
      { successCount: 1, errorCount: 1, errors: [{ email: 'x', message: 'Duplicate' }] });
  });

  it('names the action and the field path of a body that does not fit', () => {
    const missing = invalid(() => parseDomainPage('QueryDomainByParam', { data: { domain: [{ DomainName: 'example.com', DomainStatus: '0' }] } }, asked));
    assert.match(missing.message, /QueryDomainByParam: field data\.domain\[0\]\.DomainId is missing/);
    const wrong = invalid(() => parseCheckDomain('CheckDomain', { DomainStatus: { code: 0 } }));
    assert.match(wrong.message, /CheckDomain: field DomainStatus has an unexpected value \(object\)/);
    const list = invalid(() => parseTagPage('QueryTagByParam', { data: { tag: { TagId: 1 } } }, asked));
    assert.match(list.message, /field data\.tag has an unexpected value \(object\)/);
    const sendtype = invalid(() => parseMailAddressPage('QueryMailAddressByParam', { data: { mailAddress: [{ MailAddressId: 1, AccountName: 'a@b.c', Sendtype: ['bulk'] }] } }, asked));
    assert.match(sendtype.message, /data\.mailAddress\[0\]\.Sendtype has an unexpected value \(object\)/);
  });

  it('keeps an item whose send type or domain status is new to this version, with the raw value, and the rest of the page', () => {
    const senders = parseMailAddressPage('QueryMailAddressByParam', { TotalCount: 2, data: { mailAddress: [
      { MailAddressId: 1, AccountName: 'a@example.com', Sendtype: 'marketing' },
      { MailAddressId: 2, AccountName: 'b@example.com', Sendtype: 'Batch' },
    ] } }, asked);
    assert.deepEqual(senders.items.map((m) => [m.accountName, m.sendtype, m.unknownValues]),
      [['a@example.com', 'unknown', { Sendtype: 'marketing' }], ['b@example.com', 'batch', undefined]]);
    assert.ok(!('unknownValues' in senders.items[1]), 'a known item carries no unknownValues key');
    const domains = parseDomainPage('QueryDomainByParam', { TotalCount: 3, data: { domain: [
      { DomainId: 1, DomainName: 'a.example', DomainStatus: '7' },
      { DomainId: 2, DomainName: 'b.example', DomainStatus: 'checking' },
      { DomainId: 3, DomainName: 'c.example', DomainStatus: 4 },
    ] } }, asked);
    assert.deepEqual(domains.items.map((d) => [d.domainName, d.domainStatus, d.unknownValues?.DomainStatus]),
      [['a.example', DomainStatus.Unknown, '7'], ['b.example', DomainStatus.Unknown, 'checking'], ['c.example', DomainStatus.NoCname, undefined]]);
    assert.equal(isDomainUsable(domains.items[0].domainStatus), false);
    assert.equal(isDomainUsable(domains.items[2].domainStatus), true);
    const detail = parseDomainDetail('DescDomain', { DomainId: '1', DomainName: 'a.example', DomainStatus: '9' });
    assert.deepEqual([detail.domainStatus, detail.unknownValues], [DomainStatus.Unknown, { DomainStatus: '9' }]);
    assert.deepEqual(parseCheckDomain('CheckDomain', { DomainStatus: 5 }), { domainStatus: DomainStatus.Unknown, unknownValues: { DomainStatus: '5' } });
  });

  it('keeps an item whose status flag is a word this version does not know, leaving that flag out', () => {
    const domains = parseDomainPage('QueryDomainByParam', { data: { domain: [
      { DomainId: 1, DomainName: 'a.example', DomainStatus: '1', SpfAuthStatus: 'checking', MxAuthStatus: '0', IcpStatus: 'n/a' },
    ] } }, asked);
    assert.deepEqual([domains.items[0].spfAuthStatus, domains.items[0].mxAuthStatus, domains.items[0].icpFiled, domains.items[0].unknownValues],
      [undefined, RecordStatus.Verified, false, { SpfAuthStatus: 'checking', IcpStatus: 'n/a' }]);
    const senders = parseMailAddressPage('QueryMailAddressByParam', { data: { mailAddress: [
      { MailAddressId: 1, AccountName: 'a@example.com', Sendtype: 'batch', AccountStatus: 'suspended', ReplyStatus: 1 },
    ] } }, asked);
    assert.deepEqual([senders.items[0].accountStatus, senders.items[0].replyStatus, senders.items[0].unknownValues], [0, ReplyStatus.Verified, { AccountStatus: 'suspended' }]);
    const lists = parseReceiverPage('QueryReceiverByParam', { data: { receiver: [{ ReceiverId: 'r', ReceiversName: 'L', ReceiversStatus: 'archiving' }] } }, asked);
    assert.deepEqual([lists.items[0].listStatus, lists.items[0].unknownValues], [undefined, { ReceiversStatus: 'archiving' }]);
  });
});

describe('api errors', () => {
  const secret = 'TopSecretValue123';
  it('explains the gateway codes a person can act on, never echoing the string to sign', () => {
    const cases: [string, number, RegExp][] = [
      ['SignatureDoesNotMatch', 400, /Check the AccessKey secret/],
      ['InvalidAccessKeyId.NotFound', 404, /AccessKey ID does not exist \(it may have been deleted\)/],
      ['InvalidTimeStamp.Expired', 400, /Check the system clock/],
      ['Forbidden.RAM', 403, /RAM user .* not allowed to call CreateDomain.*AliyunDirectMailFullAccess/],
      ['NoPermission', 403, /RAM user/],
      ['Throttling.User', 400, /limiting the request rate/],
      ['InvalidSecurityToken.Expired', 400, /STS security token has expired/],
    ];
    for (const [code, status, message] of cases) {
      const e = serviceError('CreateDomain', status, { code, message: `server string to sign is:POST&%2F&AccessKeyId%3D${secret}`, requestId: 'R1' }, [secret]);
      assert.match(e.message, message, code);
      assert.ok(!e.message.includes(secret) && !e.message.includes('string to sign'), code);
      assert.equal(e.requestId, 'R1');
      assert.equal(e.httpStatus, status);
      assert.equal(e.retryable, code.startsWith('Throttling'));
    }
  });

  it("passes a business error's own message through, with secrets redacted", () => {
    const e = serviceError('CreateDomain', 400, { code: 'InvalidDomainName.Duplicate', message: `The domain already exists ${secret}` }, [secret]);
    assert.equal(e.message, 'CreateDomain failed: The domain already exists ***.');
    assert.equal(e.code, 'InvalidDomainName.Duplicate');
    const bare = serviceError('QueryTagByParam', 503, {}, []);
    assert.equal(bare.code, 'ServiceUnavailable');
    assert.equal(bare.retryable, true);
  });
});
