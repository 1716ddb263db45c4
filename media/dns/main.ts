// DNS setup panel: every record a domain needs, copy buttons, and Verify. It shows which profile and region the
// domain belongs to, says so when the domain is gone or another profile is active, and shows copy feedback as a
// toast that floats over the page, so nothing under the pointer moves.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '../common/base.css';
import '../common/panel-state.css';
import './dns.css';
import { formatTime, h, icon, notice, ownerBanner, ownerLine, render, toast } from '../common/dom';
import { request, startView } from '../common/host';
import { l10n, withNodes } from '../common/l10n';
import type { CopyTarget, DnsRecordView, DnsView } from '../../src/shared/protocol';

let view: DnsView | undefined;
let message: { text: string; kind: 'info' | 'error' } | undefined;
let busy = false;

/**
 * A record state's icon and word; the badge uses the same icons (pass-filled / error) for verified / not verified,
 * as the sidebar does, so one look means one thing everywhere.
 */
function stateWords(state: DnsRecordView['state']): [string, string] {
  switch (state) {
    case 'pass':
      return ['pass-filled', l10n.t('Found')];
    case 'fail':
      return ['error', l10n.t('Missing or different')];
    case 'unknown':
      return ['circle-outline', l10n.t('Not checked')];
  }
}

/** The domain's state: the tree's icon and words. */
function domainWords(v: DnsView): [string, string, string] {
  const state = v.state ?? (v.verified ? 'verified' : 'unverified');
  switch (state) {
    case 'verified':
      return ['pass-filled', l10n.t('Verified'), 'ok'];
    case 'partly':
      return ['warning', l10n.t('Partly verified'), 'warn'];
    default:
      return ['error', l10n.t('Not verified'), 'bad'];
  }
}

async function run(body: Parameters<typeof request>[0]): Promise<void> {
  if (body.type === 'copy') {
    const result = await request(body);
    // Copy feedback floats (fixed position): the table does not move under the pointer.
    toast(result.message ?? '', result.ok ? 'info' : 'error');
    return;
  }
  busy = true;
  draw();
  const result = await request(body);
  busy = false;
  message = result.message ? { text: result.message, kind: result.ok ? 'info' : 'error' } : undefined;
  draw();
}

/** A labelled copy button (the visible word says what it copies; the accessible name says of which record). */
function copyButton(target: 'host' | 'value' | 'record', record: DnsRecordView, index: number): HTMLElement {
  const word = target === 'host' ? l10n.t('Host') : target === 'value' ? l10n.t('Value') : l10n.t('Record');
  const label =
    target === 'host'
      ? l10n.t('Copy the host of the {0} record ({1})', record.purpose, record.host)
      : target === 'value'
        ? l10n.t('Copy the value of the {0} record', record.purpose)
        : l10n.t('Copy the whole {0} record as a zone-file line', record.purpose);
  const button = h(
    'button',
    { class: 'copy-button', type: 'button', title: label, 'aria-label': label, 'data-copy': target, 'data-index': String(index) },
    icon('copy'),
    h('span', {}, word),
  );
  button.addEventListener('click', () => void run({ type: 'copy', target: target as CopyTarget, index }));
  return button;
}

/** Under a record that does not verify: the different value public DNS has at that host, which shows the mistake. */
function seenLine(record: DnsRecordView): HTMLElement | '' {
  if (record.seen === undefined) return '';
  return h('div', { class: 'seen' }, icon('warning'), ' ', l10n.t('Public DNS has instead:'), ' ', h('span', { class: 'value-text' }, record.seen));
}

function row(record: DnsRecordView, index: number): HTMLElement {
  const [stateIcon, stateWord] = stateWords(record.state);
  return h(
    'tr',
    { 'data-state': record.state },
    h('td', {}, h('strong', {}, record.purpose), record.required ? '' : h('div', { class: 'muted' }, l10n.t('optional'))),
    h('td', { class: 'mono' }, record.type),
    h('td', { class: 'mono host', title: `${record.fqdn}.` }, record.host),
    h('td', { class: 'mono value' }, h('span', { class: 'value-text' }, record.value), seenLine(record)),
    h('td', { class: 'mono' }, record.priority ?? ''),
    h('td', { class: `state state-${record.state}` }, icon(stateIcon), ' ', stateWord),
    h('td', { class: 'copy' }, copyButton('host', record, index), copyButton('value', record, index), copyButton('record', record, index)),
  );
}

function button(label: string, iconName: string, onClick: () => void, secondary = true, disabled = busy): HTMLElement {
  const b = h('vscode-button', { icon: iconName, secondary, disabled }, label);
  b.addEventListener('click', () => {
    if (!busy && !disabled) onClick();
  });
  return b;
}

/** "Gone" or "another profile": what happened and the one thing to do about it. */
function banner(v: DnsView): HTMLElement | undefined {
  if (v.gone) {
    return h(
      'div',
      { class: 'banner bad', role: 'alert', id: 'gone' },
      icon('trash'),
      h('span', {}, l10n.t('This domain no longer exists in Direct Mail. The records below are what it needed; nothing can be verified.')),
      button(l10n.t('Close'), 'close', () => void request({ type: 'close' }), false, false),
    );
  }
  return ownerBanner(
    v.owner,
    (owner, active) => l10n.t('This domain belongs to profile {0} in {1}; the active profile is {2} in {3}.', owner.profile, owner.region, active.profile, active.region),
    () => void run({ type: 'switchBack' }),
    () => void request({ type: 'close' }),
  );
}

function draw(): void {
  if (!view) {
    render(h('p', { class: 'muted' }, l10n.t('Loading the domain\u2019s DNS records\u2026')), message && notice(message.text, message.kind));
    return;
  }
  const v = view;
  const [badgeIcon, badgeWord, badgeClass] = domainWords(v);
  const frozen = !!v.gone || !!v.owner?.active;
  render(
    h('h1', {}, l10n.t('DNS setup: {0}', v.domainName)),
    ownerLine(v.owner),
    banner(v),
    h(
      'p',
      {},
      v.gone ? '' : h('span', { class: `badge ${badgeClass}`, id: 'domain-state' }, icon(badgeIcon), badgeWord),
      ' ',
      v.statusText,
    ),
    h(
      'div',
      { class: 'toolbar' },
      button(busy ? l10n.t('Verifying\u2026') : l10n.t('Verify'), 'check-all', () => void run({ type: 'verify' }), false, busy || frozen),
      button(l10n.t('Copy all (zone file)'), 'copy', () => void run({ type: 'copy', target: 'zone' })),
      button(l10n.t('Copy as table'), 'table', () => void run({ type: 'copy', target: 'table' })),
      h('span', { class: 'muted' }, v.checkedAt ? l10n.t('Last verified {0}', formatTime(v.checkedAt)) : l10n.t('Zone {0}', v.zone)),
    ),
    message && notice(message.text, message.kind),
    h(
      'table',
      { class: `records${frozen ? ' frozen' : ''}` },
      h('thead', {}, h('tr', {}, ...[l10n.t('Purpose'), l10n.t('Type'), l10n.t('Host'), l10n.t('Value'), l10n.t('Priority'), l10n.t('State'), l10n.t('Copy')].map((t) => h('th', { scope: 'col' }, t)))),
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
    // A new view answers any earlier failure (e.g. a reload after switching back).
    if (message?.kind === 'error' && !busy) message = undefined;
    draw();
  },
  error: (text) => {
    message = { text, kind: 'error' };
    draw();
  },
});
draw();
