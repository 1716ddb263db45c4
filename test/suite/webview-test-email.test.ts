// "Send Test Email" in a real extension host against the emulator's demo account: the command opens the form of a
// sender (from a tree node or an argument), the page's messages go through the panel's own handler, and what
// Direct Mail received is read back from the emulator (GET /__emulator/requests and /state). Refusals: an unknown
// sender, a bad To refused before any request, and service refusals explained in words while the form keeps its
// input. Also: a create form reveals and selects the new item in the tree.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { PanelHost } from '../../src/webviews/panelHost';
import type { PanelKey, ToView } from '../../src/shared/protocol';
import { exchange, resultOf, type Result } from './panelMessages';
import { admin, emulatorState, group, requests, until, useDemoAccount, type Api, type StateAccount } from './treeHelpers';

const post = exchange;

const singleSends = async (): Promise<{ params: Record<string, string>; status: number; code?: string }[]> =>
  (await requests()).filter((r) => r.action === 'SingleSendMail');
const demoRaw = async (): Promise<StateAccount> => (await emulatorState()).demo;

const GOOD = {
  from: 'ignored@evil.example',
  toAddress: 'dev@example.net, qa@example.net',
  subject: 'Hello from the test',
  bodyFormat: 'text',
  body: 'Line one\n  indented line two',
  tagName: 'welcome',
  fromAlias: 'Example Shop',
};

describe('Send test email', function () {
  this.timeout(60_000);
  let a: Api;
  let id = 100;

  useDemoAccount((api) => (a = api), { disposePanels: true });

  /** Opens the form through the command and answers the page's ready handshake. */
  async function openForm(arg: unknown): Promise<{ host: PanelHost; shown: ToView[] }> {
    const accountName = await vscode.commands.executeCommand<string | undefined>('directMail.sendTestEmail', arg);
    assert.ok(accountName, `the command opened no form: ${a.logLines().slice(-2).join(' | ')}`);
    const host = a.panels.find({ panel: 'testEmail', accountName } satisfies PanelKey);
    assert.ok(host, `no test-email panel for ${accountName}`);
    return { host, shown: await post(host, { type: 'ready' }) };
  }
  const submit = async (host: PanelHost, values: Record<string, string>): Promise<{ result: Result; posted: ToView[] }> => {
    const posted = await post(host, { type: 'submit', id: ++id, values });
    return { result: resultOf(posted), posted };
  };

  it('opens from a sender node with the sender read-only, its send type and the account\'s tags', async () => {
    const { items } = await group(a, 'Sender Addresses');
    const node = items.find((i) => i.label === 'news@example.com');
    assert.ok(node, 'news@example.com is not in the tree');
    const { host, shown } = await openForm(node.node);
    const show = shown.find((m) => m.type === 'show');
    const demo = (await emulatorState()).demo;
    assert.deepEqual(show?.type === 'show' && show.view, {
      panel: 'testEmail',
      from: 'news@example.com',
      sendType: demo.mailAddresses.find((m) => m.accountName === 'news@example.com')?.sendtype,
      tags: demo.tags.map((t) => t.name).sort(),
    });
    assert.equal(host.panel.title, 'Test email: news@example.com');
  });

  it('sends what was typed and answers with the EnvId and RequestId, which copy to the clipboard', async () => {
    const { host } = await openForm({ accountName: 'noreply@example.com' });
    const { result } = await submit(host, GOOD);
    assert.equal(result.ok, true, result.message);
    assert.equal(result.message, 'Direct Mail accepted the test email to 2 recipient(s).');
    const [sent] = await singleSends();
    assert.equal(sent.status, 200);
    // The sender is the panel's; the "from" value the page sent is ignored.
    assert.deepEqual(
      { ...sent.params },
      {
        ...sent.params,
        AccountName: 'noreply@example.com', AddressType: '1', ReplyToAddress: 'false', ToAddress: 'dev@example.net,qa@example.net',
        Subject: 'Hello from the test', TextBody: 'Line one\n  indented line two', TagName: 'welcome', FromAlias: 'Example Shop',
      },
    );
    assert.equal(sent.params.HtmlBody, undefined);
    const mails = (await demoRaw()).sentMails;
    assert.equal(mails.length, 1);
    assert.deepEqual(result.sent?.envId, mails[0].envId);
    assert.match(result.sent?.requestId ?? '', /^[0-9A-F-]{36}$/);

    const copied = resultOf(await post(host, { type: 'copySent', id: ++id, what: 'envId' }));
    assert.equal(copied.message, 'Copied the EnvId.');
    assert.equal(await vscode.env.clipboard.readText(), mails[0].envId);
    resultOf(await post(host, { type: 'copySent', id: ++id, what: 'requestId' }));
    assert.equal(await vscode.env.clipboard.readText(), result.sent?.requestId);
  });

  it('sends an HTML body as HtmlBody and leaves out the optional fields when empty', async () => {
    const { host } = await openForm('noreply@example.com');
    const { result } = await submit(host, { toAddress: 'dev@example.net', subject: 'HTML', bodyFormat: 'html', body: '<p>Hi</p>', tagName: '', fromAlias: '' });
    assert.equal(result.ok, true, result.message);
    const [sent] = await singleSends();
    assert.equal(sent.params.HtmlBody, '<p>Hi</p>');
    assert.deepEqual([sent.params.TextBody, sent.params.TagName, sent.params.FromAlias], [undefined, undefined, undefined]);
  });

  it('refuses bad input field by field before any request', async () => {
    const { host } = await openForm({ accountName: 'noreply@example.com' });
    const tooMany = Array.from({ length: 101 }, (_, i) => `user${i}@example.net`).join(',');
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ ...GOOD, toAddress: 'dev@example.net, bad@' }, 'toAddress', /^Recipient 2 \("bad@"\): .*name@example\.com/],
      [{ ...GOOD, toAddress: tooMany }, 'toAddress', /at most 100 recipients \(now 101\)/],
      [{ ...GOOD, toAddress: 'a@example.net, A@example.net' }, 'toAddress', /listed twice/],
      [{ ...GOOD, toAddress: '' }, 'toAddress', /^To is required\./],
      [{ ...GOOD, subject: 'x'.repeat(257) }, 'subject', /at most 256 characters \(now 257\)/],
      [{ ...GOOD, body: '   ' }, 'body', /^Body is required\./],
      [{ ...GOOD, tagName: 'no spaces' }, 'tagName', /remove a space/],
      [{ ...GOOD, fromAlias: 'A very long shop name' }, 'fromAlias', /shorter than 15 characters/],
    ];
    for (const [values, field, message] of cases) {
      const { result } = await submit(host, values);
      assert.equal(result.ok, false);
      assert.deepEqual(Object.keys(result.fieldErrors ?? {}), [field], JSON.stringify(result.fieldErrors));
      assert.match(result.fieldErrors?.[field] ?? '', message);
    }
    assert.deepEqual(await singleSends(), []);
  });

  it('says so when the sender does not exist, without sending', async () => {
    const { shown } = await openForm({ accountName: 'nobody@example.com' });
    const error = shown.find((m) => m.type === 'error');
    assert.ok(error?.type === 'error', JSON.stringify(shown));
    assert.match(error.message, /no sender address nobody@example\.com in this account and region/);
    assert.deepEqual(await singleSends(), []);
    // And a sender address that is not an address is refused by the command itself.
    assert.equal(await vscode.commands.executeCommand('directMail.sendTestEmail', { accountName: 'not an address' }), undefined);
  });

  it('explains a send-type refusal for a batch address and keeps the form as typed', async () => {
    const { host } = await openForm({ accountName: 'news@example.com' });
    await admin('POST', 'faults', { kind: 'apiError', code: 'InvalidMailAddressSendType.Malformed', message: 'The sendtype of the mail address is invalid.', actions: ['SingleSendMail'] });
    const { result, posted } = await submit(host, GOOD);
    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /^Direct Mail refused news@example\.com for this send because of its send type: it is a batch address .* Send the test from a trigger address/);
    assert.match(result.message ?? '', /\(Code: InvalidMailAddressSendType\.Malformed, RequestId: [0-9A-F-]{36}\)$/);
    // No new view: the page is not rebuilt, so everything typed stays in place.
    assert.deepEqual(posted.map((m) => m.type), ['result']);
    const [sent] = await singleSends();
    assert.equal(sent.code, 'InvalidMailAddressSendType.Malformed');
    assert.equal((await demoRaw()).sentMails.length, 0);
  });

  it('explains an unverified domain', async () => {
    const { host } = await openForm({ accountName: 'noreply@example.com' });
    await admin('POST', 'faults', { kind: 'apiError', code: 'InvalidMailAddressDomain.Malformed', message: 'The domain is not verified.', actions: ['SingleSendMail'] });
    const { result } = await submit(host, GOOD);
    assert.equal(result.ok, false);
    assert.match(result.message ?? '', /^The domain example\.com of noreply@example\.com is not verified.*verify the domain/);
  });

  it('explains a used-up daily quota with the account\'s figures', async function () {
    this.timeout(120_000);
    const { host } = await openForm({ accountName: 'noreply@example.com' });
    const quota = (await demoRaw()).quota;
    const hundred = Array.from({ length: 100 }, (_, i) => `reader${i}@example.net`).join(',');
    const fills = quota.dailyQuota / 100;
    // Each fill differs (the form does not send the very same mail twice in a row).
    for (let i = 0; i < fills; i++) assert.equal((await submit(host, { ...GOOD, toAddress: hundred, subject: `Fill ${i + 1}` })).result.ok, true);
    const { result } = await submit(host, GOOD);
    assert.equal(result.ok, false);
    const after = (await demoRaw()).quota;
    assert.match(result.message ?? '', /sending limit is reached/);
    assert.ok(
      (result.message ?? '').includes(`Daily limit: ${quota.dailyQuota} mails; free mails left today: ${after.dailyRemainFreeQuota}; free mails left in total: ${after.remainFreeQuota}; this mail has 2 recipient(s).`),
      result.message,
    );
    assert.match(result.message ?? '', /\(Code: InvalidSendMail\.Spam, RequestId: /);
    assert.equal((await demoRaw()).sentMails.length, fills);
  });

  it('a create form reveals and selects the new item in the tree', async () => {
    await vscode.commands.executeCommand('workbench.view.extension.directMail');
    await until('the view to show', () => a.view.visible);
    await group(a, 'Tags');
    const host = a.panels.open({ panel: 'form', form: 'tag' });
    await post(host, { type: 'ready' });
    const result = resultOf(await post(host, { type: 'submit', id: ++id, values: { tagName: 'launch-2025', tagDescription: '' } }));
    assert.equal(result.ok, true, result.message);
    const created = (await emulatorState()).demo.tags.find((t) => t.name === 'launch-2025');
    assert.ok(created, 'the emulator has no new tag');
    await until('the new tag to be selected', () => a.view.selection.some((n) => n.id.endsWith(`/tags/${created.id}`)));
    const selected = a.view.selection[0];
    assert.equal(a.tree.getTreeItem(selected).label, 'launch-2025');
  });
});
