// Palette pickers and commands with nothing to do, in a real extension host against the emulator, with the questions
// answered by scripted prompts: a picker offers items by name (never bare IDs) and only those the command can act on;
// a command with nothing to act on says so, and offers the create that would change that, instead of an empty list.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { answering } from './scriptedPrompts';
import { admin, DEMO_KEY, emulatorState, EXTENSION_ID, requests, resetEmulator, run, signedInDemo, signInAs, type Api } from './treeHelpers';

describe('Pickers and commands with nothing to do', () => {
  let a: Api;

  /** Reloads the emulator with a seed and makes the tree forget what it showed. */
  const seed = async (name: 'demo' | 'empty' | 'scale:1'): Promise<void> => {
    await resetEmulator();
    if (name !== 'demo') await admin('POST', 'reset', { seed: name });
    a.tree.refresh();
  };

  before(async () => {
    a = await signedInDemo();
  });
  after(async () => {
    await seed('demo');
  });

  it('Verify Domain from the palette offers only the domains that still need it, by name', async () => {
    await seed('demo');
    const domains = (await emulatorState()).demo.domains;
    const unverified = domains.filter((d) => d.status !== 0).map((d) => d.name).sort();
    assert.ok(unverified.length > 0 && unverified.length < domains.length, 'the demo account has verified and unverified domains');
    const { asked } = await answering(a, [undefined], () => run('verifyDomain'));
    assert.equal(asked.length, 1);
    assert.equal(asked[0].kind, 'quickPick');
    assert.equal(asked[0].text, 'Choose the domain to verify');
    const offered = asked[0].choices.filter((c) => c !== 'Domains');
    assert.deepEqual([...offered].sort(), unverified);
    for (const d of domains) assert.ok(!asked[0].choices.includes(String(d.id)), `the bare ID ${d.id} is offered`);
    assert.deepEqual((await requests()).filter((r) => r.action === 'CheckDomain'), []);
  });

  it('Verify Domain with every domain verified says so instead of asking', async () => {
    await seed('scale:1');
    assert.ok((await emulatorState()).demo.domains.every((d) => d.status === 0), 'every domain of the seed is verified');
    const { asked } = await answering(a, [], () => run('verifyDomain'));
    assert.deepEqual(asked, [{ kind: 'information', text: 'Every domain is verified already — nothing to verify.', choices: [] }]);
    assert.deepEqual((await requests()).filter((r) => r.action === 'CheckDomain'), []);
  });

  it('Verify Domain with no domain at all says so and offers Create Domain', async () => {
    await seed('empty');
    const { asked } = await answering(a, [undefined], () => run('verifyDomain'));
    assert.deepEqual(asked, [{ kind: 'information', text: 'No domains yet — create one first.', choices: ['Create Domain…'] }]);
  });

  it('Import Recipients with no recipient list says so, and its Create action opens the list form', async () => {
    await seed('empty');
    const { asked } = await answering(a, ['Create Recipient List…'], () => run('importRecipients'));
    assert.deepEqual(asked, [{ kind: 'information', text: 'No recipient lists yet — create one first.', choices: ['Create Recipient List…'] }]);
    const form = a.panels.find({ panel: 'form', form: 'recipientList' });
    assert.ok(form, 'the Create Recipient List form is open');
    form.panel.dispose();
  });

  it('Remove Recipient from List picks the list by name', async () => {
    await seed('demo');
    const lists = (await emulatorState()).demo.receivers;
    const { asked } = await answering(a, [undefined], () => run('deleteRecipient'));
    assert.equal(asked[0].kind, 'quickPick');
    const offered = asked[0].choices.filter((c) => c !== 'Recipient Lists');
    assert.deepEqual([...offered].sort(), lists.map((l) => l.name).sort());
  });

  it('Open DNS Setup from the palette picks the domain by name, and with no domain says so and offers Create Domain', async () => {
    await seed('demo');
    const names = (await emulatorState()).demo.domains.map((d) => d.name).sort();
    const picked = await answering(a, [undefined], () => run('openDnsPanel'));
    assert.equal(picked.asked[0].kind, 'quickPick');
    assert.deepEqual([...picked.asked[0].choices].sort(), names);
    await seed('empty');
    const { asked } = await answering(a, [undefined], () => run('openDnsPanel'));
    assert.deepEqual(asked, [{ kind: 'information', text: 'No domains yet — create one first.', choices: ['Create Domain…'] }]);
  });

  it('Select Region names each region as Alibaba\'s console does, the current one checked', async () => {
    const { asked } = await answering(a, [undefined], () => run('selectRegion'));
    assert.equal(asked[0].kind, 'quickPick');
    assert.deepEqual(asked[0].choices, ['$(check) China (Hangzhou)', 'Singapore', 'United States (formerly Sydney)', 'US (Virginia)', 'Germany (Frankfurt)']);
  });

  it('Sign Out says how to sign in again, naming an action the signed-out view offers', async () => {
    const { asked } = await answering(a, [], () => run('signOut'));
    assert.deepEqual(asked, [{ kind: 'information', text: 'Signed out of Direct Mail. Your profiles are kept: choose "Switch Profile" in the Direct Mail view to sign in again.', choices: [] }]);
    assert.equal(a.session.connection(), undefined);
    // The signed-out view's welcome offers that action by the same name.
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension);
    const nls = JSON.parse(new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extension.extensionUri, 'package.nls.json')))) as Record<string, string>;
    assert.ok(nls['welcome.signedOut'].includes('[Switch Profile](command:directMail.switchProfile)'), nls['welcome.signedOut']);
    await signInAs(a, 'demo', DEMO_KEY);
  });
});
