// The `directMail.resources` tree: Account · Domains · Sender Addresses · Recipient Lists · Tags for the current
// connection. Nothing is requested until VS Code asks for the root (the view is visible); then the account and
// the four groups load in parallel. A new connection (profile, region, endpoint) throws every node away.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import type { Session } from '../credentials/session';
import { readSettings } from '../util/settings';
import { AccountNode } from './accountNode';
import { DomainNode, domainsSpec } from './domainNodes';
import { GroupNode, type GroupKind } from './groupNode';
import type { TreeHost, TreeNode } from './node';
import { ReceiverListNode, receiversSpec } from './receiverNodes';
import { sendersSpec } from './senderNodes';
import { tagsSpec } from './tagNodes';

export const VIEW_ID = 'directMail.resources';

interface Roots {
  account: AccountNode;
  groups: Map<GroupKind, GroupNode>;
}

export class ResourceTree implements vscode.TreeDataProvider<TreeNode>, TreeHost, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private roots: Roots | undefined;
  private generation = 0;
  private readonly loadedEmitter = new vscode.EventEmitter<GroupKind>();
  /** Fires when a group's page arrived (used by the re-check of pending domains). */
  readonly onDidLoadGroup = this.loadedEmitter.event;

  constructor(private readonly session: Session) {}

  // ------------------------------------------------------------------ TreeDataProvider

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return node.treeItem();
  }

  getParent(node: TreeNode): TreeNode | undefined {
    return node.parent;
  }

  async getChildren(node?: TreeNode): Promise<TreeNode[]> {
    if (node) return node.children ? node.children() : [];
    const roots = this.ensureRoots();
    if (!roots) return [];
    void roots.account.load();
    for (const group of roots.groups.values()) group.listing.prefetch();
    return [roots.account, ...roots.groups.values()];
  }

  // ------------------------------------------------------------------ TreeHost

  changed(node?: TreeNode): void {
    if (node instanceof GroupNode && node.listing.loader.loaded) this.loadedEmitter.fire(node.kind);
    this.emitter.fire(node);
  }

  withViewProgress<T>(work: () => Promise<T>): Promise<T> {
    return Promise.resolve(vscode.window.withProgress({ location: { viewId: VIEW_ID } }, work));
  }

  // ------------------------------------------------------------------ what commands use

  /** The group node of the current connection (created on demand). */
  group(kind: GroupKind): GroupNode | undefined {
    return this.ensureRoots()?.groups.get(kind);
  }

  account(): AccountNode | undefined {
    return this.ensureRoots()?.account;
  }

  /** Forgets all data and re-queries what is visible. */
  refresh(): void {
    this.roots = undefined;
    this.emitter.fire(undefined);
  }

  /** Re-queries one group (keeping its filter). */
  refreshGroup(kind: GroupKind): void {
    const group = this.group(kind);
    if (!group) return;
    group.listing.reset();
    this.emitter.fire(group);
    // Reload now, so the total in the description is right even while the group is collapsed.
    group.listing.prefetch();
  }

  /** Re-queries the part of the tree a node belongs to. */
  refreshNode(node: TreeNode): void {
    if (node instanceof GroupNode) return this.refreshGroup(node.kind);
    if (node instanceof AccountNode) {
      void node.load(true);
      return;
    }
    if (node instanceof DomainNode) node.forget();
    if (node instanceof ReceiverListNode) node.listing.reset();
    this.emitter.fire(node);
  }

  setFilter(kind: GroupKind, keyword: string | undefined): void {
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
    const prefix = `c${++this.generation}`;
    // Each call asks the session: the client is created on first request and replaced after a change.
    const client = (): DirectMailClient => this.session.requireClient();
    const pageSize = (): number => readSettings().pageSize;
    const groups = new Map<GroupKind, GroupNode>();
    const add = <T>(node: GroupNode<T>): void => {
      groups.set(node.kind, node as GroupNode);
    };
    add(new GroupNode(domainsSpec(client, this, pageSize), prefix, this));
    add(new GroupNode(sendersSpec(client, pageSize), prefix, this));
    add(new GroupNode(receiversSpec(client, this, pageSize), prefix, this));
    add(new GroupNode(tagsSpec(client, pageSize), prefix, this));
    this.roots = { account: new AccountNode(prefix, connection, client, this), groups };
    return this.roots;
  }

  dispose(): void {
    this.emitter.dispose();
    this.loadedEmitter.dispose();
  }
}
