// CSV import report: how many rows were added and rejected, every rejected row with its reason, the added rows,
// and "Copy rejected rows as CSV" (done by the extension, which holds the rows' original values).
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../common/base.css';
import './importReport.css';
import { h, icon, notice, render } from '../common/dom';
import { request, start } from '../common/host';
import type { ImportReportView } from '../../src/webviews/protocol';

let view: ImportReportView | undefined;
let message: { text: string; kind: 'info' | 'error' } | undefined;

type Row = ImportReportView['rejected'][number];

function count(kind: string, n: number, label: string): HTMLElement {
  return h('div', { class: `count ${kind}`, id: `count-${kind}` }, h('span', { class: 'count-value' }, n.toLocaleString()), h('span', { class: 'muted' }, label));
}

function table(id: string, rows: Row[], total: number, withReason: boolean): HTMLElement[] {
  const head = ['Row', 'Email', ...(withReason ? ['Reason'] : [])].map((t, i) => h('th', { scope: 'col', class: i === 0 ? 'num' : undefined }, t));
  const body = rows.map((r) => h('tr', {}, h('td', { class: 'num' }, r.row), h('td', { class: 'email mono' }, r.email || '(empty)'), withReason && h('td', {}, r.reason ?? '')));
  const out: HTMLElement[] = [h('table', { class: 'rows', id }, h('thead', {}, h('tr', {}, ...head)), h('tbody', {}, ...body))];
  if (rows.length < total) out.push(h('p', { class: 'muted' }, `Showing the first ${rows.length.toLocaleString()} of ${total.toLocaleString()} rows.`));
  return out;
}

async function copyRejected(): Promise<void> {
  const result = await request({ type: 'copyRejected' });
  message = result.message ? { text: result.message, kind: result.ok ? 'info' : 'error' } : undefined;
  draw();
}

function draw(): void {
  if (!view) {
    render(h('p', { class: 'muted' }, 'Loading the import report\u2026'), message && notice(message.text, message.kind));
    return;
  }
  const v = view;
  const copy = h('vscode-button', { icon: 'copy', id: 'copy-rejected', disabled: v.rejectedCount === 0 }, 'Copy rejected rows as CSV');
  copy.addEventListener('click', () => void copyRejected());
  render(
    h('h1', {}, 'Import into ', v.listName),
    h('p', { class: 'muted' }, `From ${v.fileName} \u00b7 ${v.batches} ${v.batches === 1 ? 'request' : 'requests'} to Direct Mail`),
    h('div', { class: 'counts' }, count('total', v.totalRows, 'rows in the file'), count('added', v.addedCount, 'added'), count('rejected', v.rejectedCount, 'rejected')),
    v.cancelled && notice('The import was cancelled: rows not sent yet are listed as rejected.', 'error'),
    v.ignoredColumns.length > 0 && notice(`Not sent (not a recipient field Direct Mail keeps): ${v.ignoredColumns.join(', ')}. Direct Mail keeps email, UserName, NickName, Gender, Birthday and Mobile.`),
    v.notes.length > 0 && h('ul', { class: 'notes' }, ...v.notes.map((n) => h('li', {}, icon('warning'), ' ', n))),
    h('div', { class: 'toolbar' }, copy),
    message && notice(message.text, message.kind),
    h('h2', {}, `Rejected rows (${v.rejectedCount.toLocaleString()})`),
    ...(v.rejectedCount > 0 ? table('rejected', v.rejected, v.rejectedCount, true) : [h('p', { class: 'muted' }, 'None: every row was added.')]),
    h('h2', {}, `Added rows (${v.addedCount.toLocaleString()})`),
    ...(v.addedCount > 0 ? table('added', v.added, v.addedCount, false) : [h('p', { class: 'muted' }, 'None.')]),
  );
}

start({
  show: (_key, next) => {
    if (next.panel !== 'importReport') return;
    view = next;
    draw();
  },
  error: (text) => {
    message = { text, kind: 'error' };
    draw();
  },
});
draw();
