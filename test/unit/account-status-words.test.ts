// DescAccountSummary.UserStatus is a set of flags (reference §8: 0 normal, 1 frozen, 2 overdue payment, 4 outbound
// sending restricted, 8 logically deleted). Each flag has its own words; a swap of two flags shows the wrong state.
import * as assert from 'node:assert/strict';
import { accountStatusText } from '../../src/model/accountStatus';

describe('Account status words for each UserStatus flag', () => {
  it('each documented value gives its own words', () => {
    assert.equal(accountStatusText(0), 'Normal');
    assert.equal(accountStatusText(1), 'Frozen');
    assert.equal(accountStatusText(2), 'Payment overdue');
    assert.equal(accountStatusText(4), 'Sending restricted');
    assert.equal(accountStatusText(8), 'Deleted');
  });

  it('combined flags list every state, in flag order', () => {
    assert.equal(accountStatusText(3), 'Frozen, Payment overdue');
    assert.equal(accountStatusText(6), 'Payment overdue, Sending restricted');
    assert.equal(accountStatusText(15), 'Frozen, Payment overdue, Sending restricted, Deleted');
  });

  it('a value without a known flag is shown as its number', () => {
    assert.equal(accountStatusText(16), 'Status 16');
  });

  it('the words go through the translator', () => {
    const seen: string[] = [];
    const t = (message: string, ...args: (string | number | boolean)[]): string => {
      seen.push(message);
      return `<${message}${args.length ? ':' + args.join(',') : ''}>`;
    };
    assert.equal(accountStatusText(5, t), '<Frozen>, <Sending restricted>');
    assert.equal(accountStatusText(32, t), '<Status {0}:32>');
    assert.equal(accountStatusText(0, t), '<Normal>');
    assert.deepEqual(seen, ['Frozen', 'Sending restricted', 'Status {0}', 'Normal']);
  });
});
