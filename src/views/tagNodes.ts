// Tags: name and ID.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import type { Tag } from '../api/types';
import { numberedPage } from '../model/pagedLoader';
import type { GroupSpec } from './groupNode';
import { escapeMd, icon, type ResourceRef, type TreeHost, type TreeNode } from './node';

export function tagsSpec(client: () => DirectMailClient, host: TreeHost, pageSize: () => number): GroupSpec<Tag> {
  return {
    kind: 'tag',
    label: vscode.l10n.t('Tags'),
    icon: 'tag',
    pageSize,
    fetch: async ({ cursor, pageSize: size, keyword, signal }) =>
      numberedPage(await client().queryTags({ keyword, pageNo: typeof cursor === 'number' ? cursor : 1, pageSize: size }, { signal })),
    key: (t) => t.tagId,
    node: (t, parent) => new TagNode(t, parent, host),
    hidden: (t) => host.store.isGone({ kind: 'tag', id: t.tagId }),
    emptyText: (keyword) => (keyword ? vscode.l10n.t('No tag matches "{0}".', keyword) : vscode.l10n.t('No tags yet.')),
  };
}

export class TagNode implements TreeNode {
  readonly id: string;

  constructor(private readonly initial: Tag, readonly parent: TreeNode, private readonly host?: TreeHost) {
    this.id = `${parent.id}/${initial.tagId}`;
  }

  /** The tag as the store knows it now (a rename shows here at once). */
  get tag(): Tag {
    return this.host?.store.get('tag', this.initial.tagId) ?? this.initial;
  }

  get resource(): ResourceRef {
    return { kind: 'tag', id: this.tag.tagId, name: this.tag.tagName };
  }

  treeItem(): vscode.TreeItem {
    const t = this.tag;
    const item = new vscode.TreeItem(t.tagName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = `ID ${t.tagId}`;
    item.iconPath = icon('tag');
    item.contextValue = 'tag';
    item.tooltip = new vscode.MarkdownString(`**${escapeMd(t.tagName)}**${t.tagDescription ? `\n\n${escapeMd(t.tagDescription)}` : ''}\n\nID ${escapeMd(t.tagId)}`);
    return item;
  }
}
