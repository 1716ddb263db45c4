// The interactive prompts as a user meets them in the real workbench: the five steps of "Add AccessKey Profile"
// (a refused secret, then the right one), switching and removing a profile, renaming a tag from the tree's context
// menu with its validation message, the type-the-name box of "Delete Domain…" and the modal of "Delete Tag".
// Screenshot: test-results/add-profile.png (the secret step, a password field).
import * as assert from 'node:assert/strict';
import type { Locator } from 'playwright-core';
import { demoAccount, expandTreeRow, page, pickQuickInput, runCommand, screenshot, showDemoData, treeRow } from './harness';
import { OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET } from '../emulator/credentials';

// The second account the emulator knows (test/emulator/credentials.ts, seeds.ts), typed by hand as a user would.
const OTHER_KEY_ID = OTHER_ACCESS_KEY_ID;
const OTHER_SECRET = OTHER_ACCESS_KEY_SECRET;
const WRONG_SECRET = 'NotTheSecretOfThisKey0000';
const PROFILE = 'e2e-other';
const REGION = 'cn-hangzhou';
const REGION_NAME = 'China (Hangzhou)';



const widget = (): Locator => page().locator('.quick-input-widget');
const inputField = (): Locator => widget().locator('.quick-input-box input');
const message = (): Locator => widget().locator('.quick-input-message');

/** Waits for the open input box whose title contains `title` (each step of a flow has its own). */
async function inputStep(title: string): Promise<void> {
  await widget().locator('.quick-input-title', { hasText: title }).waitFor({ state: 'visible' });
  await inputField().waitFor({ state: 'visible' });
}

/** Types `value` into the open input box and accepts it once its message is the step's prompt (no problem left). */
async function answer(value: string, prompt: string): Promise<void> {
  await inputField().fill(value);
  await message().filter({ hasText: prompt }).waitFor({ state: 'visible' });
  await inputField().press('Enter');
}

/** The tree row labelled exactly `label` (treeRow matches a prefix, and "welcome" is a prefix of "welcome-2"). */
function exactRow(label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page().locator('.part.sidebar .monaco-list-row').filter({ has: page().locator('.label-name', { hasText: new RegExp(`^${escaped}$`) }) });
}

/** Right-clicks a tree row and chooses `item` from its context menu. */
async function contextMenu(row: Locator, item: string): Promise<void> {
  await row.click({ button: 'right' });
  const entry = page().locator('.context-view .monaco-menu .action-item', { has: page().locator('.action-label', { hasText: new RegExp(`^${item}$`) }) }).first();
  // The menu drops a click that lands right as it opens; hovering focuses the entry and Enter runs it, as from the keyboard.
  await entry.hover();
  await page().waitForFunction((el) => el?.classList.contains('focused') === true, await entry.elementHandle());
  await page().keyboard.press('Enter');
  await entry.waitFor({ state: 'detached' });
}

/** A button of the visible notification toast that says `text`. */
function toast(text: string): Locator {
  return page().locator('.notifications-toasts .notification-toast', { hasText: text });
}

/**
 * Waits until a notification saying `text` was shown: as a toast, or in the notifications centre when the toast has
 * already faded (an information toast without buttons hides itself after a while, and a busy run can miss it).
 */
async function notified(text: string): Promise<void> {
  try {
    await toast(text).waitFor({ state: 'visible', timeout: 15_000 });
    return;
  } catch {
    // Not on screen any more: the centre keeps every notification until it is cleared.
  }
  await runCommand('Notifications: Show Notifications');
  await page().locator('.notifications-center .notification-list-item', { hasText: text }).first().waitFor({ state: 'visible' });
  await page().keyboard.press('Escape');
}

const PROFILE_PROMPTS = {
  name: 'A name for this key, for example "work" or "production"',
  keyId: 'AccessKey ID (from the RAM console; it usually starts with LTAI)',
  secret: 'AccessKey secret (kept only in VS Code\'s secret storage)',
  token: 'STS security token, only for temporary credentials (leave empty for a permanent key)',
};

/** The status-bar item of the Direct Mail profile, once it shows `<profile> · <region>`. */
function statusItem(profile: string): Locator {
  return page().locator('.part.statusbar .statusbar-item', { hasText: `${profile} · ${REGION}` });
}

async function closeEverything(): Promise<void> {
  const p = page();
  // A modal dialog, an input box and toasts each close on Escape; pressing it when nothing is open does nothing.
  for (let i = 0; i < 3; i++) await p.keyboard.press('Escape');
  await runCommand('Notifications: Clear All Notifications');
  await runCommand('View: Close All Editors');
}

describe('Prompts in the workbench', () => {
  before(showDemoData);
  after(async () => {
    await closeEverything();
    await showDemoData();
  });

  it('adds a profile through its five steps: a refused secret is explained and nothing saved, the right one signs in', async () => {
    const p = page();
    await statusItem('environment').waitFor({ state: 'visible' });
    await runCommand('Direct Mail: Add AccessKey Profile…');
    await inputStep('Add AccessKey Profile (1/5)');
    // A name taken by the environment profile is refused in the box itself.
    await inputField().fill('environment');
    await message().filter({ hasText: 'The name "environment" is reserved for the credentials from environment variables; choose another.' }).waitFor();
    await answer(PROFILE, PROFILE_PROMPTS.name);
    await inputStep('Add AccessKey Profile (2/5)');
    await answer(OTHER_KEY_ID, PROFILE_PROMPTS.keyId);
    await inputStep('Add AccessKey Profile (3/5)');
    // The secret is typed into a password field: never shown on screen.
    assert.equal(await inputField().getAttribute('type'), 'password');
    await inputField().fill(WRONG_SECRET);
    await message().filter({ hasText: PROFILE_PROMPTS.secret }).waitFor();
    await screenshot('add-profile');
    await inputField().press('Enter');
    await inputStep('Add AccessKey Profile (4/5)');
    assert.equal(await inputField().getAttribute('type'), 'password');
    await answer('', PROFILE_PROMPTS.token);
    await inputStep('Add AccessKey Profile (5/5)');
    await pickQuickInput('Hangzhou', REGION_NAME);

    // The service refuses the secret: the reason is shown with a way back into the steps.
    const refused = toast('The key was not saved: The AccessKey secret does not belong to this AccessKey ID. Copy the secret again.');
    await refused.waitFor({ state: 'visible' });
    // Nothing was saved: still signed in as the environment profile, and the switcher does not list the new name.
    assert.ok(await statusItem('environment').isVisible());
    await runCommand('Direct Mail: Switch Profile…');
    await widget().locator('.quick-input-list .monaco-list-row', { hasText: 'environment' }).first().waitFor({ state: 'visible' });
    assert.equal(await widget().locator('.quick-input-list .monaco-list-row', { hasText: PROFILE }).count(), 0);
    await p.keyboard.press('Escape');
    await widget().waitFor({ state: 'hidden' });

    // "Edit and Retry" re-opens the steps with what was typed.
    await refused.hover();
    await refused.locator('.monaco-button', { hasText: 'Edit and Retry' }).click();
    await inputStep('Add AccessKey Profile (1/5)');
    assert.equal(await inputField().inputValue(), PROFILE);
    await answer(PROFILE, PROFILE_PROMPTS.name);
    await inputStep('Add AccessKey Profile (2/5)');
    assert.equal(await inputField().inputValue(), OTHER_KEY_ID);
    await answer(OTHER_KEY_ID, PROFILE_PROMPTS.keyId);
    await inputStep('Add AccessKey Profile (3/5)');
    assert.equal(await inputField().inputValue(), WRONG_SECRET);
    await answer(OTHER_SECRET, PROFILE_PROMPTS.secret);
    await inputStep('Add AccessKey Profile (4/5)');
    await answer('', PROFILE_PROMPTS.token);
    await inputStep('Add AccessKey Profile (5/5)');
    await pickQuickInput('Hangzhou', REGION_NAME);

    await notified(`Signed in to Direct Mail as "${PROFILE}" (${REGION}).`);
    await statusItem(PROFILE).waitFor({ state: 'visible' });
    await treeRow(`Account ${PROFILE}`).waitFor({ state: 'visible' });
    await expandTreeRow('Domains');
    await exactRow('other-account.example').waitFor({ state: 'visible' });
    assert.equal(await exactRow('example.com').count(), 0);
  });

  it('switches back to the environment profile from the status bar and removes the added profile after confirming', async () => {
    const p = page();
    await statusItem(PROFILE).click();
    await widget().locator('.quick-input-title', { hasText: 'Direct Mail profile' }).waitFor({ state: 'visible' });
    await inputField().fill('environment');
    await widget().locator('.quick-input-list .monaco-list-row', { hasText: 'environment' }).first().click();
    await statusItem('environment').waitFor({ state: 'visible' });
    await treeRow('Account environment').waitFor({ state: 'visible' });

    await runCommand('Direct Mail: Remove Profile…');
    await pickQuickInput(PROFILE, PROFILE);
    const dialog = p.locator('.monaco-dialog-box');
    await dialog.filter({ hasText: `Remove the profile "${PROFILE}" and delete its secret from this computer?` }).waitFor({ state: 'visible' });
    await dialog.locator('.dialog-buttons .monaco-button', { hasText: /^Remove$/ }).click();
    await dialog.waitFor({ state: 'hidden' });

    // Gone from the switcher; the tree shows the demo account again.
    await runCommand('Direct Mail: Switch Profile…');
    await widget().locator('.quick-input-list .monaco-list-row', { hasText: 'environment' }).first().waitFor({ state: 'visible' });
    assert.equal(await widget().locator('.quick-input-list .monaco-list-row', { hasText: PROFILE }).count(), 0);
    await p.keyboard.press('Escape');
    await expandTreeRow('Domains');
    await exactRow('example.com').waitFor({ state: 'visible' });
    assert.equal(await exactRow('other-account.example').count(), 0);
  });

  it('renames a tag from its context menu; an invalid name shows the rule and Enter keeps the box open', async () => {
    const p = page();
    await expandTreeRow('Tags');
    await contextMenu(exactRow('welcome'), 'Rename Tag…');
    await inputStep('Rename welcome');
    assert.equal(await inputField().inputValue(), 'welcome');

    await inputField().fill('welcome mails');
    await message().filter({ hasText: 'A tag name may contain only letters, digits, "_" and "-"; remove a space.' }).waitFor({ state: 'visible' });
    await inputField().press('Enter');
    // Enter did nothing: the box is still open with the same value and message, and the service was not asked.
    await p.waitForTimeout(500);
    await inputStep('Rename welcome');
    assert.equal(await inputField().inputValue(), 'welcome mails');
    assert.ok((await demoAccount()).tags.some((t) => t.name === 'welcome'));

    await answer('welcome-mails', 'New tag name: up to 128 letters, digits, "_" and "-".');
    await exactRow('welcome-mails').waitFor({ state: 'visible' });
    await exactRow('welcome').waitFor({ state: 'detached' });
    const names = (await demoAccount()).tags.map((t) => t.name);
    assert.ok(names.includes('welcome-mails') && !names.includes('welcome'), `tags in the emulator: ${names.join(', ')}`);
  });

  it('deletes a domain only once its exact name is typed', async () => {
    const p = page();
    await expandTreeRow('Domains');
    const row = exactRow('mail.example.org');
    await row.hover();
    await row.locator('.action-label[aria-label="Delete Domain…"]').click();
    await inputStep('Delete domain "mail.example.org"');
    await widget().filter({ hasText: 'Type "mail.example.org" to confirm.' }).waitFor({ state: 'visible' });

    await inputField().fill('mail.example.com');
    await message().filter({ hasText: 'Type the name exactly as shown: mail.example.org' }).waitFor({ state: 'visible' });
    await inputField().press('Enter');
    await p.waitForTimeout(500);
    await inputStep('Delete domain "mail.example.org"');
    assert.ok((await demoAccount()).domains.some((d) => d.name === 'mail.example.org'));

    // A partial name is quiet while typing; Enter on it keeps the box open (with the message) and deletes nothing.
    await inputField().fill('mail.example');
    await message().filter({ hasText: 'Type "mail.example.org" to confirm.' }).waitFor({ state: 'visible' });
    await inputField().press('Enter');
    await message().filter({ hasText: 'Type the name exactly as shown: mail.example.org' }).waitFor({ state: 'visible' });
    await inputStep('Delete domain "mail.example.org"');
    assert.equal(await inputField().inputValue(), 'mail.example');
    assert.ok((await demoAccount()).domains.some((d) => d.name === 'mail.example.org'));

    // The exact name: the message is the prompt again (its first sentence), not the problem.
    await inputField().fill('mail.example.org');
    await message().filter({ hasText: 'Direct Mail stops sending from mail.example.org' }).waitFor({ state: 'visible' });
    await inputField().press('Enter');
    await toast('Deleted the domain mail.example.org.').waitFor({ state: 'visible' });
    await exactRow('mail.example.org').waitFor({ state: 'detached' });
    await exactRow('example.com').waitFor({ state: 'visible' });
    const names = (await demoAccount()).domains.map((d) => d.name);
    assert.deepEqual(names.sort(), ['example.com', 'news.example.net']);
  });

  it('asks before deleting a tag: Cancel keeps it, Delete removes it', async () => {
    const p = page();
    await expandTreeRow('Tags');
    const dialog = p.locator('.monaco-dialog-box', { hasText: 'Delete tag "password-reset"?' });
    const button = (label: string): Locator => dialog.locator('.dialog-buttons .monaco-button', { hasText: new RegExp(`^${label}$`) });

    await contextMenu(exactRow('password-reset'), 'Delete Tag');
    await dialog.waitFor({ state: 'visible' });
    await dialog.filter({ hasText: 'Sends can no longer name this tag.' }).waitFor();
    await button('Cancel').click();
    await dialog.waitFor({ state: 'hidden' });
    await p.waitForTimeout(500);
    assert.equal(await exactRow('password-reset').count(), 1);
    assert.ok((await demoAccount()).tags.some((t) => t.name === 'password-reset'));

    await contextMenu(exactRow('password-reset'), 'Delete Tag');
    await button('Delete').click();
    await toast('Deleted the tag password-reset.').waitFor({ state: 'visible' });
    await exactRow('password-reset').waitFor({ state: 'detached' });
    assert.ok(!(await demoAccount()).tags.some((t) => t.name === 'password-reset'));
  });
});
