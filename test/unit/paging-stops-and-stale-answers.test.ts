// Paging ends on its own: a cursor the service repeats stops the iteration instead of fetching the same page
// forever. And the tree's loader ignores whatever a request started before a reset brings back, a late failure as
// much as a late success: the error node must not appear over a list that loaded fine after the reset.
import * as assert from 'node:assert/strict';
import { collect, iterateCursor, iteratePages } from '../../src/api/paging';
import type { CursorPage, Page } from '../../src/api/types';
import { PagedLoader, type PageRequest, type PageResult } from '../../src/model/pagedLoader';

function deferred<T>(): { promise: Promise<T>; resolve: (v: T) => void; reject: (e: unknown) => void } {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

type HeldAnswer = ReturnType<typeof deferred<PageResult<string>>>;

/** A loader whose every page request waits until the test answers it (in `calls`, in the order they were made). */
function loaderWithHeldAnswers(): { loader: PagedLoader<string>; calls: { request: PageRequest; answer: HeldAnswer }[] } {
  const calls: { request: PageRequest; answer: HeldAnswer }[] = [];
  const loader = new PagedLoader<string>((request) => {
    const answer = deferred<PageResult<string>>();
    calls.push({ request, answer });
    return answer.promise;
  }, () => 10);
  return { loader, calls };
}

describe('Paging stops on a repeated cursor', () => {
  it('iterateCursor stops when the service hands back the cursor it was just asked with', async () => {
    const asked: (string | undefined)[] = [];
    const pages = iterateCursor(async (cursor): Promise<CursorPage<string>> => {
      asked.push(cursor);
      assert.ok(asked.length <= 5, 'paging did not stop');
      return { items: [`item-${asked.length}`], nextStart: 'same-cursor' };
    });
    assert.deepEqual(await collect(pages), ['item-1', 'item-2']);
    assert.deepEqual(asked, [undefined, 'same-cursor']);
  });

  it('iterateCursor follows new cursors, and stops at a missing cursor or an empty page', async () => {
    const script: CursorPage<number>[] = [{ items: [1], nextStart: 'a' }, { items: [2], nextStart: 'b' }, { items: [3] }];
    const asked: (string | undefined)[] = [];
    assert.deepEqual(await collect(iterateCursor(async (c) => (asked.push(c), script[asked.length - 1]))), [1, 2, 3]);
    assert.deepEqual(asked, [undefined, 'a', 'b']);
    const empty: (string | undefined)[] = [];
    assert.deepEqual(await collect(iterateCursor(async (c): Promise<CursorPage<number>> => (empty.push(c), { items: [], nextStart: 'more' }))), []);
    assert.deepEqual(empty, [undefined]);
  });

  it('iteratePages stops at the total, at a short page and at an empty page', async () => {
    const page = (pageNumber: number, items: number[], totalCount: number, pageSize = 2): Page<number> => ({ items, pageNumber, pageSize, totalCount });
    const count = async (answer: (n: number) => Page<number>): Promise<number[]> => {
      const asked: number[] = [];
      await collect(iteratePages(async (n) => (asked.push(n), answer(n))));
      return asked;
    };
    assert.deepEqual(await count((n) => page(n, [n, n], 4)), [1, 2]);
    assert.deepEqual(await count((n) => page(n, n < 3 ? [n, n] : [n], 100)), [1, 2, 3]);
    assert.deepEqual(await count((n) => page(n, n < 2 ? [n, n] : [], 100)), [1, 2]);
  });
});

describe('PagedLoader ignores answers to requests made before a reset', () => {
  it('a stale failure after a reset leaves no error, and the new first page is shown', async () => {
    const { loader, calls } = loaderWithHeldAnswers();
    const first = loader.ensureLoaded();
    assert.equal(loader.loading, true);
    loader.reset();
    assert.equal(calls[0].request.signal.aborted, true, 'the stale request was not cancelled');
    const second = loader.ensureLoaded();
    calls[0].answer.reject(new Error('stale failure'));
    await first;
    assert.equal(loader.error, undefined);
    assert.equal(loader.loading, true, 'the stale request ended the new one');
    calls[1].answer.resolve({ items: ['fresh'], total: 1 });
    await second;
    assert.deepEqual([loader.items, loader.error, loader.loaded, loader.total], [['fresh'], undefined, true, 1]);
  });

  it('a stale failure arriving after the new page keeps the new page and no error', async () => {
    const { loader, calls } = loaderWithHeldAnswers();
    const first = loader.ensureLoaded();
    loader.setKeyword('new');
    const second = loader.ensureLoaded();
    calls[1].answer.resolve({ items: ['filtered'] });
    await second;
    calls[0].answer.reject(new Error('stale failure'));
    await first;
    assert.deepEqual([loader.items, loader.error, loader.keyword, loader.loading], [['filtered'], undefined, 'new', false]);
  });

  it('a stale success is ignored the same way', async () => {
    const { loader, calls } = loaderWithHeldAnswers();
    const first = loader.ensureLoaded();
    loader.reset();
    const second = loader.ensureLoaded();
    calls[0].answer.resolve({ items: ['stale'], total: 99 });
    await first;
    calls[1].answer.resolve({ items: ['fresh'] });
    await second;
    assert.deepEqual([loader.items, loader.total], [['fresh'], undefined]);
  });

  it('a current failure is kept until retry', async () => {
    let fail = true;
    const loader = new PagedLoader<string>(async () => {
      if (fail) throw new Error('down');
      return { items: ['ok'] };
    }, () => 10);
    await loader.ensureLoaded();
    assert.equal((loader.error as Error).message, 'down');
    assert.equal(loader.loaded, false);
    fail = false;
    await loader.retry();
    assert.deepEqual([loader.items, loader.error], [['ok'], undefined]);
  });
});

describe('PagedLoader stops when the service repeats a cursor', () => {
  it('a page answered again for a repeated cursor brings nothing new and ends "Load more"', async () => {
    const asked: (string | number | undefined)[] = [];
    const loader = new PagedLoader<{ id: string }>(async (request) => {
      asked.push(request.cursor);
      assert.ok(asked.length <= 5, 'paging did not stop');
      // Whatever cursor is asked for, the service answers the first page and the same cursor again.
      return { items: [{ id: 'a' }, { id: 'b' }], next: 'cursor-1', total: 10 };
    }, () => 2, { key: (item) => item.id, label: 'test list' });
    await loader.ensureLoaded();
    assert.equal(loader.hasMore, true);
    await loader.loadMore();
    assert.deepEqual(loader.items.map((i) => i.id), ['a', 'b']);
    assert.equal(loader.hasMore, false);
    await loader.loadMore();
    assert.deepEqual(asked, [undefined, 'cursor-1']);
  });
});
