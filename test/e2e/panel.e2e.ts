// The webview panels in the real workbench: open each one as a user does, copy DNS records and read the
// clipboard back, fill and submit forms (a success and a rejection), and photograph every panel in the
// dark and the light theme (test-results/<panel>-dark.png, <panel>-light.png).
import * as assert from 'node:assert/strict';
import { countsInExtensionWords } from '../emulator/stateJson';
import {
  allowClipboard, clickTreeAction, clipboardText, closeEditors, demoAccount, emulatorAdmin, openPanel, page, pickQuickInput, resetEmulator, runCommand,
  screenshot, setTheme, showDemoData, webviewFrame,
} from './harness';

/** Screenshots in both themes, back in dark afterwards. */
async function photograph(name: string, heading: string | RegExp): Promise<void> {
  await setTheme('dark');
  await (await webviewFrame(heading)).locator('#app').waitFor();
  await screenshot(`${name}-dark`);
  await setTheme('light');
  await (await webviewFrame(heading)).locator('#app').waitFor();
  await page().waitForTimeout(300); // the theme reaches the webview by message; let it repaint
  await screenshot(`${name}-light`);
  await setTheme('dark');
}

describe('Webview panels in the workbench', () => {
  before(async () => {
    await allowClipboard();
    await resetEmulator();
    await setTheme('dark');
  });

  afterEach(async () => {
    await closeEditors();
  });

  // Later test files expect the demo data: put it back and let the tree show it again.
  after(showDemoData);

  it('DNS setup panel: lists the records, copies them, and looks right in both themes', async () => {
    const account = await demoAccount();
    const domain = account.domains.find((d) => d.name === 'example.com');
    assert.ok(domain);
    await runCommand('Direct Mail: Open DNS Setup');
    await pickQuickInput('example.com', 'example.com');
    const frame = await webviewFrame('DNS setup: example.com');
    await frame.locator('table.records tbody tr').first().waitFor();
    assert.equal(await frame.locator('table.records tbody tr').count(), Object.keys(domain.dns).length);
    assert.match(await frame.locator('#domain-state').innerText(), /Verified/);

    await frame.locator('vscode-button', { hasText: 'Copy all (zone file)' }).click();
    await frame.locator('.notice', { hasText: 'Copied every record' }).waitFor();
    const zone = await clipboardText();
    assert.ok(zone.startsWith('$ORIGIN example.com.\n'), zone);
    assert.ok(zone.includes(`@\tIN\tMX\t10 ${domain.dns.mx.value}.`), zone);

    const ownershipRow = frame.locator('table.records tbody tr', { has: frame.locator('td.host', { hasText: domain.dns.ownership.host }) });
    await ownershipRow.locator('button[data-copy="value"]').click();
    await frame.locator('.notice', { hasText: 'Copied the value.' }).waitFor();
    assert.equal(await clipboardText(), domain.dns.ownership.value);
    assert.equal(await ownershipRow.locator('td.host').getAttribute('title'), `${domain.dns.ownership.host}.example.com.`);

    await photograph('dns-panel', 'DNS setup: example.com');
  });

  it('DNS setup panel opens from a domain in the tree', async () => {
    await clickTreeAction('Domains', 'news.example.net', 'Open DNS Setup');
    const frame = await webviewFrame('DNS setup: news.example.net');
    await frame.locator('table.records tbody tr').first().waitFor();
  });

  it('DNS setup panel: Verify updates the states in place, and shows what public DNS has for a record that fails', async () => {
    await runCommand('Direct Mail: Open DNS Setup');
    await pickQuickInput('mail.example.org', 'mail.example.org');
    const frame = await webviewFrame('DNS setup: mail.example.org');
    assert.match(await frame.locator('#domain-state').innerText(), /Not verified/);
    // Everything published, SPF with an old value: the SPF row says what public DNS has instead.
    const oldSpf = 'v=spf1 include:spf.old-provider.example -all';
    await emulatorAdmin('POST', 'publish', { domainName: 'mail.example.org' });
    await emulatorAdmin('POST', 'publish', { domainName: 'mail.example.org', records: ['spf'], value: oldSpf });
    await frame.locator('vscode-button', { hasText: 'Verify' }).click();
    const spfRow = frame.locator('tr[data-state="fail"]', { hasText: 'SPF' });
    await spfRow.locator('.seen', { hasText: `Public DNS has instead: ${oldSpf}` }).waitFor();
    assert.equal(await frame.locator('tr[data-state="fail"]').count(), 1);
    await screenshot('dns-panel-seen-value');
    // Corrected: verified, and the line is gone.
    await emulatorAdmin('POST', 'publish', { domainName: 'mail.example.org', records: ['spf'] });
    await frame.locator('vscode-button', { hasText: 'Verify' }).click();
    await frame.locator('#domain-state', { hasText: /^Verified/ }).waitFor();
    assert.equal(await frame.locator('tr[data-state="fail"] td:first-child', { hasText: 'Ownership' }).count(), 0);
    assert.equal(await frame.locator('.seen').count(), 0);
  });

  it('account overview: shows the account\'s counts and quotas in both themes', async () => {
    const totals = countsInExtensionWords((await demoAccount()).totals);
    const frame = await openPanel('Direct Mail: Open Account Overview', 'Direct Mail account');
    await frame.locator('#count-domains').waitFor();
    for (const [key, n] of Object.entries(totals)) {
      assert.equal((await frame.locator(`#count-${key} .count-value`).innerText()).replace(/\D/g, ''), String(n), key);
    }
    assert.equal(await frame.locator('.track[role="progressbar"]').count(), 3);
    await frame.locator('#refresh').click();
    await frame.locator('#refresh:not([disabled])').waitFor();
    assert.match(await frame.locator('#updated').innerText(), /^Updated /);
    await photograph('account-panel', 'Direct Mail account');
  });

  it('create tag form: checks while typing, creates, and keeps the input of a rejected create', async () => {
    const frame = await openPanel('Direct Mail: Create Tag…', 'Create tag');
    const name = frame.locator('#field-tagName input');
    const submit = frame.locator('#submit');

    await name.fill('no spaces allowed here!');
    await frame.locator('#field-tagName-error').filter({ hasText: /\S/ }).waitFor();
    await frame.locator('#submit[disabled]').waitFor();
    await photograph('form-panel', 'Create tag');

    await name.fill('e2e-launch');
    await frame.locator('#field-tagName-error').filter({ hasText: /^$/ }).waitFor();
    await frame.locator('#submit:not([disabled])').waitFor();
    await submit.click();
    await frame.locator('#form-status.success', { hasText: 'e2e-launch' }).waitFor();
    const tags = (await demoAccount()).tags.map((t) => t.name);
    assert.ok(tags.includes('e2e-launch'), JSON.stringify(tags));

    await name.fill('welcome');
    await frame.locator('textarea#field-tagDescription').fill('kept after the failure');
    await submit.click();
    await frame.locator('#form-status.error').waitFor();
    assert.equal(await name.inputValue(), 'welcome');
    assert.equal(await frame.locator('textarea#field-tagDescription').inputValue(), 'kept after the failure');
    await screenshot('form-panel-rejected');

    // Hidden behind another panel the page is discarded (no retainContextWhenHidden); shown again it
    // restores what was typed from its saved state.
    await openPanel('Direct Mail: Open Account Overview', 'Direct Mail account');
    await runCommand('Direct Mail: Create Tag…'); // reveals the existing, hidden form
    const restored = await webviewFrame('Create tag');
    await restored.locator('#field-tagName input').waitFor();
    assert.equal(await restored.locator('#field-tagName input').inputValue(), 'welcome');
    assert.equal(await restored.locator('textarea#field-tagDescription').inputValue(), 'kept after the failure');
  });

  it('create sender address form: picks a verified domain and creates the address', async () => {
    const frame = await openPanel('Direct Mail: Create Sender Address…', 'Create sender address');
    await frame.locator('#field-localPart input').fill('e2e-alerts');
    await frame.locator('#field-domain').waitFor();
    await frame.locator('#submit:not([disabled])').waitFor();
    await photograph('form-sender-panel', 'Create sender address');
    await frame.locator('#submit').click();
    await frame.locator('#form-status.success').waitFor();
    const addresses = (await demoAccount()).mailAddresses.map((m) => m.accountName);
    assert.ok(addresses.some((a) => a.startsWith('e2e-alerts@')), JSON.stringify(addresses));
  });

  it('create domain form: creates the domain and opens its DNS setup panel', async () => {
    const frame = await openPanel('Direct Mail: Create Domain…', 'Create sending domain');
    await frame.locator('#field-domainName input').fill('e2e.example.dev');
    await frame.locator('#submit:not([disabled])').waitFor();
    await frame.locator('#submit').click();
    const dns = await webviewFrame('DNS setup: e2e.example.dev');
    await dns.locator('#domain-state', { hasText: 'Not verified' }).waitFor();
    assert.ok((await dns.locator('tr[data-state="fail"]').count()) > 0);
    assert.ok((await demoAccount()).domains.some((d) => d.name === 'e2e.example.dev'));
    await screenshot('dns-panel-unverified-dark');
  });
});
