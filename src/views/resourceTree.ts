// The `directMail.resources` tree: Account · Domains · Sender Addresses · Recipient Lists · Tags for the current
// connection. Nothing is requested until VS Code asks for the root (the view is visible); then the account and
// the four groups load in parallel. A new connection (profile, region, endpoint) throws every node away, but the
// ids stay the same for the same resource, so VS Code keeps what was expanded and selected where it still exists.
// Rows render from the ResourceStore: a change made anywhere (a panel, a command, a send) re-renders its row.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import type { Session } from '../credentials/session';
import { type ResourceKey, type ResourceKind, type ResourceStore, type StoreChange } from '../model/resourceStore';
import { readSettings } from '../util/settings';
import { AccountNode } from './accountNode';
import { DomainNode, domainsSpec } from './domainNodes';
import { GroupNode, type GroupSpec } from './groupNode';
import type { TreeHost, TreeNode } from './node';
import { RecipientListNode, recipientListsSpec } from './recipientListNodes';
import { sendersSpec } from './senderNodes';
import { tagsSpec } from './tagNodes';

export const VIEW_ID = 'directMail.resources';

/** The first segment of every node id: fixed, so ids survive a refresh and a connection change. */
const ID_ROOT = 'dm';

interface Roots {
  account: AccountNode;
  groups: Map<ResourceKind, GroupNode>;
}

export class ResourceTree implements vscode.TreeDataProvider<TreeNode>, TreeHost, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: Roots | undefined;
  private recovering = false;
  /** How often the children of each node id were asked for (tests read which nodes VS Code keeps expanded). */
  private readonly requests = new Map<string, number>();
  private readonly storeSubscription: { dispose(): void };
  private readonly loadedEmitter = new vscode.EventEmitter<ResourceKind>();
  /** Fires when a group's page arrived (used by the re-check of pending domains). */
  readonly onDidLoadGroup = this.loadedEmitter.event;

  constructor(private readonly session: Session, readonly store: ResourceStore) {
    this.storeSubscription = store.onDidChange((change) => this.storeChanged(change));
  }

  // ------------------------------------------------------------------ TreeDataProvider

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) {
      this.requests.set(node.id, (this.requests.get(node.id) ?? 0) + 1);
      return node.children ? node.children() : [];
    }
    const roots = this.ensureRoots();
    if (!roots) return [];
    void roots.account.load();
    for (const group of roots.groups.values()) group.listing.prefetch();
    return [roots.account, ...roots.groups.values()];
  }

  /** How many times the children of the node with this id were asked for. */
  childrenRequests(id: string): number {
    return this.requests.get(id) ?? 0;
  }

  // ------------------------------------------------------------------ TreeHost

  changed(node?: TreeNode): void {
    if (node instanceof GroupNode && node.listing.loader.loaded) this.loadedEmitter.fire(node.kind);
    this.emitter.fire(node);
  }

  withViewProgress<T>(work: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, work));
  }

  succeeded(): void {
    if (!this.recovering && this.failedParts().length > 0) void this.retryFailed();
  }

  // ------------------------------------------------------------------ one state

  private storeChanged(change: StoreChange): void {
    if (change.type === 'reset' || !this.roots) return;
    if (change.key.kind === 'account') {
      this.emitter.fire(this.roots.account);
      if (change.type === 'updated') this.succeeded();
      return;
    }
    if (change.type === 'gone') {
      // The row goes at once (the listing hides gone items); the group is asked again for its total.
      this.refreshGroup(change.key.kind);
      return;
    }
    const node = this.nodeOf(change.key);
    if (node) this.emitter.fire(node);
    // New facts mean Direct Mail answered (a panel's refresh, a command): parts of the tree that failed come back.
    if (change.type === 'updated') this.succeeded();
  }

  /** The node showing this resource, if the tree shows it. */
  nodeOf(key: ResourceKey): TreeNode | undefined {
    if (!this.roots) return undefined;
    if (key.kind === 'account') return this.roots.account;
    return this.roots.groups.get(key.kind)?.listing.nodeByKey(key.id);
  }

  /** Every part whose last load failed: the account, groups, and domains whose records failed. */
  private failedParts(): (() => Promise<void>)[] {
    const roots = this.roots;
    if (!roots) return [];
    const parts: (() => Promise<void>)[] = [];
    if (roots.account.error !== undefined) parts.push(() => roots.account.load(true));
    for (const group of roots.groups.values()) {
      if (group.listing.loader.error !== undefined) parts.push(() => group.listing.retry());
      for (const item of group.listing.loader.items) {
        const node = group.listing.nodeByKey(group.spec.key(item));
        if (node instanceof DomainNode && node.hasFailed) parts.push(() => node.retry());
        if (node instanceof RecipientListNode && node.listing.loader.error !== undefined) parts.push(() => node.listing.retry());
      }
    }
    return parts;
  }

  /**
   * Retries every part that failed, the clicked one first (a Retry on any error node, or the first success after
   * an outage, brings back everything, not only what was clicked).
   */
  async retryFailed(first?: () => Promise<void>): Promise<void> {
    if (this.recovering) return first?.();
    this.recovering = true;
    try {
      if (first) {
        const failedBefore = this.failedParts().length;
        await first();
        // The clicked part failed again: Direct Mail is still not answering, so the others wait.
        if (this.failedParts().length >= failedBefore) return;
      }
      await Promise.all(this.failedParts().map((retry) => retry()));
    } finally {
      this.recovering = false;
    }
  }

  // ------------------------------------------------------------------ what commands use

  /** The group node of the current connection (created on demand). */
  group(kind: ResourceKind): GroupNode | undefined {
    return this.ensureRoots()?.groups.get(kind);
  }

  account(): AccountNode | undefined {
    return this.ensureRoots()?.account;
  }

  /** Forgets all data and re-queries what is visible (ids stay, so expansion and selection stay). */
  refresh(): void {
    this.roots = undefined;
    this.emitter.fire(undefined);
  }

  /** Re-queries one group (keeping its filter). */
  refreshGroup(kind: ResourceKind): void {
    const group = this.group(kind);
    if (!group) return;
    group.listing.reset();
    this.emitter.fire(group);
    // Reload now, so the total in the description is right even while the group is collapsed.
    group.listing.prefetch();
  }

  /** Re-queries the part of the tree a node belongs to. */
  refreshNode(node: TreeNode): void {
    // A group keeps its filter and reloads at once (its total shows while collapsed).
    if (node instanceof GroupNode) return this.refreshGroup(node.kind);
    node.forget?.();
    this.emitter.fire(node);
  }

  setFilter(kind: ResourceKind, keyword: string | undefined): void {
    const group = this.group(kind);
    if (!group) return;
    group.listing.setKeyword(keyword);
    this.emitter.fire(group);
    group.listing.prefetch();
  }

  private ensureRoots(): Roots | undefined {
    const connection = this.session.connection();
    if (!connection) return undefined;
    if (this.roots) return this.roots;
    const prefix = ID_ROOT;
    const scope = this.store.scope;
    // Each call asks the session: the client is created on first request and replaced after a change.
    const client = (): DirectMailClient => this.session.requireClient();
    const pageSize = (): number => readSettings().pageSize;
    const groups = new Map<ResourceKind, GroupNode>();
    const add = <T>(node: GroupNode<T>): void => {
      groups.set(node.kind, node as GroupNode);
    };
    // Every page goes into the store first (answers of an older connection are dropped), then the rows read it.
    const remember = <T>(spec: GroupSpec<T>, put: (items: T[]) => void): GroupSpec<T> => ({
      ...spec,
      fetch: async (request) => {
        const page = await spec.fetch(request);
        if (this.store.scope === scope) put(page.items);
        return page;
      },
    });
    const store = this.store;
    add(new GroupNode(remember(domainsSpec(client, this, pageSize), (items) => store.putDomains(items)), prefix, this));
    add(new GroupNode(remember(sendersSpec(client, this, pageSize), (items) => items.forEach((a) => store.put('sender', a.senderAddressId, a))), prefix, this));
    add(new GroupNode(remember(recipientListsSpec(client, this, pageSize), (items) => items.forEach((r) => store.put('recipientList', r.recipientListId, r))), prefix, this));
    add(new GroupNode(remember(tagsSpec(client, this, pageSize), (items) => items.forEach((t) => store.put('tag', t.tagId, t))), prefix, this));
    this.roots = { account: new AccountNode(prefix, connection, this), groups };
    return this.roots;
  }

  dispose(): void {
    this.storeSubscription.dispose();
    this.emitter.dispose();
    this.loadedEmitter.dispose();
  }
}
