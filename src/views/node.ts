// The shape every node of the Direct Mail tree has, and the small nodes shared by all groups: a message, an error
// with Retry, and "Load more".
import * as vscode from 'vscode';
import type { ResourceKind, ResourceStore, ResourceValues } from '../model/resourceStore';
import { describeError, errorDetails, type ErrorDetails } from '../util/errors';

/**
 * The resource a node stands for, in the words commands need: copy, pick, refresh and retry read this instead of
 * asking which class a node is. `id` is the service's ID (a recipient has none: its address is its key).
 */
export interface ResourceRef {
  readonly kind: ResourceKind | 'recipient';
  readonly id?: string;
  readonly name: string;
  /** The mail address it has: a sender's address, a recipient's, a recipient list's alias address. */
  readonly address?: string;
}

export interface TreeNode {
  /**
   * Used as the TreeItem id, so VS Code keeps expansion and selection across a refresh, a filter and a region
   * switch: the same resource keeps the same id (kind and key, never a counter or the connection).
   */
  readonly id: string;
  readonly parent?: TreeNode;
  /** The resource it stands for; absent on groups, messages, errors and "Load more". */
  readonly resource?: ResourceRef;
  treeItem(): vscode.TreeItem;
  children?(): Promise<TreeNode[]>;
  /** Loads again what failed to load (an error node, the account row); the Retry command runs it. */
  retry?(): Promise<void>;
  /** Drops what it loaded, so its row and children are asked for again; Refresh on the node runs it. */
  forget?(): void;
}

/** A tree node, when a command was given one (commands also take IDs and argument objects). */
export function asTreeNode(arg: unknown): TreeNode | undefined {
  return typeof arg === 'object' && arg !== null && typeof (arg as Partial<TreeNode>).treeItem === 'function' ? (arg as TreeNode) : undefined;
}

/** The resource of a tree node given to a command, if it is one. */
export const resourceOf = (arg: unknown): ResourceRef | undefined => asTreeNode(arg)?.resource;

/** Anything that can re-render one node of the tree. */
export interface TreeHost {
  changed(node?: TreeNode): void;
  /** Shows the view's progress bar while the work runs. */
  withViewProgress<T>(work: () => Promise<T>): Promise<T>;
  /** A request of the tree succeeded: Direct Mail answers again, so every part that failed is retried. */
  succeeded(): void;
  /** What the extension knows per resource; nodes render from it. */
  readonly store: ResourceStore;
}

/** The row of one resource the store keeps by its ID: its tree id under the group, and its state now. */
export abstract class StoredResourceNode<K extends 'sender' | 'recipientList' | 'tag'> {
  readonly id: string;

  protected constructor(
    private readonly kind: K,
    private readonly initial: ResourceValues[K],
    private readonly key: string,
    readonly parent: TreeNode,
    protected readonly host: TreeHost,
  ) {
    this.id = `${parent.id}/${key}`;
  }

  /** The resource as the store knows it now (a rename, a reply-to change or an import's new count shows at once). */
  protected stored(): ResourceValues[K] {
    return this.host.store.get(this.kind, this.key) ?? this.initial;
  }
}

export class MessageNode implements TreeNode {
  constructor(readonly id: string, private readonly text: string, readonly parent?: TreeNode, private readonly icon = 'info') {}

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.text, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon(this.icon);
    item.contextValue = 'message';
    return item;
  }
}

/** A failed load: what went wrong, Code and RequestId, and a Retry action (click, inline button or command). */
export class ErrorNode implements TreeNode {
  readonly details: ErrorDetails;

  constructor(readonly id: string, error: unknown, readonly retry: () => Promise<void>, readonly parent?: TreeNode) {
    this.details = errorDetails(error);
  }

  treeItem(): vscode.TreeItem {
    const { message, code, requestId } = this.details;
    const item = new vscode.TreeItem(vscode.l10n.t('Error: {0}', message), vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [code, requestId ? `RequestId ${requestId}` : ''].filter(Boolean).join(' · ');
    item.iconPath = new vscode.ThemeIcon('error', new vscode.ThemeColor('list.errorForeground'));
    item.contextValue = requestId ? 'error.withRequestId' : 'error';
    item.tooltip = new vscode.MarkdownString(
      [`$(error) ${escapeMd(describeError(this.details))}`, '', vscode.l10n.t('Click to retry.')].join('\n'),
      true,
    );
    item.command = { command: 'directMail.retry', title: vscode.l10n.t('Retry'), arguments: [this] };
    item.accessibilityInformation = { label: vscode.l10n.t('Error: {0}. Press Enter to retry.', [message, code].filter(Boolean).join(', ')), role: 'treeitem' };
    return item;
  }
}

/** "Load more (shown of total)". Remembers how many were shown so a stale second click loads nothing. */
export class LoadMoreNode implements TreeNode {
  constructor(
    readonly id: string,
    readonly shown: number,
    private readonly total: number | undefined,
    readonly load: (shownWhenClicked: number) => Promise<void>,
    readonly parent?: TreeNode,
  ) {}

  treeItem(): vscode.TreeItem {
    const label = this.total !== undefined
      ? vscode.l10n.t('Load more ({0} of {1})', this.shown, this.total)
      : vscode.l10n.t('Load more ({0} shown)', this.shown);
    const item = new vscode.TreeItem(label, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.iconPath = new vscode.ThemeIcon('ellipsis');
    item.contextValue = 'loadMore';
    item.command = { command: 'directMail.loadMore', title: vscode.l10n.t('Load More'), arguments: [this] };
    return item;
  }
}

/** Escapes text the service sent before it goes into a Markdown tooltip. */
export function escapeMd(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>$]/g, '\\$&');
}

export const icon = (id: string, color?: string): vscode.ThemeIcon => new vscode.ThemeIcon(id, color ? new vscode.ThemeColor(color) : undefined);
