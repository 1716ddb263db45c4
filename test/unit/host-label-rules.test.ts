// Host names and addresses the client refuses before any request (RFC 1035 labels, RFC 5321 local parts): a label
// that starts or ends with "-", a label over 63 characters, and a part before "@" over 64 characters. The limits
// themselves pass, so an off-by-one in either direction shows.
import * as assert from 'node:assert/strict';
import { checkField } from '../../src/api/validation';

const label = (n: number): string => 'a'.repeat(n);

describe('Host labels and local parts', () => {
  it('refuses a domain label that starts or ends with "-", in any position', () => {
    for (const name of ['-mail.example.com', 'mail-.example.com', 'mail.-example.com', 'mail.example-.com', 'mail.example.-com', 'mail.example.com-']) {
      assert.match(checkField('domainName', name) ?? '', /starts or ends with "-"/, name);
    }
    assert.equal(checkField('domainName', 'mail-out.ex-ample.com'), undefined);
  });

  it('refuses the same labels in the domain of an address', () => {
    assert.match(checkField('emailAddress', 'user@-example.com') ?? '', /starts or ends with "-"/);
    assert.match(checkField('emailAddress', 'user@example-.com') ?? '', /starts or ends with "-"/);
    assert.match(checkField('accountName', 'noreply@mail-.example.com') ?? '', /starts or ends with "-"/);
  });

  it('refuses a label over 63 characters and accepts one of 63 (address domains have room for it)', () => {
    assert.match(checkField('emailAddress', `u@${label(64)}.com`) ?? '', /at most 63 characters \(now 64\)/);
    assert.equal(checkField('emailAddress', `u@${label(63)}.com`), undefined);
    assert.match(checkField('emailAddress', `u@mail.${label(64)}.com`) ?? '', /at most 63 characters \(now 64\)/);
  });

  it('refuses a part before "@" over 64 characters and accepts one of 64', () => {
    assert.match(checkField('emailAddress', `${label(65)}@example.com`) ?? '', /part before "@" can have at most 64 characters \(now 65\)/);
    assert.equal(checkField('emailAddress', `${label(64)}@example.com`), undefined);
    assert.match(checkField('replyAddress', `${label(65)}@example.com`) ?? '', /at most 64 characters/);
  });
});
