// Account overview panel: quotas, quota level, account status and resource counts.
import * as vscode from 'vscode';
import { UserStatusFlag, type AccountSummary } from '../api/types';
import { requireClient, type WebviewDeps } from './deps';
import type { Outcome, PanelController } from './panelHost';
import type { AccountView, ToHostRequest } from './protocol';

/** The flags' words, in flag order (literal l10n calls so the bundle check sees each key). */
const statusWords = (): [UserStatusFlag, string][] => [
  [UserStatusFlag.Frozen, vscode.l10n.t('the account is frozen')],
  [UserStatusFlag.Overdue, vscode.l10n.t('a payment is overdue')],
  [UserStatusFlag.SendingRestricted, vscode.l10n.t('outbound sending is restricted')],
  [UserStatusFlag.Deleted, vscode.l10n.t('the account is marked as deleted')],
];

/** UserStatus in words (its values are bit flags that combine). */
export function accountStatusText(userStatus: number): string {
  if (userStatus === 0) return vscode.l10n.t('Normal: the account can send mail.');
  const words = statusWords().filter(([bit]) => (userStatus & bit) !== 0).map(([, w]) => w);
  if (words.length === 0) return vscode.l10n.t('Unusual status {0}: check the account in the Direct Mail console.', userStatus);
  return vscode.l10n.t('Not normal: {0}. Sending may fail until this is resolved in the Direct Mail console.', words.join('; '));
}

export function accountView(summary: AccountSummary, updatedAt: Date): AccountView {
  return {
    panel: 'account',
    dailyQuota: summary.dailyQuota,
    dailyRemainFreeQuota: summary.dailyRemainFreeQuota,
    monthQuota: summary.monthQuota,
    remainFreeQuota: summary.remainFreeQuota,
    quotaLevel: summary.quotaLevel,
    maxQuotaLevel: summary.maxQuotaLevel,
    statusOk: summary.userStatus === 0,
    statusText: accountStatusText(summary.userStatus),
    counts: {
      domains: summary.domains,
      mailAddresses: summary.mailAddresses,
      receivers: summary.receivers,
      tags: summary.tags,
      templates: summary.templates,
    },
    updatedAt: updatedAt.toISOString(),
  };
}

export class AccountPanelController implements PanelController {
  readonly title = vscode.l10n.t('Direct Mail account');

  constructor(private readonly deps: WebviewDeps) {}

  async load(): Promise<AccountView> {
    const client = await requireClient(this.deps);
    return accountView(await client.descAccountSummary(), new Date());
  }

  async handle(request: ToHostRequest): Promise<Outcome> {
    if (request.type !== 'refresh') {
      return { ok: false, message: vscode.l10n.t('The account panel does not handle "{0}".', request.type) };
    }
    return { ok: true, view: await this.load() };
  }
}
