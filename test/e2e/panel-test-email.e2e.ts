// The test-email form in the real workbench: opened from a sender address's inline action in the tree, checked
// while typing (Submit disabled on a bad recipient), sent to the emulator, with the EnvId shown and copied.
// Screenshots: test-results/test-email-form.png (dark) and test-email-form-light.png.
import * as assert from 'node:assert/strict';
import type { AccountJson } from '../emulator/stateJson';
import { allowClipboard, clickTreeAction, clipboardText, closeEditors, demoAccount, page, reloadWindow, screenshot, setTheme, showDemoData, webviewFrame } from './harness';

const sentMails = async (): Promise<AccountJson['sentMails']> => (await demoAccount()).sentMails;

describe('Test email form in the workbench', () => {
  before(async () => {
    await allowClipboard();
    await showDemoData();
  });

  // Later test files expect the demo data and the dark theme.
  after(async () => {
    await closeEditors();
    await setTheme('dark');
    await showDemoData();
  });

  it('opens from a sender in the tree, checks while typing, sends, and shows the EnvId', async () => {
    await clickTreeAction('Sender Addresses', 'noreply@example.com', 'Send Test Email…');

    const frame = await webviewFrame('Send test email');
    assert.equal(await frame.locator('#field-from input').inputValue(), 'noreply@example.com');
    const to = frame.locator('#field-toAddress input');
    await to.fill('dev@example.net, bad@');
    await frame.locator('#field-toAddress-error', { hasText: 'Recipient 2 ("bad@")' }).waitFor();
    await frame.locator('#submit[disabled]').waitFor();

    await to.fill('dev@example.net, qa@example.net');
    await frame.locator('#field-subject input').fill('Hello from the e2e test');
    await frame.locator('textarea#field-body').fill('This is a test mail.\nSecond line.');
    await frame.locator('select#field-tagName').selectOption('welcome');
    await frame.locator('#field-toAddress-error').filter({ hasText: /^$/ }).waitFor();
    await frame.locator('#submit:not([disabled])').click();

    await frame.locator('#form-status.success', { hasText: 'accepted the test email to 2 recipient(s)' }).waitFor();
    const [mail] = await sentMails();
    assert.deepEqual({ from: mail.from, to: mail.to, subject: mail.subject, tagName: mail.tagName },
      { from: 'noreply@example.com', to: ['dev@example.net', 'qa@example.net'], subject: 'Hello from the e2e test', tagName: 'welcome' });
    assert.equal(await frame.locator('[data-sent="envId"]').innerText(), mail.envId);
    // The form keeps what was typed, ready to send again.
    assert.equal(await frame.locator('#field-subject input').inputValue(), 'Hello from the e2e test');

    await frame.locator('button[data-copy="envId"]').click();
    await frame.locator('#sent-copied', { hasText: 'Copied the EnvId.' }).waitFor();
    assert.equal(await clipboardText(), mail.envId);

    await screenshot('test-email-form');
    await setTheme('light');
    await (await webviewFrame('Send test email')).locator('#sent').waitFor();
    await page().waitForTimeout(300); // the theme reaches the webview by message; let it repaint
    await screenshot('test-email-form-light');

    // After a window reload the form shows its last result again, with the mail's IDs.
    await reloadWindow();
    const restored = await webviewFrame('Send test email');
    await restored.locator('#form-status.success', { hasText: 'accepted the test email to 2 recipient(s)' }).waitFor();
    assert.equal(await restored.locator('[data-sent="envId"]').innerText(), mail.envId);
  });
});
