// The workbench with the extension loaded: its activity bar icon opens its own view, whose tree shows the signed-in
// account and the four resource groups, and its status bar item names the active profile and region. Screenshots:
// test-results/workbench-dark.png and workbench-light.png.
import * as assert from 'node:assert/strict';
import { openDirectMailView, page, screenshot, setTheme, treeRow } from './harness';

// The e2e workbench signs in with the environment profile; the extension's default region.
const STATUS_TEXT = 'environment · cn-hangzhou';

describe('Workbench', () => {
  it('shows the Direct Mail view with the account and its resource groups from the activity bar icon', async () => {
    await openDirectMailView();
    for (const label of ['Account environment · cn-hangzhou', 'Domains', 'Sender Addresses', 'Recipient Lists', 'Tags']) {
      await treeRow(label).waitFor({ state: 'visible' });
    }
    await screenshot('workbench-dark');
  });

  it('shows the active profile and region in the status bar, in either theme', async () => {
    const item = page().locator('.part.statusbar .statusbar-item', { hasText: STATUS_TEXT }).first();
    await item.waitFor({ state: 'visible' });
    assert.match(await item.innerText(), /^\s*environment · cn-hangzhou\s*$/);
    await setTheme('light');
    await item.waitFor({ state: 'visible' });
    await screenshot('workbench-light');
    await setTheme('dark');
  });
});
