// Changing and deleting sender addresses through the commands, against the emulator's demo account: what the
// emulator received, its state afterwards and what the tree shows, including the refusals before any request and
// the service's answers with what to do.
import * as assert from 'node:assert/strict';
import type { MailAddress } from '../emulator/state';
import { answering } from './scriptedPrompts';
import { admin, type Api, commandRequests, emulatorState, group, run, useDemoState, withSetting } from './treeHelpers';

describe('Manage sender addresses', () => {
  let a: Api;
  const { demo, failure, markLog } = useDemoState((api) => (a = api));
  const sent = commandRequests;
  const senderId = (name: string): string => String(demo().mailAddresses.find((m) => m.accountName === name)!.id);
  const senders = async (): Promise<MailAddress[]> => (await emulatorState()).demo.mailAddresses;

  describe('sender addresses', () => {
    it('deletes a sender address by ID; the tree no longer lists it', async () => {
      const id = senderId('noreply@example.com');
      assert.equal((await answering(a, ['Delete'], () => run('deleteSenderAddress', { senderAddressId: id }))).result, id);
      assert.deepEqual((await sent()).filter((r) => r.action === 'DeleteMailAddress').map((r) => [r.params.MailAddressId, r.status]), [[id, 200]]);
      const { items } = await group(a, 'Sender Addresses');
      assert.deepEqual(items.map((s) => s.label), ['news@example.com']);
    });

    it('deletes from the tree node without a question when directMail.confirmDelete is off', async () => {
      const { items } = await group(a, 'Sender Addresses');
      const node = items.find((s) => s.label === 'news@example.com')!.node;
      await withSetting('confirmDelete', false, async () => {
        assert.equal(await run('deleteSenderAddress', node), senderId('news@example.com'));
      });
      assert.deepEqual((await senders()).map((m) => m.accountName), ['noreply@example.com']);
    });

    it('keeps the previous release\'s command id and argument field working (deleteMailAddress with mailAddressId)', async () => {
      const id = senderId('noreply@example.com');
      assert.equal((await answering(a, ['Delete'], () => run('deleteMailAddress', { mailAddressId: id }))).result, id);
      assert.deepEqual((await sent()).filter((r) => r.action === 'DeleteMailAddress').map((r) => r.params.MailAddressId), [id]);
      assert.deepEqual((await senders()).map((m) => m.accountName), ['news@example.com']);
    });

    it('shows the service error for an unknown sender address ID', async () => {
      assert.equal((await answering(a, ['Delete'], () => run('deleteSenderAddress', { senderAddressId: '987654' }))).result, undefined);
      assert.match(failure('deleteSenderAddress'), /no sender address 987654 in this account.*InvalidMailAddress\.NotFound/);
      assert.equal((await senders()).length, demo().mailAddresses.length);
    });

    it('refuses a weak SMTP password before any request, then sets a good one', async () => {
      const id = senderId('noreply@example.com');
      let refusal = '';
      for (const password of ['Abc12', 'abcdefgh1234', 'ABCDEFGH1234', 'AbcdEfghIjkl', 'Ab12Cd34Ef56Gh78Ij90K']) {
        await admin('DELETE', 'requests');
        const { result, asked } = await answering(a, [password, undefined], () => run('setSenderPassword', { senderAddressId: id }));
        assert.equal(result, undefined, password);
        assert.deepEqual(await sent(), [], `a request was sent for ${password}`);
        refusal = asked[0].validation ?? '';
      }
      assert.match(refusal, /The SMTP password must be 10 to 20 characters long \(now 21\)/);
      const before = (await senders()).find((m) => m.accountName === 'noreply@example.com')!.passwordHash;
      assert.equal((await answering(a, ['Send2025Mail', 'Send2025Mail'], () => run('setSenderPassword', { senderAddressId: id }))).result, id);
      assert.deepEqual((await sent()).map((r) => [r.action, r.params.MailAddressId, r.params.Password, r.status]), [['ModifyMailAddress', id, '(hidden)', 200]]);
      const afterHash = (await senders()).find((m) => m.accountName === 'noreply@example.com')!.passwordHash;
      assert.ok(afterHash && afterHash !== before, 'the emulator did not store a new password');
    });

    it('refuses a malformed reply-to address before any request, then sets one that the tree shows as not verified', async () => {
      const id = senderId('noreply@example.com');
      for (const replyAddress of ['', 'support', 'support@', 'sup port@example.com', 'a@b@example.com']) {
        await admin('DELETE', 'requests');
        assert.equal(await run('setReplyAddress', { senderAddressId: id, replyAddress }), undefined, replyAddress);
        assert.deepEqual(await sent(), [], `a request was sent for "${replyAddress}"`);
      }
      assert.match(failure('setReplyAddress'), /must look like name@example\.com/);
      assert.equal(await run('setReplyAddress', { senderAddressId: id, replyAddress: 'help@example.org' }), 'help@example.org');
      assert.deepEqual((await sent()).filter((r) => r.action === 'ModifyMailAddress').map((r) => [r.params.MailAddressId, r.params.ReplyAddress]), [[id, 'help@example.org']]);
      const stored = (await senders()).find((m) => m.accountName === 'noreply@example.com')!;
      assert.deepEqual([stored.replyAddress, stored.replyStatus], ['help@example.org', 0]);
      const { items } = await group(a, 'Sender Addresses');
      assert.match(items.find((s) => s.label === 'noreply@example.com')!.description, /reply-to help@example\.org \(not verified\)/);
    });

    it('sends the reply-to verification mail and approves the address with its ticket; the tree shows it verified', async () => {
      const id = senderId('news@example.com');
      const { items } = await group(a, 'Sender Addresses');
      assert.match(items.find((s) => s.label === 'news@example.com')!.description, /\(not verified\)/);
      assert.equal(await run('sendReplyVerification', items.find((s) => s.label === 'news@example.com')!.node), id);
      const check = (await sent()).find((r) => r.action === 'CheckReplyToMailAddress')!;
      assert.deepEqual([check.params.MailAddressId, check.params.Region, check.status], [id, 'cn-hangzhou', 200]);
      const ticket = (await senders()).find((m) => m.accountName === 'news@example.com')!.replyTicket;
      assert.ok(ticket, 'the emulator holds no ticket');

      assert.equal((await answering(a, [` ${ticket} `], () => run('approveReplyAddress'))).result, ticket);
      assert.deepEqual((await sent()).filter((r) => r.action === 'ApproveReplyMailAddress').map((r) => [r.params.Ticket, r.status]), [[ticket, 200]]);
      assert.equal((await senders()).find((m) => m.accountName === 'news@example.com')!.replyStatus, 1);
      const after = await group(a, 'Sender Addresses');
      assert.match(after.items.find((s) => s.label === 'news@example.com')!.description, /reply-to support@example\.com \(verified\)/);
    });

    it('refuses a malformed ticket before any request and explains an unknown one', async () => {
      const malformed = await answering(a, ['has a space', undefined], () => run('approveReplyAddress'));
      assert.equal(malformed.result, undefined);
      assert.deepEqual(await sent(), []);
      assert.match(malformed.asked[0].validation ?? '', /Copy it from the link in the verification mail/);
      markLog();
      assert.equal((await answering(a, ['0123456789abcdef0123456789abcdef', undefined], () => run('approveReplyAddress'))).result, undefined);
      assert.match(failure('approveReplyAddress'), /No sender address waits for a reply-to verification with this ticket.*InvalidMailAddress\.NotFound/);
      assert.deepEqual((await sent()).map((r) => [r.action, r.status]), [['ApproveReplyMailAddress', 404]]);
    });

    it('refuses to send a verification mail for an address without reply-to: from the tree before any request, by ID with the service answer', async () => {
      const { items } = await group(a, 'Sender Addresses');
      await admin('DELETE', 'requests');
      assert.equal(await run('sendReplyVerification', items.find((s) => s.label === 'noreply@example.com')!.node), undefined);
      assert.deepEqual(await sent(), []);
      assert.match(failure('sendReplyVerification'), /noreply@example\.com has no reply-to address to verify\. Set one first/);
      markLog();
      assert.equal(await run('sendReplyVerification', { senderAddressId: senderId('noreply@example.com') }), undefined);
      assert.match(failure('sendReplyVerification'), /has no reply-to address to verify.*InvalidReplyAddress\.Malformed/);
      assert.deepEqual((await sent()).map((r) => [r.action, r.status]), [['CheckReplyToMailAddress', 400]]);
    });
  });
});
