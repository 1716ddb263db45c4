// The resource tree against the emulator's demo account: what each node shows, paging, filtering, an injected
// fault becoming an error node that Retry recovers, and the copy commands. Expected values come from GET
// /__emulator/state.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { RecordKind } from '../emulator/dns';
import { exchange, resultOf } from './panelMessages';
import { admin, children, emulatorState, group, requests, resetEmulator, show, signedInDemo, sorted, until, withSetting, type Api, type StateAccount } from './treeHelpers';

describe('Direct Mail tree', () => {
  let a: Api;
  let demo: StateAccount;
  before(async () => {
    a = await signedInDemo();
    demo = (await emulatorState()).demo;
  });
  beforeEach(() => a.tree.refresh());

  it('shows Account and the four groups with their totals', async () => {
    await admin('DELETE', 'requests');
    const root = await children(a);
    assert.deepEqual(root.map((r) => r.label), ['Account demo · cn-hangzhou', 'Domains', 'Sender Addresses', 'Recipient Lists', 'Tags']);
    await Promise.all(root.slice(1).map((g) => a.tree.getChildren(g.node)));
    const totals = root.slice(1).map((g) => show(a, g.node).description);
    assert.deepEqual(totals, [demo.totals.domains, demo.totals.mailAddresses, demo.totals.receivers, demo.totals.tags].map(String));
    // The four lists were asked for once each (in parallel, from the root), plus the account summary.
    const actions = (await requests()).map((r) => r.action).sort();
    assert.deepEqual(actions, ['DescAccountSummary', 'QueryDomainByParam', 'QueryMailAddressByParam', 'QueryReceiverByParam', 'QueryTagByParam']);
    const account = show(a, root[0].node);
    assert.match(account.description, /^Normal · \d+ free sends left today · \d+ in total$/);
  });

  it('shows each domain with its verification state', async () => {
    const { items } = await group(a, 'Domains');
    assert.deepEqual(sorted(items.map((d) => d.label)), sorted(demo.domains.map((d) => d.name)));
    const byName = Object.fromEntries(items.map((d) => [d.label, d.contextValue]));
    assert.deepEqual(byName, { 'example.com': 'domain.verified', 'mail.example.org': 'domain.unverified', 'news.example.net': 'domain.partly' });
  });

  it('lists the DNS records of a domain as `host  TYPE  value` with pass/fail per record', async () => {
    const { items } = await group(a, 'Domains');
    const news = items.find((d) => d.label === 'news.example.net')!;
    const records = await children(a, news.node);
    const expected = demo.domains.find((d) => d.name === 'news.example.net')!;
    const kinds: RecordKind[] = ['ownership', 'spf', 'mx', 'dkim', 'dmarc', 'cname'];
    assert.deepEqual(records.map((r) => r.label), kinds.map((k) => {
      const rec = expected.dns[k];
      return `${rec.host}  ${rec.type}  ${rec.type === 'MX' ? `10 ${rec.value}` : rec.value}`;
    }));
    assert.deepEqual(records.map((r) => r.contextValue), kinds.map((k) => (expected.records[k].verified ? 'dnsRecord.pass' : 'dnsRecord.fail')));
    assert.match(records[0].tooltip, /Ownership: proves to Direct Mail that you control news\.example\.net/);
  });

  it('copies the exact DNS value, host and record of every record', async () => {
    const { items } = await group(a, 'Domains');
    const domain = items.find((d) => d.label === 'mail.example.org')!;
    const expected = demo.domains.find((d) => d.name === 'mail.example.org')!;
    const records = await children(a, domain.node);
    const kinds: RecordKind[] = ['ownership', 'spf', 'mx', 'dkim', 'dmarc', 'cname'];
    for (const [i, kind] of kinds.entries()) {
      await vscode.commands.executeCommand('directMail.copyDnsValue', records[i].node);
      assert.equal(await vscode.env.clipboard.readText(), expected.dns[kind].value, `${kind} value`);
      await vscode.commands.executeCommand('directMail.copyDnsHost', records[i].node);
      assert.equal(await vscode.env.clipboard.readText(), expected.dns[kind].host, `${kind} host`);
    }
    await vscode.commands.executeCommand('directMail.copyDnsRecord', records[2].node);
    assert.equal(await vscode.env.clipboard.readText(), `mail.example.org.\tIN\tMX\t10 ${expected.dns.mx.value}.`);
    await vscode.commands.executeCommand('directMail.copyName', domain.node);
    assert.equal(await vscode.env.clipboard.readText(), 'mail.example.org');
    await vscode.commands.executeCommand('directMail.copyId', domain.node);
    assert.equal(await vscode.env.clipboard.readText(), String(expected.id));
  });

  it('copies a whole DNS record as the same text from the tree and from the DNS setup panel', async () => {
    const { items } = await group(a, 'Domains');
    const domain = items.find((d) => d.label === 'mail.example.org')!;
    const expected = demo.domains.find((d) => d.name === 'mail.example.org')!;
    const records = await children(a, domain.node);
    const panel = a.panels.open({ panel: 'dns', domainId: String(expected.id) });
    try {
      const shown = (await exchange(panel, { type: 'ready' })).find((m) => m.type === 'show');
      assert.ok(shown?.type === 'show' && shown.view.panel === 'dns');
      assert.equal(shown.view.records.length, records.length);
      for (const [index, record] of shown.view.records.entries()) {
        const row = records.findIndex((r) => r.label.startsWith(`${record.host}  ${record.type}  `) && r.label.endsWith(record.value));
        assert.ok(row >= 0, `${record.host} ${record.type} is in the tree`);
        await vscode.commands.executeCommand('directMail.copyDnsRecord', records[row].node);
        const fromTree = await vscode.env.clipboard.readText();
        assert.equal(resultOf(await exchange(panel, { type: 'copy', id: index + 1, target: 'record', index })).ok, true);
        assert.equal(await vscode.env.clipboard.readText(), fromTree, `${record.host} ${record.type}`);
        assert.ok(!fromTree.endsWith('\n'), JSON.stringify(fromTree));
      }
    } finally {
      panel.dispose();
    }
  });

  it('shows sender addresses with send type and reply-to', async () => {
    const { items } = await group(a, 'Sender Addresses');
    assert.deepEqual(sorted(items.map((s) => s.label)), sorted(demo.mailAddresses.map((m) => m.accountName)));
    for (const m of demo.mailAddresses) {
      const shown = items.find((s) => s.label === m.accountName)!;
      assert.equal(shown.contextValue, `sender.${m.sendtype}`);
      assert.ok(shown.description.startsWith(m.sendtype), shown.description);
      if (m.replyAddress) assert.match(shown.description, new RegExp(`reply-to ${m.replyAddress.replace(/\./g, '\\.')} \\(not verified\\)`));
    }
  });

  it('shows recipient lists with alias and count, and their recipients', async () => {
    const { items } = await group(a, 'Recipient Lists');
    assert.deepEqual(sorted(items.map((r) => r.label)), sorted(demo.receivers.map((r) => r.name)));
    for (const r of demo.receivers) {
      const shown = items.find((i) => i.label === r.name)!;
      assert.equal(shown.description, `${r.alias} · ${r.count} recipients`);
      const recipients = await children(a, shown.node);
      assert.deepEqual(recipients.map((p) => p.label).sort(), r.recipients.map((p) => p.email).sort());
    }
  });

  it('shows tags with name and ID', async () => {
    const { items } = await group(a, 'Tags');
    assert.deepEqual(sorted(items.map((t) => `${t.label} ${t.description}`)), sorted(demo.tags.map((t) => `${t.name} ID ${t.id}`)));
  });

  it('pages to the last page with "Load more (shown of total)", one request per click', async () => {
    await withSetting('pageSize', 2, async () => {
      a.tree.refresh();
      let { items } = await group(a, 'Tags');
      assert.equal(items.length, 3);
      const firstPage = items.slice(0, 2).map((t) => t.label);
      assert.ok(firstPage.every((name) => demo.tags.some((t) => t.name === name)) && new Set(firstPage).size === 2, firstPage.join());
      const more = items[2];
      assert.equal(more.label, `Load more (2 of ${demo.tags.length})`);
      assert.equal(more.contextValue, 'loadMore');
      await admin('DELETE', 'requests');
      // A double click: two commands at once must send one request.
      await Promise.all([vscode.commands.executeCommand('directMail.loadMore', more.node), vscode.commands.executeCommand('directMail.loadMore', more.node)]);
      await vscode.commands.executeCommand('directMail.loadMore', more.node); // a stale node: loads nothing
      assert.deepEqual((await requests()).map((r) => [r.action, r.params.PageNo]), [['QueryTagByParam', '2']]);
      ({ items } = await group(a, 'Tags'));
      assert.deepEqual(items.slice(0, 2).map((t) => t.label), firstPage, 'the first page stays in place');
      assert.deepEqual(sorted(items.map((t) => t.label)), sorted(demo.tags.map((t) => t.name)));
    });
  });

  it('pages through 25 recipients with NextStart', async () => {
    await withSetting('pageSize', 10, async () => {
      a.tree.refresh();
      const { items } = await group(a, 'Recipient Lists');
      const newsletter = items.find((i) => i.label === 'Newsletter')!;
      let shown = await children(a, newsletter.node);
      for (let clicks = 0; shown.at(-1)?.contextValue === 'loadMore' && clicks < 5; clicks++) {
        await vscode.commands.executeCommand('directMail.loadMore', shown.at(-1)!.node);
        shown = await children(a, newsletter.node);
      }
      const expected = demo.receivers.find((r) => r.name === 'Newsletter')!.recipients.map((p) => p.email).sort();
      assert.deepEqual(shown.map((s) => s.label).sort(), expected);
    });
  });

  it('filters a group by keyword on the server and clears the filter', async () => {
    const { group: tags } = await group(a, 'Tags');
    await admin('DELETE', 'requests');
    assert.equal(await vscode.commands.executeCommand('directMail.filterGroup', tags.node, 'week'), 'week');
    const filtered = await children(a, tags.node);
    assert.deepEqual(filtered.map((t) => t.label), demo.tags.filter((t) => t.name.includes('week')).map((t) => t.name));
    const shown = show(a, tags.node);
    assert.equal(shown.contextValue, 'group.tags.filtered');
    assert.match(shown.description, /filter: "week" · 1/);
    assert.deepEqual((await requests()).map((r) => [r.action, r.params.KeyWord]), [['QueryTagByParam', 'week']]);
    await vscode.commands.executeCommand('directMail.clearFilter', tags.node);
    assert.equal((await children(a, tags.node)).length, demo.tags.length);
    assert.equal(show(a, tags.node).contextValue, 'group.tags');
  });

  it('refuses an invalid filter keyword before any request', async () => {
    const { group: tags } = await group(a, 'Tags');
    await admin('DELETE', 'requests');
    assert.equal(await vscode.commands.executeCommand('directMail.filterGroup', tags.node, 'x'.repeat(51)), undefined);
    assert.deepEqual(await requests(), []);
  });

  it('turns a failure into an error node with Code and RequestId, and Retry recovers', async () => {
    const { group: tags } = await group(a, 'Tags');
    await admin('POST', 'faults', { kind: 'http503', count: 0, actions: ['QueryTagByParam'] });
    try {
      await vscode.commands.executeCommand('directMail.refreshGroup', tags.node);
      const failed = await children(a, tags.node);
      assert.equal(failed.length, 1);
      assert.match(failed[0].label, /^Error: /);
      assert.match(failed[0].contextValue, /^error/);
      assert.match(failed[0].description, /ServiceUnavailable|503/);
      assert.equal(show(a, tags.node).description, 'failed');
    } finally {
      await admin('DELETE', 'faults');
    }
    const errorNode = (await children(a, tags.node))[0];
    await vscode.commands.executeCommand('directMail.retry', errorNode.node);
    assert.deepEqual(sorted((await children(a, tags.node)).map((t) => t.label)), sorted(demo.tags.map((t) => t.name)));
  });

  it('verifies a domain and explains the result per record', async () => {
    const { items } = await group(a, 'Domains');
    const pending = items.find((d) => d.label === 'mail.example.org')!;
    let result = (await vscode.commands.executeCommand('directMail.verifyDomain', pending.node)) as { domainStatus: number; records: { kind: string; state: string }[] };
    assert.equal(result.domainStatus, 1);
    assert.ok(result.records.every((r) => r.state === 'fail'));
    await admin('POST', 'publish', { domainName: 'mail.example.org' });
    result = (await vscode.commands.executeCommand('directMail.verifyDomain', pending.node)) as typeof result;
    assert.equal(result.domainStatus, 0);
    const after = await group(a, 'Domains');
    assert.equal(after.items.find((d) => d.label === 'mail.example.org')?.contextValue, 'domain.verified');
    await resetEmulator();
  });
});

describe('Direct Mail tree: re-check of pending domains', () => {
  let a: Api;
  before(async () => {
    a = await signedInDemo();
  });
  after(() => resetEmulator());

  it('re-checks unverified domains on the interval and stops when none is pending', async function () {
    this.timeout(60_000);
    await withSetting('autoVerifyIntervalSeconds', 1, async () => {
      await vscode.commands.executeCommand('workbench.view.extension.directMail');
      a.tree.refresh();
      await until('the view to show', () => a.view.visible);
      await group(a, 'Domains');
      await until('the re-check to start (two domains are pending)', () => a.autoVerifyActive());
      await admin('POST', 'publish', { domainName: 'mail.example.org' });
      await admin('POST', 'publish', { domainName: 'news.example.net' });
      // CheckDomain (sent by the re-check only) verifies both in the emulator; then the re-check has nothing left.
      await until('both domains to be verified and the re-check to stop', async () =>
        (await emulatorState()).demo.domains.every((d) => d.status === 0) && !a.autoVerifyActive());
      const checked = (await requests()).filter((r) => r.action === 'CheckDomain').length;
      assert.ok(checked >= 2, `CheckDomain sent ${checked} times`);
      const { items } = await group(a, 'Domains');
      assert.deepEqual(items.map((d) => d.contextValue), items.map(() => 'domain.verified'));
    });
  });
});
