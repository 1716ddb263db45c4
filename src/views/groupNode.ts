// One of the four resource groups (Domains, Sender Addresses, Recipient Lists, Tags): its total in the
// description, an optional server-side keyword filter, and its paged children.
import * as vscode from 'vscode';
import type { Page } from '../api/types';
import { numberedPage } from '../model/pagedLoader';
import type { ResourceKind } from '../model/resourceStore';
import { Listing, type ListingSpec } from './listing';
import { icon, type TreeHost, type TreeNode } from './node';

/** The kinds of resource listed in a group of their own, in the tree's order (the account is one row). */
export const GROUP_KINDS = ['domain', 'sender', 'recipientList', 'tag'] as const satisfies readonly ResourceKind[];

/**
 * A group's name in its node id and contextValue (`dm/domains`, `group.domains`): VS Code keeps expansion by id and
 * package.json's menus match the contextValue, so a change here is a change of both.
 */
const GROUP_ID: Readonly<Record<ResourceKind, string>> = { account: 'account', domain: 'domains', sender: 'senders', recipientList: 'recipientLists', tag: 'tags' };

/** The kind of a group named by its id segment ('domains'), as command arguments may name it, or by its kind. */
export function groupKindNamed(name: string): ResourceKind | undefined {
  return GROUP_KINDS.find((k) => k === name || GROUP_ID[k] === name);
}

export interface GroupSpec<T> extends ListingSpec<T> {
  kind: ResourceKind;
  label: string;
  icon: string;
}

/** What differs between the four groups; they all page with PageNo and hide what the store knows is gone. */
export interface NumberedGroup<T> {
  kind: ResourceKind;
  label: string;
  icon: string;
  query(q: { keyword?: string; pageNo: number; pageSize: number }, options: { signal?: AbortSignal }): Promise<Page<T>>;
  key(item: T): string;
  node(item: T, parent: TreeNode): TreeNode;
  emptyText(keyword?: string): string;
}

export function numberedGroup<T>(group: NumberedGroup<T>, host: TreeHost, pageSize: () => number): GroupSpec<T> {
  const { kind, label, icon: iconName, query, key, node, emptyText } = group;
  return {
    kind, label, icon: iconName, pageSize, key, node, emptyText,
    fetch: async ({ cursor, pageSize: size, keyword, signal }) =>
      numberedPage(await query({ keyword, pageNo: typeof cursor === 'number' ? cursor : 1, pageSize: size }, { signal })),
    hidden: (item) => host.store.isGone({ kind, id: key(item) }),
  };
}

export class GroupNode<T = unknown> implements TreeNode {
  readonly id: string;
  readonly listing: Listing<T>;

  constructor(readonly spec: GroupSpec<T>, idPrefix: string, host: TreeHost) {
    this.id = `${idPrefix}/${GROUP_ID[spec.kind]}`;
    this.listing = new Listing(this, host, spec);
  }

  get kind(): ResourceKind {
    return this.spec.kind;
  }

  get label(): string {
    return this.spec.label;
  }

  treeItem(): vscode.TreeItem {
    const item = new vscode.TreeItem(this.spec.label, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = this.listing.summary();
    item.iconPath = icon(this.spec.icon);
    const keyword = this.listing.loader.keyword;
    item.contextValue = `group.${GROUP_ID[this.kind]}${keyword ? '.filtered' : ''}`;
    item.tooltip = keyword
      ? vscode.l10n.t('{0} whose name contains "{1}". Use "Clear Filter" to see all.', this.spec.label, keyword)
      : this.spec.label;
    return item;
  }

  children(): Promise<TreeNode[]> {
    return this.listing.children();
  }
}
