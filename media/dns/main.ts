// DNS setup panel: every record a domain needs, copy buttons, and Verify.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../common/base.css';
import './dns.css';
import { formatTime, h, icon, notice, render } from '../common/dom';
import { request, startView } from '../common/host';
import { l10n, withNodes } from '../common/l10n';
import type { CopyTarget, DnsRecordView, DnsView } from '../../src/webviews/protocol';

let view: DnsView | undefined;
let message: { text: string; kind: 'info' | 'error' } | undefined;
let busy = false;

/** A record state's icon and word. */
function stateWords(state: DnsRecordView['state']): [string, string] {
  switch (state) {
    case 'pass':
      return ['pass', l10n.t('Found')];
    case 'fail':
      return ['error', l10n.t('Missing or different')];
    case 'unknown':
      return ['question', l10n.t('Not checked')];
  }
}

async function run(body: Parameters<typeof request>[0]): Promise<void> {
  if (body.type !== 'copy') {
    busy = true;
    draw();
  }
  const result = await request(body);
  busy = false;
  message = result.message ? { text: result.message, kind: result.ok ? 'info' : 'error' } : undefined;
  draw();
}

function copyButton(target: CopyTarget, label: string, index: number): HTMLElement {
  const button = h('button', { class: 'icon-button', type: 'button', title: label, 'aria-label': label, 'data-copy': target, 'data-index': String(index) }, icon('copy'));
  button.addEventListener('click', () => void run({ type: 'copy', target, index }));
  return button;
}

function row(record: DnsRecordView, index: number): HTMLElement {
  const [stateIcon, stateWord] = stateWords(record.state);
  return h(
    'tr',
    { 'data-state': record.state },
    h('td', {}, h('strong', {}, record.purpose), record.required ? '' : h('div', { class: 'muted' }, l10n.t('optional'))),
    h('td', { class: 'mono' }, record.type),
    h('td', { class: 'mono host', title: `${record.fqdn}.` }, record.host, ' ', copyButton('host', l10n.t('Copy host {0}', record.host), index)),
    h('td', { class: 'mono value' }, h('span', { class: 'value-text' }, record.value), ' ', copyButton('value', l10n.t('Copy value'), index)),
    h('td', { class: 'mono' }, record.priority ?? ''),
    h('td', { class: `state state-${record.state}` }, icon(stateIcon), ' ', stateWord),
    h('td', {}, copyButton('record', l10n.t('Copy the whole record as a zone-file line'), index)),
  );
}

function button(label: string, iconName: string, onClick: () => void, secondary = true): HTMLElement {
  const b = h('vscode-button', { icon: iconName, secondary, disabled: busy }, label);
  b.addEventListener('click', () => {
    if (!busy) onClick();
  });
  return b;
}

function draw(): void {
  if (!view) {
    render(h('p', { class: 'muted' }, l10n.t('Loading the domain\u2019s DNS records\u2026')), message && notice(message.text, message.kind));
    return;
  }
  const v = view;
  render(
    h('h1', {}, l10n.t('DNS setup: {0}', v.domainName)),
    h(
      'p',
      {},
      h('span', { class: `badge ${v.verified ? 'ok' : 'bad'}`, id: 'domain-state' }, icon(v.verified ? 'verified-filled' : 'warning'), v.verified ? l10n.t('Verified') : l10n.t('Not verified')),
      ' ',
      v.statusText,
    ),
    h(
      'div',
      { class: 'toolbar' },
      button(busy ? l10n.t('Verifying\u2026') : l10n.t('Verify'), 'check-all', () => void run({ type: 'verify' }), false),
      button(l10n.t('Copy all (zone file)'), 'copy', () => void run({ type: 'copy', target: 'zone' })),
      button(l10n.t('Copy as table'), 'table', () => void run({ type: 'copy', target: 'table' })),
      h('span', { class: 'muted' }, v.checkedAt ? l10n.t('Last verified {0}', formatTime(v.checkedAt)) : l10n.t('Zone {0}', v.zone)),
    ),
    message && notice(message.text, message.kind),
    h(
      'table',
      { class: 'records' },
      h('thead', {}, h('tr', {}, ...[l10n.t('Purpose'), l10n.t('Type'), l10n.t('Host'), l10n.t('Value'), l10n.t('Priority'), l10n.t('State'), ''].map((t) => h('th', { scope: 'col' }, t)))),
      h('tbody', {}, ...v.records.map(row)),
    ),
    h(
      'p',
      { class: 'muted' },
      ...withNodes(
        l10n.t('Hosts are relative to the zone {0} (what most DNS providers ask for); hover a host for its full name. "@" is the zone itself.'),
        h('code', {}, v.zone),
      ),
    ),
    h('h2', {}, l10n.t('What these records do')),
    h('dl', { class: 'explain' }, ...v.records.flatMap((r) => [h('dt', {}, r.purpose, ' (', r.type, ')'), h('dd', {}, r.explanation)])),
    h('h2', {}, l10n.t('What \u201cverified\u201d means')),
    h(
      'p',
      {},
      l10n.t('Direct Mail looks the records up in public DNS. When the ownership, SPF and MX records are found with the values above, the domain is verified and its sender addresses can send mail. DKIM and DMARC make mail far less likely to land in spam; the tracking CNAME is only needed for open and click tracking. DNS changes can take from minutes to a few hours to be visible, so press Verify again later if a record you just published still shows as missing.'),
    ),
  );
}

startView('dns', {
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
