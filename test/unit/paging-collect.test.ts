// collect(): every item of a paged iteration, or the items of its first pages only (a picker's worth).
import * as assert from 'node:assert/strict';
import { collect, iteratePages } from '../../src/api/paging';
import type { Page } from '../../src/api/types';

const pages = (total: number, pageSize: number, asked: number[]) => iteratePages(async (pageNo): Promise<Page<number>> => {
  asked.push(pageNo);
  const start = (pageNo - 1) * pageSize;
  return { items: Array.from({ length: Math.max(0, Math.min(pageSize, total - start)) }, (_, i) => start + i), pageNumber: pageNo, pageSize, totalCount: total };
});

describe('collect', () => {
  it('collects every item when no page limit is given', async () => {
    const asked: number[] = [];
    assert.equal((await collect(pages(25, 10, asked))).length, 25);
    assert.deepEqual(asked, [1, 2, 3]);
  });

  it('stops after maxPages pages and asks for no further page', async () => {
    const asked: number[] = [];
    assert.deepEqual(await collect(pages(100, 10, asked), 2), Array.from({ length: 20 }, (_, i) => i));
    assert.deepEqual(asked, [1, 2]);
  });
});
