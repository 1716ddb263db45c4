// Recipient lists (name, alias, count) and, under each, its recipients paged with NextStart.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import type { RecipientList, Recipient } from '../api/types';
import { numberedGroup, type GroupSpec } from './groupNode';
import { Listing } from './listing';
import { escapeMd, icon, StoredResourceNode, type ResourceRef, type TreeHost, type TreeNode } from './node';

const cursorOf = (cursor: string | number | undefined): string | undefined => (cursor === undefined ? undefined : String(cursor));

export function recipientListsSpec(client: () => DirectMailClient, host: TreeHost, pageSize: () => number): GroupSpec<RecipientList> {
  return numberedGroup({
    kind: 'recipientList',
    label: vscode.l10n.t('Recipient Lists'),
    icon: 'organization',
    // Paged by PageNo like the other groups: QueryReceiverByParam takes no NextStart (the SDK's request model).
    query: (q, options) => client().queryRecipientLists(q, options),
    key: (r) => r.recipientListId,
    node: (r, parent) => new RecipientListNode(r, parent, client, host, pageSize),
    emptyText: (keyword) => (keyword ? vscode.l10n.t('No recipient list matches "{0}".', keyword) : vscode.l10n.t('No recipient lists yet.')),
  }, host, pageSize);
}

export class RecipientListNode extends StoredResourceNode<'recipientList'> implements TreeNode {
  readonly listing: Listing<Recipient>;

  constructor(initial: RecipientList, parent: TreeNode, client: () => DirectMailClient, host: TreeHost, pageSize: () => number) {
    super('recipientList', initial, initial.recipientListId, parent, host);
    this.listing = new Listing<Recipient>(this, host, {
      pageSize,
      fetch: async ({ cursor, pageSize: size, signal }) => {
        const page = await client().queryRecipients({ recipientListId: initial.recipientListId, pageSize: size, nextStart: cursorOf(cursor) }, { signal });
        return { items: page.items, next: page.items.length > 0 ? page.nextStart : undefined, total: page.totalCount ?? initial.count };
      },
      key: (r) => r.email,
      node: (r, parent) => new RecipientNode(r, parent),
      emptyText: () => vscode.l10n.t('No recipients in this list yet.'),
    });
  }

  get list(): RecipientList {
    return this.stored();
  }

  get resource(): ResourceRef {
    const { recipientListId, listName, listAlias } = this.list;
    return { kind: 'recipientList', id: recipientListId, name: listName, address: listAlias };
  }

  treeItem(): vscode.TreeItem {
    const r = this.list;
    const item = new vscode.TreeItem(r.listName, vscode.TreeItemCollapsibleState.Collapsed);
    item.id = this.id;
    item.description = [r.listAlias, vscode.l10n.t('{0} recipients', r.count)].filter(Boolean).join(' · ');
    item.iconPath = icon('list-unordered');
    item.contextValue = 'recipientList';
    item.tooltip = new vscode.MarkdownString([
      `**${escapeMd(r.listName)}**`,
      '',
      `${vscode.l10n.t('Alias address')}: ${escapeMd(r.listAlias)}`,
      '',
      vscode.l10n.t('{0} recipients', r.count),
      ...(r.desc ? ['', escapeMd(r.desc)] : []),
      '',
      `ID ${escapeMd(r.recipientListId)}`,
    ].join('\n'));
    return item;
  }

  forget(): void {
    this.listing.reset();
  }

  children(): Promise<TreeNode[]> {
    return this.listing.children();
  }
}

export class RecipientNode implements TreeNode {
  readonly id: string;

  constructor(readonly recipient: Recipient, readonly parent: TreeNode) {
    this.id = `${parent.id}/${recipient.email}`;
  }

  get resource(): ResourceRef {
    return { kind: 'recipient', name: this.recipient.email, address: this.recipient.email };
  }

  treeItem(): vscode.TreeItem {
    const r = this.recipient;
    const item = new vscode.TreeItem(r.email, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = r.data && r.data !== '{}' ? r.data : undefined;
    item.iconPath = icon('person');
    item.contextValue = 'recipient';
    item.tooltip = [r.email, r.data, r.createTime].filter(Boolean).join('\n');
    return item;
  }
}
