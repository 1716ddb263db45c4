// The account line: status and remaining free quota in the description, the quotas in the tooltip.
import * as vscode from 'vscode';
import type { AccountSummary } from '../api/types';
import { accountStatusText } from '../model/accountStatus';
import type { Connection } from '../credentials/session';
import { describeError, errorDetails } from '../util/errors';
import { escapeMd, icon, type TreeHost, type TreeNode } from './node';

export class AccountNode implements TreeNode {
  readonly id: string;
  private failure: unknown;
  private loading: Promise<void> | undefined;
  /** The first look of this node asks the service (a refresh makes a new node); later ones read the store. */
  private fetched = false;

  constructor(idPrefix: string, private readonly connection: Connection, private readonly host: TreeHost) {
    this.id = `${idPrefix}/account`;
  }

  /** DescAccountSummary as the store knows it: the same figures as the account panel. */
  get data(): AccountSummary | undefined {
    return this.host.store.account();
  }

  /** The failure of this node's last load (the figures in the store may be older than it: not shown then). */
  get error(): unknown {
    return this.failure;
  }

  /** Loads DescAccountSummary (again after a failure, or fresh, only when asked). */
  retry(): Promise<void> {
    return this.load(true);
  }

  forget(): void {
    void this.load(true);
  }

  load(force = false): Promise<void> {
    if (this.loading) return this.loading;
    if (!force && this.fetched && (this.data || this.failure !== undefined)) return Promise.resolve();
    this.failure = undefined;
    this.fetched = true;
    this.loading = this.host
      .withViewProgress(() => this.host.store.loadAccount(true))
      .then(
        () => this.host.succeeded(),
        (error: unknown) => {
          this.failure = error;
        },
      )
      .finally(() => {
        this.loading = undefined;
        this.host.changed(this);
      });
    return this.loading;
  }

  treeItem(): vscode.TreeItem {
    const { profile, region } = this.connection;
    const item = new vscode.TreeItem(vscode.l10n.t('Account {0} · {1}', profile.name, region), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    const s = this.data;
    if (this.failure !== undefined) {
      const details = errorDetails(this.failure);
      item.description = vscode.l10n.t('could not load: {0}', details.code ?? details.message);
      item.iconPath = icon('error', 'list.errorForeground');
      item.contextValue = 'account.error';
      item.tooltip = new vscode.MarkdownString(`${escapeMd(describeError(details))}\n\n${vscode.l10n.t('Click to retry.')}`);
      item.command = { command: 'directMail.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
      item.accessibilityInformation = { label: vscode.l10n.t('Account {0} in {1}: could not load ({2}). Press Enter to retry.', profile.name, region, details.code ?? details.message), role: 'treeitem' };
      return item;
    }
    item.contextValue = 'account';
    if (!s) {
      item.description = vscode.l10n.t('loading…');
      item.iconPath = icon('account');
      return item;
    }
    const status = accountStatusText(s.userStatus, vscode.l10n.t);
    item.description = vscode.l10n.t('{0} · {1} free sends left today · {2} in total', status, s.dailyRemainFreeQuota, s.remainFreeQuota);
    item.iconPath = s.userStatus === 0 ? icon('account') : icon('warning', 'list.warningForeground');
    item.command = { command: 'directMail.openAccountOverview', title: vscode.l10n.t('Open Account Overview') };
    item.accessibilityInformation = { label: vscode.l10n.t('Account {0} in {1}: {2}', profile.name, region, item.description), role: 'treeitem' };
    item.tooltip = new vscode.MarkdownString([
      `**${escapeMd(profile.name)}** · ${escapeMd(region)} · ${escapeMd(status)}`,
      '',
      `| | |`,
      `|---|---:|`,
      `| ${vscode.l10n.t('Daily quota')} | ${s.dailyQuota} |`,
      `| ${vscode.l10n.t('Monthly quota')} | ${s.monthQuota} |`,
      `| ${vscode.l10n.t('Free sends left today')} | ${s.dailyRemainFreeQuota} |`,
      `| ${vscode.l10n.t('Free sends left in total')} | ${s.remainFreeQuota} |`,
      `| ${vscode.l10n.t('Quota level')} | ${s.quotaLevel} / ${s.maxQuotaLevel} |`,
    ].join('\n'));
    return item;
  }
}
