// The spellings of a secret that redaction looks for, at their edges: base64 with and without padding and in its
// URL-safe form, a secret at the minimum length, overlapping secrets (the longer one wins), characters that mean
// something in a regular expression, and email addresses in log text.
import * as assert from 'node:assert/strict';
import { maskEmailAddresses, redact, secretSpellings } from '../../src/api/redaction';

describe('Secret spellings and their edges', () => {
  it('base64 of the secret is masked with padding, without it, and URL-safe', () => {
    const secret = 'a>?b-secret'; // UTF-8 base64 "YT4/Yi1zZWNyZXQ=": has "/" and one "="
    const b64 = Buffer.from(secret, 'utf8').toString('base64');
    assert.equal(b64, 'YT4/Yi1zZWNyZXQ=');
    assert.equal(redact(`std ${b64} end`, [secret]), 'std *** end');
    assert.equal(redact('bare YT4/Yi1zZWNyZXQ end', [secret]), 'bare *** end');
    assert.equal(redact('url YT4_Yi1zZWNyZXQ end', [secret]), 'url *** end');
    assert.ok(secretSpellings(secret).includes('YT4_Yi1zZWNyZXQ'));
    const plus = 'x>>>x'; // base64 "eD4+Png=": has "+"
    assert.equal(Buffer.from(plus).toString('base64'), 'eD4+Png=');
    assert.equal(redact('eD4-Png and eD4+Png= and eD4+Png', [plus]), '*** and *** and ***');
  });

  it('a secret of 4 characters is masked, one of 3 is not (it would cut words out of messages)', () => {
    assert.equal(redact('key abcd here', ['abcd']), 'key *** here');
    assert.equal(redact('key abc here', ['abc']), 'key abc here');
    assert.equal(redact('text', []), 'text');
  });

  it('the longest spelling wins, so no part of a longer secret is left beside the mask', () => {
    assert.equal(redact('token=abcdefgh', ['abcd', 'abcdefgh']), 'token=***');
    assert.equal(redact('token=abcdefgh', ['abcdefgh', 'abcd']), 'token=***');
  });

  it("a secret's regular-expression characters match only themselves; RFC 3986 escapes match in either case", () => {
    assert.equal(redact('a.b*c+ and axbbc', ['a.b*c+']), '*** and axbbc');
    assert.equal(redact("x=it's(1)! and x=it%27s%281%29%21 and x=it%27S%281%29%21", ["it's(1)!"]), 'x=*** and x=*** and x=***');
    assert.ok(secretSpellings("it's(1)!").includes('it%27s%281%29%21'));
  });

  it('email addresses in log text keep their first letter and domain; documentation domains stay readable', () => {
    assert.equal(maskEmailAddresses('to alice@contoso.cn and b.o+b@mail.contoso.com.'), 'to a***@contoso.cn and b***@mail.contoso.com.');
    assert.equal(maskEmailAddresses('like name@example.com or a@mail.example.org'), 'like name@example.com or a@mail.example.org');
    assert.equal(maskEmailAddresses('no address here'), 'no address here');
    assert.equal(maskEmailAddresses('user@localhost stays'), 'user@localhost stays');
  });
});
