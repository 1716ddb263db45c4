// Tags: name and ID.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import type { Tag } from '../api/types';
import { numberedGroup, type GroupSpec } from './groupNode';
import { escapeMd, icon, StoredResourceNode, type ResourceRef, type TreeHost, type TreeNode } from './node';

export function tagsSpec(client: () => DirectMailClient, host: TreeHost, pageSize: () => number): GroupSpec<Tag> {
  return numberedGroup({
    kind: 'tag',
    label: vscode.l10n.t('Tags'),
    icon: 'tag',
    query: (q, options) => client().queryTags(q, options),
    key: (t) => t.tagId,
    node: (t, parent) => new TagNode(t, parent, host),
    emptyText: (keyword) => (keyword ? vscode.l10n.t('No tag matches "{0}".', keyword) : vscode.l10n.t('No tags yet.')),
  }, host, pageSize);
}

export class TagNode extends StoredResourceNode<'tag'> implements TreeNode {
  constructor(initial: Tag, parent: TreeNode, host: TreeHost) {
    super('tag', initial, initial.tagId, parent, host);
  }

  get tag(): Tag {
    return this.stored();
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
