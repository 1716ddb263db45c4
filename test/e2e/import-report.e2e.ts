// The CSV import as a user runs it in the real workbench: the palette command, the list quick pick, the file
// dialog (code-server's own, typed path), then the report panel with its counts and tables; screenshot saved as
// test-results/csv-import-report.png.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { closeEditors, importCsvThroughPalette, resetEmulator, runCommand, screenshot, webviewFrame } from './harness';

const FIXTURE = [
  'email,UserName,Mobile,Company',
  'ann@example.com,Ann Lee,13800000001,ACME',
  '"bob@example.com","Lee, Bob",,',
  'not-an-address,Nobody,,',
  'ANN@example.com,Ann again,,',
  'tester1@example.org,Already there,,',
  'cy@example.com,Cy,1,2,3',
  'dee@example.com,"Dee',
  'eve@example.com,Eve,13800000005,',
].join('\r\n');

describe('CSV import report in the workbench', () => {
  let dir: string;
  before(async () => {
    await resetEmulator();
    dir = mkdtempSync(join(tmpdir(), 'dm-e2e-import-'));
    await runCommand('Direct Mail: Refresh');
  });
  after(async () => {
    await closeEditors();
    await resetEmulator();
    rmSync(dir, { recursive: true, force: true });
  });

  it('imports a fixture file through the palette and the file dialog, and shows the row-by-row report', async () => {
    const file = join(dir, 'recipients.csv');
    writeFileSync(file, FIXTURE);
    await importCsvThroughPalette('Beta testers', file);

    const frame = await webviewFrame('Import into Beta testers');
    const count = async (id: string): Promise<string> => (await frame.locator(`#count-${id} .count-value`).innerText()).trim();
    assert.deepEqual([await count('total'), await count('added'), await count('rejected')], ['8', '3', '5']);
    const cells = async (table: string): Promise<string[][]> =>
      frame.locator(`#${table} tbody tr`).evaluateAll((trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => (td.textContent ?? '').trim())));
    assert.deepEqual(await cells('rejected'), [
      ['4', 'not-an-address', 'An email address must look like name@example.com (one "@" with text on both sides).'],
      ['5', 'ANN@example.com', 'Duplicate: the same address is in row 2.'],
      ['6', 'tester1@example.org', 'Already in the list (Direct Mail: Duplicate email address).'],
      ['7', 'cy@example.com', 'The row has 5 values but the header has 4 columns; put values that contain commas in double quotes.'],
      ['8', 'dee@example.com', 'A quoted value is never closed (a " without its closing "); close the quote or remove it.'],
    ]);
    assert.deepEqual(await cells('added'), [['2', 'ann@example.com'], ['3', 'bob@example.com'], ['9', 'eve@example.com']]);
    await frame.locator('#app', { hasText: 'Not sent (not a recipient field Direct Mail keeps): Company' }).waitFor();
    await screenshot('csv-import-report');
  });
});
