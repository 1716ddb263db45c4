// Optional re-check of domains awaiting verification (CheckDomain) every `directMail.autoVerifyIntervalSeconds`
// while the view is visible; it stops by itself when no domain is pending and starts again when one appears.
// A changed status goes into the store (with DescDomain's records), so the row and an open DNS panel follow; a
// successful check after an outage also brings back every part of the tree that failed.
import * as vscode from 'vscode';
import type { DomainSummary } from '../api/types';
import type { Session } from '../credentials/session';
import { domainStateOfSummary } from '../model/domainState';
import type { Log } from '../util/log';
import { readSettings, SECTION } from '../util/settings';
import type { ResourceTree } from './resourceTree';

export class AutoVerifier implements vscode.Disposable {
  private timer: ReturnType<typeof setInterval> | undefined;
  private running = false;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(private readonly tree: ResourceTree, private readonly session: Session, private readonly view: vscode.TreeView<unknown>, private readonly log: Log) {
    this.subscriptions.push(
      tree.onDidLoadGroup((kind) => kind === 'domain' && this.schedule()),
      view.onDidChangeVisibility(() => this.schedule()),
      vscode.workspace.onDidChangeConfiguration((e) => e.affectsConfiguration(`${SECTION}.autoVerifyIntervalSeconds`) && this.schedule()),
      session.onDidChange(() => this.stop()),
    );
  }

  /** True while a timer is set (test API). */
  get active(): boolean {
    return this.timer !== undefined;
  }

  private pending(): DomainSummary[] {
    const loader = this.tree.group('domain')?.listing.loader;
    const store = this.tree.store;
    return ((loader?.items ?? []) as DomainSummary[])
      .filter((d) => !store.isGone({ kind: 'domain', id: d.domainId }))
      .map((d) => store.domain(d.domainId)?.summary ?? d)
      .filter((d) => domainStateOfSummary(d) !== 'verified');
  }

  private schedule(): void {
    const seconds = readSettings().autoVerifyIntervalSeconds;
    if (seconds <= 0 || !this.view.visible || this.pending().length === 0) return this.stop();
    if (this.timer) return;
    this.timer = setInterval(() => void this.tick(), seconds * 1000);
  }

  private async tick(): Promise<void> {
    if (this.running) return;
    const pending = this.pending();
    const client = this.session.client();
    if (!client || pending.length === 0) return this.stop();
    this.running = true;
    const store = this.tree.store;
    try {
      for (const d of pending) {
        const { domainStatus } = await store.track({ kind: 'domain', id: d.domainId }, client.checkDomain(d.domainId));
        if (domainStatus !== d.domainStatus) await store.loadDomain(d.domainId, { realTime: true, force: true });
      }
      this.tree.succeeded();
    } catch (error) {
      this.log.warn(`Re-check of pending domains failed: ${(error as Error).message}`);
    } finally {
      this.running = false;
    }
  }

  private stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
  }

  dispose(): void {
    this.stop();
    for (const s of this.subscriptions) s.dispose();
  }
}
