// What the list and delete actions of every resource have in common: a list is newest first, filtered by the
// lower-cased KeyWord and paged by PageNo/PageSize; a delete removes the resource the request names and answers
// nothing but the RequestId.
import type { Params } from '../params';
import { pageOf, type Page } from '../paging';
import type { AccountState } from '../state';
import type { ActionContext, ActionResult, ActionSpec } from './context';

/**
 * The items newest first (the service lists the latest created first), only those `keep` accepts given the
 * request's KeyWord in lower case (undefined when none was sent), and the page of them PageNo/PageSize ask for.
 */
export function newestFirstPage<T>(items: Iterable<T>, params: Params, keep: (item: T, keyword: string | undefined) => boolean): { all: T[]; page: Page<T> } {
  const keyword = params.get('KeyWord')?.toLowerCase();
  const all = [...items].filter((item) => keep(item, keyword)).reverse();
  return { all, page: pageOf(all, params) };
}

/** The answer of a PageNo/PageSize list: the page's numbers and its items, each as `item` words it, under data.<key>. */
export function numberedPage<T>(page: Page<T>, key: string, item: (value: T) => unknown): ActionResult {
  return { PageNumber: page.PageNumber, PageSize: page.PageSize, TotalCount: page.TotalCount, data: { [key]: page.items.map(item) } };
}

/** A delete action: `find` names the resource (or refuses), and it goes from the account's `collection`. */
export function deleteAction<K, T extends { id: K }>(collection: (account: AccountState) => Map<K, T>, find: (ctx: ActionContext) => T): ActionSpec {
  return {
    mutates: true,
    handler: (ctx) => {
      const found = find(ctx);
      collection(ctx.account).delete(found.id);
      return {};
    },
  };
}
