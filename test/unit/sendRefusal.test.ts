import * as assert from 'node:assert/strict';
import { explainSendRefusal, isQuotaRefusal, type SendContext } from '../../src/model/sendRefusal';
import { senderNote, sendKey } from '../../src/shared/testEmailSpec';

const batch: SendContext = { sender: 'news@example.com', sendType: 'batch', recipients: 3, tagName: 'welcome' };
const trigger: SendContext = { ...batch, sender: 'noreply@example.com', sendType: 'trigger' };

describe('Send refusal explanations', () => {
  it('explains a send-type refusal by the sender\'s own send type', () => {
    const forBatch = explainSendRefusal('InvalidMailAddressSendType.Malformed', batch)!;
    assert.match(forBatch.text, /^Direct Mail refused news@example\.com for this send because of its send type: it is a batch address/);
    assert.match(forBatch.text, /Send the test from a trigger address/);
    assert.equal(forBatch.field, undefined);
    assert.match(explainSendRefusal('InvalidMailAddressSendType.Malformed', trigger)!.text, /send type of noreply@example\.com \(trigger\) does not fit/);
    assert.match(explainSendRefusal('InvalidMailAddressSendType.Malformed', { sender: 'x@example.com', recipients: 1 })!.text, /trigger or batch\) of x@example\.com/);
  });

  it('gives the quota figures with the recipient count when they could be read, and says so when not', () => {
    const quota = { dailyQuota: 2000, dailyRemainFreeQuota: 0, monthQuota: 60000, remainFreeQuota: 1910 };
    const text = explainSendRefusal('InvalidSendMail.Spam', { ...trigger, quota })!.text;
    assert.match(text, /sending limit is reached/);
    assert.match(text, /Daily limit: 2000 mails; free mails left today: 0; free mails left in total: 1910; this mail has 3 recipient\(s\)\./);
    assert.match(text, /wait until the daily limit resets tomorrow/);
    assert.match(explainSendRefusal('InvalidQuota.Daily', trigger)!.text, /quota could not be read/);
    assert.deepEqual(['InvalidSendMail.Spam', 'InvalidQuotaMonth', 'InvalidToAddress', 'InvalidBody'].map(isQuotaRefusal), [true, true, false, false]);
  });

  it('names the unverified domain of the sender and how to verify it', () => {
    const r = explainSendRefusal('InvalidMailAddressDomain.Malformed', trigger)!;
    assert.match(r.text, /^The domain example\.com of noreply@example\.com is not verified/);
    assert.match(r.text, /publish the records/);
  });

  it('points field refusals at the field to change', () => {
    const fields = Object.fromEntries(
      ['InvalidToAddress', 'InvalidToAddress.Spam', 'InvalidSubject.Malformed', 'InvalidBody', 'InvalidFromAlias.Malformed', 'InvalidFromALias.Malformed', 'InvalidTag.NotFound']
        .map((code) => [code, explainSendRefusal(code, trigger)!.field]),
    );
    assert.deepEqual(fields, {
      InvalidToAddress: 'toAddress', 'InvalidToAddress.Spam': 'toAddress', 'InvalidSubject.Malformed': 'subject', InvalidBody: 'body',
      'InvalidFromAlias.Malformed': 'fromAlias', 'InvalidFromALias.Malformed': 'fromAlias', 'InvalidTag.NotFound': 'tagName',
    });
    assert.match(explainSendRefusal('InvalidTag.NotFound', trigger)!.text, /The tag welcome does not exist/);
  });

  it('explains the sender and account states, and leaves unknown codes to the service\'s words', () => {
    assert.match(explainSendRefusal('InvalidMailAddress.NotFound', batch)!.text, /no sender address news@example\.com in this account and region/);
    assert.match(explainSendRefusal('InvalidMailAddressStatus.Malformed', batch)!.text, /frozen or not ready/);
    assert.match(explainSendRefusal('InvalidUserStatus', batch)!.text, /account itself cannot send/);
    assert.match(explainSendRefusal('InvalidIP.NotFound', batch)!.text, /IP protection/);
    assert.equal(explainSendRefusal('Throttling.User', batch), undefined);
    assert.equal(explainSendRefusal('SomethingNew', batch), undefined);
  });

  it('passes its words through the translator', () => {
    const t = (m: string, ...args: Array<string | number | boolean>): string => `<${m.replace(/\{(\d+)\}/g, (_h, i: string) => String(args[Number(i)]))}>`;
    assert.match(explainSendRefusal('InvalidBody', trigger, t)!.text, /^<Direct Mail refused the body/);
  });
});

describe('Test email: the sender note and the same-mail rule', () => {
  it('explains a batch sender before sending (bulk-mail treatment), and says nothing for a trigger sender', () => {
    const note = senderNote('batch');
    assert.ok(note);
    assert.match(note, /^This is a batch address \(bulk mail\)\. /);
    assert.match(note, /adds an unsubscribe link/);
    assert.match(note, /skips recipients who unsubscribed from this sender/);
    assert.match(note, /use a trigger address\.$/);
    assert.equal(senderNote('trigger'), undefined);
    assert.equal(senderNote(''), undefined);
  });

  it('the same values give the same send key; any changed field (body whitespace included) gives another', () => {
    const mail = { from: 'a@example.com', toAddress: 'x@example.net', subject: 'Hi', bodyFormat: 'text', body: 'Hello', tagName: '', fromAlias: '' };
    assert.equal(sendKey(mail), sendKey({ ...mail }));
    for (const [field, value] of [['toAddress', 'y@example.net'], ['subject', 'Hi!'], ['bodyFormat', 'html'], ['body', 'Hello '], ['tagName', 'welcome'], ['fromAlias', 'Shop']]) {
      assert.notEqual(sendKey({ ...mail, [field]: value }), sendKey(mail), field);
    }
    // A value that is not a field of the form does not count.
    assert.equal(sendKey({ ...mail, extra: 'ignored' }), sendKey(mail));
  });
});
