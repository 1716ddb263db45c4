// Redaction of secrets in every spelling a service or proxy could echo them, and masking of addresses in log lines.
// The expected spellings are written out by hand (not computed with the code under test).
import { strict as assert } from 'node:assert';
import { maskEmailAddresses, redact } from '../../src/api/redaction';

// A secret with characters that every encoding treats differently: space, "+", "/", "=", "*", "~", "!", "'", non-ASCII.
const SECRET = "Ab+/=* ~!'é9xY";
const SPELLINGS: [string, string][] = [
  ['plain', SECRET],
  ['RFC 3986 (as the signer encodes)', 'Ab%2B%2F%3D%2A%20~%21%27%C3%A99xY'],
  ['RFC 3986, lower-case hex', 'Ab%2b%2f%3d%2a%20~%21%27%c3%a99xY'],
  ['encodeURIComponent', "Ab%2B%2F%3D*%20~!'%C3%A99xY"],
  ['form (+ for space)', 'Ab%2B%2F%3D*+%7E%21%27%C3%A99xY'],
  ['RFC 3986 twice', 'Ab%252B%252F%253D%252A%2520~%2521%2527%25C3%25A99xY'],
  ['form of RFC 3986', 'Ab%252B%252F%253D%252A%2520%7E%2521%2527%25C3%25A99xY'],
  ['encodeURIComponent twice', "Ab%252B%252F%253D*%2520~!'%25C3%25A99xY"],
  ['form twice', 'Ab%252B%252F%253D*%2B%257E%2521%2527%25C3%25A99xY'],
  ['JSON-escaped', "Ab+/=* ~!'é9xY"],
  ['base64', 'QWIrLz0qIH4hJ8OpOXhZ'],
];

describe('redaction', () => {
  for (const [name, spelling] of SPELLINGS) {
    it(`masks the secret spelled ${name}`, () => {
      const text = `SignatureDoesNotMatch: string to sign was POST&%2F&Key%3D${spelling}&x (echo: "${spelling}")`;
      const out = redact(text, [SECRET]);
      assert.ok(!out.includes(spelling), out);
      assert.equal(out.split('***').length - 1, 2, out);
    });
  }

  it('masks a JSON-escaped secret with quotes and backslashes', () => {
    const secret = 'pa"ss\\word\n12';
    const echoed = JSON.stringify({ Message: `bad ${secret}` });
    assert.equal(redact(echoed, [secret]), '{"Message":"bad ***"}');
  });

  it('masks the STS token and an SMTP password together, and leaves short or empty values alone', () => {
    const out = redact('token=StsTokenValue123&Password=Mail2025Pass&id=abc', ['StsTokenValue123', 'Mail2025Pass', undefined, '', 'abc']);
    assert.equal(out, 'token=***&Password=***&id=abc');
  });

  it('masks the longest spelling whole (a twice-encoded form is not left half-masked)', () => {
    assert.equal(redact('x=ab%2520cd&y', ['ab cd']), 'x=***&y');
  });
});

describe('address masking for the log', () => {
  it('keeps the first letter and the domain of every address', () => {
    assert.equal(maskEmailAddresses('SaveReceiverDetail 12: added alice.smith+news@contoso.cn'), 'SaveReceiverDetail 12: added a***@contoso.cn');
    assert.equal(maskEmailAddresses('Recipient 2 (bob@mail.fabrikam.co.uk): bad; to x@y.org too'), 'Recipient 2 (b***@mail.fabrikam.co.uk): bad; to x***@y.org too');
  });

  it('leaves documentation addresses (reserved example domains) readable, as messages use them', () => {
    for (const text of ['must look like name@example.com', 'a@mail.example.org', 'x@host.test', 'y@example', 'z@foo.invalid']) assert.equal(maskEmailAddresses(text), text);
    assert.equal(maskEmailAddresses('a@example.com.cn and b@notexample.com'), 'a***@example.com.cn and b***@notexample.com');
  });

  it('leaves text without an address alone, including a profile name with "@" and no dotted domain', () => {
    for (const text of ['Profile me@company added', 'Connection: profile work, region cn-hangzhou', 'no at sign']) assert.equal(maskEmailAddresses(text), text);
  });
});
