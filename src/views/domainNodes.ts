// Domains and, under each, the DNS records it needs (from DescDomain), each with its pass/fail state.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import type { DomainDetail, DomainSummary } from '../api/types';
import { deriveDnsRecords, recordLabel, stateText, type DnsRecord } from '../model/dnsRecords';
import { domainStateOfSummary, type DomainState } from '../model/domainState';
import { numberedGroup, type GroupSpec } from './groupNode';
import { ErrorNode, escapeMd, icon, type ResourceRef, type TreeHost, type TreeNode } from './node';

const STATE_ICON: Record<DomainState, [string, string]> = {
  verified: ['pass-filled', 'testing.iconPassed'],
  partly: ['warning', 'list.warningForeground'],
  unverified: ['error', 'list.errorForeground'],
};

export function domainStateText(state: DomainState): string {
  switch (state) {
    case 'verified':
      return vscode.l10n.t('verified');
    case 'partly':
      return vscode.l10n.t('partly verified');
    default:
      return vscode.l10n.t('not verified');
  }
}

/** A record's state in one word, for screen readers (the icon says it to sighted users). */
export function recordStateWord(state: DnsRecord['state']): string {
  switch (state) {
    case 'pass':
      return vscode.l10n.t('passed');
    case 'fail':
      return vscode.l10n.t('failed');
    default:
      return vscode.l10n.t('not checked');
  }
}

export function domainsSpec(client: () => DirectMailClient, host: TreeHost, pageSize: () => number): GroupSpec<DomainSummary> {
  return numberedGroup({
    kind: 'domain',
    label: vscode.l10n.t('Domains'),
    icon: 'globe',
    query: (q, options) => client().queryDomains(q, options),
    key: (d) => d.domainId,
    node: (d, parent) => new DomainNode(d, parent, host),
    emptyText: (keyword) => (keyword ? vscode.l10n.t('No domain matches "{0}".', keyword) : vscode.l10n.t('No domains yet.')),
  }, host, pageSize);
}

export class DomainNode implements TreeNode {
  readonly id: string;
  /** DescDomain is asked once per node (a refresh makes new nodes); after that the records come from the store. */
  private fetched = false;
  private failed = false;

  constructor(private readonly initial: DomainSummary, readonly parent: TreeNode, private readonly host: TreeHost) {
    this.id = `${parent.id}/${initial.domainId}`;
  }

  /** The domain as the store knows it now (a verify in a panel or a command shows here at once). */
  get domain(): DomainSummary {
    return this.host.store.domain(this.initial.domainId)?.summary ?? this.initial;
  }

  get resource(): ResourceRef {
    const { domainId, domainName } = this.domain;
    return { kind: 'domain', id: domainId, name: domainName };
  }

  get state(): DomainState {
    return domainStateOfSummary(this.domain);
  }

  /** Its records failed to load (retried with everything else once Direct Mail answers again). */
  get hasFailed(): boolean {
    return this.failed;
  }

  treeItem(): vscode.TreeItem {
    const { domainName, domainId, createTime } = this.domain;
    const state = this.state;
    const item = new vscode.TreeItem(domainName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    const unknownStatus = this.domain.unknownValues?.DomainStatus;
    item.description = unknownStatus !== undefined ? vscode.l10n.t('unknown ({0})', unknownStatus) : domainStateText(state);
    item.iconPath = icon(...STATE_ICON[state]);
    item.contextValue = `domain.${state}`;
    const explain = state === 'verified'
      ? vscode.l10n.t('Direct Mail can send from this domain.')
      : state === 'partly'
        ? vscode.l10n.t('Some DNS records are in place, but the domain cannot send yet. Expand it to see which records are missing, publish them, then run "Verify Domain".')
        : vscode.l10n.t('Direct Mail has not found the DNS records yet. Expand the domain to see them, publish them at your DNS provider, then run "Verify Domain".');
    item.tooltip = new vscode.MarkdownString(`**${escapeMd(domainName)}** — ${escapeMd(domainStateText(state))}\n\n${escapeMd(explain)}\n\nID ${escapeMd(domainId)}${createTime ? ` · ${escapeMd(createTime)}` : ''}`);
    // Enter (or a click on the name) opens the DNS setup; the twistie still expands the records.
    item.command = { command: 'directMail.openDnsPanel', title: vscode.l10n.t('Open DNS Setup'), arguments: [this] };
    item.accessibilityInformation = { label: vscode.l10n.t('Domain {0}, {1}', domainName, domainStateText(state)), role: 'treeitem' };
    return item;
  }

  /** DescDomain through the store: the first look of this node asks the service, later ones reuse the answer. */
  async loadDetail(): Promise<DomainDetail> {
    const force = !this.fetched;
    const detail = await this.host.store.loadDomain(this.initial.domainId, { force });
    this.fetched = true;
    return detail;
  }

  /** The next look asks DescDomain again. */
  forget(): void {
    this.fetched = false;
    this.host.store.forgetDomainDetail(this.initial.domainId);
  }

  /** Asks DescDomain again after a failure, then re-renders (the records or the error again). */
  async retry(): Promise<void> {
    try {
      await this.host.withViewProgress(() => this.loadDetail());
      this.failed = false;
    } catch {
      // Still failing: children() shows the error node again.
    }
    this.host.changed(this);
  }

  async records(): Promise<DnsRecord[]> {
    return deriveDnsRecords(await this.loadDetail(), vscode.l10n.t);
  }

  async children(): Promise<TreeNode[]> {
    const fresh = !this.fetched;
    try {
      const records = await this.host.withViewProgress(() => this.records());
      this.failed = false;
      if (fresh) this.host.succeeded();
      return records.map((r) => new DnsRecordNode(r, this));
    } catch (error) {
      this.fetched = false;
      this.failed = true;
      return [new ErrorNode(`${this.id}/error`, error, () => this.retry(), this)];
    }
  }
}

export class DnsRecordNode implements TreeNode {
  readonly id: string;

  constructor(readonly record: DnsRecord, readonly parent: DomainNode) {
    this.id = `${parent.id}/${record.kind}`;
  }

  treeItem(): vscode.TreeItem {
    const r = this.record;
    const item = new vscode.TreeItem(recordLabel(r), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = r.state === 'pass' ? icon('pass', 'testing.iconPassed') : r.state === 'fail' ? icon(r.required ? 'error' : 'circle-slash', r.required ? 'testing.iconFailed' : 'list.warningForeground') : icon('circle-outline');
    item.contextValue = `dnsRecord.${r.state}`;
    const lines = [
      `**${escapeMd(r.type)}** ${escapeMd(r.fqdn)}${r.priority !== undefined ? ` (${vscode.l10n.t('priority {0}', r.priority)})` : ''}`,
      '',
      escapeMd(r.explanation),
      '',
      `${r.state === 'pass' ? '$(pass)' : r.state === 'fail' ? '$(error)' : '$(circle-outline)'} ${escapeMd(stateText(r.state, vscode.l10n.t))}`,
      '',
      `${vscode.l10n.t('Host')}: \`${r.host}\` · ${vscode.l10n.t('Value')}: \`${r.value.replace(/`/g, "'")}\``,
    ];
    item.tooltip = new vscode.MarkdownString(lines.join('\n'), true);
    // Enter copies the value, the part a DNS provider's form asks for most; the inline buttons copy host and record.
    item.command = { command: 'directMail.copyDnsValue', title: vscode.l10n.t('Copy Value'), arguments: [this] };
    const optional = r.required ? '' : ` ${vscode.l10n.t('(optional)')}`;
    item.accessibilityInformation = { label: vscode.l10n.t('{0} record {1}{2}: {3}. Press Enter to copy the value.', r.type, r.host, optional, recordStateWord(r.state)), role: 'treeitem' };
    return item;
  }
}
