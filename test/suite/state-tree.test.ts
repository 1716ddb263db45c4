// The tree keeps what the user opened: after a refresh, a filter and a region switch VS Code still shows the
// expanded domain expanded (it asks for its records again, which it only does for expanded nodes) and the
// selected row selected. After an outage, one Retry brings back every group that failed.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exchange, resultOf } from './panelMessages';
import { readyPanel, row, rowNamed, rowsOf, until } from './state-helpers';
import { admin, emulatorState, resetEmulator, signedInDemo, type Api } from './treeHelpers';

describe('State: tree expansion, selection and recovery', function () {
  this.timeout(90_000);
  let a: Api;

  before(async () => {
    a = await signedInDemo();
    await vscode.commands.executeCommand('workbench.view.extension.directMail');
    await until('the view to show', () => a.view.visible);
  });
  after(async () => {
    await admin('DELETE', 'faults');
    await resetEmulator();
  });

  /** Expands and selects the domain row in the real view, as a click on its twistie would. */
  async function expandDomain(name: string): Promise<string> {
    a.tree.refresh();
    const domain = await rowNamed(a, 'Domains', name);
    const id = domain.node.id;
    const before = a.treeRequests(id);
    await a.view.reveal(domain.node, { expand: true, select: true, focus: false });
    await until(`VS Code to ask for the records of the expanded ${name}`, () => a.treeRequests(id) > before);
    await until('the row to be selected', () => a.view.selection[0]?.id === id);
    return id;
  }

  /** After `change`, VS Code asks again for the records of the still-expanded domain, and keeps it selected. */
  async function keptAfter(id: string, change: () => Thenable<unknown> | void): Promise<void> {
    const before = a.treeRequests(id);
    await change();
    await until('VS Code to keep the domain expanded (it asks for its records again)', () => a.treeRequests(id) > before);
    await until('the domain to stay selected', () => a.view.selection[0]?.id === id);
    // The selection is the new node of the same domain (not a stale object).
    const selected = a.view.selection[0];
    assert.equal(row(a, selected).label, 'news.example.net');
  }

  it('a refresh keeps the expanded domain expanded and selected', async () => {
    const id = await expandDomain('news.example.net');
    await keptAfter(id, () => vscode.commands.executeCommand('directMail.refresh'));
  });

  it('a filter that still matches keeps it expanded and selected', async () => {
    const id = await expandDomain('news.example.net');
    const group = (await a.tree.getChildren()).find((n) => row(a, n).label === 'Domains')!;
    await keptAfter(id, () => vscode.commands.executeCommand('directMail.filterGroup', group, 'news'));
    await vscode.commands.executeCommand('directMail.clearFilter', group);
  });

  it('a region switch keeps the rows that exist in the new region expanded and selected', async () => {
    const id = await expandDomain('news.example.net');
    try {
      // The emulator answers every region with the same account, so the domain exists in both.
      await keptAfter(id, () => vscode.commands.executeCommand('directMail.selectRegion', { region: 'ap-southeast-1' }));
      assert.equal(a.session.connection()?.region, 'ap-southeast-1');
    } finally {
      await vscode.commands.executeCommand('directMail.selectRegion', { region: 'cn-hangzhou' });
    }
  });

  const GROUPS = ['Domains', 'Sender Addresses', 'Recipient Lists', 'Tags'];

  /** Every group and the account row fail while Direct Mail answers 503 to everything; then it answers again. */
  async function outage(): Promise<void> {
    await admin('POST', 'faults', { kind: 'http503', count: 0 });
    try {
      a.tree.refresh();
      for (const label of GROUPS) {
        await until(`${label} to fail`, async () => (await rowsOf(a, label)).some((r) => r.contextValue.startsWith('error')));
      }
      await until('the account row to fail', async () => row(a, (await a.tree.getChildren())[0]).contextValue === 'account.error');
    } finally {
      await admin('DELETE', 'faults');
    }
  }

  async function allBack(): Promise<void> {
    const demo = (await emulatorState()).demo;
    const labels = async (group: string): Promise<string[]> => (await rowsOf(a, group)).map((r) => r.label).sort();
    assert.deepEqual(await labels('Domains'), demo.domains.map((d) => d.name).sort());
    assert.deepEqual(await labels('Sender Addresses'), demo.mailAddresses.map((m) => m.accountName).sort());
    assert.deepEqual(await labels('Recipient Lists'), demo.receivers.map((r) => r.name).sort());
    assert.deepEqual(await labels('Tags'), demo.tags.map((t) => t.name).sort());
    assert.match(row(a, (await a.tree.getChildren())[0]).description, /^Normal · \d+ free sends left today/);
  }

  it('after an outage, the first successful call elsewhere (a DNS panel\'s refresh) brings the tree back', async () => {
    const id = String((await emulatorState()).demo.domains.find((d) => d.name === 'example.com')!.id);
    await vscode.commands.executeCommand('directMail.openDnsPanel', id);
    const { host } = await readyPanel(a, { panel: 'dns', domainId: id });
    try {
      await outage();
      assert.equal(resultOf(await exchange(host, { type: 'refresh', id: 1 })).ok, true);
      await until('every group to come back', async () => {
        for (const label of GROUPS) if ((await rowsOf(a, label)).some((r) => r.contextValue.startsWith('error'))) return false;
        return row(a, (await a.tree.getChildren())[0]).contextValue !== 'account.error';
      });
      await allBack();
    } finally {
      a.panels.dispose();
    }
  });

  it('after an outage, one Retry on any error node brings back every group and the account', async () => {
    await outage();
    // Direct Mail answers again; the user clicks Retry on the Tags error only.
    const tagsError = (await rowsOf(a, 'Tags')).find((r) => r.contextValue.startsWith('error'))!;
    assert.equal(tagsError.command, 'directMail.retry');
    assert.match(tagsError.accessible, /^Error: .*Press Enter to retry\.$/);
    await vscode.commands.executeCommand('directMail.retry', tagsError.node);

    await allBack();
  });
});
