// Async iteration over the two paging styles of the API: PageNo/PageSize pages and NextStart cursors.
// Pages are yielded one at a time so a caller can stop early and memory stays flat for big lists.
// Given the items' identity, an item already yielded is left out of later pages, and a page with nothing new
// ends the iteration: a service that ignores the paging parameter would otherwise repeat page 1.
import type { CursorPage, Page } from './types';

/** Removes the items whose key was seen before (and records the new ones); undefined `key` keeps everything. */
function freshItems<T>(items: T[], seen: Set<string>, key: ((item: T) => string) | undefined): T[] {
  if (!key) return items;
  return items.filter((item) => {
    const k = key(item);
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/**
 * Stops at an empty or short page, once totalCount items have been seen (when the service says how many there are),
 * or at a page with nothing new.
 */
export async function* iteratePages<P extends Page<unknown>>(fetchPage: (pageNo: number) => Promise<P>, key?: (item: P['items'][number]) => string): AsyncGenerator<P, void, undefined> {
  let seen = 0;
  const keys = new Set<string>();
  for (let pageNo = 1; ; pageNo++) {
    const page = await fetchPage(pageNo);
    const items = freshItems(page.items, keys, key);
    if (page.items.length > 0 && items.length === 0) return;
    yield items === page.items ? page : ({ ...page, items } as P);
    seen += page.items.length;
    if (page.items.length === 0 || page.items.length < page.pageSize || (page.totalCount !== undefined && seen >= page.totalCount)) return;
  }
}

/** Follows NextStart until the service leaves it out, repeats it, or sends a page with nothing new. */
export async function* iterateCursor<P extends CursorPage<unknown>>(fetchPage: (nextStart: string | undefined) => Promise<P>, key?: (item: P['items'][number]) => string): AsyncGenerator<P, void, undefined> {
  let cursor: string | undefined;
  const keys = new Set<string>();
  for (;;) {
    const page = await fetchPage(cursor);
    const items = freshItems(page.items, keys, key);
    if (page.items.length > 0 && items.length === 0) return;
    yield items === page.items ? page : ({ ...page, items } as P);
    if (!page.nextStart || page.nextStart === cursor || page.items.length === 0) return;
    cursor = page.nextStart;
  }
}

/** Collects the items of an iteration, of its first `maxPages` pages at most (for small lists and pickers). */
export async function collect<T>(pages: AsyncIterable<{ items: T[] }>, maxPages = Number.POSITIVE_INFINITY): Promise<T[]> {
  const all: T[] = [];
  let count = 0;
  for await (const page of pages) {
    all.push(...page.items);
    if (++count >= maxPages) break;
  }
  return all;
}
