import * as assert from 'node:assert/strict';
import type { RecipientInput, SaveReceiverDetailResult } from '../../src/api/types';
import { parseCsv } from '../../src/model/csv';
import { batches, ImportFileError, planImport, rejectedCsv, runImport } from '../../src/model/recipientImport';

const plan = (text: string) => planImport(parseCsv(text));
const rows = (list: { row: number; email: string; reason?: string }[]) => list.map((r) => [r.row, r.email, r.reason]);

describe('recipient import: plan', () => {
  it('maps header names case-insensitively, keeps the accepted fields and reports the others', () => {
    const p = plan('E-Mail,User Name,nickname,MOBILE,Company\r\na@x.com,Ann Lee,Annie,13800000000,ACME\r\n');
    assert.deepEqual(p.ignoredColumns, ['Company']);
    assert.deepEqual(p.valid.map((r) => r.input), [{ email: 'a@x.com', userName: 'Ann Lee', nickName: 'Annie', mobile: '13800000000' }]);
    assert.equal(p.totalRows, 1);
  });

  it('checks every row: bad address, empty address, in-file duplicate, too many values, unclosed quote', () => {
    const p = plan([
      'email,UserName', // row 1
      'good@example.com,Good', // 2
      'not-an-address,Bad', // 3
      ',Nobody', // 4
      'GOOD@example.com,Again', // 5: same address as row 2
      'extra@example.com,Lee, Ann', // 6: unquoted comma
      '', // 7: blank line, not a row
      'quote@example.com,"Open', // 8
      'last@example.com,Last', // 9
    ].join('\n'));
    assert.equal(p.totalRows, 7);
    assert.deepEqual(rows(p.valid), [[2, 'good@example.com', undefined], [9, 'last@example.com', undefined]]);
    assert.deepEqual(rows(p.rejected), [
      [3, 'not-an-address', 'An email address must look like name@example.com (one "@" with text on both sides).'],
      [4, '', 'The email value is empty.'],
      [5, 'GOOD@example.com', 'Duplicate: the same address is in row 2.'],
      [6, 'extra@example.com', 'The row has 3 values but the header has 2 columns; put values that contain commas in double quotes.'],
      [8, 'quote@example.com', 'A quoted value is never closed (a " without its closing "); close the quote or remove it.'],
    ]);
  });

  it('refuses a file without an email column, an empty file, and two columns for one field', () => {
    assert.throws(() => plan('name,mobile\nAnn,1\n'), (e: Error) => e instanceof ImportFileError && /no "email" column \(found: "name", "mobile"\)/.test(e.message));
    assert.throws(() => plan('\n\n'), ImportFileError);
    assert.throws(() => plan('email,Email Address\n'), /two columns for the same field: "email" and "Email Address"/);
  });

  it('rejects a detail value that cannot be sent', () => {
    const p = plan(`email,nickname\na@x.com,${'n'.repeat(101)}\n`);
    assert.deepEqual(rows(p.rejected), [[2, 'a@x.com', 'NickName can have at most 100 characters (now 101); shorten it.']]);
  });
});

describe('recipient import: batches and report', () => {
  it('splits into batches of at most 500', () => {
    assert.deepEqual(batches(Array.from({ length: 1001 }, (_, i) => i)).map((b) => b.length), [500, 500, 1]);
    assert.deepEqual(batches([1, 2, 3, 4, 5], 2).map((b) => b.length), [2, 2, 1]);
    assert.deepEqual(batches([1, 2], 9999).map((b) => b.length), [2]);
  });

  const csv = 'email\n' + ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com', 'e@x.com'].join('\n');

  it('maps the service\'s per-address refusals back to rows and counts the rest as added', async () => {
    const sent: string[][] = [];
    const send = async (batch: RecipientInput[]): Promise<SaveReceiverDetailResult> => {
      sent.push(batch.map((b) => b.email));
      const refused = batch.filter((b) => b.email === 'b@x.com' || b.email === 'd@x.com');
      return { successCount: batch.length - refused.length, errorCount: refused.length, errors: refused.map((b) => ({ email: b.email.toUpperCase(), message: b.email === 'b@x.com' ? 'Duplicate email address' : 'Invalid email address' })) };
    };
    const progress: string[] = [];
    const run = await runImport(plan(csv), send, { batchSize: 2, onProgress: (n, total, b, bs) => progress.push(`${n}/${total} ${b}/${bs}`) });
    assert.deepEqual(sent, [['a@x.com', 'b@x.com'], ['c@x.com', 'd@x.com'], ['e@x.com']]);
    assert.deepEqual(progress, ['2/5 1/3', '4/5 2/3', '5/5 3/3']);
    assert.deepEqual(rows(run.added), [[2, 'a@x.com', undefined], [4, 'c@x.com', undefined], [6, 'e@x.com', undefined]]);
    assert.deepEqual(rows(run.rejected), [
      [3, 'b@x.com', 'Already in the list (Direct Mail: Duplicate email address).'],
      [5, 'd@x.com', 'Refused by Direct Mail: Invalid email address.'],
    ]);
    assert.deepEqual(run.notes, []);
  });

  it('a failed batch rejects its rows with the error and the next batch still goes', async () => {
    let call = 0;
    const send = async (batch: RecipientInput[]): Promise<SaveReceiverDetailResult> => {
      if (++call === 1) throw Object.assign(new Error('Request was denied due to user flow control.'), { code: 'Throttling.User' });
      return { successCount: batch.length, errorCount: 0, errors: [] };
    };
    const run = await runImport(plan(csv), send, { batchSize: 3 });
    assert.deepEqual(rows(run.added), [[5, 'd@x.com', undefined], [6, 'e@x.com', undefined]]);
    assert.deepEqual(run.rejected.map((r) => r.row), [2, 3, 4]);
    assert.equal(run.rejected[0].reason, 'Not added: the batch with rows 2–4 failed: Request was denied due to user flow control. (Code: Throttling.User)');
  });

  it('stops between batches when cancelled; unsent rows are reported, not lost', async () => {
    let batchesSent = 0;
    const send = async (batch: RecipientInput[]): Promise<SaveReceiverDetailResult> => {
      batchesSent++;
      return { successCount: batch.length, errorCount: 0, errors: [] };
    };
    const run = await runImport(plan(csv), send, { batchSize: 2, isCancelled: () => batchesSent >= 1 });
    assert.equal(run.cancelled, true);
    assert.deepEqual(run.added.map((r) => r.row), [2, 3]);
    assert.deepEqual(run.rejected.map((r) => [r.row, r.reason]), [4, 5, 6].map((row) => [row, 'Not sent: the import was cancelled before this row\'s batch.']));
  });

  it('notes a refusal it cannot place and counts that do not add up', async () => {
    const send = async (): Promise<SaveReceiverDetailResult> => ({ successCount: 5, errorCount: 1, errors: [{ email: 'zz@x.com', message: 'Invalid email address' }] });
    const run = await runImport(plan('email\na@x.com\n'), send);
    assert.deepEqual(run.notes, [
      'Batch 1: Direct Mail refused "zz@x.com", which is not a row of that batch: Invalid email address',
      'Batch 1: Direct Mail reported 5 added, but 1 rows were sent without a refusal; check the list\'s recipients.',
    ]);
  });

  it('writes rejected rows as CSV with row, reason and the original values', () => {
    const p = plan('email,UserName\nbad,Ann "A"\n');
    assert.equal(rejectedCsv(p.header, p.rejected),
      'row,reason,email,UserName\r\n2,"An email address must look like name@example.com (one ""@"" with text on both sides).",bad,"Ann ""A"""\r\n');
  });
});
