// The signed-out welcome view and the create forms in the real workbench: the welcome offers one button and links
// named as the commands are (the emulator hint only because the endpoint points at this computer); a blocked form
// says why beside its disabled button and splits a full address typed into "Local part"; a form hidden and shown
// again, re-themed or reloaded, keeps its values, its result and its enabled button; a new domain's form is emptied even
// though its DNS panel opened over it.
// Screenshots: test-results/welcome-signed-out.png, form-blocked-reason.png, form-domain-created.png, form-restored.png,
// form-after-reload.png.
import * as assert from 'node:assert/strict';
import type { Frame } from 'playwright-core';
import { closeEditors, openDirectMailView, openPanel, page, reloadWindow, resetEmulator, runCommand, screenshot, setTheme, showDemoData, treeRow, webviewFrame } from './harness';

const SIDEBAR = '.part.sidebar [id="workbench.view.extension.directMail"]';

/** Shows the editor tab with this title (the tab strip's label). */
async function showTab(title: string): Promise<void> {
  await page().locator('.tabs-container .tab', { has: page().locator('.label-name', { hasText: title }) }).first().click();
}

const reasonOf = (frame: Frame) => frame.locator('#submit-reason');

/** Signs in again with the environment key (as the welcome view's link does) unless the view shows the tree already. */
async function ensureSignedIn(): Promise<void> {
  if (!(await treeRow('Domains').isVisible())) await runCommand('Direct Mail: Use Credentials from Environment Variables');
  await treeRow('Domains').waitFor({ state: 'visible' });
}

/** Shows the create-tag form again and checks that it kept the service's refusal, what was typed and an enabled button. */
async function checkCreateTagKept(refusal: string): Promise<void> {
  await showTab('Create tag');
  const frame = await webviewFrame('Create tag');
  await frame.locator('#form-status.error', { hasText: refusal }).waitFor();
  assert.equal(await frame.locator('#field-tagName input').inputValue(), 'welcome');
  assert.equal(await frame.locator('textarea#field-tagDescription').inputValue(), 'typed before hiding');
  await frame.locator('#submit:not([disabled])').waitFor();
}

describe('Welcome view and forms that explain themselves', () => {
  before(showDemoData);

  // Later test files expect the demo data, the dark theme, no open editors and a signed-in view.
  after(async () => {
    await closeEditors();
    await setTheme('dark');
    await resetEmulator();
    await openDirectMailView();
    await ensureSignedIn();
  });

  it('signed out, offers one button and links named as the commands, and the emulator hint for a local endpoint', async () => {
    const p = page();
    await runCommand('Direct Mail: Sign Out');
    const welcome = p.locator(`${SIDEBAR} .welcome-view-content`);
    await welcome.waitFor({ state: 'visible' });
    try {
      await checkWelcome();
    } finally {
      // The other tests need a signed-in view, whatever this one found.
      await ensureSignedIn();
    }
  });

  /** The signed-out view as a new user sees it; it ends by signing in again through its own link. */
  async function checkWelcome(): Promise<void> {
    const p = page();
    const welcome = p.locator(`${SIDEBAR} .welcome-view-content`);
    await p.locator('.notifications-toasts', { hasText: 'choose "Switch Profile" in the Direct Mail view to sign in again' }).waitFor();
    // One primary action, as a button; the other ways in are links with the commands' own names.
    const buttons = welcome.locator('.monaco-button');
    assert.deepEqual(await buttons.allInnerTexts(), ['Add AccessKey Profile']);
    const links = (await welcome.locator('a.monaco-link, a:not(.monaco-button)').allInnerTexts()).map((t) => t.trim()).filter(Boolean);
    for (const name of ['Use Credentials from Environment Variables', 'Import Profile from aliyun CLI', 'Switch Profile']) {
      assert.ok(links.includes(name), `no link "${name}" among ${JSON.stringify(links)}`);
    }
    // directMail.endpoint is the e2e emulator on 127.0.0.1, so the emulator hint shows.
    await welcome.getByText('points at this computer', { exact: false }).waitFor();
    await screenshot('welcome-signed-out');

    // The secondary link signs in again, with the environment key the workbench was started with.
    await welcome.locator('a', { hasText: 'Use Credentials from Environment Variables' }).click();
    await treeRow('Domains').waitFor({ state: 'visible' });
  }

  it('says beside a disabled submit which field blocks it, and splits a full address typed into "Local part"', async () => {
    const frame = await openPanel('Direct Mail: Create Sender Address…', 'Create sender address');
    await frame.locator('#submit[disabled]').waitFor();
    await reasonOf(frame).filter({ hasText: 'Fill in "Local part" to continue.' }).waitFor();
    // Examples are placeholders, never values.
    assert.equal(await frame.locator('#field-localPart input').inputValue(), '');
    assert.equal(await frame.locator('#field-localPart input').getAttribute('placeholder'), 'e.g. noreply');

    await frame.locator('#field-localPart input').fill('digest@example.com');
    await reasonOf(frame).filter({ hasText: 'Fix "Local part" to continue: Type only the part before the @ ("digest")' }).waitFor();
    await frame.locator('#field-localPart-error', { hasText: 'Type only the part before the @ ("digest")' }).waitFor();
    const split = frame.locator('#split-address', { hasText: 'Use "digest" here and pick example.com under "Domain"' });
    await split.waitFor();
    assert.equal(await frame.locator('#submit').evaluate((b: HTMLElement & { disabled: boolean }) => b.disabled), true);
    await screenshot('form-blocked-reason');

    await split.click();
    assert.equal(await frame.locator('#field-localPart input').inputValue(), 'digest');
    assert.equal(await frame.locator('#field-domain').evaluate((s: HTMLElement & { value: string }) => s.value), 'example.com');
    await frame.locator('#submit:not([disabled])').waitFor();
    await reasonOf(frame).waitFor({ state: 'hidden' });
    await frame.locator('#split-address').waitFor({ state: 'detached' });
  });

  it('empties the domain form after a create, although the new domain\'s DNS panel opened over it', async () => {
    let frame = await openPanel('Direct Mail: Create Domain…', 'Create sending domain');
    assert.equal(await frame.locator('#field-domainName input').getAttribute('placeholder'), 'e.g. mail.example.com');
    await frame.locator('#field-domainName input').fill('mail.e2e-created.example');
    await frame.locator('#submit:not([disabled])').click();
    await webviewFrame(/mail\.e2e-created\.example/);

    await showTab('Create sending domain');
    frame = await webviewFrame('Create sending domain');
    await frame.locator('#form-status.success', { hasText: 'Created domain mail.e2e-created.example.' }).waitFor();
    assert.equal(await frame.locator('#field-domainName input').inputValue(), '');
    await reasonOf(frame).filter({ hasText: 'Fill in "Domain name" to continue.' }).waitFor();
    await screenshot('form-domain-created');
  });

  it('keeps values, result and an enabled button when the form is hidden and shown again, and after a theme change', async () => {
    let frame = await openPanel('Direct Mail: Create Tag…', 'Create tag');
    // "welcome" exists in the demo account: the service refuses it, and the form keeps what was typed.
    await frame.locator('#field-tagName input').fill('welcome');
    await frame.locator('textarea#field-tagDescription').fill('typed before hiding');
    await frame.locator('#submit:not([disabled])').click();
    const status = frame.locator('#form-status.error');
    await status.waitFor();
    const refusal = (await status.innerText()).trim();
    assert.match(refusal, /welcome|exist/i);
    // The result takes focus, so a screen reader reads it.
    assert.equal(await frame.evaluate(() => document.activeElement?.id), 'form-status');

    await openPanel('Direct Mail: Open Account Overview', 'Direct Mail account');
    await checkCreateTagKept(refusal);

    await setTheme('light');
    frame = await webviewFrame('Create tag');
    await page().waitForTimeout(300); // the theme reaches the webview by message; let it repaint
    await frame.locator('#submit:not([disabled])').waitFor();
    assert.equal(await frame.locator('#field-tagName input').inputValue(), 'welcome');
    await screenshot('form-restored');
    await setTheme('dark');
  });

  it('keeps values, result and an enabled button after a window reload', async () => {
    const frame = await webviewFrame('Create tag');
    const refusal = (await frame.locator('#form-status.error').innerText()).trim();
    await reloadWindow();
    // VS Code brings the panel back (the extension's serializer) and the page restores itself from its saved state.
    await checkCreateTagKept(refusal);
    await screenshot('form-after-reload');
  });
});
