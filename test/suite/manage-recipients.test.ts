// Recipient lists and recipients against the emulator: delete a list, add and remove one recipient, and CSV
// imports whose report is checked row by row (expected rows written out here) and whose effect is read back from
// GET /__emulator/state and the request log.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { answering } from './scriptedPrompts';
import type { Recipient } from '../emulator/state';
import { admin, emulatorState, requests, useDemoAccount, withSetting, type Api } from './treeHelpers';

interface Row { row: number; email: string; reason?: string }
interface ImportResult { reportId: string; totalRows: number; ignoredColumns: string[]; run: { added: Row[]; rejected: Row[]; batchesSent: number; notes: string[] } }

async function list(name: string): Promise<{ id: string; count: number; recipients: Recipient[] } | undefined> {
  const found = (await emulatorState()).demo.receivers.find((r) => r.name === name);
  return found && { id: String(found.id), count: found.count, recipients: found.recipients };
}

async function listId(name: string): Promise<string> {
  const found = await list(name);
  assert.ok(found, `no list ${name}`);
  return found.id;
}

/** The Detail JSON of each SaveReceiverDetail request since the log was cleared. */
async function savedBatches(): Promise<{ e: string; u?: string; m?: string }[][]> {
  return (await requests()).filter((r) => r.action === 'SaveReceiverDetail').map((r) => JSON.parse(r.params.Detail) as { e: string }[]);
}

/** One of the last log lines matches (the failure a command just reported). */
function logged(a: Api, pattern: RegExp): void {
  const recent = a.logLines().slice(-5);
  assert.ok(recent.some((l) => pattern.test(l)), `no log line matches ${pattern}: ${recent.join(' | ')}`);
}

const rows = (list: Row[]): [number, string, string | undefined][] => list.map((r) => [r.row, r.email, r.reason]);

describe('Recipient lists and recipients', () => {
  let a: Api;
  let dir: string;
  const csvFile = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };

  useDemoAccount((api) => (a = api));
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'dm-import-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  it('deletes a list with recipients (confirmed), and an empty one without a question when confirmDelete is off', async () => {
    const beta = await listId('Beta testers');
    const { result, asked } = await answering(a, ['Beta testers'], () => vscode.commands.executeCommand('directMail.deleteRecipientList', { recipientListId: beta }));
    assert.equal(result, beta);
    assert.match(asked[0].text, /Type "Beta testers" to confirm/);
    assert.equal(await list('Beta testers'), undefined);

    const { recipientListId } = await a.client()!.createRecipientList({ listName: 'Empty list', listAlias: 'empty@example.com' });
    await withSetting('confirmDelete', false, async () => {
      assert.equal(await vscode.commands.executeCommand('directMail.deleteRecipientList', { recipientListId }), recipientListId);
    });
    assert.equal(await list('Empty list'), undefined);
    assert.deepEqual((await requests()).filter((r) => r.action === 'DeleteReceiver').map((r) => r.params.ReceiverId), [beta, recipientListId]);
  });

  it('reports the refusal of an unknown list ID and changes nothing', async () => {
    const before = (await emulatorState()).demo.totals.receivers;
    const { result } = await answering(a, ['Delete'], () => vscode.commands.executeCommand('directMail.deleteRecipientList', { recipientListId: '0123456789abcdef0123456789abcdef' }));
    assert.equal(result, undefined);
    logged(a, /Direct Mail has no recipient list 0123456789abcdef0123456789abcdef in this account and region.*InvalidReceiver\.NotFound/);
    assert.equal((await emulatorState()).demo.totals.receivers, before);
  });

  it('keeps the previous release\'s argument field working (addRecipient with receiverId)', async () => {
    const beta = await listId('Beta testers');
    await admin('DELETE', 'requests');
    assert.equal(await vscode.commands.executeCommand('directMail.addRecipient', { receiverId: beta, email: 'old.script@example.com' }), 'old.script@example.com');
    assert.deepEqual(await savedBatches(), [[{ e: 'old.script@example.com' }]]);
  });

  it('adds one recipient with its details; a duplicate and a bad address are refused with a reason', async () => {
    const beta = await listId('Beta testers');
    await admin('DELETE', 'requests');
    const added = await vscode.commands.executeCommand('directMail.addRecipient', { recipientListId: beta, email: ' new.person@example.com ', fields: { UserName: 'New Person', mobile: '13800000000' } });
    assert.equal(added, 'new.person@example.com');
    assert.deepEqual(await savedBatches(), [[{ e: 'new.person@example.com', u: 'New Person', m: '13800000000' }]]);
    const stored = (await list('Beta testers'))!.recipients.find((r) => r.email === 'new.person@example.com');
    assert.deepEqual(stored?.data, { u: 'New Person', m: '13800000000' });

    assert.equal(await vscode.commands.executeCommand('directMail.addRecipient', { recipientListId: beta, email: 'tester1@example.org' }), undefined);
    logged(a, /tester1@example\.org is already in Beta testers \(Duplicate email address\)/);
    assert.equal(await vscode.commands.executeCommand('directMail.addRecipient', { recipientListId: beta, email: 'no-at-sign' }), undefined);
    logged(a, /must look like name@example\.com/);
    assert.equal(await vscode.commands.executeCommand('directMail.addRecipient', { recipientListId: beta, email: 'x@example.com', fields: { Company: 'ACME' } }), undefined);
    logged(a, /Unknown recipient field "Company"; use UserName, NickName, Gender, Birthday, Mobile/);
    // Only the first add and the duplicate reached the service.
    assert.equal((await savedBatches()).length, 2);
    assert.equal((await list('Beta testers'))!.count, 4);
  });

  it('removes one recipient (confirmed); removing it again is refused', async () => {
    const beta = await listId('Beta testers');
    const args = { recipientListId: beta, email: 'tester2@example.org' };
    assert.equal((await answering(a, ['Delete'], () => vscode.commands.executeCommand('directMail.deleteRecipient', args))).result, 'tester2@example.org');
    assert.deepEqual((await list('Beta testers'))!.recipients.map((r) => r.email), ['tester1@example.org', 'tester3@example.org']);
    assert.equal((await answering(a, ['Delete'], () => vscode.commands.executeCommand('directMail.deleteRecipient', args))).result, undefined);
    logged(a, /tester2@example\.org is not in Beta testers/);
  });

  it('imports a CSV file: good rows added, duplicate, already-listed and malformed rows rejected with reasons', async () => {
    const beta = await listId('Beta testers');
    const file = csvFile('mixed.csv', [
      '\uFEFFEmail,UserName,Mobile,Company', // row 1 (BOM, mixed case, one column that is not sent)
      'ann@example.com,Ann Lee,13800000001,ACME', // 2 good
      '"bob@example.com","Lee, Bob",,', // 3 good: quoted value with a comma
      'not-an-address,Nobody,,', // 4 bad address
      'ANN@example.com,Ann again,,', // 5 duplicate of row 2
      'tester1@example.org,Already there,,', // 6 already in the list
      'cy@example.com,Cy,1,2,3', // 7 too many values
      'dee@example.com,"Dee', // 8 quote never closed
      'eve@example.com,"Eve\r\nSecond line",,', // 9 a value with a line break (Mobile empty)
    ].join('\r\n'));
    await admin('DELETE', 'requests');
    const result = await vscode.commands.executeCommand<ImportResult>('directMail.importRecipients', { recipientListId: beta, file });
    assert.ok(result, `import failed: ${a.logLines().slice(-2).join(' | ')}`);
    assert.equal(result.totalRows, 8);
    assert.deepEqual(result.ignoredColumns, ['Company']);
    assert.deepEqual(rows(result.run.added), [[2, 'ann@example.com', undefined], [3, 'bob@example.com', undefined]]);
    assert.deepEqual(rows(result.run.rejected), [
      [4, 'not-an-address', 'An email address must look like name@example.com (one "@" with text on both sides).'],
      [5, 'ANN@example.com', 'Duplicate: the same address is in row 2.'],
      [6, 'tester1@example.org', 'Already in the list (Direct Mail: Duplicate email address).'],
      [7, 'cy@example.com', 'The row has 5 values but the header has 4 columns; put values that contain commas in double quotes.'],
      [8, 'dee@example.com', 'A quoted value is never closed (a " without its closing "); close the quote or remove it.'],
      [9, 'eve@example.com', 'UserName must be a single line without control characters.'],
    ]);
    // What the service received: the rows that passed the local checks, in one batch, without the Company column.
    assert.deepEqual(await savedBatches(), [[
      { e: 'ann@example.com', u: 'Ann Lee', m: '13800000001' },
      { e: 'bob@example.com', u: 'Lee, Bob' },
      { e: 'tester1@example.org', u: 'Already there' },
    ]]);
    const stored = (await list('Beta testers'))!.recipients.map((r) => r.email).sort();
    assert.deepEqual(stored, ['ann@example.com', 'bob@example.com', 'tester1@example.org', 'tester2@example.org', 'tester3@example.org']);

    // The report panel is open; "Copy rejected rows as CSV" gives the rows with their reasons and original values.
    const host = a.panels.find({ panel: 'importReport', reportId: result.reportId });
    assert.ok(host, 'the import report panel is not open');
    await host.receive({ type: 'copyRejected', id: 1 });
    const copied = (await vscode.env.clipboard.readText()).split('\r\n');
    assert.equal(copied[0], 'row,reason,Email,UserName,Mobile,Company');
    assert.equal(copied[1], '4,"An email address must look like name@example.com (one ""@"" with text on both sides).",not-an-address,Nobody,,');
    assert.equal(copied[3], '6,Already in the list (Direct Mail: Duplicate email address).,tester1@example.org,Already there,,');
    host.panel.dispose();
  });

  it('sends 250 rows in batches of the given size and 1001 rows in batches of 500', async () => {
    const beta = await listId('Beta testers');
    const emails = (n: number, prefix: string): string[] => Array.from({ length: n }, (_, i) => `${prefix}${i + 1}@bulk.example`);
    await admin('DELETE', 'requests');
    const small = await vscode.commands.executeCommand<ImportResult>('directMail.importRecipients', { recipientListId: beta, file: csvFile('250.csv', ['email', ...emails(250, 's')].join('\n')), batchSize: 100 });
    assert.equal(small?.run.added.length, 250);
    assert.deepEqual((await savedBatches()).map((b) => b.length), [100, 100, 50]);
    assert.deepEqual((await savedBatches()).flat().map((d) => d.e), emails(250, 's'));

    await admin('DELETE', 'requests');
    const large = await vscode.commands.executeCommand<ImportResult>('directMail.importRecipients', { recipientListId: beta, file: vscode.Uri.file(csvFile('1001.csv', ['email', ...emails(1001, 'l')].join('\n'))) });
    assert.equal(large?.run.added.length, 1001);
    assert.deepEqual((await savedBatches()).map((b) => b.length), [500, 500, 1]);
    assert.equal((await list('Beta testers'))!.count, 3 + 250 + 1001);
    a.panels.find({ panel: 'importReport', reportId: large!.reportId })?.panel.dispose();
    a.panels.find({ panel: 'importReport', reportId: small!.reportId })?.panel.dispose();
  });

  it('refuses a file without an email column before sending anything', async () => {
    const beta = await listId('Beta testers');
    await admin('DELETE', 'requests');
    const result = await vscode.commands.executeCommand('directMail.importRecipients', { recipientListId: beta, file: csvFile('noemail.csv', 'name,mobile\nAnn,1\n') });
    assert.equal(result, undefined);
    logged(a, /The header row has no "email" column \(found: "name", "mobile"\)/);
    assert.deepEqual(await savedBatches(), []);
  });
});
