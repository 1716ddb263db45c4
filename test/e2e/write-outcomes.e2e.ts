// Outcomes of writes as the page shows them in the real workbench: the test-email form explains a batch sender,
// reads "Sent" (disabled, with the reason) until a field changes, and shows a send whose answer was lost as a
// warning with what to check; the import report shows rows it could not tell as their own group. The emulator's
// `resetAfter` fault carries the action out and then drops the connection. Screenshots:
// test-results/test-email-sent-state.png, test-email-unknown-outcome.png, csv-import-unknown.png.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { clickTreeAction, closeEditors, emulatorAdmin, importCsvThroughPalette, resetEmulator, runCommand, screenshot, showDemoData, webviewFrame } from './harness';

const countOf = async (action: string): Promise<number> =>
  ((await emulatorAdmin('GET', 'requests')) as { requests: { action: string }[] }).requests.filter((r) => r.action === action).length;

describe('Write outcomes in the workbench', () => {
  let dir: string;
  before(async () => {
    await resetEmulator();
    await emulatorAdmin('DELETE', 'requests');
    dir = mkdtempSync(join(tmpdir(), 'dm-e2e-outcomes-'));
    await runCommand('Direct Mail: Refresh');
  });
  after(async () => {
    await emulatorAdmin('DELETE', 'faults');
    await closeEditors();
    await showDemoData();
    rmSync(dir, { recursive: true, force: true });
  });

  it('test email from a batch sender: the note, "Sent" until a field changes, and an unknown outcome', async () => {
    await clickTreeAction('Sender Addresses', 'news@example.com', 'Send Test Email…');
    const frame = await webviewFrame('Send test email');
    await frame.locator('#sender-note', { hasText: 'This is a batch address (bulk mail).' }).waitFor();

    await frame.locator('#field-toAddress input').fill('dev@example.net');
    await frame.locator('#field-subject input').fill('First');
    await frame.locator('textarea#field-body').fill('Hello');
    const submit = frame.locator('#submit');
    await frame.locator('#submit:not([disabled])').click();
    await frame.locator('#form-status.success').waitFor();
    // Sent: the button says so, is disabled, and the reason stands beside it.
    await frame.locator('#submit[disabled]', { hasText: 'Sent' }).waitFor();
    assert.match(await frame.locator('#send-lock-reason').innerText(), /^Sent at .+\. Change any field to send another mail\.$/);
    await screenshot('test-email-sent-state');

    // Any change opens it again.
    await frame.locator('#field-subject input').fill('Second');
    await frame.locator('#submit:not([disabled])', { hasText: 'Send test email' }).waitFor();
    assert.equal(await frame.locator('#send-lock-reason').innerText(), '');

    await emulatorAdmin('POST', 'faults', { kind: 'resetAfter', actions: ['SingleSendMail'] });
    await submit.click();
    const warning = frame.locator('#form-status.warning');
    await warning.waitFor();
    assert.match(await warning.innerText(), /The test email may or may not have been sent: .* Do not send it again blindly: first look for it in the delivery log/);
    await frame.locator('#submit[disabled]', { hasText: 'Outcome unknown' }).waitFor();
    assert.equal(await frame.locator('#send-lock-reason').innerText(), 'Check the delivery log before sending again; change any field to send anyway.');
    assert.equal(await countOf('SingleSendMail'), 2);
    await screenshot('test-email-unknown-outcome');
  });

  it('import report: rows whose batch lost its answer and could not be read back are their own group', async () => {
    await runCommand('View: Close All Editors');
    const file = join(dir, 'lost.csv');
    writeFileSync(file, ['email,UserName', 'r1@example.com,One', 'r2@example.com,Two', 'bad-address,Three'].join('\n'));
    await emulatorAdmin('POST', 'faults', { kind: 'resetAfter', actions: ['SaveReceiverDetail'] });
    await emulatorAdmin('POST', 'faults', { kind: 'http503', count: 0, actions: ['QueryReceiverDetail'] });
    await importCsvThroughPalette('Beta testers', file);

    const frame = await webviewFrame('Import into Beta testers');
    await emulatorAdmin('DELETE', 'faults');
    const count = async (id: string): Promise<string> => (await frame.locator(`#count-${id} .count-value`).innerText()).trim();
    assert.deepEqual([await count('total'), await count('added'), await count('rejected'), await count('unknown')], ['3', '0', '1', '2']);
    await frame.locator('#unknown-notice', { hasText: '2 rows may or may not have been added' }).waitFor();
    const cells = await frame.locator('#unknown tbody tr').evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
    assert.deepEqual(cells.map((c) => c.slice(0, 2)), [['2', 'r1@example.com'], ['3', 'r2@example.com']]);
    assert.match(cells[0][2], /^Unknown: the connection broke after the batch with rows 2–3 was sent, so Direct Mail may have added it, and reading the list back failed too/);
    await frame.locator('#copy-unknown', { hasText: 'Copy unknown rows as CSV' }).waitFor();
    assert.equal(await countOf('SaveReceiverDetail'), 1);
    await screenshot('csv-import-unknown');
  });
});
