// Refresh, filter, load more and retry on the Direct Mail tree.
import * as vscode from 'vscode';
import { prompts } from '../util/prompts';
import { checkField } from '../api/validation';
import { GroupNode, groupKindNamed } from '../views/groupNode';
import { asTreeNode, LoadMoreNode, type TreeNode } from '../views/node';
import type { CommandContext } from './context';
import { pickGroup } from './pickers';

function groupOf(c: CommandContext, arg: unknown): GroupNode | undefined {
  if (arg instanceof GroupNode) return arg;
  const kind = typeof arg === 'string' ? groupKindNamed(arg) : undefined;
  if (kind) return c.tree.group(kind);
  return undefined;
}

export function registerTreeCommands(c: CommandContext): void {
  c.register('directMail.refresh', () => c.tree.refresh());

  c.register('directMail.refreshGroup', async (arg?: unknown) => {
    const node = groupOf(c, arg) ?? (arg && typeof arg === 'object' ? (arg as TreeNode) : await pickGroup(c.tree, vscode.l10n.t('Choose the group to refresh')));
    if (node) c.tree.refreshNode(node);
  });

  /** filterGroup(group?, keyword?): keyword '' clears. */
  c.register('directMail.filterGroup', async (arg?: unknown, keywordArg?: unknown) => {
    const group = groupOf(c, arg) ?? (await pickGroup(c.tree, vscode.l10n.t('Choose the group to filter')));
    if (!group) return undefined;
    let keyword = typeof keywordArg === 'string' ? keywordArg : undefined;
    if (keyword === undefined) {
      keyword = await prompts().showInputBox({
        title: vscode.l10n.t('Filter {0}', group.label),
        prompt: vscode.l10n.t('Show only items whose name contains this text (searched by Direct Mail across all pages). Leave empty to show all.'),
        value: group.listing.loader.keyword ?? '',
        validateInput: (v) => (v === '' ? undefined : checkField('keyword', v, vscode.l10n.t)),
      });
      if (keyword === undefined) return undefined;
    }
    const problem = keyword === '' ? undefined : checkField('keyword', keyword, vscode.l10n.t);
    if (problem) throw new Error(problem);
    c.tree.setFilter(group.kind, keyword.trim() || undefined);
    return keyword.trim();
  });

  c.register('directMail.clearFilter', async (arg?: unknown) => {
    const group = groupOf(c, arg) ?? (await pickGroup(c.tree, vscode.l10n.t('Choose the group to show unfiltered'), (g) => !!g.listing.loader.keyword));
    if (group) c.tree.setFilter(group.kind, undefined);
  });

  c.register('directMail.loadMore', async (arg?: unknown) => {
    if (arg instanceof LoadMoreNode) await arg.load(arg.shown);
  });

  // Retry on any error node brings back every part that failed (after an outage all groups failed together).
  c.register('directMail.retry', async (arg?: unknown) => {
    const node = asTreeNode(arg);
    await c.tree.retryFailed(node?.retry && (() => node.retry?.() ?? Promise.resolve()));
  });
}
