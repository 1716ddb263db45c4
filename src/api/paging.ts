// Async iteration over the two paging styles of the API: PageNo/PageSize pages and NextStart cursors.
// Pages are yielded one at a time so a caller can stop early and memory stays flat for big lists.
import type { CursorPage, Page } from './types';

/** Stops at an empty or short page, or once totalCount items have been seen. */
export async function* iteratePages<T>(fetchPage: (pageNo: number) => Promise<Page<T>>): AsyncGenerator<Page<T>, void, undefined> {
  let seen = 0;
  for (let pageNo = 1; ; pageNo++) {
    const page = await fetchPage(pageNo);
    yield page;
    seen += page.items.length;
    if (page.items.length === 0 || page.items.length < page.pageSize || seen >= page.totalCount) return;
  }
}

/** Follows NextStart until the service leaves it out (or repeats it, which would otherwise loop forever). */
export async function* iterateCursor<T, P extends CursorPage<T> = CursorPage<T>>(fetchPage: (nextStart: string | undefined) => Promise<P>): AsyncGenerator<P, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const page = await fetchPage(cursor);
    yield page;
    if (!page.nextStart || page.nextStart === cursor || page.items.length === 0) return;
    cursor = page.nextStart;
  }
}

/** Collects every item of an iteration (for small lists; prefer the iterator for large ones). */
export async function collect<T>(pages: AsyncIterable<{ items: T[] }>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(...page.items);
  return all;
}
