// Importing recipients from CSV records: which columns map to the detail fields SaveReceiverDetail accepts, which
// rows are checked out before anything is sent (bad address, duplicate in the file, too many values, a value
// that cannot be sent), sending the rest in batches, and the row-by-row report. Every data row ends up in the
// report as added, rejected with a reason, or unknown; nothing here stops at a bad row. A batch whose answer was
// lost after it was sent (the service may have added it) is reconciled by reading the list back: each of its rows
// is then added (found), rejected (not found) or, when the read-back fails too, unknown. Pure: no vscode; the
// network is behind the functions the caller passes.
import { checkField } from '../api/validation';
import type { RecipientInput, AddRecipientsResult } from '../api/types';
import { describeError, errorDetails, mayHaveHappened } from '../util/errors';
import { csvProblemText, isBlank, toCsv, type CsvRecord } from './csv';
import { whyUnknown } from './failureText';
import { english, type Translate } from '../shared/translate';

/** SaveReceiverDetail takes at most this many recipients per call (reference §4.5). */
export const MAX_BATCH = 500;

export type DetailField = Exclude<keyof RecipientInput, 'email'>;

/** Header names (lower case, without spaces, "_" or "-") and the field each one fills. */
const COLUMNS: Readonly<Record<string, 'email' | DetailField>> = {
  email: 'email', emailaddress: 'email',
  username: 'userName', nickname: 'nickName', gender: 'gender', birthday: 'birthday', mobile: 'mobile',
};

/** The detail fields in the API's own names (the DataSchema order), for prompts and messages. */
export const DETAIL_FIELD_NAMES: Readonly<Record<DetailField, string>> = {
  userName: 'UserName', nickName: 'NickName', gender: 'Gender', birthday: 'Birthday', mobile: 'Mobile',
};

const MAX_DETAIL_LENGTH = 100;

/** What is wrong with one detail value (typed or read from a file), or undefined. */
export function detailProblem(field: DetailField, value: string, t: Translate = english): string | undefined {
  const name = DETAIL_FIELD_NAMES[field];
  if (value.length > MAX_DETAIL_LENGTH) return t('{0} can have at most {1} characters (now {2}); shorten it.', name, MAX_DETAIL_LENGTH, value.length);
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) return t('{0} must be a single line without control characters.', name);
  return undefined;
}

export interface RowOutcome {
  /** The row as a spreadsheet numbers it: the header is row 1. */
  row: number;
  email: string;
  /** Why the row was not added; absent for added rows. */
  reason?: string;
  /** The row's values as read, for copying rejected rows back out. */
  values: string[];
}

export interface PlannedRow extends RowOutcome {
  input: RecipientInput;
}

export interface ImportPlan {
  header: string[];
  /** Header columns that are not sent (not a field SaveReceiverDetail accepts). */
  ignoredColumns: string[];
  /** Data rows in the file (blank lines not counted). */
  totalRows: number;
  valid: PlannedRow[];
  rejected: RowOutcome[];
}

/** A problem with the file as a whole (no header, no email column): nothing can be imported. */
export class ImportFileError extends Error {}

const columnKey = (name: string): string => name.trim().toLowerCase().replace(/[\s_-]/g, '');

/** The field a column or argument name stands for ("E-mail", "user_name", "Mobile" …), or undefined. */
export const fieldOfName = (name: string): 'email' | DetailField | undefined => COLUMNS[columnKey(name)];

/**
 * Reads the header, maps columns and checks every data row. Throws ImportFileError when no row can be read.
 * `t` words the reasons (they are shown in the import report).
 */
export function planImport(records: readonly CsvRecord[], t: Translate = english): ImportPlan {
  const headerAt = records.findIndex((r) => !isBlank(r));
  if (headerAt < 0) throw new ImportFileError(t('The file is empty: it needs a header row with an "email" column, then one row per recipient.'));
  const headerRecord = records[headerAt];
  if (headerRecord.problem) throw new ImportFileError(t('The header row (line {0}) cannot be read: {1}', headerRecord.line, csvProblemText(headerRecord.problem, t)));
  const header = headerRecord.fields.map((h) => h.trim());
  const fieldAt = new Map<number, 'email' | DetailField>();
  const seen = new Map<string, string>();
  const ignoredColumns: string[] = [];
  header.forEach((name, i) => {
    const field = fieldOfName(name);
    if (!field) {
      ignoredColumns.push(name === '' ? t('(column {0} without a name)', i + 1) : name);
      return;
    }
    const earlier = seen.get(field);
    if (earlier !== undefined) throw new ImportFileError(t('The header has two columns for the same field: "{0}" and "{1}"; keep one.', earlier, name));
    seen.set(field, name);
    fieldAt.set(i, field);
  });
  const emailAt = [...fieldAt].find(([, f]) => f === 'email')?.[0];
  if (emailAt === undefined) {
    throw new ImportFileError(t('The header row has no "email" column (found: {0}); name the column holding the addresses "email".', header.map((h) => `"${h}"`).join(', ')));
  }

  const plan: ImportPlan = { header, ignoredColumns, totalRows: 0, valid: [], rejected: [] };
  const firstRow = new Map<string, number>();
  records.forEach((record, index) => {
    if (index <= headerAt || isBlank(record)) return;
    plan.totalRows++;
    const row = index + 1;
    const values = record.fields;
    const email = (values[emailAt] ?? '').trim();
    const reject = (reason: string): void => void plan.rejected.push({ row, email, reason, values });
    if (record.problem) return reject(csvProblemText(record.problem, t));
    if (values.length > header.length) {
      return reject(t('The row has {0} values but the header has {1} columns; put values that contain commas in double quotes.', values.length, header.length));
    }
    if (email === '') return reject(t('The email value is empty.'));
    const emailProblem = checkField('emailAddress', email, t);
    if (emailProblem) return reject(emailProblem);
    const key = email.toLowerCase();
    const earlier = firstRow.get(key);
    if (earlier !== undefined) return reject(t('Duplicate: the same address is in row {0}.', earlier));
    firstRow.set(key, row);
    const input: RecipientInput = { email };
    for (const [i, field] of fieldAt) {
      const value = (values[i] ?? '').trim();
      if (field === 'email' || value === '') continue;
      const problem = detailProblem(field, value, t);
      if (problem) return reject(problem);
      input[field] = value;
    }
    plan.valid.push({ row, email, values, input });
  });
  return plan;
}

/** Consecutive slices of at most `size` items. */
export function batches<T>(items: readonly T[], size = MAX_BATCH): T[][] {
  const n = Math.min(MAX_BATCH, Math.max(1, Math.floor(size)));
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += n) out.push(items.slice(i, i + n));
  return out;
}

export interface ImportRun {
  added: RowOutcome[];
  /** Rows refused locally, by the service, or never sent; sorted by row. */
  rejected: RowOutcome[];
  /** Rows of a batch whose answer was lost and whose read-back failed too: maybe added, maybe not; sorted by row. */
  unknown: RowOutcome[];
  batchesSent: number;
  /** Requests spent reading the list back after lost answers (one per row checked). */
  readBackRequests: number;
  cancelled: boolean;
  /** Anything the service said that does not belong to one row (counts that do not add up, unknown addresses). */
  notes: string[];
}

export interface RunOptions {
  batchSize?: number;
  /** Checked before each batch; a batch already sent is never abandoned half-way. */
  isCancelled?(): boolean;
  /** After each batch: rows sent so far, and how many are to be sent in all. */
  onProgress?(sent: number, total: number, batch: number, batchCount: number): void;
  /** Words the reasons and notes (shown in the import report); English by default. */
  t?: Translate;
  /**
   * Whether the list now holds this address (read back from the service), for the rows of a batch whose answer
   * was lost. Throws when the list cannot be read. Without it such rows stay unknown.
   */
  isInList?(email: string): Promise<boolean>;
  /** Read-backs in flight at once. */
  readBackConcurrency?: number;
}

/** Why the service refused a row, in words that say what to do. */
function serviceReason(message: string, t: Translate): string {
  if (/duplicate/i.test(message)) return t('Already in the list (Direct Mail: {0}).', message);
  return t('Refused by Direct Mail: {0}.', message || t('no reason given'));
}

/** Sends the valid rows batch by batch and maps each batch's answer back to its rows. */
export async function runImport(plan: ImportPlan, send: (batch: RecipientInput[]) => Promise<AddRecipientsResult>, options: RunOptions = {}): Promise<ImportRun> {
  const t = options.t ?? english;
  const run: ImportRun = { added: [], rejected: [...plan.rejected], unknown: [], batchesSent: 0, readBackRequests: 0, cancelled: false, notes: [] };
  const chunks = batches(plan.valid, options.batchSize);
  let sent = 0;
  for (const [index, chunk] of chunks.entries()) {
    if (options.isCancelled?.()) {
      run.cancelled = true;
      for (const r of chunks.slice(index).flat()) run.rejected.push(outcome(r, t('Not sent: the import was cancelled before this row\'s batch.')));
      break;
    }
    let result: AddRecipientsResult | undefined;
    try {
      run.batchesSent++;
      result = await send(chunk.map((r) => r.input));
    } catch (error) {
      await batchFailed(run, chunk, error, index + 1, options, t);
    }
    if (result) mapBatch(run, chunk, result, index + 1, t);
    sent += chunk.length;
    options.onProgress?.(sent, plan.valid.length, index + 1, chunks.length);
  }
  for (const rows of [run.rejected, run.added, run.unknown]) rows.sort((a, b) => a.row - b.row);
  return run;
}

/** A batch without an answer: never sent, refused as a whole, or sent with its answer lost (then read back). */
async function batchFailed(run: ImportRun, chunk: readonly PlannedRow[], error: unknown, batchNo: number, options: RunOptions, t: Translate): Promise<void> {
  const details = errorDetails(error);
  const first = chunk[0].row;
  const last = chunk[chunk.length - 1].row;
  if (!mayHaveHappened(details)) {
    const reason = details.delivery === 'notSent'
      ? t('Not sent: rows {0}–{1} never reached Direct Mail ({2}). Import them again.', first, last, details.message)
      : t('Not added: the batch with rows {0}–{1} failed: {2}', first, last, describeError(details));
    for (const r of chunk) run.rejected.push(outcome(r, reason));
    return;
  }
  const lost = t('the connection broke after the batch with rows {0}–{1} was sent, so Direct Mail may have added it', first, last);
  const { found, missing, unread, readError } = await readBack(run, chunk, options);
  for (const r of found) run.added.push(outcome(r));
  for (const r of missing) {
    run.rejected.push(outcome(r, t('Not added: {0}, but reading the list back did not find this address. Import it again; Direct Mail refuses an address that is already in the list, so nothing is added twice.', lost)));
  }
  const unreadReason = readError === undefined
    ? t('Unknown: {0}, and the list could not be read back to check. Look for the address in the list before importing it again.', lost)
    : t('Unknown: {0}, and reading the list back failed too ({1}). Look for the address in the list before importing it again.', lost, readError);
  for (const r of unread) run.unknown.push(outcome(r, unreadReason));
  run.notes.push(t('Batch {0} (rows {1}–{2}): {3}, so its answer was lost; read back from the list: {4} found, {5} not found, {6} still unknown.',
    batchNo, first, last, whyUnknown(details, t), found.length, missing.length, unread.length));
}

/**
 * Looks each row of a batch up in the list. QueryReceiverDetail filters by one keyword, so this asks once per
 * address (the address itself, at most the 50 characters the keyword allows, compared exactly in the answer):
 * a batch of n rows costs n small reads, whatever the size of the list. The alternatives cost more where it
 * matters: a common part (the domain) matches every recipient of that domain, and reading the whole list costs
 * one page per 100 recipients of lists that can hold many thousands. Lost answers are rare, so n reads on that
 * path is the price of an exact answer. The first failed read stops the lookups: the network that lost the
 * answer is likely still down, and the rows not yet checked stay unknown rather than cost more failing requests.
 */
async function readBack(run: ImportRun, chunk: readonly PlannedRow[], options: RunOptions): Promise<{ found: PlannedRow[]; missing: PlannedRow[]; unread: PlannedRow[]; readError?: string }> {
  const found: PlannedRow[] = [];
  const missing: PlannedRow[] = [];
  const lookup = options.isInList;
  if (!lookup) return { found, missing, unread: [...chunk] };
  let readError: string | undefined;
  let next = 0;
  const checked = new Set<PlannedRow>();
  const worker = async (): Promise<void> => {
    while (readError === undefined && next < chunk.length) {
      const row = chunk[next++];
      run.readBackRequests++;
      try {
        (await lookup(row.email) ? found : missing).push(row);
        checked.add(row);
      } catch (error) {
        readError ??= describeError(errorDetails(error));
      }
    }
  };
  const width = Math.max(1, Math.min(options.readBackConcurrency ?? 4, chunk.length));
  await Promise.all(Array.from({ length: width }, worker));
  return { found, missing, unread: chunk.filter((r) => !checked.has(r)), readError };
}

function mapBatch(run: ImportRun, chunk: readonly PlannedRow[], result: AddRecipientsResult, batchNo: number, t: Translate): void {
  const byEmail = new Map(chunk.map((r) => [r.email.toLowerCase(), r]));
  const refused = new Set<PlannedRow>();
  for (const error of result.errors) {
    const row = byEmail.get(error.email.trim().toLowerCase());
    if (!row || refused.has(row)) {
      run.notes.push(t('Batch {0}: Direct Mail refused "{1}", which is not a row of that batch: {2}', batchNo, error.email, error.message));
      continue;
    }
    refused.add(row);
    run.rejected.push(outcome(row, serviceReason(error.message, t)));
  }
  const added = chunk.filter((r) => !refused.has(r));
  for (const r of added) run.added.push(outcome(r));
  if (result.successCount !== added.length) {
    run.notes.push(t('Batch {0}: Direct Mail reported {1} added, but {2} rows were sent without a refusal; check the list\'s recipients.', batchNo, result.successCount, added.length));
  }
}

const outcome = (r: PlannedRow, reason?: string): RowOutcome => ({ row: r.row, email: r.email, values: r.values, ...(reason ? { reason } : {}) });

/** Rejected (or unknown) rows as CSV: their row number and reason, then the row's values under the file's own header. */
export function rejectedCsv(header: readonly string[], rejected: readonly RowOutcome[]): string {
  return toCsv([['row', 'reason', ...header], ...rejected.map((r) => [String(r.row), r.reason ?? '', ...r.values])]);
}
