// The CSV import report panel: counts, the rejected rows with their reasons, the rows whose outcome is unknown
// (their batch's answer was lost and reading the list back could not tell), the added rows, and "Copy rejected
// rows as CSV" / "Copy unknown rows as CSV" (unknown rows are kept apart: they must be checked before importing
// them again, while rejected rows can be fixed and imported at once). Reports live in memory (the last few imports); a panel restored after a window reload still
// shows the report its page saved, but copying needs the import to be run again.
import * as vscode from 'vscode';
import { rejectedCsv, type ImportRun } from '../model/recipientImport';
import type { Outcome, PanelController } from './panelHost';
import { REPORT_ROW_LIMIT, type ImportReportView, type ToHostRequest } from '../shared/protocol';

export interface ImportReport {
  listName: string;
  fileName: string;
  header: string[];
  ignoredColumns: string[];
  totalRows: number;
  run: ImportRun;
}

const KEPT_REPORTS = 10;
const reports = new Map<string, ImportReport>();
let lastId = 0;

/** Keeps a report for its panel and returns the id the panel key carries. */
export function storeReport(report: ImportReport): string {
  const id = `import-${++lastId}-${Date.now().toString(36)}`;
  reports.set(id, report);
  for (const old of [...reports.keys()].slice(0, Math.max(0, reports.size - KEPT_REPORTS))) reports.delete(old);
  return id;
}

export function importReportView(report: ImportReport): ImportReportView {
  const { run } = report;
  const row = (r: { row: number; email: string; reason?: string }) => ({ row: r.row, email: r.email, ...(r.reason ? { reason: r.reason } : {}) });
  return {
    panel: 'importReport',
    listName: report.listName,
    fileName: report.fileName,
    totalRows: report.totalRows,
    addedCount: run.added.length,
    rejectedCount: run.rejected.length,
    unknownCount: run.unknown.length,
    batches: run.batchesSent,
    cancelled: run.cancelled,
    ignoredColumns: report.ignoredColumns,
    notes: run.notes,
    rejected: run.rejected.slice(0, REPORT_ROW_LIMIT).map(row),
    added: run.added.slice(0, REPORT_ROW_LIMIT).map(row),
    unknown: run.unknown.slice(0, REPORT_ROW_LIMIT).map(row),
  };
}

export class ImportReportController implements PanelController {
  readonly title: string;
  private readonly report: ImportReport | undefined;

  constructor(reportId: string) {
    this.report = reports.get(reportId);
    this.title = this.report ? vscode.l10n.t('Import into {0}', this.report.listName) : vscode.l10n.t('Import report');
  }

  async load(): Promise<ImportReportView> {
    if (!this.report) throw new Error(vscode.l10n.t('This report is from an earlier window: run the import again to copy its rows.'));
    return importReportView(this.report);
  }

  async handle(request: ToHostRequest): Promise<Outcome> {
    if (request.type !== 'copyRejected' && request.type !== 'copyUnknown') return { ok: false, message: vscode.l10n.t('The import report does not handle "{0}".', request.type) };
    if (!this.report) return { ok: false, message: vscode.l10n.t('This report is from an earlier window: run the import again to copy its rows.') };
    if (request.type === 'copyUnknown') {
      const { unknown } = this.report.run;
      if (unknown.length === 0) return { ok: true, message: vscode.l10n.t('No row has an unknown outcome; nothing to copy.') };
      await vscode.env.clipboard.writeText(rejectedCsv(this.report.header, unknown));
      return { ok: true, message: vscode.l10n.t('Copied {0} rows with an unknown outcome as CSV (row, reason, then the columns of the file). Check the list before importing them again.', unknown.length) };
    }
    const { rejected } = this.report.run;
    if (rejected.length === 0) return { ok: true, message: vscode.l10n.t('No row was rejected; nothing to copy.') };
    await vscode.env.clipboard.writeText(rejectedCsv(this.report.header, rejected));
    return { ok: true, message: vscode.l10n.t('Copied {0} rejected rows as CSV (row, reason, then the columns of the file).', rejected.length) };
  }
}
