// A service (or a proxy in front of it) may echo what it received: the STS token or the AccessKey secret can come
// back inside a message, once or several times, plain or percent-encoded. The error a user sees shows "***" for
// every echo and never the value.
import * as assert from 'node:assert/strict';
import { serviceError } from '../../src/api/errors';
import { redact } from '../../src/api/redaction';

const TOKEN = 'CAIS/tok+en=Example0123';
const SECRET = 'SecretExample0123456789abcd';
const count = (text: string, part: string): number => text.split(part).length - 1;

describe('Secrets echoed in a service message are masked at every echo', () => {
  it('the STS token echoed once and twice', () => {
    const once = serviceError('DescDomain', 400, { code: 'InvalidParameter', message: `SecurityToken ${TOKEN} is not valid` }, [SECRET, TOKEN]);
    assert.equal(once.message, 'DescDomain failed: SecurityToken *** is not valid.');
    const twice = serviceError('DescDomain', 400, { code: 'InvalidParameter', message: `got ${TOKEN}; expected a token unlike ${TOKEN}` }, [SECRET, TOKEN]);
    assert.equal(twice.message, 'DescDomain failed: got ***; expected a token unlike ***.');
  });

  it('the secret echoed twice, plain and percent-encoded, among other text', () => {
    const error = serviceError('CreateTag', 500, { code: 'Odd', message: `key=${SECRET}&again=${SECRET} url=${encodeURIComponent(TOKEN)}` }, [SECRET, TOKEN]);
    assert.equal(count(error.message, '***'), 3);
    assert.ok(!error.message.includes(SECRET) && !error.message.includes(TOKEN) && !error.message.includes(encodeURIComponent(TOKEN)), error.message);
    assert.match(error.message, /^CreateTag failed: key=\*\*\*&again=\*\*\* url=\*\*\*\.$/);
  });

  it('redact() masks every occurrence, leaves other text and ignores missing secrets', () => {
    assert.equal(redact(`${TOKEN} ${TOKEN} ${TOKEN}`, [TOKEN]), '*** *** ***');
    assert.equal(redact(`a ${SECRET} b`, [undefined, '', SECRET]), 'a *** b');
    assert.equal(redact('nothing secret here', [SECRET, TOKEN]), 'nothing secret here');
  });
});
