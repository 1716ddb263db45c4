// Account overview panel: quotas, quota level, account status and resource counts. It renders from the
// ResourceStore's account entry, the one the tree's Account row shows, so both move together after a send. It always
// shows the active profile and region: a switch re-targets it.
import * as vscode from 'vscode';
import type { AccountSummary } from '../api/types';
import { accountStatusWords } from '../model/accountStatus';
import type { ResourceStore } from '../model/resourceStore';
import { requireClient, type WebviewDeps } from './deps';
import type { Outcome, PanelController } from './panelHost';
import type { AccountView, PanelOwner, ToHostRequest } from '../shared/protocol';

/** UserStatus as a sentence for the panel, with the same flag words as the tree's Account row. */
export function accountStatusSentence(userStatus: number): string {
  if (userStatus === 0) return vscode.l10n.t('Normal: the account can send mail.');
  const words = accountStatusWords(userStatus, vscode.l10n.t);
  if (words.length === 0) return vscode.l10n.t('Unusual status {0}: check the account in the Direct Mail console.', userStatus);
  return vscode.l10n.t('Not normal: {0}. Sending may fail until this is resolved in the Direct Mail console.', words.join(', '));
}

export function accountView(summary: AccountSummary, updatedAt: Date, owner?: PanelOwner): AccountView {
  return {
    panel: 'account',
    owner,
    dailyQuota: summary.dailyQuota,
    dailyRemainFreeQuota: summary.dailyRemainFreeQuota,
    monthQuota: summary.monthQuota,
    remainFreeQuota: summary.remainFreeQuota,
    quotaLevel: summary.quotaLevel,
    maxQuotaLevel: summary.maxQuotaLevel,
    statusOk: summary.userStatus === 0,
    statusText: accountStatusSentence(summary.userStatus),
    counts: {
      domains: summary.domains,
      senderAddresses: summary.senderAddresses,
      recipientLists: summary.recipientLists,
      tags: summary.tags,
      templates: summary.templates,
    },
    updatedAt: updatedAt.toISOString(),
  };
}

export class AccountPanelController implements PanelController {
  readonly title = vscode.l10n.t('Direct Mail account');
  private updatedAt = new Date();
  /** The first load asks DescAccountSummary; later renders read the store. */
  private fetched = false;

  constructor(
    private readonly deps: WebviewDeps,
    private readonly store: ResourceStore,
  ) {}

  current(): AccountView | undefined {
    const summary = this.store.account();
    const active = this.deps.connection?.();
    return summary && accountView(summary, this.updatedAt, active && { profile: active.profile, region: active.region });
  }

  async load(): Promise<AccountView> {
    await requireClient(this.deps);
    await this.store.loadAccount(!this.fetched);
    this.fetched = true;
    return this.current() as AccountView;
  }

  watch(render: (view: AccountView) => void, fail: (error: unknown) => void): vscode.Disposable {
    const subscription = this.store.onDidChange((change) => {
      if (change.type === 'reset') {
        // Another profile or region: the panel follows the active one.
        this.fetched = false;
        void this.load().then(render, fail);
        return;
      }
      if (change.key.kind !== 'account' || change.type !== 'updated') return;
      this.updatedAt = new Date();
      const view = this.current();
      if (view) render(view);
    });
    return new vscode.Disposable(() => subscription.dispose());
  }

  async handle(request: ToHostRequest): Promise<Outcome> {
    if (request.type !== 'refresh') {
      return { ok: false, message: vscode.l10n.t('The account panel does not handle "{0}".', request.type) };
    }
    this.fetched = false;
    return { ok: true, view: await this.load() };
  }
}
