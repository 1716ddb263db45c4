// Palette fallbacks: when a command runs without a tree node, ask for the target with a quick pick built from the
// same (paged, filtered) data the tree shows.
import * as vscode from 'vscode';
import { recordLabel } from '../model/dnsRecords';
import { DnsRecordNode, DomainNode } from '../views/domainNodes';
import { GROUP_KINDS, GroupNode, type GroupKind } from '../views/groupNode';
import { ErrorNode, LoadMoreNode, MessageNode, type TreeNode } from '../views/node';
import type { ResourceTree } from '../views/resourceTree';
import { SenderNode } from '../views/senderNodes';
import { TagNode } from '../views/tagNodes';
import { describeError, errorDetails } from '../util/errors';
import { prompts } from '../util/prompts';

/** Loads the first page of each group and offers their items in one list, grouped by kind. */
export async function pickResource(tree: ResourceTree, kinds: readonly GroupKind[], placeHolder: string): Promise<TreeNode | undefined> {
  const groups = kinds.map((k) => tree.group(k)).filter((g): g is GroupNode => !!g);
  if (groups.length === 0) throw new Error(vscode.l10n.t('Sign in to Direct Mail first.'));
  const lists = await Promise.all(groups.map(async (g) => ({ group: g, nodes: await g.children() })));
  type Item = vscode.QuickPickItem & { node?: TreeNode };
  const items: Item[] = [];
  for (const { group, nodes } of lists) {
    items.push({ label: group.label, kind: vscode.QuickPickItemKind.Separator });
    const loader = group.listing.loader;
    if (loader.error !== undefined && loader.items.length === 0) throw new Error(describeError(errorDetails(loader.error)));
    for (const node of nodes) {
      if (node instanceof GroupNode || node instanceof MessageNode || node instanceof LoadMoreNode || node instanceof ErrorNode) continue;
      const item = node.treeItem();
      items.push({ label: String(typeof item.label === 'object' ? item.label.label : item.label ?? ''), description: typeof item.description === 'string' ? item.description : undefined, node });
    }
  }
  const picked = await prompts().showQuickPick(items, { placeHolder, matchOnDescription: true });
  return picked?.node;
}

export async function pickGroup(tree: ResourceTree, placeHolder: string, only?: (g: GroupNode) => boolean): Promise<GroupNode | undefined> {
  const groups = GROUP_KINDS.map((k) => tree.group(k)).filter((g): g is GroupNode => !!g && (!only || only(g)));
  if (groups.length === 0) return undefined;
  const picked = await prompts().showQuickPick(groups.map((g) => ({ label: g.label, description: g.listing.summary(), group: g })), { placeHolder });
  return picked?.group;
}

export async function pickDomain(tree: ResourceTree): Promise<DomainNode | undefined> {
  const node = await pickResource(tree, ['domains'], vscode.l10n.t('Choose a domain'));
  return node instanceof DomainNode ? node : undefined;
}

export async function pickSender(tree: ResourceTree): Promise<SenderNode | undefined> {
  const node = await pickResource(tree, ['senders'], vscode.l10n.t('Choose a sender address'));
  return node instanceof SenderNode ? node : undefined;
}

export async function pickTag(tree: ResourceTree): Promise<TagNode | undefined> {
  const node = await pickResource(tree, ['tags'], vscode.l10n.t('Choose a tag'));
  return node instanceof TagNode ? node : undefined;
}

export async function pickDnsRecord(tree: ResourceTree): Promise<DnsRecordNode | undefined> {
  const domain = await pickDomain(tree);
  if (!domain) return undefined;
  const records = await domain.records();
  const picked = await prompts().showQuickPick(
    records.map((r) => ({ label: recordLabel(r), description: r.kind, detail: r.explanation, record: r })),
    { placeHolder: vscode.l10n.t('Choose a DNS record of {0}', domain.domain.domainName) },
  );
  return picked ? new DnsRecordNode(picked.record, domain) : undefined;
}
