// Import recipients from a CSV file into a list: read and check every row first, send the valid ones in the API's
// batch size with progress (n of N) and cancellation, then show the report panel. A batch whose answer was lost
// after sending is checked by reading the list back, one address at a time (see readBack in recipientImport.ts). Argument object for tests and
// scripts: { recipientListId, file (path, URI string or Uri), batchSize? } — the rest is asked.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import { parseCsv } from '../model/csv';
import { ImportFileError, MAX_BATCH, planImport, runImport } from '../model/recipientImport';
import { storeReport, type ImportReport } from '../webviews/importReport';
import type { PanelKey } from '../shared/protocol';
import type { CommandContext } from './context';
import { listRef } from './recipientTargets';
import { refreshAndReveal } from './treeUpdate';

/** Larger files are almost certainly not a recipient list (and would be slow to show). */
const MAX_FILE_BYTES = 20 * 1024 * 1024;

export interface ImportResult extends ImportReport {
  reportId: string;
}

export function registerImportCommand(c: CommandContext, openPanel: (key: PanelKey) => unknown): void {
  c.register('directMail.importRecipients', async (arg?: unknown) => {
    const list = await listRef(c, arg, false);
    if (!list) return undefined;
    const given = (typeof arg === 'object' && arg !== null ? arg : {}) as { file?: unknown; batchSize?: unknown };
    const file = given.file !== undefined ? toUri(given.file) : await askFile(list.name);
    if (!file) return undefined;
    const batchSize = typeof given.batchSize === 'number' ? given.batchSize : MAX_BATCH;

    const fileName = file.path.split('/').pop() ?? file.toString();
    const plan = planImport(parseCsv(await readText(file)), vscode.l10n.t);
    c.log.info(`Import ${fileName} into ${list.recipientListId}: ${plan.totalRows} rows, ${plan.valid.length} to send, ${plan.rejected.length} rejected before sending`);
    const client = c.session.requireClient();
    let reported = 0;
    const run = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Importing {0} into {1}', fileName, list.name), cancellable: true },
      (progress, token) =>
        runImport(plan, (batch) => client.addRecipients(list.recipientListId, batch), {
          batchSize,
          t: vscode.l10n.t,
          isInList: (email) => isInList(client, list.recipientListId, email),
          isCancelled: () => token.isCancellationRequested,
          onProgress: (sent, total, batch, batchCount) => {
            c.log.info(`SaveReceiverDetail ${list.recipientListId}: batch ${batch} of ${batchCount} sent (${sent} of ${total} rows)`);
            progress.report({ message: vscode.l10n.t('{0} of {1} recipients sent', sent, total), increment: (100 * (sent - reported)) / total });
            reported = sent;
          },
        }),
    );
    const report: ImportReport = { listName: list.name, fileName, header: plan.header, ignoredColumns: plan.ignoredColumns, totalRows: plan.totalRows, run };
    const reportId = storeReport(report);
    c.log.info(
      `Import ${fileName}: ${run.added.length} added, ${run.rejected.length} rejected, ${run.unknown.length} unknown` +
        `${run.readBackRequests ? ` (${run.readBackRequests} read-back requests after lost answers)` : ''}${run.cancelled ? ' (cancelled)' : ''}`,
    );
    for (const note of run.notes) c.log.warn(`Import ${fileName}: ${note}`);
    await refreshAndReveal(c, 'recipientList', list.recipientListId);
    openPanel({ panel: 'importReport', reportId });
    return { ...report, reportId } satisfies ImportResult;
  });
}

/** The QueryReceiverDetail keyword is at most 50 characters; a longer address is searched by its start. */
const KEYWORD_MAX = 50;

/** Whether the list holds this address now: searched by the address, matched exactly (case-insensitively) in the answer. */
async function isInList(client: { iterateRecipients: DirectMailClient['iterateRecipients'] }, recipientListId: string, email: string): Promise<boolean> {
  const wanted = email.toLowerCase();
  for await (const page of client.iterateRecipients({ recipientListId, keyword: email.slice(0, KEYWORD_MAX), pageSize: 100 })) {
    if (page.items.some((r) => r.email.toLowerCase() === wanted)) return true;
  }
  return false;
}

function toUri(file: unknown): vscode.Uri {
  if (file instanceof vscode.Uri) return file;
  if (typeof file !== 'string' || file.trim() === '') throw new Error(vscode.l10n.t('"file" must be a file path or URI.'));
  // A scheme of two letters or more ("file:", "vscode-remote:"); "C:\…" is a Windows path.
  return /^[a-z][a-z0-9+.-]+:/i.test(file) ? vscode.Uri.parse(file) : vscode.Uri.file(file);
}

async function askFile(listName: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({
    title: vscode.l10n.t('Import recipients into {0}', listName),
    openLabel: vscode.l10n.t('Import'),
    canSelectMany: false,
    filters: { [vscode.l10n.t('CSV files')]: ['csv', 'txt'], [vscode.l10n.t('All files')]: ['*'] },
  });
  return picked?.[0];
}

/** UTF-8 (with or without BOM); a file that is not valid UTF-8 is read as GB18030, what Excel saves in Chinese locales. */
async function readText(file: vscode.Uri): Promise<string> {
  const stat = await vscode.workspace.fs.stat(file);
  if (stat.size > MAX_FILE_BYTES) throw new ImportFileError(vscode.l10n.t('{0} is {1} MB; split it into files under 20 MB.', file.path, (stat.size / 1048576).toFixed(1)));
  const bytes = await vscode.workspace.fs.readFile(file);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    try {
      return new TextDecoder('gb18030', { fatal: true }).decode(bytes);
    } catch {
      throw new ImportFileError(vscode.l10n.t('{0} is neither UTF-8 nor GB18030 text; save it as "CSV UTF-8" and import it again.', file.path));
    }
  }
}
