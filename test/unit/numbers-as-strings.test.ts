// The service types many numbers as strings (reference §1.4). Every count the views show must come out as a
// number, whichever way it arrived, and the TotalCount of a recipient-list page must be read (the tree shows it as
// the group's total when the lists span several pages).
import * as assert from 'node:assert/strict';
import { parseAccountSummary, parseDomainPage, parseReceiverPage, parseRecipientPage, parseSaveReceiverDetail, parseTagPage } from '../../src/api/responses';
import { numberedPage } from '../../src/model/pagedLoader';

const asked = { pageNo: 1, pageSize: 10 };

describe('Numbers sent as strings are read as numbers', () => {
  it('DescAccountSummary: DailyRemainFreeQuota and every other counter, sent as strings', () => {
    const s = parseAccountSummary('DescAccountSummary', {
      DailyQuota: '2000', MonthQuota: '60000', RemainFreeQuota: '1910', DailyRemainFreeQuota: '37', QuotaLevel: '2', MaxQuotaLevel: '10',
      UserStatus: '4', Domains: '3', MailAddresses: '5', Tags: '7', Templates: '11', Receivers: '13', EnableTimes: '17',
    });
    assert.deepEqual(s, {
      dailyQuota: 2000, dailyRemainFreeQuota: 37, monthQuota: 60000, remainFreeQuota: 1910, quotaLevel: 2, maxQuotaLevel: 10, userStatus: 4,
      ipChannelType: undefined, domains: 3, senderAddresses: 5, tags: 7, templates: 11, recipientLists: 13, enableTimes: 17,
    });
    for (const [field, value] of Object.entries(s)) if (field !== 'ipChannelType') assert.equal(typeof value, 'number', field);
  });

  it('DescAccountSummary: the same counters as JSON numbers, and an empty DailyRemainFreeQuota as 0', () => {
    const s = parseAccountSummary('DescAccountSummary', {
      DailyQuota: 2000, MonthQuota: 60000, RemainFreeQuota: 1910, DailyRemainFreeQuota: 100, QuotaLevel: 2, MaxQuotaLevel: 10, UserStatus: 0,
    });
    assert.equal(s.dailyRemainFreeQuota, 100);
    assert.equal(parseAccountSummary('DescAccountSummary', {
      DailyQuota: 1, MonthQuota: 1, RemainFreeQuota: 1, DailyRemainFreeQuota: '', QuotaLevel: 1, MaxQuotaLevel: 1, UserStatus: 0,
    }).dailyRemainFreeQuota, 0);
  });

  it('QueryReceiverByParam: TotalCount (string or number) is the page total, not the number of items on it', () => {
    const body = (total: unknown) => ({
      NextStart: '90', PageSize: '1', TotalCount: total,
      data: { receiver: [{ ReceiverId: 'r1', ReceiversName: 'Beta', ReceiversAlias: 'beta@example.com', Count: '4', ReceiversStatus: '0' }] },
    });
    for (const total of ['23', 23]) {
      const page = parseReceiverPage('QueryReceiverByParam', body(total), { pageNo: 1, pageSize: 1 });
      assert.equal(page.totalCount, 23);
      assert.equal(page.items[0].count, 4);
      assert.equal(page.items[0].listStatus, 0);
      assert.equal(page.pageSize, 1);
      assert.equal(page.nextStart, '90');
      // What the tree's loader keeps: the total, and a next page while fewer were shown.
      assert.deepEqual(numberedPage(page), { items: page.items, total: 23, next: 2 });
    }
  });

  it('QueryReceiverDetail, SaveReceiverDetail, domain and tag pages: counts sent as strings', () => {
    assert.equal(parseRecipientPage('QueryReceiverDetail', { TotalCount: '120', data: { detail: [] } }).totalCount, 120);
    const saved = parseSaveReceiverDetail('SaveReceiverDetail', { SuccessCount: '498', ErrorCount: '2', Data: { Detail: [{ Email: 'x@example.com', ErrMessage: 'dup' }] } });
    assert.deepEqual([saved.successCount, saved.errorCount], [498, 2]);
    const domains = parseDomainPage('QueryDomainByParam', { PageNumber: '2', PageSize: '10', TotalCount: '31', data: { domain: [] } }, asked);
    assert.deepEqual([domains.pageNumber, domains.pageSize, domains.totalCount], [2, 10, 31]);
    const tags = parseTagPage('QueryTagByParam', { TotalCount: '12', data: { tag: [{ TagId: 5, TagName: 'welcome' }] } }, asked);
    assert.deepEqual([tags.totalCount, tags.items[0].tagId], [12, '5']);
  });

  it('a page without TotalCount has no total: a full page may have more, a short one is the last; with a total, paging stops at it', () => {
    const tags = parseTagPage('QueryTagByParam', { data: { tag: [{ TagId: 5, TagName: 'a' }, { TagId: 6, TagName: 'b' }] } }, { pageNo: 3, pageSize: 2 });
    assert.deepEqual([tags.pageNumber, tags.pageSize, tags.totalCount], [3, 2, undefined]);
    assert.deepEqual([numberedPage(tags).next, numberedPage(tags).total], [4, undefined]);
    assert.equal(numberedPage({ items: [1], pageNumber: 4, pageSize: 2 }).next, undefined);
    assert.equal(numberedPage({ items: [1, 2], pageNumber: 2, pageSize: 2, totalCount: 4 }).next, undefined);
    assert.equal(numberedPage({ items: [1, 2], pageNumber: 1, pageSize: 2, totalCount: 5 }).next, 2);
    assert.equal(numberedPage({ items: [], pageNumber: 1, pageSize: 2, totalCount: 5 }).next, undefined);
  });
});
