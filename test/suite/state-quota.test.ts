// One state for the account: after a test email, the tree's Account row and the account panel show the same
// remaining quota, the one the emulator keeps (read from its state, not from the extension).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { exchange, resultOf } from './panelMessages';
import { readyPanel, row, until, watchViews } from './state-helpers';
import type { Quota } from '../emulator/state';
import { children, emulatorState, useDemoAccount, type Api } from './treeHelpers';

const emulatorQuota = async (): Promise<Quota> => (await emulatorState()).demo.quota;

describe('State: account quota after a send', function () {
  this.timeout(60_000);
  let a: Api;

  useDemoAccount((api) => (a = api), { disposePanels: true });

  const accountRow = async (): Promise<string> => {
    const root = await a.tree.getChildren();
    return row(a, root[0]).description;
  };

  it('the Account row and the account panel show the same remaining quota after a test email', async () => {
    a.tree.refresh();
    const start = await emulatorQuota();
    await children(a);
    await until('the account row to load', async () => /free sends left today/.test(await accountRow()));
    assert.equal(await accountRow(), `Normal · ${start.dailyRemainFreeQuota} free sends left today · ${start.remainFreeQuota} in total`);

    await vscode.commands.executeCommand('directMail.openAccountOverview');
    const { host: accountHost, view } = await readyPanel(a, { panel: 'account' });
    assert.ok(view.panel === 'account');
    assert.equal(view.dailyRemainFreeQuota, start.dailyRemainFreeQuota);
    const seen = watchViews(accountHost);

    try {
      const accountName = await vscode.commands.executeCommand<string>('directMail.sendTestEmail', { accountName: 'noreply@example.com' });
      const form = a.panels.find({ panel: 'testEmail', accountName });
      assert.ok(form, 'the test-email form did not open');
      await exchange(form, { type: 'ready' });
      const sent = resultOf(await exchange(form, {
        type: 'submit', id: 1,
        values: { toAddress: 'dev@example.net, qa@example.net', subject: 'Quota check', bodyFormat: 'text', body: 'hello', tagName: '', fromAlias: '' },
      }));
      assert.equal(sent.ok, true, sent.message);

      const after = await emulatorQuota();
      assert.equal(after.dailyRemainFreeQuota, start.dailyRemainFreeQuota - 2, 'the emulator counted two recipients');
      const expectedRow = `Normal · ${after.dailyRemainFreeQuota} free sends left today · ${after.remainFreeQuota} in total`;
      await until('the Account row to show the new quota', async () => (await accountRow()) === expectedRow);
      await until('the account panel to show the new quota', () => {
        const last = seen.last();
        return last?.panel === 'account' && last.dailyRemainFreeQuota === after.dailyRemainFreeQuota;
      });
      const last = seen.last();
      assert.ok(last?.panel === 'account');
      assert.equal(last.remainFreeQuota, after.remainFreeQuota);
      assert.equal(await accountRow(), expectedRow, 'both show the same figures');
    } finally {
      seen.dispose();
    }
  });
});
