// Domains and, under each, the DNS records it needs (from DescDomain), each with its pass/fail state.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import type { DomainDetail, DomainSummary } from '../api/types';
import { deriveDnsRecords, recordLabel, stateText, type DnsRecord } from '../model/dnsRecords';
import { domainStateOfSummary, type DomainState } from '../model/domainState';
import { numberedPage } from '../model/pagedLoader';
import type { GroupSpec } from './groupNode';
import { ErrorNode, escapeMd, icon, type TreeHost, type TreeNode } from './node';

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

export function domainsSpec(client: () => DirectMailClient, host: TreeHost, pageSize: () => number): GroupSpec<DomainSummary> {
  return {
    kind: 'domains',
    label: vscode.l10n.t('Domains'),
    icon: 'globe',
    pageSize,
    fetch: async ({ cursor, pageSize: size, keyword, signal }) =>
      numberedPage(await client().queryDomains({ keyword, pageNo: typeof cursor === 'number' ? cursor : 1, pageSize: size }, { signal })),
    key: (d) => d.domainId,
    node: (d, parent) => new DomainNode(d, parent, client, host),
    emptyText: (keyword) => (keyword ? vscode.l10n.t('No domain matches "{0}".', keyword) : vscode.l10n.t('No domains yet.')),
  };
}

export class DomainNode implements TreeNode {
  readonly id: string;
  private detail: Promise<DomainDetail> | undefined;

  constructor(readonly domain: DomainSummary, readonly parent: TreeNode, private readonly client: () => DirectMailClient, private readonly host: TreeHost) {
    this.id = `${parent.id}/${domain.domainId}`;
  }

  get state(): DomainState {
    return domainStateOfSummary(this.domain);
  }

  treeItem(): vscode.TreeItem {
    const { domainName, domainId, createTime } = this.domain;
    const state = this.state;
    const item = new vscode.TreeItem(domainName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = domainStateText(state);
    item.iconPath = icon(...STATE_ICON[state]);
    item.contextValue = `domain.${state}`;
    const explain = state === 'verified'
      ? vscode.l10n.t('Direct Mail can send from this domain.')
      : state === 'partly'
        ? vscode.l10n.t('Some DNS records are in place, but the domain cannot send yet. Expand it to see which records are missing, publish them, then run "Verify Domain".')
        : vscode.l10n.t('Direct Mail has not found the DNS records yet. Expand the domain to see them, publish them at your DNS provider, then run "Verify Domain".');
    item.tooltip = new vscode.MarkdownString(`**${escapeMd(domainName)}** — ${escapeMd(domainStateText(state))}\n\n${escapeMd(explain)}\n\nID ${escapeMd(domainId)}${createTime ? ` · ${escapeMd(createTime)}` : ''}`);
    return item;
  }

  /** DescDomain, once per expansion (refresh forgets it). */
  loadDetail(): Promise<DomainDetail> {
    this.detail ??= this.client().descDomain(this.domain.domainId);
    return this.detail;
  }

  forget(): void {
    this.detail = undefined;
  }

  async records(): Promise<DnsRecord[]> {
    return deriveDnsRecords(await this.loadDetail(), vscode.l10n.t);
  }

  async children(): Promise<TreeNode[]> {
    try {
      const records = await this.host.withViewProgress(() => this.records());
      return records.map((r) => new DnsRecordNode(r, this));
    } catch (error) {
      this.forget();
      return [new ErrorNode(`${this.id}/error`, error, async () => this.host.changed(this), this)];
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
    return item;
  }
}
