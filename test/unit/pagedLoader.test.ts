// Paging of the tree's lists: pages append, the end is detected from TotalCount or a missing cursor, a second
// "Load more" while one runs sends no second request, a failure is kept and retried, a reset forgets a late answer.
import * as assert from 'node:assert/strict';
import { PagedLoader, numberedPage, setPagingNoteSink, type PageRequest } from '../../src/model/pagedLoader';

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

  describe('a service that repeats itself', () => {
    const notes: string[] = [];
    beforeEach(() => {
      notes.length = 0;
      setPagingNoteSink((m) => notes.push(m));
    });
    afterEach(() => setPagingNoteSink(undefined));

    it('ends paging with a note when a page comes back again (a service that ignores PageNo)', async () => {
      const requests: PageRequest[] = [];
      // Always page 1 of 7, whatever page is asked for: the tree would otherwise show item1-3 again on every "Load more".
      const loader = new PagedLoader(async (r: PageRequest) => {
        requests.push(r);
        return numberedPage({ items: ALL.slice(0, 3), pageNumber: 1, pageSize: 3, totalCount: ALL.length });
      }, () => 3, { key: (s) => s, label: 'dm/tags' });
      await loader.ensureLoaded();
      assert.equal(loader.hasMore, true);
      await loader.loadMore();
      assert.deepEqual(loader.items, ['item1', 'item2', 'item3']);
      assert.equal(loader.hasMore, false);
      await loader.loadMore();
      assert.equal(requests.length, 2, 'no request after paging ended');
      assert.equal(notes.length, 2);
      assert.match(notes[0], /^dm\/tags: the service sent 3 item\(s\) already shown \(item1, item2, item3\); each is shown once\.$/);
      assert.match(notes[1], /^dm\/tags: the service answered a page with only items already shown, so paging stopped here \(3 shown\)\.$/);
    });

    it('ends a cursor that keeps answering the same page', async () => {
      const loader = new PagedLoader(async () => ({ items: ['a', 'b'], next: 'same' }), () => 2, { key: (s) => s });
      await loader.ensureLoaded();
      await loader.loadMore();
      assert.deepEqual([loader.items, loader.hasMore], [['a', 'b'], false]);
    });

    it('shows an id repeated within a page or on a later page once, and keeps paging while pages bring new items', async () => {
      const pages: Record<string, { items: { id: string; v: number }[]; next?: string }> = {
        first: { items: [{ id: 'a', v: 1 }, { id: 'b', v: 1 }, { id: 'a', v: 2 }], next: 'p2' },
        p2: { items: [{ id: 'b', v: 2 }, { id: 'c', v: 1 }], next: 'p3' },
        p3: { items: [{ id: 'd', v: 1 }] },
      };
      const loader = new PagedLoader(async (r: PageRequest) => pages[String(r.cursor ?? 'first')], () => 3, { key: (x) => x.id, label: 'dm/receivers' });
      await loader.ensureLoaded();
      assert.deepEqual(loader.items.map((x) => `${x.id}${x.v}`), ['a1', 'b1']);
      await loader.loadMore();
      assert.deepEqual(loader.items.map((x) => `${x.id}${x.v}`), ['a1', 'b1', 'c1']);
      assert.equal(loader.hasMore, true, 'a page that brought something new does not end paging');
      await loader.loadMore();
      assert.deepEqual(loader.items.map((x) => x.id), ['a', 'b', 'c', 'd']);
      assert.deepEqual(notes, [
        'dm/receivers: the service sent 1 item(s) already shown (a); each is shown once.',
        'dm/receivers: the service sent 1 item(s) already shown (b); each is shown once.',
      ]);
    });

    it('forgets the shown items on reset, so a reload shows them again', async () => {
      const loader = new PagedLoader(async () => ({ items: ['a', 'b'] }), () => 2, { key: (s) => s });
      await loader.ensureLoaded();
      loader.reset();
      await loader.ensureLoaded();
      assert.deepEqual(loader.items, ['a', 'b']);
      assert.deepEqual(notes, []);
    });
  });
});
