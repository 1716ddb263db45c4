// Behaviours that once broke without a test noticing, checked the way a person meets them: deletes ask first and a
// cancelled question sends nothing (answered through the prompts seam, as a person answers), and a group whose
// items span several pages shows the service's total, not the number loaded so far. Expected values come from the
// emulator's state API.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering } from './scriptedPrompts';
import { admin, emulatorState, group, requests, resetEmulator, signedInDemo, useDemoAccount, type Api } from './treeHelpers';

const run = (command: string, arg?: unknown): Thenable<unknown> => vscode.commands.executeCommand(`directMail.${command}`, arg);

const requestsCleared = (): Promise<unknown> => admin('DELETE', 'requests');

/** Requests the commands sent, without the tree's own list loads. */
async function writes(): Promise<string[]> {
  return (await requests()).map((r) => r.action).filter((action) => !/^(Desc|Query)/.test(action));
}

describe('Guards: a cancelled delete question sends nothing', () => {
  let a: Api;

  useDemoAccount((api) => (a = api));

  it('asks before deleting a tag (confirmDelete on); Escape sends no request and the tag stays', async () => {
    const before = (await emulatorState()).demo;
    const node = (await group(a, 'Tags')).items.find((t) => t.label === 'welcome')!.node;
    await requestsCleared();
    // directMail.confirmDelete is on by default.
    const { result, asked } = await answering(a, [undefined], () => run('deleteTag', node));
    assert.equal(result, undefined);
    assert.deepEqual(asked.map((q) => [q.kind, q.choices]), [['warning', ['Delete']]]);
    assert.match(asked[0].text, /Delete tag "welcome"\?/);
    assert.deepEqual(await writes(), []);
    assert.deepEqual((await emulatorState()).demo.tags.map((t) => t.name).sort(), before.tags.map((t) => t.name).sort());
  });

  it('asks before deleting a sender address and a recipient; Escape sends no request', async () => {
    const before = (await emulatorState()).demo;
    const sender = before.mailAddresses[0];
    const senderNode = (await group(a, 'Sender Addresses')).items.find((s) => s.label === sender.accountName)!.node;
    const list = before.receivers.find((r) => r.recipients.length > 0)!;
    const email = list.recipients[0].email;
    await requestsCleared();
    const sent = await answering(a, [undefined, undefined], async () => [
      await run('deleteSenderAddress', senderNode),
      await run('deleteRecipient', { recipientListId: String(list.id), email }),
    ]);
    assert.deepEqual(sent.result, [undefined, undefined]);
    assert.deepEqual(sent.asked.map((q) => q.kind), ['warning', 'warning']);
    assert.match(sent.asked[0].text, new RegExp(`Delete sender address "${sender.accountName.replace(/\./g, '\\.')}"\\?`));
    assert.match(sent.asked[1].text, new RegExp(`Delete recipient "${email.replace(/\./g, '\\.')}"\\?`));
    assert.deepEqual(await writes(), []);
    const after = (await emulatorState()).demo;
    assert.equal(after.mailAddresses.length, before.mailAddresses.length);
    assert.deepEqual(after.receivers.find((r) => r.id === list.id)!.recipients.map((r) => r.email), list.recipients.map((r) => r.email));
  });

  it('a domain delete asks for the name; a partial name re-opens the box, Escape then sends nothing', async () => {
    const before = (await emulatorState()).demo;
    const domain = before.domains.find((d) => d.name === 'mail.example.org')!;
    const { result, asked } = await answering(a, ['mail.example', undefined], () => run('deleteDomain', { domainId: String(domain.id) }));
    assert.equal(result, undefined);
    assert.deepEqual(asked.map((q) => q.kind), ['inputBox', 'inputBox']);
    assert.match(asked[1].text, /Type the name exactly as shown: mail\.example\.org/);
    assert.deepEqual(await writes(), []);
    assert.ok((await emulatorState()).demo.domains.some((d) => d.name === 'mail.example.org'));
  });

  it('removing a profile asks (confirmDelete on); Escape keeps the profile and its secret', async () => {
    const { result } = await answering(a, [undefined], () => run('removeProfile', { name: 'demo' }));
    assert.equal(result, undefined);
    assert.deepEqual(a.profiles.stored().map((p) => p.name), ['demo']);
    assert.equal(await a.profiles.hasSecret('demo'), true);
  });
});

describe('Guards: a group shows the service total', () => {
  let a: Api;

  before(async () => {
    a = await signedInDemo();
  });
  after(resetEmulator);

  // More items than one page holds (the page size setting as it is: changing settings here would reload the tree).
  const pageSize = (): number => vscode.workspace.getConfiguration('directMail').get<number>('pageSize') ?? 50;

  it('Tags: the description is the service total, and "Load more" says how many of it are shown', async () => {
    const client = a.client()!;
    const extra = pageSize() + 2 - (await emulatorState()).demo.tags.length;
    for (let i = 0; i < extra; i++) await client.createTag({ tagName: `guard-tag-${i}` });
    const total = (await emulatorState()).demo.tags.length;
    a.tree.refresh();
    const shown = await group(a, 'Tags');
    assert.equal(shown.group.description, String(total));
    assert.equal(shown.items.length, pageSize() + 1);
    assert.equal(shown.items[shown.items.length - 1].label, `Load more (${pageSize()} of ${total})`);
  });

  it('Recipient Lists: more lists than one page shows the total from TotalCount', async () => {
    const client = a.client()!;
    const extra = pageSize() + 1 - (await emulatorState()).demo.receivers.length;
    for (let i = 0; i < extra; i++) await client.createRecipientList({ listName: `guard-list-${i}`, listAlias: `guard-list-${i}@example.com` });
    const total = (await emulatorState()).demo.receivers.length;
    a.tree.refresh();
    const shown = await group(a, 'Recipient Lists');
    assert.equal(shown.group.description, String(total));
    assert.equal(shown.items[shown.items.length - 1].label, `Load more (${pageSize()} of ${total})`);
  });
});
