// The two paging styles of the API (reference §1.5): PageNo/PageSize pages and opaque NextStart cursors.
import { invalidParameter } from './errors';
import type { Params } from './params';

export const DEFAULT_PAGE_SIZE = 10;
export const MAX_PAGE_SIZE = 100;

export interface Page<T> { items: T[]; PageNumber: number; PageSize: number; TotalCount: number }

export function pageOf<T>(all: readonly T[], params: Params): Page<T> {
  const pageNo = params.int('PageNo', { min: 1 }) ?? 1;
  const pageSize = params.int('PageSize', { min: 1, max: MAX_PAGE_SIZE }) ?? DEFAULT_PAGE_SIZE;
  const start = (pageNo - 1) * pageSize;
  return { items: all.slice(start, start + pageSize), PageNumber: pageNo, PageSize: pageSize, TotalCount: all.length };
}

/**
 * Cursor paging. The cursor looks like the service's (`<scope>#<offset>#<key of next item>`) and is opaque to
 * clients; the key lets a page continue at the right item even when earlier items were deleted meanwhile.
 */
export interface CursorPage<T> { items: T[]; nextStart?: string; pageSize: number }

export function cursorPageOf<T>(all: readonly T[], params: Params, scope: string, keyOf: (item: T) => string, start?: string): CursorPage<T> {
  const pageSize = params.int('PageSize', { min: 1, max: MAX_PAGE_SIZE }) ?? DEFAULT_PAGE_SIZE;
  const offset = cursorOffset(all, start ?? params.get('NextStart'), keyOf);
  const items = all.slice(offset, offset + pageSize);
  const next = offset + pageSize;
  return { items, pageSize, nextStart: next < all.length ? `${scope}#${next}#${keyOf(all[next])}` : undefined };
}

function cursorOffset<T>(all: readonly T[], cursor: string | undefined, keyOf: (item: T) => string): number {
  if (!cursor || cursor === '0') return 0;
  const [, offsetText, ...keyParts] = cursor.split('#');
  const offset = Number(offsetText);
  const key = keyParts.join('#');
  if (!offsetText || !/^\d+$/.test(offsetText)) throw invalidParameter('NextStart', 'Pass back the NextStart value of the previous page.');
  if (offset < all.length && keyOf(all[offset]) === key) return offset;
  // Items moved (deletions since the previous page): find the item by key, else keep the offset.
  const found = key ? all.findIndex((item) => keyOf(item) === key) : -1;
  return found >= 0 ? found : Math.min(offset, all.length);
}
