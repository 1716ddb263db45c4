// The pure parts of the client's network behaviour: how long the service asked to wait, the retry budget, and the
// clock offset learned from a Date header.
import { strict as assert } from 'node:assert';
import { clockOffsetMs, learnClockOffset } from '../../src/api/clock';
import { RetryBudget, retryAfterMs } from '../../src/api/retryBudget';

describe('Retry-After', () => {
  const now = Date.parse('2026-12-01T12:00:00Z');

  it('reads x-acs-retry-after as milliseconds, before Retry-After', () => {
    assert.equal(retryAfterMs({ 'x-acs-retry-after': '1500', 'retry-after': '9' }, now), 1500);
  });

  it('reads Retry-After as seconds or as an HTTP date', () => {
    assert.equal(retryAfterMs({ 'retry-after': '3' }, now), 3000);
    assert.equal(retryAfterMs({ 'retry-after': 'Tue, 01 Dec 2026 12:00:30 GMT' }, now), 30_000);
    assert.equal(retryAfterMs({ 'retry-after': 'Tue, 01 Dec 2026 11:59:00 GMT' }, now), 0);
  });

  it('ignores what it cannot read', () => {
    assert.equal(retryAfterMs({}, now), undefined);
    assert.equal(retryAfterMs({ 'retry-after': 'soon' }, now), undefined);
    assert.equal(retryAfterMs({ 'x-acs-retry-after': '-5' }, now), undefined);
  });
});

describe('Retry budget', () => {
  it('lets a quiet client retry, then limits retries to a tenth of the calls', () => {
    const budget = new RetryBudget(0.1, 10);
    let granted = 0;
    for (let call = 0; call < 200; call++) {
      budget.deposit();
      if (budget.withdraw()) granted++;
    }
    // 10 in reserve, then one per ten calls (the reserve refills only from calls).
    assert.ok(granted >= 20 && granted <= 30, `${granted} retries for 200 failing calls`);
    const fresh = new RetryBudget(0.1, 10);
    fresh.deposit();
    assert.equal(fresh.withdraw(), true);
  });
});

describe('Clock offset', () => {
  it('learns an offset over a minute from the Date header, per host, and forgets it when the clocks agree again', () => {
    const host = 'clock-test.example:443';
    const received = Date.parse('2026-12-01T12:00:00Z');
    assert.equal(learnClockOffset(host, 'Tue, 01 Dec 2026 12:20:00 GMT', received), 20 * 60_000 + 500);
    assert.equal(clockOffsetMs(host), 20 * 60_000 + 500);
    assert.equal(clockOffsetMs('other.example'), 0);
    // The same offset again explains nothing new.
    assert.equal(learnClockOffset(host, 'Tue, 01 Dec 2026 12:20:00 GMT', received), undefined);
    assert.equal(learnClockOffset(host, 'Tue, 01 Dec 2026 12:00:00 GMT', received), 0);
    assert.equal(clockOffsetMs(host), 0);
  });

  it('does not learn from a small difference or a missing header', () => {
    assert.equal(learnClockOffset('a.example', 'Tue, 01 Dec 2026 12:00:20 GMT', Date.parse('2026-12-01T12:00:00Z')), undefined);
    assert.equal(learnClockOffset('a.example', undefined), undefined);
    assert.equal(clockOffsetMs('a.example'), 0);
  });
});
