import * as assert from 'node:assert/strict';
import type { RecipientInput, AddRecipientsResult } from '../../src/api/types';
import { DirectMailError } from '../../src/api/errors';
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
    const send = async (batch: RecipientInput[]): Promise<AddRecipientsResult> => {
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
    const send = async (batch: RecipientInput[]): Promise<AddRecipientsResult> => {
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
    const send = async (batch: RecipientInput[]): Promise<AddRecipientsResult> => {
      batchesSent++;
      return { successCount: batch.length, errorCount: 0, errors: [] };
    };
    const run = await runImport(plan(csv), send, { batchSize: 2, isCancelled: () => batchesSent >= 1 });
    assert.equal(run.cancelled, true);
    assert.deepEqual(run.added.map((r) => r.row), [2, 3]);
    assert.deepEqual(run.rejected.map((r) => [r.row, r.reason]), [4, 5, 6].map((row) => [row, 'Not sent: the import was cancelled before this row\'s batch.']));
  });

  it('notes a refusal it cannot place and counts that do not add up', async () => {
    const send = async (): Promise<AddRecipientsResult> => ({ successCount: 5, errorCount: 1, errors: [{ email: 'zz@x.com', message: 'Invalid email address' }] });
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

describe('recipient import: lost answers are read back', () => {
  const csv = 'email,UserName\na@x.com,Ann\nb@x.com,Bob\nc@x.com,Cy\nd@x.com,Di\n';
  /** What the client throws when the connection broke after SaveReceiverDetail was sent. */
  const lostAnswer = (): DirectMailError => new DirectMailError({
    action: 'SaveReceiverDetail', code: 'NetworkError', delivery: 'unknown', retryable: true,
    message: 'The connection to dm.aliyuncs.com broke during SaveReceiverDetail (ECONNRESET). The change may or may not have been made; refresh to check before trying again.',
  });

  it('reads every row of a batch whose answer was lost: found rows are added, missing ones rejected with what to do', async () => {
    const inList = new Set(['a@x.com', 'c@x.com']);
    const asked: string[] = [];
    const run = await runImport(plan(csv), async () => { throw lostAnswer(); }, {
      isInList: async (email) => {
        asked.push(email);
        return inList.has(email);
      },
    });
    assert.deepEqual(asked.sort(), ['a@x.com', 'b@x.com', 'c@x.com', 'd@x.com']);
    assert.equal(run.readBackRequests, 4);
    assert.deepEqual(rows(run.added), [[2, 'a@x.com', undefined], [4, 'c@x.com', undefined]]);
    assert.deepEqual(run.rejected.map((r) => r.row), [3, 5]);
    assert.equal(run.rejected[0].reason, 'Not added: the connection broke after the batch with rows 2–5 was sent, so Direct Mail may have added it, but reading the list back did not find this address. Import it again; Direct Mail refuses an address that is already in the list, so nothing is added twice.');
    assert.deepEqual(run.unknown, []);
    assert.equal(run.notes.length, 1);
    assert.equal(run.notes[0], 'Batch 1 (rows 2–5): the connection broke after the request was sent, so its answer was lost; read back from the list: 2 found, 2 not found, 0 still unknown.');
  });

  it('rows it still cannot tell are unknown, and the first failed read stops the lookups', async () => {
    let reads = 0;
    const run = await runImport(plan(csv), async () => { throw lostAnswer(); }, {
      readBackConcurrency: 1,
      isInList: async (email) => {
        reads++;
        if (email === 'a@x.com') return true;
        throw new DirectMailError({ action: 'QueryReceiverDetail', code: 'ServiceUnavailable', httpStatus: 503, message: 'Direct Mail had a temporary server problem while handling QueryReceiverDetail. Try again in a moment.' });
      },
    });
    assert.equal(reads, 2, 'the rows after the failed read are not looked up');
    assert.equal(run.readBackRequests, 2);
    assert.deepEqual(rows(run.added), [[2, 'a@x.com', undefined]]);
    assert.deepEqual(run.rejected, []);
    assert.deepEqual(run.unknown.map((r) => r.row), [3, 4, 5]);
    assert.match(run.unknown[0].reason ?? '', /^Unknown: the connection broke after the batch with rows 2–5 was sent, so Direct Mail may have added it, and reading the list back failed too \(Direct Mail had a temporary server problem .*Code: ServiceUnavailable.*\)\. Look for the address in the list before importing it again\.$/);
    // Unknown rows keep their values for "Copy unknown rows as CSV".
    assert.equal(rejectedCsv(['email', 'UserName'], run.unknown).split('\r\n')[1].endsWith(',b@x.com,Bob'), true);
  });

  it('without a way to read back, every row of the batch is unknown (never "not added")', async () => {
    const run = await runImport(plan(csv), async () => { throw lostAnswer(); }, { batchSize: 2 });
    assert.deepEqual(run.unknown.map((r) => r.row), [2, 3, 4, 5]);
    assert.deepEqual(run.rejected, []);
    assert.equal(run.readBackRequests, 0);
  });

  it('an unreadable 2xx answer to a write counts as lost; only the lost batch is read back', async () => {
    let call = 0;
    const send = async (batch: RecipientInput[]): Promise<AddRecipientsResult> => {
      if (++call === 2) throw new DirectMailError({ action: 'SaveReceiverDetail', code: 'InvalidResponse', httpStatus: 200, message: 'Direct Mail sent an unexpected response to SaveReceiverDetail: the body is not valid JSON.' });
      return { successCount: batch.length, errorCount: 0, errors: [] };
    };
    const asked: string[] = [];
    const run = await runImport(plan(csv), send, { batchSize: 2, isInList: async (email) => (asked.push(email), true) });
    assert.deepEqual(asked.sort(), ['c@x.com', 'd@x.com']);
    assert.deepEqual(run.added.map((r) => r.row), [2, 3, 4, 5]);
  });

  it('a batch that never left the machine is "not sent" with the reason, and nothing is read back', async () => {
    const notSent = new DirectMailError({ action: 'SaveReceiverDetail', code: 'NetworkError', delivery: 'notSent', retryable: true, message: 'Could not reach Direct Mail at dm.aliyuncs.com (ECONNREFUSED). Check the network connection and the endpoint setting.' });
    let reads = 0;
    const run = await runImport(plan(csv), async () => { throw notSent; }, { isInList: async () => (reads++, true) });
    assert.equal(reads, 0);
    assert.deepEqual(run.unknown, []);
    assert.deepEqual(run.rejected.map((r) => r.row), [2, 3, 4, 5]);
    assert.equal(run.rejected[0].reason, 'Not sent: rows 2–5 never reached Direct Mail (Could not reach Direct Mail at dm.aliyuncs.com (ECONNREFUSED). Check the network connection and the endpoint setting.). Import them again.');
  });
});
