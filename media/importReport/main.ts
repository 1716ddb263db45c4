// CSV import report: how many rows were added, rejected and of unknown outcome, every rejected and unknown row with
// its reason, the added rows, and "Copy rejected rows as CSV" / "Copy unknown rows as CSV" (done by the extension,
// which holds the rows' original values).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../common/base.css';
import './importReport.css';
import { h, icon, notice, render } from '../common/dom';
import { request, startView } from '../common/host';
import { l10n } from '../common/l10n';
import type { ImportReportView } from '../../src/shared/protocol';

let view: ImportReportView | undefined;
let message: { text: string; kind: 'info' | 'error' } | undefined;

type Row = ImportReportView['rejected'][number];

function count(kind: string, n: number, label: string): HTMLElement {
  return h('div', { class: `count ${kind}`, id: `count-${kind}` }, h('span', { class: 'count-value' }, n.toLocaleString()), h('span', { class: 'muted' }, label));
}

function table(id: string, rows: Row[], total: number, withReason: boolean): HTMLElement[] {
  const head = [l10n.t('Row'), l10n.t('Email'), ...(withReason ? [l10n.t('Reason')] : [])].map((t, i) => h('th', { scope: 'col', class: i === 0 ? 'num' : undefined }, t));
  const body = rows.map((r) => h('tr', {}, h('td', { class: 'num' }, r.row), h('td', { class: 'email mono' }, r.email || l10n.t('(empty)')), withReason && h('td', {}, r.reason ?? '')));
  const out: HTMLElement[] = [h('table', { class: 'rows', id }, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...body))];
  if (rows.length < total) out.push(h('p', { class: 'muted' }, l10n.t('Showing the first {0} of {1} rows.', rows.length.toLocaleString(), total.toLocaleString())));
  return out;
}

async function copyRows(type: 'copyRejected' | 'copyUnknown'): Promise<void> {
  const result = await request({ type });
  message = result.message ? { text: result.message, kind: result.ok ? 'info' : 'error' } : undefined;
  draw();
}

function draw(): void {
  if (!view) {
    render(h('p', { class: 'muted' }, l10n.t('Loading the import report\u2026')), message && notice(message.text, message.kind));
    return;
  }
  const v = view;
  const copy = h('vscode-button', { icon: 'copy', id: 'copy-rejected', disabled: v.rejectedCount === 0 }, l10n.t('Copy rejected rows as CSV'));
  copy.addEventListener('click', () => void copyRows('copyRejected'));
  const copyUnknown = v.unknownCount > 0 && h('vscode-button', { icon: 'copy', id: 'copy-unknown', secondary: true }, l10n.t('Copy unknown rows as CSV'));
  if (copyUnknown) copyUnknown.addEventListener('click', () => void copyRows('copyUnknown'));
  render(
    h('h1', {}, l10n.t('Import into {0}', v.listName)),
    h(
      'p',
      { class: 'muted' },
      v.batches === 1 ? l10n.t('From {0} \u00b7 {1} request to Direct Mail', v.fileName, v.batches) : l10n.t('From {0} \u00b7 {1} requests to Direct Mail', v.fileName, v.batches),
    ),
    h('div', { class: 'counts' }, count('total', v.totalRows, l10n.t('rows in the file')), count('added', v.addedCount, l10n.t('added')), count('rejected', v.rejectedCount, l10n.t('rejected')),
      v.unknownCount > 0 && count('unknown', v.unknownCount, l10n.t('unknown'))),
    v.cancelled && notice(l10n.t('The import was cancelled: rows not sent yet are listed as rejected.'), 'error'),
    v.ignoredColumns.length > 0 &&
      notice(l10n.t('Not sent (not a recipient field Direct Mail keeps): {0}. Direct Mail keeps email, UserName, NickName, Gender, Birthday and Mobile.', v.ignoredColumns.join(', '))),
    v.notes.length > 0 && h('ul', { class: 'notes' }, ...v.notes.map((n) => h('li', {}, icon('warning'), ' ', n))),
    v.unknownCount > 0 &&
      h('p', { class: 'notice warning', id: 'unknown-notice', role: 'status' }, icon('warning'), ' ',
        l10n.t('{0} rows may or may not have been added: the connection broke after their batch was sent, and reading the list back could not tell. Look for them in the list before importing them again.', v.unknownCount.toLocaleString())),
    h('div', { class: 'toolbar' }, copy, copyUnknown),
    message && notice(message.text, message.kind),
    ...(v.unknownCount > 0
      ? [h('h2', {}, icon('question'), ' ', l10n.t('Unknown outcome ({0})', v.unknownCount.toLocaleString())), ...table('unknown', v.unknown, v.unknownCount, true)]
      : []),
    h('h2', {}, l10n.t('Rejected rows ({0})', v.rejectedCount.toLocaleString())),
    ...(v.rejectedCount > 0 ? table('rejected', v.rejected, v.rejectedCount, true) : [h('p', { class: 'muted' }, l10n.t('None: every row was added.'))]),
    h('h2', {}, l10n.t('Added rows ({0})', v.addedCount.toLocaleString())),
    ...(v.addedCount > 0 ? table('added', v.added, v.addedCount, false) : [h('p', { class: 'muted' }, l10n.t('None.'))]),
  );
}

startView('importReport', {
  view: (next) => {
    view = next;
    draw();
  },
  error: (text) => {
    message = { text, kind: 'error' };
    draw();
  },
});
draw();
