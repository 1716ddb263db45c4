// After a change: re-query the affected group and, when the view is showing, select the changed item again
// (its node is new after the refresh, so it is found by its key).
import type { ResourceKind } from '../model/resourceStore';
import type { CommandContext } from './context';

export async function refreshAndReveal(c: CommandContext, kind: ResourceKind, key?: string): Promise<void> {
  c.tree.refreshGroup(kind);
  await reveal(c, kind, key);
}

/** Selects the item again without re-querying (its row already shows the store's new facts). */
export async function reveal(c: CommandContext, kind: ResourceKind, key?: string): Promise<void> {
  const group = c.tree.group(kind);
  if (!group || key === undefined || !c.view?.visible) return;
  try {
    const node = (await group.children()).find((n) => n.id === `${group.id}/${key}`);
    if (node) await c.view.reveal(node, { select: true, focus: false });
  } catch (error) {
    // Revealing is a courtesy: the change itself succeeded, so a failure here is only logged.
    c.log.warn(`Could not reveal ${kind}/${key}: ${String(error)}`);
  }
}
