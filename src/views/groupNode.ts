// One of the four resource groups (Domains, Sender Addresses, Recipient Lists, Tags): its total in the
// description, an optional server-side keyword filter, and its paged children.
import * as vscode from 'vscode';
import { Listing, type ListingSpec } from './listing';
import { icon, type TreeHost, type TreeNode } from './node';

export type GroupKind = 'domains' | 'senders' | 'receivers' | 'tags';
export const GROUP_KINDS: readonly GroupKind[] = ['domains', 'senders', 'receivers', 'tags'];

export interface GroupSpec<T> extends ListingSpec<T> {
  kind: GroupKind;
  label: string;
  icon: string;
}

export class GroupNode<T = unknown> implements TreeNode {
  readonly id: string;
  readonly listing: Listing<T>;

  constructor(readonly spec: GroupSpec<T>, idPrefix: string, host: TreeHost) {
    this.id = `${idPrefix}/${spec.kind}`;
    this.listing = new Listing(this, host, spec);
  }

  get kind(): GroupKind {
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
    item.contextValue = `group.${this.kind}${keyword ? '.filtered' : ''}`;
    item.tooltip = keyword
      ? vscode.l10n.t('{0} whose name contains "{1}". Use "Clear Filter" to see all.', this.spec.label, keyword)
      : this.spec.label;
    return item;
  }

  children(): Promise<TreeNode[]> {
    return this.listing.children();
  }
}
