// A DNS panel whose domain was deleted elsewhere says so and offers to close; a profile switch makes a DNS panel
// of the other account say whose it is (and refuse to verify) until the user switches back; the account panel
// follows the active profile.
import * as assert from 'node:assert/strict';
import { countsInExtensionWords } from '../emulator/stateJson';
import * as vscode from 'vscode';
import { exchange, resultOf } from './panelMessages';
import { outsideClient, readyPanel, rowsOf, until, watchViews } from './state-helpers';
import { api, DEMO_KEY, emulatorState, OTHER_KEY, requests, resetEmulator, signInAs, type Api } from './treeHelpers';

describe('State: panels of resources that are gone or belong elsewhere', function () {
  this.timeout(60_000);
  let a: Api;

  before(async () => {
    a = await api();
    await resetEmulator();
  });
  beforeEach(async () => {
    await resetEmulator();
    await signInAs(a, 'demo', DEMO_KEY);
    a.tree.refresh();
  });
  afterEach(() => a.panels.dispose());
  after(resetEmulator);

  it('a domain deleted elsewhere: the DNS panel says it is gone and closes on request; the row goes', async () => {
    const demo = (await emulatorState()).demo;
    const target = demo.domains.find((d) => !demo.mailAddresses.some((m) => m.accountName.endsWith(`@${d.name}`)))!;
    assert.ok(target, 'the demo seed has a domain without sender addresses');
    const id = String(target.id);
    await vscode.commands.executeCommand('directMail.openDnsPanel', id);
    const { host, view } = await readyPanel(a, { panel: 'dns', domainId: id });
    assert.ok(view.panel === 'dns' && !view.gone);
    assert.ok((await rowsOf(a, 'Domains')).some((r) => r.label === target.name));

    // Deleted by someone else (the console, another machine).
    const other = outsideClient();
    try {
      await other.deleteDomain(id);
    } finally {
      await other.close();
    }
    assert.ok(!(await emulatorState()).demo.domains.some((d) => d.name === target.name));

    const posted = await exchange(host, { type: 'refresh', id: 1 });
    const result = resultOf(posted);
    assert.equal(result.ok, false);
    const gone = `Direct Mail no longer has the domain ${target.name} (profile demo, region cn-hangzhou): it was deleted. Close this panel.`;
    assert.equal(result.message, gone);
    const shown = posted.filter((m) => m.type === 'show').at(-1);
    assert.ok(shown?.type === 'show' && shown.view.panel === 'dns');
    assert.equal(shown.view.gone, true);
    assert.equal(shown.view.verified, false, 'a gone domain is not shown as verified');
    assert.match(shown.view.statusText, new RegExp(`no longer has the domain ${target.name.replace(/\./g, '\\.')}`));
    // Nothing more is sent for it: Verify is refused in the panel.
    const verify = resultOf(await exchange(host, { type: 'verify', id: 2 }));
    assert.equal(verify.ok, false);
    assert.equal(verify.message, gone);
    assert.ok(!(await requests()).some((r) => r.action === 'CheckDomain'));

    // The tree learned it from the panel's answer.
    await until('the row to go from the tree', async () => !(await rowsOf(a, 'Domains')).some((r) => r.label === target.name));

    resultOf(await exchange(host, { type: 'close', id: 3 }));
    assert.equal(host.isDisposed, true);
    assert.equal(a.panels.find({ panel: 'dns', domainId: id }), undefined);
  });

  it('a DNS panel of another profile says whose it is, refuses to verify, and comes back on "switch back"', async () => {
    const id = String((await emulatorState()).demo.domains.find((d) => d.name === 'mail.example.org')!.id);
    await vscode.commands.executeCommand('directMail.openDnsPanel', id);
    const { host } = await readyPanel(a, { panel: 'dns', domainId: id });
    await vscode.commands.executeCommand('directMail.openAccountOverview');
    const { host: accountHost, view: demoAccount } = await readyPanel(a, { panel: 'account' });
    assert.ok(demoAccount.panel === 'account');
    assert.deepEqual(demoAccount.owner, { profile: 'demo', region: 'cn-hangzhou' });
    const dns = watchViews(host);
    const account = watchViews(accountHost);
    try {
      assert.equal(await vscode.commands.executeCommand('directMail.addProfile', { name: 'other', ...OTHER_KEY, region: 'cn-hangzhou' }), 'other');
      await vscode.commands.executeCommand('directMail.switchProfile', { name: 'other' });
      assert.equal(a.session.connection()?.profile.name, 'other');

      await until('the DNS panel to say it belongs to demo', () => {
        const last = dns.last();
        return last?.panel === 'dns' && last.owner?.active?.profile === 'other';
      });
      const last = dns.last();
      assert.ok(last?.panel === 'dns');
      assert.deepEqual(last.owner, { profile: 'demo', region: 'cn-hangzhou', active: { profile: 'other', region: 'cn-hangzhou' } });
      assert.equal(last.domainName, 'mail.example.org');
      const refused = resultOf(await exchange(host, { type: 'verify', id: 1 }));
      assert.equal(refused.ok, false);
      assert.match(refused.message ?? '', /belongs to profile demo in cn-hangzhou; the active profile is other in cn-hangzhou/);

      // The account panel re-targets: the other account's counts, under the other profile's name.
      const otherTotals = countsInExtensionWords((await emulatorState()).other.totals);
      await until('the account panel to show the other profile', () => account.last()?.panel === 'account' && (account.last() as { owner?: { profile: string } }).owner?.profile === 'other');
      const otherView = account.last();
      assert.ok(otherView?.panel === 'account');
      assert.deepEqual(otherView.counts, otherTotals);

      const back = resultOf(await exchange(host, { type: 'switchBack', id: 2 }));
      assert.equal(back.ok, true, back.message);
      assert.equal(a.session.connection()?.profile.name, 'demo');
      await until('the DNS panel to show the domain as demo\'s again', () => {
        const v = dns.last();
        return v?.panel === 'dns' && v.owner?.profile === 'demo' && v.owner.active === undefined;
      });
      const verified = resultOf(await exchange(host, { type: 'verify', id: 3 }));
      assert.equal(verified.ok, true, verified.message);
    } finally {
      dns.dispose();
      account.dispose();
    }
  });
});
