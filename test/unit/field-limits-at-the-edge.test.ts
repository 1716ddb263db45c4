// Limits of typed fields, tried at the limit and one past it (an off-by-one in either direction shows), and the
// mail body measured in UTF-8 bytes as the service counts it: ASCII, two-, three- and four-byte characters.
import * as assert from 'node:assert/strict';
import { checkField, idProblem } from '../../src/api/validation';

const MB = 1_000_000;

describe('Field limits at the edge', () => {
  it('AccessKey ID: 12 and 64 characters pass, 11 and 65 do not; STS. keys count their prefix', () => {
    assert.equal(checkField('accessKeyId', 'A'.repeat(12)), undefined);
    assert.equal(checkField('accessKeyId', 'A'.repeat(64)), undefined);
    assert.match(checkField('accessKeyId', 'A'.repeat(11)) ?? '', /has 12 to 64 characters \(this one has 11\)/);
    assert.match(checkField('accessKeyId', 'A'.repeat(65)) ?? '', /has 12 to 64 characters \(this one has 65\)/);
    assert.equal(checkField('accessKeyId', 'STS.' + 'A'.repeat(20)), undefined);
    assert.match(checkField('accessKeyId', 'XSTS.' + 'A'.repeat(20)) ?? '', /letters and digits \(temporary keys start with "STS\."\); remove "\."/);
    assert.match(checkField('accessKeyId', 'STS.AB-CD' + 'A'.repeat(10)) ?? '', /remove "-"/);
  });

  it('profile name: 64 characters pass, 65 do not', () => {
    assert.equal(checkField('profileName', 'p'.repeat(64)), undefined);
    assert.equal(checkField('profileName', 'p'.repeat(65)), 'A profile name can have at most 64 characters (now 65).');
  });

  it('header name: 76 characters pass, 77 do not', () => {
    assert.equal(checkField('headerName', 'X'.repeat(76)), undefined);
    assert.match(checkField('headerName', 'X'.repeat(77)) ?? '', /at most 76 characters \(now 77\)/);
  });

  it('the mail body is measured in UTF-8 bytes, up to the limit exactly', () => {
    // Reference §1: SingleSendMail bodies of about 8 MB are accepted (8,000,000 bytes here).
    const limit = 8 * MB;
    assert.equal(checkField('mailBody', 'a'.repeat(limit)), undefined);
    assert.match(checkField('mailBody', 'a'.repeat(limit + 1)) ?? '', /at most/);
    // "é" is 2 bytes, "中" 3, "😀" 4 (a surrogate pair): the same character count weighs more.
    assert.equal(checkField('mailBody', 'é'.repeat(limit / 2)), undefined);
    assert.match(checkField('mailBody', 'é'.repeat(limit / 2) + 'a') ?? '', /at most/);
    assert.equal(checkField('mailBody', 'a'.repeat(limit - 3) + '中'), undefined);
    assert.match(checkField('mailBody', 'a'.repeat(limit - 2) + '中') ?? '', /at most/);
    assert.equal(checkField('mailBody', 'a'.repeat(limit - 4) + '😀'), undefined);
    assert.match(checkField('mailBody', 'a'.repeat(limit - 3) + '😀') ?? '', /at most/);
    // U+10000 is the first four-byte character (its high surrogate is U+D800, the start of the range).
    assert.equal(checkField('mailBody', 'a'.repeat(limit - 4) + '\u{10000}'), undefined);
    assert.match(checkField('mailBody', 'a'.repeat(limit - 3) + '\u{10000}') ?? '', /at most/);
    // U+007F and U+0080 sit on the one-byte edge, U+07FF and U+0800 on the two-byte edge.
    assert.equal(checkField('mailBody', 'a'.repeat(limit - 1) + '\u007f'), undefined);
    assert.match(checkField('mailBody', 'a'.repeat(limit - 1) + '\u0080') ?? '', /at most/);
    assert.equal(checkField('mailBody', 'a'.repeat(limit - 2) + '\u07ff'), undefined);
    assert.match(checkField('mailBody', 'a'.repeat(limit - 2) + '\u0800') ?? '', /at most/);
  });

  it('labels and hyphen messages name the part of the host they are about', () => {
    assert.equal(checkField('emailAddress', `u@${'a'.repeat(64)}.com`), 'A part of the domain after "@" between dots can have at most 63 characters (now 64); shorten it.');
    assert.equal(checkField('domainName', 'mail-.example.com'), 'A part of the domain name starts or ends with "-"; move or remove the hyphen.');
  });

  it('SMTP password: says which kinds are missing; a numeric ID refusal quotes the value', () => {
    assert.equal(checkField('smtpPassword', 'abcdefgh12'), 'The SMTP password needs at least two digits, two upper-case and two lower-case letters; add two upper-case letters.');
    assert.equal(checkField('smtpPassword', 'ABCDEFGH1a'), 'The SMTP password needs at least two digits, two upper-case and two lower-case letters; add two digits and two lower-case letters.');
    assert.equal(idProblem('the tag ID', 'abc'), 'The tag ID must be a number; got "abc".');
  });
});
