// The words the user reads after a refused send (one per code, naming the field to change), and the exports a user
// pastes elsewhere (zone file, Markdown table) where one character decides whether they work.
import * as assert from 'node:assert/strict';
import { explainSendRefusal, isQuotaRefusal } from '../../src/model/sendRefusal';
import { english } from '../../src/shared/translate';
import { splitUtf8, toMarkdownTable, toZoneFile } from '../../src/model/zoneFile';

const ctx = { sender: 'noreply@mail.example.com', recipients: 2, tagName: 'weekly' };

describe('Send refusals: one explanation and field per code', () => {
  it('recipient, subject, body, sender-name and tag codes point at their field with their own words', () => {
    const by = (code: string) => explainSendRefusal(code, ctx);
    assert.deepEqual(by('InvalidToAddress'), { field: 'toAddress', text: 'Direct Mail refused the recipients: give 1 to 100 addresses like name@example.com, separated by commas.' });
    assert.equal(by('InvalidToAddress.Spam')?.field, 'toAddress');
    assert.match(by('InvalidToAddress.Spam')!.text, /invalid-address list/);
    assert.deepEqual(by('InvalidSubject.Malformed'), { field: 'subject', text: 'Direct Mail refused the subject: keep it to one line of at most 256 characters.' });
    assert.deepEqual(by('InvalidBody'), { field: 'body', text: 'Direct Mail refused the body: enter the message text (or HTML).' });
    for (const code of ['InvalidFromAlias.Malformed', 'InvalidFromALias.Malformed']) {
      assert.deepEqual(by(code), { field: 'fromAlias', text: 'Direct Mail refused the sender name: it must be shorter than 15 characters.' }, code);
    }
    assert.deepEqual(by('InvalidTag.NotFound'), { field: 'tagName', text: 'The tag weekly does not exist in this account. Pick another tag, or create it with "Direct Mail: Create Tag".' });
  });

  it('reply-to and IP allow-list codes explain what to do, naming the sender', () => {
    assert.match(explainSendRefusal('InvalidReplyAddress.Malformed', ctx)!.text, /^Direct Mail refused the reply-to address of noreply@mail\.example\.com: it is not verified/);
    assert.equal(explainSendRefusal('InvalidReplyAddress.Malformed', ctx)!.field, undefined);
    assert.match(explainSendRefusal('InvalidIP.NotFound', ctx)!.text, /IP protection is on/);
    assert.equal(explainSendRefusal('SomethingElse', ctx), undefined);
  });

  it('account codes are explained; quota codes carry the quota figures when known', () => {
    for (const code of ['InvalidUserStatus', 'InvalidUser.NotFound']) assert.ok(explainSendRefusal(code, ctx)?.text, code);
    assert.equal(isQuotaRefusal('InvalidSendMail.Spam'), true);
    assert.equal(isQuotaRefusal('InvalidQuota.Exceeded'), true);
    assert.equal(isQuotaRefusal('InvalidSubject.Malformed'), false);
    const withQuota = explainSendRefusal('InvalidQuota.Exceeded', { ...ctx, quota: { dailyQuota: 200, dailyRemainFreeQuota: 3, monthQuota: 6000, remainFreeQuota: 40 } })!.text;
    assert.match(withQuota, /sending limit is reached .* Daily limit: 200 mails; free mails left today: 3; free mails left in total: 40; this mail has 2 recipient\(s\)\. Send to fewer recipients/);
    assert.match(explainSendRefusal('InvalidSendMail.Spam', ctx)!.text, /quota could not be read.* Send to fewer/);
  });
});

describe('Zone file and Markdown exports', () => {
  it('an MX record without a priority gets 10; targets become absolute; a TXT value is quoted and escaped', () => {
    const text = toZoneFile('example.com.', [
      { type: 'mx', host: 'mail', value: 'mx01.dm.aliyun.com' },
      { type: 'MX', host: 'mail', value: 'mx02.dm.aliyun.com.', priority: 5 },
      { type: 'CNAME', host: 'dmtrace.mail', value: 'tracedm.aliyuncs.com' },
      { type: 'TXT', host: '@', value: 'say "hi" \\ there', purpose: 'Ownership' },
    ]);
    assert.equal(text, [
      '$ORIGIN example.com.',
      'mail\tIN\tMX\t10 mx01.dm.aliyun.com.',
      'mail\tIN\tMX\t5 mx02.dm.aliyun.com.',
      'dmtrace.mail\tIN\tCNAME\ttracedm.aliyuncs.com.',
      '; Ownership',
      '@\tIN\tTXT\t"say \\"hi\\" \\\\ there"',
      '',
    ].join('\n'));
  });

  it('splitUtf8 keeps an empty value as one empty piece and never cuts a character', () => {
    assert.deepEqual(splitUtf8(''), ['']);
    assert.deepEqual(splitUtf8('abcd', 2), ['ab', 'cd']);
    assert.deepEqual(splitUtf8('aé', 2), ['a', 'é']);
  });

  it('Markdown cells escape pipes and backslashes and put line breaks (LF or CRLF) on one line', () => {
    const table = toMarkdownTable('example.com', [{ type: 'txt', host: '@', value: 'a|b\\c\r\nd\ne', purpose: 'Line\r\nbreak' }]);
    assert.equal(table.split('\n')[2], '| Line break | TXT | @ | example.com. | a\\|b\\\\c d e |  |');
  });

  it('the English translator fills numbered holes, two-digit ones too, and leaves holes without an argument', () => {
    assert.equal(english('{0} and {1}', 'a', 2), 'a and 2');
    assert.equal(english('{10}', 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 'ten'), 'ten');
    assert.equal(english('{1} of {0}', 'x'), '{1} of x');
    assert.equal(english('{2}', 'a', 'b'), '{2}');
  });
});
