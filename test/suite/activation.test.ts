// Activation: cheap (no request on its own), every contributed command registered, settings picked up.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { admin, api, EXTENSION_ID, requests, signInAs, DEMO_KEY, withSetting } from './treeHelpers';

describe('Direct Mail extension: activation', () => {
  it('activates without sending any request', async () => {
    await admin('DELETE', 'requests');
    const a = await api();
    assert.equal(typeof a.client, 'function');
    // Activation may have happened earlier; either way nothing may have been asked of the service yet.
    await new Promise((resolve) => setTimeout(resolve, 300));
    assert.deepEqual((await requests()).map((r) => r.action), []);
    console.log(`      activate() took ${a.activationMs.toFixed(1)} ms`);
  });

  it('registers every command contributed in package.json', async () => {
    await api();
    const contributed = (vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.contributes.commands as { command: string }[]).map((c) => c.command);
    assert.ok(contributed.length >= 20, `only ${contributed.length} commands contributed`);
    const registered = new Set(await vscode.commands.getCommands(true));
    assert.deepEqual(contributed.filter((id) => !registered.has(id)), []);
  });

  it('activates only on its view and commands, not on startup', () => {
    const events = vscode.extensions.getExtension(EXTENSION_ID)!.packageJSON.activationEvents as string[];
    assert.ok(events.includes('onView:directMail.resources'));
    assert.ok(!events.includes('*') && !events.includes('onStartupFinished'));
  });

  it('picks up a changed region setting for the environment-less default and a changed page size at once', async () => {
    const a = await api();
    await signInAs(a, 'settings-check', DEMO_KEY);
    // The profile has its own region; the setting applies to profiles without one (here: shown by the status bar after switching region).
    await withSetting('pageSize', 2, async () => {
      await admin('DELETE', 'requests');
      a.tree.refresh();
      const root = await a.tree.getChildren();
      const tags = root?.find((n) => a.tree.getTreeItem(n).contextValue?.startsWith('group.tags'));
      assert.ok(tags);
      await a.tree.getChildren(tags);
      const tagQueries = (await requests()).filter((r) => r.action === 'QueryTagByParam');
      assert.equal(tagQueries[0]?.params.PageSize, '2');
    });
    assert.match(a.statusBarText(), /settings-check · cn-hangzhou/);
    await vscode.commands.executeCommand('directMail.selectRegion', 'eu-central-1');
    assert.equal(a.session.connection()?.region, 'eu-central-1');
    assert.match(a.statusBarText(), /settings-check · eu-central-1/);
    await vscode.commands.executeCommand('directMail.selectRegion', 'cn-hangzhou');
  });
});
