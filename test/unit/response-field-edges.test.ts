// Response fields at their edges: a null where a value belongs is named as null, the egress channel is kept when
// the service sends it, and a sender address's counters that the service left out read as "unknown" (-1), not 1.
import * as assert from 'node:assert/strict';
import { DirectMailError } from '../../src/api/errors';
import { parseAccountSummary, parseCreateTag, parseMailAddressPage } from '../../src/api/responses';
import { idProblem } from '../../src/api/validation';

describe('Response fields at their edges', () => {
  it('a null ID is reported as null, naming the field', () => {
    assert.throws(() => parseCreateTag('CreateTag', { TagId: null }, 'R-7'), (e: unknown) => {
      assert.ok(e instanceof DirectMailError);
      assert.equal(e.message, 'Direct Mail sent an unexpected response to CreateTag: field TagId has an unexpected value (null). Try again; if it persists, check the endpoint setting.');
      assert.equal(e.requestId, 'R-7');
      return true;
    });
  });

  it('IpChannelType is kept when sent, and absent when empty', () => {
    const base = { DailyQuota: 1, MonthQuota: 1, RemainFreeQuota: 1, QuotaLevel: 1, MaxQuotaLevel: 1, UserStatus: 0 };
    assert.equal(parseAccountSummary('DescAccountSummary', { ...base, IpChannelType: 'backup' }).ipChannelType, 'backup');
    assert.equal(parseAccountSummary('DescAccountSummary', { ...base, IpChannelType: '' }).ipChannelType, undefined);
  });

  it('sender counters the service left out are -1 (unknown); request counters default to 0', () => {
    const page = parseMailAddressPage('QueryMailAddressByParam', { data: { mailAddress: [{ MailAddressId: 1, AccountName: 'a@example.com', Sendtype: 'trigger' }] } }, { pageNo: 1, pageSize: 10 });
    const m = page.items[0];
    assert.deepEqual([m.dailyCount, m.monthCount, m.dailyReqCount, m.monthReqCount], [-1, -1, 0, 0]);
  });

  it('a refused numeric ID is quoted up to 40 characters', () => {
    assert.equal(idProblem('the tag ID', 'x'.repeat(50)), `The tag ID must be a number; got "${'x'.repeat(40)}".`);
  });
});
