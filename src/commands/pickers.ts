// Palette fallbacks: when a command runs without a tree node, ask for the target with a quick pick built from the
// same (paged, filtered) data the tree shows.
import * as vscode from 'vscode';
import { recordLabel } from '../model/dnsRecords';
import { DnsRecordNode, DomainNode } from '../views/domainNodes';
import type { ResourceKind } from '../model/resourceStore';
import { GROUP_KINDS, type GroupNode } from '../views/groupNode';
import type { TreeNode } from '../views/node';
import type { ResourceTree } from '../views/resourceTree';
import { SenderNode } from '../views/senderNodes';
import { TagNode } from '../views/tagNodes';
import { describeError, errorDetails } from '../util/errors';
import { prompts } from '../util/prompts';

/** What a picker says when it has nothing to offer, and the command that would make something to offer. */
export interface NothingToPick {
  text: string;
  action?: { title: string; command: string };
}

/** The words for a kind of resource the account has none of yet; literal l10n calls so the bundle check sees them. */
export function noneYet(kind: ResourceKind): NothingToPick {
  switch (kind) {
    case 'account':
      return { text: vscode.l10n.t('Sign in to Direct Mail first.') };
    case 'domain':
      return { text: vscode.l10n.t('No domains yet — create one first.'), action: { title: vscode.l10n.t('Create Domain…'), command: 'directMail.createDomain' } };
    case 'sender':
      return { text: vscode.l10n.t('No sender addresses yet — create one first.'), action: { title: vscode.l10n.t('Create Sender Address…'), command: 'directMail.createSenderAddress' } };
    case 'recipientList':
      return { text: vscode.l10n.t('No recipient lists yet — create one first.'), action: { title: vscode.l10n.t('Create Recipient List…'), command: 'directMail.createRecipientList' } };
    case 'tag':
      return { text: vscode.l10n.t('No tags yet — create one first.'), action: { title: vscode.l10n.t('Create Tag…'), command: 'directMail.createTag' } };
  }
}

/** Says that there is nothing to do, offering the action that would change that. */
export async function sayNothingToDo(nothing: NothingToPick): Promise<void> {
  const choice = await prompts().showInformationMessage(nothing.text, ...(nothing.action ? [nothing.action.title] : []));
  if (nothing.action && choice === nothing.action.title) await vscode.commands.executeCommand(nothing.action.command);
}

export interface PickOptions {
  /** Only the items a command can act on (e.g. domains not verified yet, for Verify). */
  only?: (node: TreeNode) => boolean;
  /** What to say when the account has items but `only` leaves none. */
  noneLeft?: NothingToPick;
}

/**
 * Loads the first page of each group and offers their items in one list, grouped by kind: each by its name, with its
 * state as the tree shows it. With nothing to offer it says so (and how to get something) instead of an empty list.
 */
export async function pickResource(tree: ResourceTree, kinds: readonly ResourceKind[], placeHolder: string, options: PickOptions = {}): Promise<TreeNode | undefined> {
  const groups = kinds.map((k) => tree.group(k)).filter((g): g is GroupNode => !!g);
  if (groups.length === 0) throw new Error(vscode.l10n.t('Sign in to Direct Mail first.'));
  const lists = await Promise.all(groups.map(async (g) => ({ group: g, nodes: await g.children() })));
  type Item = vscode.QuickPickItem & { node?: TreeNode };
  const items: Item[] = [];
  let all = 0;
  for (const { group, nodes } of lists) {
    // A heading per kind when there are several; one kind needs none (the placeholder says what is asked for).
    if (groups.length > 1) items.push({ label: group.label, kind: vscode.QuickPickItemKind.Separator });
    const loader = group.listing.loader;
    if (loader.error !== undefined && loader.items.length === 0) throw new Error(describeError(errorDetails(loader.error)));
    for (const node of nodes) {
      // Only the resources themselves: not a message, an error or "Load more".
      if (!node.resource) continue;
      all++;
      if (options.only && !options.only(node)) continue;
      const item = node.treeItem();
      items.push({ label: String(typeof item.label === 'object' ? item.label.label : item.label ?? ''), description: typeof item.description === 'string' ? item.description : undefined, node });
    }
  }
  if (!items.some((i) => i.node)) {
    const filtered = groups.find((g) => g.listing.loader.keyword);
    const nothing =
      all > 0 && options.noneLeft
        ? options.noneLeft
        : filtered
          ? { text: vscode.l10n.t('Nothing in {0} matches the filter "{1}".', filtered.label, filtered.listing.loader.keyword ?? ''), action: { title: vscode.l10n.t('Clear Filter'), command: 'directMail.clearFilter' } }
          : noneYet(groups[0].kind);
    await sayNothingToDo(nothing);
    return undefined;
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

/** A domain that still needs verifying; when every domain is verified, says so instead of asking. */
export async function pickUnverifiedDomain(tree: ResourceTree): Promise<DomainNode | undefined> {
  const node = await pickResource(tree, ['domain'], vscode.l10n.t('Choose the domain to verify'), {
    only: (n) => n instanceof DomainNode && n.state !== 'verified',
    noneLeft: { text: vscode.l10n.t('Every domain is verified already — nothing to verify.') },
  });
  return node instanceof DomainNode ? node : undefined;
}

export async function pickDomain(tree: ResourceTree, placeHolder = vscode.l10n.t('Choose a domain')): Promise<DomainNode | undefined> {
  const node = await pickResource(tree, ['domain'], placeHolder);
  return node instanceof DomainNode ? node : undefined;
}

export async function pickSender(tree: ResourceTree): Promise<SenderNode | undefined> {
  const node = await pickResource(tree, ['sender'], vscode.l10n.t('Choose a sender address'));
  return node instanceof SenderNode ? node : undefined;
}

export async function pickTag(tree: ResourceTree): Promise<TagNode | undefined> {
  const node = await pickResource(tree, ['tag'], vscode.l10n.t('Choose a tag'));
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
