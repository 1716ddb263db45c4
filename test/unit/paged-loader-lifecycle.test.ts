// What the tree's loader does between the first page and the last: "loading" while a request runs, no second
// request for a page already loaded or failed (until Retry), "Load more" before the first page retries it, the
// total kept from an earlier page, and an empty page ending the numbered paging.
import * as assert from 'node:assert/strict';
import { PagedLoader, numberedPage, type PageRequest, type PageResult } from '../../src/model/pagedLoader';

function scripted(answers: (PageResult<string> | Error)[]) {
  const requests: PageRequest[] = [];
  const fetch = async (request: PageRequest): Promise<PageResult<string>> => {
    requests.push(request);
    const answer = answers.shift();
    assert.ok(answer, 'an unexpected request');
    if (answer instanceof Error) throw answer;
    return answer;
  };
  return { requests, fetch };
}

describe('PagedLoader lifecycle', () => {
  it('is loading only while a request runs; a loaded first page is not asked for again', async () => {
    const s = scripted([{ items: ['a'], next: 2, total: 3 }]);
    const loader = new PagedLoader(s.fetch, () => 1);
    assert.deepEqual([loader.loading, loader.loaded, loader.hasMore], [false, false, false]);
    const first = loader.ensureLoaded();
    assert.equal(loader.loading, true);
    await first;
    assert.deepEqual([loader.loading, loader.loaded, loader.hasMore, loader.total], [false, true, true, 3]);
    await loader.ensureLoaded();
    assert.equal(s.requests.length, 1);
    assert.deepEqual(s.requests.map((r) => [r.cursor, r.pageSize, r.keyword]), [[undefined, 1, undefined]]);
  });

  it('a failed first page is not asked for again by ensureLoaded, only by retry or Load more', async () => {
    const s = scripted([new Error('down'), new Error('still down'), { items: ['a'] }]);
    const loader = new PagedLoader(s.fetch, () => 5);
    await loader.ensureLoaded();
    await loader.ensureLoaded();
    assert.equal(s.requests.length, 1);
    assert.equal((loader.error as Error).message, 'down');
    await loader.loadMore();
    assert.equal((loader.error as Error).message, 'still down');
    assert.deepEqual(s.requests.map((r) => r.cursor), [undefined, undefined]);
    await loader.retry();
    assert.deepEqual([loader.items, loader.error, loader.hasMore], [['a'], undefined, false]);
  });

  it('keeps the total of an earlier page when a later page leaves it out; appends pages in order', async () => {
    const s = scripted([{ items: ['a', 'b'], next: 'c2', total: 5 }, { items: ['c', 'd'], next: 'c3' }, { items: ['e'], next: '' }]);
    const loader = new PagedLoader(s.fetch, () => 2);
    await loader.ensureLoaded();
    await loader.loadMore();
    assert.deepEqual([loader.items, loader.total, loader.hasMore], [['a', 'b', 'c', 'd'], 5, true]);
    await loader.loadMore();
    assert.deepEqual([loader.items, loader.hasMore], [['a', 'b', 'c', 'd', 'e'], false]);
    assert.deepEqual(s.requests.map((r) => r.cursor), [undefined, 'c2', 'c3']);
    await loader.loadMore();
    assert.equal(s.requests.length, 3);
  });

  it('reset starts over: the next ensureLoaded asks for the first page again, with the filter kept', async () => {
    const s = scripted([{ items: ['a'], next: 2, total: 2 }, { items: ['a'], next: 2, total: 2 }]);
    const loader = new PagedLoader(s.fetch, () => 1);
    loader.setKeyword('  news ');
    await loader.ensureLoaded();
    loader.reset();
    assert.deepEqual([loader.loaded, loader.items, loader.total, loader.keyword], [false, [], undefined, 'news']);
    await loader.ensureLoaded();
    assert.deepEqual(s.requests.map((r) => [r.cursor, r.keyword]), [[undefined, 'news'], [undefined, 'news']]);
    loader.setKeyword('   ');
    assert.equal(loader.keyword, undefined);
  });

  it('numberedPage: a next page while fewer than the total were shown; none after an empty page', () => {
    assert.deepEqual(numberedPage({ items: ['a'], pageNumber: 1, pageSize: 1, totalCount: 2 }), { items: ['a'], total: 2, next: 2 });
    assert.equal(numberedPage({ items: ['a'], pageNumber: 2, pageSize: 1, totalCount: 2 }).next, undefined);
    assert.equal(numberedPage({ items: [], pageNumber: 1, pageSize: 10, totalCount: 3 }).next, undefined);
    assert.equal(numberedPage({ items: ['a', 'b'], pageNumber: 3, pageSize: 2, totalCount: 7 }).next, 4);
  });
});
