// Changing and deleting domains, sender addresses and tags through the commands, against the emulator's demo
// account: what the emulator received (GET /__emulator/requests), its state afterwards and what the tree shows,
// including the refusals — a bad value is refused before any request, an unknown ID or a refused change shows
// the service's answer with what to do (the command resolves undefined and logs a line).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering } from './scriptedPrompts';
import { admin, api, DEMO_KEY, emulatorState, group, requests, resetEmulator, signInAs, withSetting, type Api, type LoggedRequest, type StateAccount } from './treeHelpers';

/** Emulator state of a sender address as GET /__emulator/state shows it (fields the tests read). */
interface SenderState { id: number | string; accountName: string; replyAddress: string; replyStatus: number; replyTicket?: string; passwordHash?: string }

/** What the visible tree loads on its own after a refresh; the assertions look at every other request. */
const BACKGROUND = new Set(['DescAccountSummary', 'QueryDomainByParam', 'QueryMailAddressByParam', 'QueryReceiverByParam', 'QueryTagByParam']);
/** The extension's name for the tracking CNAME record, which the emulator calls cname. */
const RECORD_KIND: Record<string, string> = { cname: 'tracking' };

const run = (command: string, arg?: unknown): Thenable<unknown> => vscode.commands.executeCommand(`directMail.${command}`, arg);

describe('Manage domains, sender addresses and tags', () => {
  let a: Api;
  let demo: StateAccount;
  let logFrom = 0;

  const domainId = (name: string): string => String(demo.domains.find((d) => d.name === name)!.id);
  const senderId = (name: string): string => String(demo.mailAddresses.find((m) => m.accountName === name)!.id);
  const tagId = (name: string): string => String(demo.tags.find((t) => t.name === name)!.id);
  const passwordSet = async (name: string): Promise<boolean> =>
    ((await emulatorState()).demo.domains.find((d) => d.name === name) as unknown as { passwordSet: boolean }).passwordSet;
  const senders = async (): Promise<SenderState[]> => (await emulatorState()).demo.mailAddresses as unknown as SenderState[];
  /** Log lines written since the test started. */
  const newLog = (): string[] => a.logLines().slice(logFrom);
  /** The requests the commands sent (the tree's own list loads left out). */
  const sent = async (): Promise<LoggedRequest[]> => (await requests()).filter((r) => !BACKGROUND.has(r.action));
  const actions = async (): Promise<string[]> => (await sent()).map((r) => r.action);
  /** The command's last failure line since the test started: the text its notification showed. */
  const failure = (command: string): string => {
    const line = newLog().filter((l) => l.startsWith(`directMail.${command}: `)).pop();
    assert.ok(line, `no failure line for ${command} in: ${newLog().join(' | ')}`);
    return line;
  };

  before(async () => {
    a = await api();
    await resetEmulator();
    await signInAs(a, 'demo', DEMO_KEY);
  });
  beforeEach(async () => {
    await resetEmulator();
    demo = (await emulatorState()).demo;
    a.tree.refresh();
    logFrom = a.logLines().length;
  });
  after(resetEmulator);

  describe('domains', () => {
    it('refuses to delete a domain that still has sender addresses, naming them, before asking or deleting', async () => {
      const { result } = await answering(a, [], () => run('deleteDomain', { domainId: domainId('example.com') }));
      assert.equal(result, undefined);
      const line = failure('deleteDomain');
      assert.match(line, /example\.com still has sender addresses \(.*noreply@example\.com.*\)/);
      assert.match(line, /news@example\.com/);
      assert.match(line, /delete those addresses first/);
      assert.ok(!(await actions()).includes('DeleteDomain'), 'DeleteDomain was sent');
      assert.ok((await emulatorState()).demo.domains.some((d) => d.name === 'example.com'));
    });

    it('deletes a domain without sender addresses; the tree no longer lists it', async () => {
      const id = domainId('mail.example.org');
      const { result, asked } = await answering(a, ['mail.example.org'], () => run('deleteDomain', { domainId: id }));
      assert.equal(result, id);
      assert.match(asked[0].text, /Type "mail\.example\.org" to confirm/);
      const deletes = (await sent()).filter((r) => r.action === 'DeleteDomain');
      assert.deepEqual(deletes.map((r) => [r.params.DomainId, r.status]), [[id, 200]]);
      assert.ok(!(await emulatorState()).demo.domains.some((d) => d.name === 'mail.example.org'));
      const { items } = await group(a, 'Domains');
      assert.deepEqual(items.map((d) => d.label).sort(), ['example.com', 'news.example.net']);
    });

    it('shows the service error for an unknown domain ID and deletes nothing', async () => {
      assert.equal((await answering(a, [], () => run('deleteDomain', { domainId: '987654' }))).result, undefined);
      assert.match(failure('deleteDomain'), /InvalidDomainId\.NotFound/);
      const log = await sent();
      assert.deepEqual(log.map((r) => [r.action, r.status]), [['DescDomain', 404]]);
      assert.equal((await emulatorState()).demo.domains.length, demo.domains.length);
    });

    it('refuses a weak domain SMTP password before any request', async () => {
      for (const password of ['Short1A', 'abcdefgh1234', 'ABcd12ef!!gh', 'AAbb1111cc']) {
        await admin('DELETE', 'requests');
        // Typed, refused by the box's own check (it stays open), then Escape.
        const { result, asked } = await answering(a, [password, undefined], () => run('setDomainPassword', { domainId: domainId('example.com') }));
        assert.equal(result, undefined, password);
        assert.deepEqual(await sent(), [], `a request was sent for ${password}`);
        assert.match(asked[0].validation ?? '', /The SMTP password/, password);
      }
      assert.equal(await passwordSet('example.com'), false);
    });

    it('sets the domain SMTP password, then refuses the same one again with what to do', async () => {
      const id = domainId('example.com');
      assert.equal((await answering(a, ['Mail2025Pass', 'Mail2025Pass'], () => run('setDomainPassword', { domainId: id }))).result, id);
      const changes = (await sent()).filter((r) => r.action === 'ModifyPWByDomain');
      assert.deepEqual(changes.map((r) => [r.params.DomainName, r.status]), [['example.com', 200]]);
      assert.equal(changes[0].params.Password, '(hidden)', 'the password was sent, and the emulator log never holds it');
      assert.equal(await passwordSet('example.com'), true);
      assert.ok(!a.logLines().some((l) => l.includes('Mail2025Pass')), 'the password reached the log');

      // Refused by the service: the box opens again with the answer under it; Escape gives up.
      const again = await answering(a, ['Mail2025Pass', 'Mail2025Pass', undefined], () => run('setDomainPassword', { domainId: id }));
      assert.equal(again.result, undefined);
      assert.match(failure('setDomainPassword'), /already the SMTP password of example\.com; choose a different one.*InvalidDomainPassword\.equalcurrent/);
    });

    it('explains that an unverified domain gets no SMTP password yet', async () => {
      const domain = demo.domains.find((d) => d.name === 'mail.example.org')!;
      assert.notEqual(domain.status, 0, 'the seed changed: mail.example.org should be unverified');
      assert.equal((await answering(a, ['Mail2025Pass', 'Mail2025Pass', undefined], () => run('setDomainPassword', { domainId: String(domain.id) }))).result, undefined);
      assert.match(failure('setDomainPassword'), /is not verified yet.*run "Verify Domain", then set the password.*InvalidDomainStatus\.Malformed/);
      assert.deepEqual((await sent()).map((r) => [r.action, r.status]), [['DescDomain', 200], ['ModifyPWByDomain', 400]]);
    });

    it('verifies a domain whose records were published and the tree shows it verified', async () => {
      await admin('POST', 'publish', { domainName: 'mail.example.org' });
      await admin('DELETE', 'requests');
      const id = domainId('mail.example.org');
      const result = (await run('verifyDomain', { domainId: id })) as { domainName: string; domainStatus: number; records: { kind: string; state: string }[] };
      assert.equal(result.domainName, 'mail.example.org');
      const after = (await emulatorState()).demo.domains.find((d) => d.name === 'mail.example.org')!;
      assert.equal(result.domainStatus, after.status);
      assert.deepEqual(result.records.map((r) => `${r.kind} ${r.state}`).sort(), Object.entries(after.records).map(([kind, r]) => `${RECORD_KIND[kind] ?? kind} ${r.verified ? 'pass' : 'fail'}`).sort());
      assert.deepEqual((await sent()).slice(0, 2).map((r) => [r.action, r.params.DomainId]), [['CheckDomain', id], ['DescDomain', id]]);
      const { items } = await group(a, 'Domains');
      assert.equal(items.find((d) => d.label === 'mail.example.org')!.contextValue, 'domain.verified');
    });

    it('explains each record that is still missing when verification fails', async () => {
      const id = domainId('news.example.net');
      const result = (await run('verifyDomain', { domainId: id })) as { domainStatus: number; records: { kind: string; state: string; explanation: string }[] };
      const after = (await emulatorState()).demo.domains.find((d) => d.name === 'news.example.net')!;
      assert.equal(result.domainStatus, after.status);
      const failing = Object.entries(after.records).filter(([, r]) => !r.verified).map(([kind]) => kind);
      assert.ok(failing.length > 0);
      const lines = newLog();
      for (const kind of failing) {
        const rec = after.dns[kind];
        assert.ok(lines.some((l) => l.includes(`${rec.type} ${rec.host}: fail — `)), `no explained line for ${kind} in ${lines.join(' | ')}`);
      }
    });

    it('shows the service error when verifying an unknown domain ID', async () => {
      assert.equal(await run('verifyDomain', { domainId: '987654' }), undefined);
      assert.match(failure('verifyDomain'), /InvalidDomainId\.Malformed/);
    });
  });

  describe('sender addresses', () => {
    it('deletes a sender address by ID; the tree no longer lists it', async () => {
      const id = senderId('noreply@example.com');
      assert.equal((await answering(a, ['Delete'], () => run('deleteMailAddress', { mailAddressId: id }))).result, id);
      assert.deepEqual((await sent()).filter((r) => r.action === 'DeleteMailAddress').map((r) => [r.params.MailAddressId, r.status]), [[id, 200]]);
      const { items } = await group(a, 'Sender Addresses');
      assert.deepEqual(items.map((s) => s.label), ['news@example.com']);
    });

    it('deletes from the tree node without a question when directMail.confirmDelete is off', async () => {
      const { items } = await group(a, 'Sender Addresses');
      const node = items.find((s) => s.label === 'news@example.com')!.node;
      await withSetting('confirmDelete', false, async () => {
        assert.equal(await run('deleteMailAddress', node), senderId('news@example.com'));
      });
      assert.deepEqual((await senders()).map((m) => m.accountName), ['noreply@example.com']);
    });

    it('shows the service error for an unknown sender address ID', async () => {
      assert.equal((await answering(a, ['Delete'], () => run('deleteMailAddress', { mailAddressId: '987654' }))).result, undefined);
      assert.match(failure('deleteMailAddress'), /no sender address 987654 in this account.*InvalidMailAddress\.NotFound/);
      assert.equal((await senders()).length, demo.mailAddresses.length);
    });

    it('refuses a weak SMTP password before any request, then sets a good one', async () => {
      const id = senderId('noreply@example.com');
      let refusal = '';
      for (const password of ['Abc12', 'abcdefgh1234', 'ABCDEFGH1234', 'AbcdEfghIjkl', 'Ab12Cd34Ef56Gh78Ij90K']) {
        await admin('DELETE', 'requests');
        const { result, asked } = await answering(a, [password, undefined], () => run('setMailAddressPassword', { mailAddressId: id }));
        assert.equal(result, undefined, password);
        assert.deepEqual(await sent(), [], `a request was sent for ${password}`);
        refusal = asked[0].validation ?? '';
      }
      assert.match(refusal, /The SMTP password must be 10 to 20 characters long \(now 21\)/);
      const before = (await senders()).find((m) => m.accountName === 'noreply@example.com')!.passwordHash;
      assert.equal((await answering(a, ['Send2025Mail', 'Send2025Mail'], () => run('setMailAddressPassword', { mailAddressId: id }))).result, id);
      assert.deepEqual((await sent()).map((r) => [r.action, r.params.MailAddressId, r.params.Password, r.status]), [['ModifyMailAddress', id, '(hidden)', 200]]);
      const afterHash = (await senders()).find((m) => m.accountName === 'noreply@example.com')!.passwordHash;
      assert.ok(afterHash && afterHash !== before, 'the emulator did not store a new password');
    });

    it('refuses a malformed reply-to address before any request, then sets one that the tree shows as not verified', async () => {
      const id = senderId('noreply@example.com');
      for (const replyAddress of ['', 'support', 'support@', 'sup port@example.com', 'a@b@example.com']) {
        await admin('DELETE', 'requests');
        assert.equal(await run('setReplyAddress', { mailAddressId: id, replyAddress }), undefined, replyAddress);
        assert.deepEqual(await sent(), [], `a request was sent for "${replyAddress}"`);
      }
      assert.match(failure('setReplyAddress'), /must look like name@example\.com/);
      assert.equal(await run('setReplyAddress', { mailAddressId: id, replyAddress: 'help@example.org' }), 'help@example.org');
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
      logFrom = a.logLines().length;
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
      logFrom = a.logLines().length;
      assert.equal(await run('sendReplyVerification', { mailAddressId: senderId('noreply@example.com') }), undefined);
      assert.match(failure('sendReplyVerification'), /has no reply-to address to verify.*InvalidReplyAddress\.Malformed/);
      assert.deepEqual((await sent()).map((r) => [r.action, r.status]), [['CheckReplyToMailAddress', 400]]);
    });
  });

  describe('tags', () => {
    it('renames a tag; the tree shows the new name under the same ID', async () => {
      const id = tagId('welcome');
      assert.equal(await run('renameTag', { tagId: id, tagName: 'welcome_mail' }), 'welcome_mail');
      assert.deepEqual((await sent()).filter((r) => r.action === 'ModifyTag').map((r) => [r.params.TagId, r.params.TagName, r.status]), [[id, 'welcome_mail', 200]]);
      const { items } = await group(a, 'Tags');
      const shown = items.find((t) => t.label === 'welcome_mail');
      assert.ok(shown, `tags shown: ${items.map((t) => t.label).join(', ')}`);
      assert.equal(shown.description, `ID ${id}`);
      assert.ok(!items.some((t) => t.label === 'welcome'));
    });

    it('refuses a malformed tag name before any request, and explains a duplicate and an unknown ID', async () => {
      for (const tagName of ['', 'has space', 'ünïcode', 'x'.repeat(129)]) {
        await admin('DELETE', 'requests');
        assert.equal(await run('renameTag', { tagId: tagId('welcome'), tagName }), undefined, tagName);
        assert.deepEqual(await sent(), [], `a request was sent for "${tagName}"`);
      }
      assert.match(failure('renameTag'), /at most 128 characters/);
      logFrom = a.logLines().length;
      assert.equal(await run('renameTag', { tagId: tagId('welcome'), tagName: 'password-reset' }), undefined);
      assert.match(failure('renameTag'), /A tag named password-reset already exists; choose another name.*InvalidTagName\.Duplicate/);
      logFrom = a.logLines().length;
      assert.equal(await run('renameTag', { tagId: '987654', tagName: 'anything' }), undefined);
      assert.match(failure('renameTag'), /InvalidTag\.NotFound/);
      assert.deepEqual((await emulatorState()).demo.tags.map((t) => t.name).sort(), demo.tags.map((t) => t.name).sort());
    });

    it('deletes a tag from its tree node (confirmDelete off) and by ID; an unknown ID shows the service error', async () => {
      const { items } = await group(a, 'Tags');
      await withSetting('confirmDelete', false, async () => {
        assert.equal(await run('deleteTag', items.find((t) => t.label === 'welcome')!.node), tagId('welcome'));
      });
      assert.equal((await answering(a, ['Delete'], () => run('deleteTag', { tagId: tagId('weekly-digest') }))).result, tagId('weekly-digest'));
      assert.deepEqual((await sent()).filter((r) => r.action === 'DeleteTag').map((r) => r.params.TagId), [tagId('welcome'), tagId('weekly-digest')]);
      assert.deepEqual((await group(a, 'Tags')).items.map((t) => t.label), ['password-reset']);
      assert.equal((await answering(a, ['Delete'], () => run('deleteTag', { tagId: '987654' }))).result, undefined);
      assert.match(failure('deleteTag'), /no tag 987654 in this account.*InvalidTag\.NotFound/);
    });
  });
});
