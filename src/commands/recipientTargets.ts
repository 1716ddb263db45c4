// Which recipient list or recipient a command works on: a tree node, an argument object ({ recipientListId, email }),
// or a quick pick of the lists (then of the list's recipients) when run from the palette.
import * as vscode from 'vscode';
import { prompts } from '../util/prompts';
import type { RecipientList } from '../api/types';
import { asTreeNode, resourceOf, type ResourceRef, type TreeNode } from '../views/node';
import { argString, type CommandContext } from './context';
import { pickResource } from './pickers';

/** The recipient list a tree node stands for, with its ID. */
function listOf(node: TreeNode | undefined): (ResourceRef & { id: string }) | undefined {
  const r = node?.resource;
  return r?.kind === 'recipientList' && r.id !== undefined ? { ...r, id: r.id } : undefined;
}

export interface ListRef {
  recipientListId: string;
  /** The list name when known; otherwise the ID stands in for it in messages. */
  name: string;
  /** Recipients in the list as the service counts them now (undefined when not looked up, or the list was not found). */
  count?: number;
}

/** The list as Direct Mail has it now (so a count shown in the tree some time ago is not trusted for a delete). */
export async function findRecipientList(c: CommandContext, recipientListId: string): Promise<RecipientList | undefined> {
  for await (const page of c.session.requireClient().iterateRecipientLists({ pageSize: 50 })) {
    const hit = page.items.find((r) => r.recipientListId === recipientListId);
    if (hit) return hit;
  }
  return undefined;
}

/**
 * A list given by ID is looked up for its name (messages name the list, not its ID); `lookUp` re-reads a tree
 * node's count too (needed before a delete: the tree may be older than the list).
 */
export async function listRef(c: CommandContext, arg: unknown, lookUp: boolean): Promise<ListRef | undefined> {
  // A list node, or a recipient node under one: the list as the tree shows it.
  const node = asTreeNode(arg);
  let known = listOf(node?.resource?.kind === 'recipient' ? node.parent : node);
  const recipientListId = node ? undefined : argString(arg, 'recipientListId');
  if (!known && recipientListId === undefined) {
    known = listOf(await pickResource(c.tree, ['recipientList'], vscode.l10n.t('Choose a recipient list')));
    if (!known) return undefined;
  }
  const id = known?.id ?? (recipientListId as string);
  const fresh = lookUp || !known ? await findRecipientList(c, id) : undefined;
  return { recipientListId: id, name: fresh?.listName ?? known?.name ?? vscode.l10n.t('recipient list {0}', id), count: fresh?.count };
}

/** A recipient of a list: the node, `{ recipientListId, email }`, or picks from the first page of the chosen list. */
export async function recipientRef(c: CommandContext, arg: unknown): Promise<{ list: ListRef; email: string } | undefined> {
  const resource = resourceOf(arg);
  const list = await listRef(c, arg, false);
  if (!list) return undefined;
  if (resource?.kind === 'recipient') return { list, email: resource.name };
  const email = resource ? undefined : argString(arg, 'email');
  if (email !== undefined) return { list, email };
  const page = await c.session.requireClient().queryRecipients({ recipientListId: list.recipientListId, pageSize: 100 });
  if (page.items.length === 0) throw new Error(vscode.l10n.t('The list {0} has no recipients.', list.name));
  const picked = await prompts().showQuickPick(
    page.items.map((r) => ({ label: r.email, description: r.data && r.data !== '{}' ? r.data : undefined })),
    { placeHolder: vscode.l10n.t('Choose the recipient to remove from {0}', list.name) },
  );
  return picked && { list, email: picked.label };
}
