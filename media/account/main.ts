// Account overview: quotas as bars, quota level, status in words, resource counts.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../common/base.css';
import '../common/panel-state.css';
import './account.css';
import { formatTime, h, icon, notice, ownerLine, render } from '../common/dom';
import { request, startView } from '../common/host';
import { l10n } from '../common/l10n';
import type { AccountView } from '../../src/shared/protocol';

let view: AccountView | undefined;
let message: string | undefined;
let busy = false;

const number = (n: number): string => n.toLocaleString();

/** A labelled bar; the fill width is set through the CSSOM, which the page's CSP allows. */
function bar(id: string, label: string, value: number, max: number, caption: string): HTMLElement {
  const ratio = max > 0 ? Math.min(1, Math.max(0, value / max)) : 0;
  const fill = h('div', { class: 'fill' });
  fill.style.width = `${(ratio * 100).toFixed(1)}%`;
  return h(
    'section',
    { class: 'meter', id },
    h('div', { class: 'meter-head' }, h('span', { class: 'meter-label' }, label), h('span', { class: 'meter-value' }, caption)),
    h('div', { class: 'track', role: 'progressbar', 'aria-label': label, 'aria-valuemin': '0', 'aria-valuemax': String(max), 'aria-valuenow': String(value) }, fill),
  );
}

function count(id: string, iconName: string, label: string, n: number): HTMLElement {
  return h('div', { class: 'count', id }, icon(iconName), h('span', { class: 'count-value' }, number(n)), h('span', { class: 'muted' }, label));
}

async function refresh(): Promise<void> {
  busy = true;
  draw();
  const result = await request({ type: 'refresh' });
  busy = false;
  message = result.ok ? undefined : result.message;
  draw();
}

function draw(): void {
  const refreshButton = h('vscode-button', { icon: 'refresh', secondary: true, disabled: busy, id: 'refresh' }, busy ? l10n.t('Refreshing\u2026') : l10n.t('Refresh'));
  refreshButton.addEventListener('click', () => {
    if (!busy) void refresh();
  });
  if (!view) {
    render(h('h1', {}, l10n.t('Direct Mail account')), h('p', { class: 'muted' }, l10n.t('Loading the account summary\u2026')), message && notice(message, 'error'), refreshButton);
    return;
  }
  const v = view;
  render(
    h('h1', {}, l10n.t('Direct Mail account')),
    ownerLine(v.owner),
    h('p', { id: 'status' }, h('span', { class: `badge ${v.statusOk ? 'ok' : 'bad'}` }, icon(v.statusOk ? 'pass' : 'warning'), v.statusOk ? l10n.t('Normal') : l10n.t('Attention')), ' ', v.statusText),
    h('div', { class: 'toolbar' }, refreshButton, h('span', { class: 'muted', id: 'updated' }, l10n.t('Updated {0}', formatTime(v.updatedAt)))),
    message && notice(message, 'error'),
    h('h2', {}, l10n.t('Quotas')),
    h(
      'div',
      { class: 'meters' },
      bar('daily', l10n.t('Daily quota'), v.dailyRemainFreeQuota, v.dailyQuota, l10n.t('{0} free left today of {1} a day', number(v.dailyRemainFreeQuota), number(v.dailyQuota))),
      bar('monthly', l10n.t('Monthly quota'), v.remainFreeQuota, v.monthQuota, l10n.t('{0} free left of {1} a month', number(v.remainFreeQuota), number(v.monthQuota))),
      bar('level', l10n.t('Quota level'), v.quotaLevel, v.maxQuotaLevel, l10n.t('level {0} of {1}', v.quotaLevel, v.maxQuotaLevel)),
    ),
    h('p', { class: 'muted' }, l10n.t('The daily and monthly quotas cap how much mail the account may send. Free sends are used first; the quota level rises as the account keeps a good sending record, which raises the caps.')),
    h('h2', {}, l10n.t('Resources')),
    h(
      'div',
      { class: 'counts' },
      count('count-domains', 'globe', l10n.t('domains'), v.counts.domains),
      count('count-senderAddresses', 'mail', l10n.t('sender addresses'), v.counts.senderAddresses),
      count('count-recipientLists', 'organization', l10n.t('recipient lists'), v.counts.recipientLists),
      count('count-tags', 'tag', l10n.t('tags'), v.counts.tags),
      count('count-templates', 'file', l10n.t('templates'), v.counts.templates),
    ),
  );
}

startView('account', {
  view: (next) => {
    view = next;
    draw();
  },
  error: (text) => {
    message = text;
    draw();
  },
});
draw();
