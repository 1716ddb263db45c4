// One state in the real workbench: Verify pressed in the DNS setup panel changes the sidebar row's icon and
// words at once (no refresh); copy feedback floats and leaves the records table where it was.
// Screenshots: test-results/state-*.png.
import * as assert from 'node:assert/strict';
import { emulatorAdmin, expandTreeRow, openPanel, page, screenshot, showDemoData, treeRow, waitForTreeIdle, webviewFrame } from './harness';

describe('One state: DNS panel and sidebar', () => {
  before(async () => {
    await showDemoData();
    await waitForTreeIdle();
  });

  it('Verify in the DNS panel turns the sidebar row verified (icon and words)', async () => {
    await expandTreeRow('Domains');
    const row = treeRow('mail.example.org');
    await row.locator('.label-description', { hasText: /^not verified$/ }).waitFor();
    assert.equal(await row.locator('.codicon-error').count(), 1, 'an unverified domain shows the error icon');
    await screenshot('state-1-row-not-verified');

    // A click on the name (like Enter) opens the domain's DNS setup.
    await row.locator('.label-name').click();
    const frame = await webviewFrame('DNS setup: mail.example.org');
    await frame.locator('#domain-state', { hasText: /Not verified/ }).waitFor();
    assert.match(await frame.locator('#owner').innerText(), /environment · cn-hangzhou/);

    await emulatorAdmin('POST', 'publish', { domainName: 'mail.example.org' });
    await frame.locator('vscode-button', { hasText: 'Verify' }).click();
    await frame.locator('#domain-state', { hasText: /^Verified$/ }).waitFor();
    await screenshot('state-2-panel-verified');

    // The sidebar row follows without a refresh: same words and icon as the panel's badge.
    await row.locator('.label-description', { hasText: /^verified$/ }).waitFor({ timeout: 30_000 });
    await row.locator('.codicon-pass-filled').waitFor({ timeout: 30_000 });
    assert.equal(await frame.locator('#domain-state .codicon-pass-filled').count(), 1, 'the badge uses the row\'s icon');
    await screenshot('state-3-row-verified');
  });

  it('copy feedback is a floating toast: the records table does not move', async () => {
    const frame = await webviewFrame('DNS setup: mail.example.org');
    const table = frame.locator('table.records');
    await frame.locator('table.records th', { hasText: /^Copy$/ }).waitFor();
    const before = await table.boundingBox();
    const copyValue = frame.locator('tr[data-state] button[data-copy="value"]').first();
    assert.equal((await copyValue.innerText()).trim(), 'Value');
    assert.match((await copyValue.getAttribute('aria-label')) ?? '', /^Copy the value of the .+ record$/);
    await copyValue.click();
    await frame.locator('#toast.visible', { hasText: 'Copied the value.' }).waitFor();
    const after = await table.boundingBox();
    assert.deepEqual(after, before, 'the table stays under the pointer');
    await screenshot('state-4-copy-toast');
    await page().keyboard.press('Escape');
  });

  it('a panel brought back to the front shows its last content without asking Direct Mail', async () => {
    // Another panel in the same group hides the DNS panel (its page is unloaded: no retainContextWhenHidden).
    await openPanel('Direct Mail: Open Account Overview', 'Direct Mail account');
    await emulatorAdmin('DELETE', 'requests');
    await page().locator('.tabs-container .tab', { hasText: 'DNS setup: mail.example.org' }).click();
    const frame = await webviewFrame('DNS setup: mail.example.org');
    await frame.locator('#domain-state', { hasText: /^Verified$/ }).waitFor();
    assert.ok((await frame.locator('table.records tbody tr').count()) >= 5);
    const sent = (await emulatorAdmin('GET', 'requests')) as { requests: { action: string }[] };
    assert.deepEqual(sent.requests.filter((r) => r.action === 'DescDomain'), [], 'shown from the page state and the extension\'s copy');
    await screenshot('state-5-panel-back');
  });
});
