// Paging of the tree's lists: pages append, the end is detected from TotalCount or a missing cursor, a second
// "Load more" while one runs sends no second request, a failure is kept and retried, a reset forgets a late answer.
import * as assert from 'node:assert/strict';
import { PagedLoader, numberedPage, type PageRequest } from '../../src/model/pagedLoader';

const ALL = Array.from({ length: 7 }, (_, i) => `item${i + 1}`);

function numbered(requests: PageRequest[], fail?: { times: number }) {
  return async (request: PageRequest) => {
    requests.push(request);
    await new Promise((resolve) => setImmediate(resolve));
    if (fail && fail.times > 0) {
      fail.times--;
      throw new Error('boom');
    }
    const pageNumber = typeof request.cursor === 'number' ? request.cursor : 1;
    const items = ALL.slice((pageNumber - 1) * request.pageSize, pageNumber * request.pageSize);
    return numberedPage({ items, pageNumber, pageSize: request.pageSize, totalCount: ALL.length });
  };
}

describe('PagedLoader', () => {
  it('pages by number to the last page and then stops', async () => {
    const requests: PageRequest[] = [];
    const loader = new PagedLoader(numbered(requests), () => 3);
    await loader.ensureLoaded();
    assert.deepEqual(loader.items, ['item1', 'item2', 'item3']);
    assert.equal(loader.total, 7);
    assert.equal(loader.hasMore, true);
    await loader.loadMore();
    await loader.loadMore();
    assert.deepEqual(loader.items, ALL);
    assert.equal(loader.hasMore, false);
    await loader.loadMore();
    assert.deepEqual(requests.map((r) => r.cursor), [undefined, 2, 3]);
  });

  it('sends one request for two overlapping load-more calls', async () => {
    const requests: PageRequest[] = [];
    const loader = new PagedLoader(numbered(requests), () => 3);
    await loader.ensureLoaded();
    await Promise.all([loader.loadMore(), loader.loadMore()]);
    assert.equal(requests.length, 2);
    assert.equal(loader.items.length, 6);
  });

  it('keeps a failure and loads again on retry', async () => {
    const requests: PageRequest[] = [];
    const loader = new PagedLoader(numbered(requests, { times: 1 }), () => 10);
    await loader.ensureLoaded();
    assert.equal((loader.error as Error).message, 'boom');
    assert.equal(loader.loaded, false);
    await loader.ensureLoaded();
    assert.equal(requests.length, 1, 'ensureLoaded does not retry on its own');
    await loader.retry();
    assert.equal(loader.error, undefined);
    assert.equal(loader.items.length, 7);
  });

  it('follows a cursor until the service gives none, and passes the keyword', async () => {
    const requests: PageRequest[] = [];
    const loader = new PagedLoader(async (r: PageRequest) => {
      requests.push(r);
      return r.cursor === undefined ? { items: ['a', 'b'], next: 'c1' } : { items: ['c'], next: '' };
    }, () => 2);
    loader.setKeyword('  news ');
    await loader.ensureLoaded();
    await loader.loadMore();
    assert.deepEqual(loader.items, ['a', 'b', 'c']);
    assert.equal(loader.hasMore, false);
    assert.deepEqual(requests.map((r) => [r.cursor, r.keyword]), [[undefined, 'news'], ['c1', 'news']]);
  });

  it('ignores the answer of a request made before a reset and aborts it', async () => {
    let signal: AbortSignal | undefined;
    let release: (() => void) | undefined;
    const loader = new PagedLoader(async (r: PageRequest) => {
      signal = r.signal;
      await new Promise<void>((resolve) => (release = resolve));
      return { items: ['stale'] };
    }, () => 5);
    const first = loader.ensureLoaded();
    loader.reset();
    assert.equal(signal?.aborted, true);
    release?.();
    await first;
    assert.deepEqual(loader.items, []);
    assert.equal(loader.loaded, false);
  });
});
