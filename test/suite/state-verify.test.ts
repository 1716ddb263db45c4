// One state for tree and panels: a verify in the DNS panel shows in the sidebar row (icon, words, accessible
// label, records), and a verify from the tree shows in the open panel. Expected states come from the emulator.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RecordKind } from '../emulator/dns';
import { exchange, resultOf } from './panelMessages';
import { readyPanel, row, rowNamed, until, watchViews } from './state-helpers';
import { admin, children, emulatorState, useDemoAccount, type Api } from './treeHelpers';

describe('State: verify in one place, seen everywhere', function () {
  this.timeout(60_000);
  let a: Api;

  useDemoAccount((api) => (a = api), { disposePanels: true });

  const domainId = async (name: string): Promise<string> => String((await emulatorState()).demo.domains.find((d) => d.name === name)?.id);

  it('a verify in the DNS panel turns the sidebar row verified (icon, words, accessible label, records)', async () => {
    const before = await rowNamed(a, 'Domains', 'mail.example.org');
    assert.equal(before.description, 'not verified');
    assert.equal(before.icon, 'error');
    assert.match(before.accessible, /mail\.example\.org, not verified/);
    const records = await a.tree.getChildren(before.node);
    assert.ok(records.every((r) => row(a, r).contextValue === 'dnsRecord.fail'));

    // Enter on the row opens its DNS setup.
    assert.equal(before.command, 'directMail.openDnsPanel');
    const item = a.tree.getTreeItem(before.node) as vscode.TreeItem;
    await vscode.commands.executeCommand(item.command!.command, ...(item.command!.arguments ?? []));
    const id = await domainId('mail.example.org');
    const { host } = await readyPanel(a, { panel: 'dns', domainId: id });

    await admin('POST', 'publish', { domainName: 'mail.example.org' });
    // What VS Code is told to re-render: the domain's row (or everything).
    const told: unknown[] = [];
    const listener = a.tree.onDidChangeTreeData((node) => told.push(node));
    const result = resultOf(await exchange(host, { type: 'verify', id: 1 }));
    listener.dispose();
    assert.ok(told.some((n) => n === undefined || n === before.node || (n as { id?: string } | undefined)?.id === before.node.id), `the tree was not told: ${told.length} events`);
    assert.equal(result.ok, true, result.message);
    assert.equal((await emulatorState()).demo.domains.find((d) => d.name === 'mail.example.org')?.status, 0, 'the emulator verified it');

    // The very node the tree showed re-renders from the store: no refresh, no new list request.
    const after = row(a, before.node);
    assert.equal(after.description, 'verified');
    assert.equal(after.contextValue, 'domain.verified');
    assert.equal(after.icon, 'pass-filled');
    assert.match(after.accessible, /mail\.example\.org, verified/);
    const shownRecords = (await a.tree.getChildren(before.node)).map((r) => row(a, r));
    const expected = (await emulatorState()).demo.domains.find((d) => d.name === 'mail.example.org')!;
    for (const r of shownRecords) {
      const kind = r.node.id.split('/').pop()!;
      const state = expected.records[(kind === 'tracking' ? 'cname' : kind) as RecordKind]?.verified ? 'pass' : 'fail';
      assert.equal(r.contextValue, `dnsRecord.${state}`, `${kind} in the tree`);
      assert.match(r.accessible, state === 'pass' ? /: passed\./ : /: failed\./);
    }
    // A fresh read of the group agrees (what the next refresh shows).
    assert.equal((await rowNamed(a, 'Domains', 'mail.example.org')).description, 'verified');
  });

  it('a verify from the tree re-renders the open DNS panel', async () => {
    const id = await domainId('news.example.net');
    await vscode.commands.executeCommand('directMail.openDnsPanel', id);
    const { host, view } = await readyPanel(a, { panel: 'dns', domainId: id });
    assert.ok(view.panel === 'dns' && view.verified === false && view.state === 'partly', JSON.stringify(view));
    const seen = watchViews(host);
    try {
      await admin('POST', 'publish', { domainName: 'news.example.net' });
      const node = (await rowNamed(a, 'Domains', 'news.example.net')).node;
      await vscode.commands.executeCommand('directMail.verifyDomain', node);
      await until('the panel to show the domain verified', () => {
        const last = seen.last();
        return last?.panel === 'dns' && last.verified === true;
      });
      const last = seen.last();
      assert.ok(last?.panel === 'dns');
      assert.equal(last.state, 'verified');
      assert.ok(last.records.filter((r) => r.required).every((r) => r.state === 'pass'));
      assert.equal(row(a, node).description, 'verified');
    } finally {
      seen.dispose();
    }
  });

  it('shows the profile and region a DNS panel belongs to', async () => {
    const id = await domainId('example.com');
    await vscode.commands.executeCommand('directMail.openDnsPanel', id);
    const { view } = await readyPanel(a, { panel: 'dns', domainId: id });
    assert.ok(view.panel === 'dns');
    assert.deepEqual(view.owner, { profile: 'demo', region: 'cn-hangzhou', active: undefined });
    // The account row reads the same store as the panels.
    assert.match((await children(a))[0].label, /^Account demo · cn-hangzhou$/);
  });
});
