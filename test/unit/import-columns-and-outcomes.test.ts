// Importing recipients: header names in any spelling, a column without a name, values trimmed and empty ones left
// out, detail limits at their edge, and the run's bookkeeping (batches counted, progress, every row reported in
// row order, the service's refusals matched to rows whatever the case or spaces of the address it echoes).
import * as assert from 'node:assert/strict';
import type { RecipientInput, AddRecipientsResult } from '../../src/api/types';
import { parseCsv } from '../../src/model/csv';
import { ImportFileError, detailProblem, fieldOfName, planImport, rejectedCsv, runImport } from '../../src/model/recipientImport';

const plan = (text: string) => planImport(parseCsv(text));

describe('Recipient import: columns and values', () => {
  it('header names in any case, with spaces, "_" or "-"; a column without a name is named by its number', () => {
    assert.equal(fieldOfName(' User_Name '), 'userName');
    assert.equal(fieldOfName('E-Mail'), 'email');
    assert.equal(fieldOfName('nick name'), 'nickName');
    assert.equal(fieldOfName('company'), undefined);
    const p = plan(' Email , Mobile ,,Notes\na@example.com, 138 ,x,y\n');
    assert.deepEqual(p.header, ['Email', 'Mobile', '', 'Notes']);
    assert.deepEqual(p.ignoredColumns, ['(column 3 without a name)', 'Notes']);
    assert.deepEqual(p.valid.map((r) => r.input), [{ email: 'a@example.com', mobile: '138' }]);
  });

  it('addresses and values are trimmed; an empty detail is left out; a missing trailing value is fine', () => {
    const p = plan('email,UserName,NickName\n  a@example.com  ,  Ann  ,\nb@example.com\n');
    assert.deepEqual(p.valid.map((r) => r.input), [{ email: 'a@example.com', userName: 'Ann' }, { email: 'b@example.com' }]);
    assert.deepEqual(p.valid.map((r) => r.email), ['a@example.com', 'b@example.com']);
  });

  it('a detail of 100 characters passes, 101 is refused; a control character is refused', () => {
    assert.equal(detailProblem('userName', 'x'.repeat(100)), undefined);
    assert.equal(detailProblem('userName', 'x'.repeat(101)), 'UserName can have at most 100 characters (now 101); shorten it.');
    assert.equal(detailProblem('mobile', 'a\tb'), 'Mobile must be a single line without control characters.');
    assert.equal(detailProblem('nickName', 'a\u007fb'), 'NickName must be a single line without control characters.');
    const p = plan(`email,UserName\na@example.com,${'x'.repeat(101)}\n`);
    assert.deepEqual(p.rejected.map((r) => [r.row, r.reason]), [[2, 'UserName can have at most 100 characters (now 101); shorten it.']]);
  });

  it('a file without rows, or whose header cannot be read, is refused as a whole', () => {
    assert.throws(() => plan('\n\n'), (e: unknown) => e instanceof ImportFileError && /The file is empty/.test(e.message));
    assert.throws(() => plan('"email,UserName\n'), (e: unknown) => e instanceof ImportFileError && /The header row \(line 1\) cannot be read: /.test(e.message));
  });
});

describe('Recipient import: the run', () => {
  it('counts batches, reports progress after each, and lists added and refused rows in row order', async () => {
    const p = plan(['email', 'a@example.com', 'bad', 'b@example.com', 'c@example.com', 'd@example.com'].join('\n'));
    const progress: number[][] = [];
    const send = async (batch: RecipientInput[]): Promise<AddRecipientsResult> => {
      // The service echoes a refused address with other case and spaces.
      const refused = batch.find((r) => r.email === 'c@example.com');
      return { successCount: batch.length - (refused ? 1 : 0), errorCount: refused ? 1 : 0, errors: refused ? [{ email: ' C@Example.COM ', message: 'Duplicate email' }] : [] };
    };
    const run = await runImport(p, send, { batchSize: 2, onProgress: (...args) => progress.push(args) });
    assert.equal(run.batchesSent, 2);
    assert.deepEqual(progress, [[2, 4, 1, 2], [4, 4, 2, 2]]);
    assert.deepEqual(run.added.map((r) => r.row), [2, 4, 6]);
    assert.deepEqual(run.rejected.map((r) => [r.row, r.reason]), [
      [3, 'An email address must look like name@example.com (one "@" with text on both sides).'],
      [5, 'Already in the list (Direct Mail: Duplicate email).'],
    ]);
    assert.equal(run.cancelled, false);
    assert.deepEqual(run.notes, []);
  });

  it('a refusal without a message says so; the rejected rows copy out as CSV with row and reason', async () => {
    const p = plan('email,UserName\na@example.com,Ann\n');
    const run = await runImport(p, async () => ({ successCount: 0, errorCount: 1, errors: [{ email: 'a@example.com', message: '' }] }));
    assert.deepEqual(run.rejected.map((r) => r.reason), ['Refused by Direct Mail: no reason given.']);
    assert.equal(rejectedCsv(p.header, run.rejected), 'row,reason,email,UserName\r\n2,Refused by Direct Mail: no reason given.,a@example.com,Ann\r\n');
  });
});
