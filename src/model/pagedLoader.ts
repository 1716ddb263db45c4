// Pages of one list (domains, sender addresses, recipient lists, tags, recipients of a list), whether the API
// pages by number (PageNo/PageSize/TotalCount) or by cursor (NextStart). Keeps what was loaded, the filter
// keyword and the last error; one request at a time, so a double-clicked "Load more" sends one request.
export type Cursor = number | string;

export interface PageRequest {
  /** Undefined for the first page. */
  cursor?: Cursor;
  pageSize: number;
  keyword?: string;
  signal: AbortSignal;
}

export interface PageResult<T> {
  items: T[];
  /** Cursor of the next page; undefined when this was the last. */
  next?: Cursor;
  total?: number;
}

export type PageFetcher<T> = (request: PageRequest) => Promise<PageResult<T>>;

/** Adapts PageNo/PageSize/TotalCount paging: the next page exists while fewer than TotalCount were returned. */
export function numberedPage<T>(page: { items: T[]; pageNumber: number; pageSize: number; totalCount: number }): PageResult<T> {
  const shown = (page.pageNumber - 1) * page.pageSize + page.items.length;
  return { items: page.items, total: page.totalCount, next: page.items.length > 0 && shown < page.totalCount ? page.pageNumber + 1 : undefined };
}

export class PagedLoader<T> {
  private list: T[] = [];
  private cursor: Cursor | undefined;
  private totalCount: number | undefined;
  private started = false;
  private done = false;
  private failure: unknown;
  private inflight: Promise<void> | undefined;
  private abort: AbortController | undefined;
  private generation = 0;
  private filter: string | undefined;

  constructor(private readonly fetchPage: PageFetcher<T>, private readonly pageSize: () => number) {}

  get items(): readonly T[] {
    return this.list;
  }

  /** TotalCount from the service (undefined when a cursor API does not tell). */
  get total(): number | undefined {
    return this.totalCount;
  }

  get keyword(): string | undefined {
    return this.filter;
  }

  get loading(): boolean {
    return this.inflight !== undefined;
  }

  /** The first page has arrived. */
  get loaded(): boolean {
    return this.done;
  }

  get hasMore(): boolean {
    return this.done && this.cursor !== undefined;
  }

  /** The error of the last request, until the next one starts. */
  get error(): unknown {
    return this.failure;
  }

  /** Loads the first page unless it is loaded or loading. Never rejects: a failure is kept in `error`. */
  ensureLoaded(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (this.started && (this.done || this.failure !== undefined)) return Promise.resolve();
    return this.request();
  }

  /** Loads the next page; joins a request already running instead of sending another. */
  loadMore(): Promise<void> {
    if (this.inflight) return this.inflight;
    if (!this.done) return this.retry();
    if (this.cursor === undefined) return Promise.resolve();
    return this.request();
  }

  /** Re-sends what failed: the first page, or the next one. */
  retry(): Promise<void> {
    if (this.inflight) return this.inflight;
    this.failure = undefined;
    return this.request();
  }

  /** Forgets everything (and cancels a running request); the next ensureLoaded starts over with the same filter. */
  reset(): void {
    this.setKeyword(this.filter);
  }

  /** Like reset, with a new filter keyword (undefined or blank = no filter). */
  setKeyword(keyword: string | undefined): void {
    this.abort?.abort();
    this.abort = undefined;
    this.inflight = undefined;
    this.generation++;
    this.list = [];
    this.cursor = undefined;
    this.totalCount = undefined;
    this.started = false;
    this.done = false;
    this.failure = undefined;
    this.filter = keyword?.trim() || undefined;
  }

  private request(): Promise<void> {
    const generation = this.generation;
    const abort = new AbortController();
    this.abort = abort;
    this.started = true;
    this.failure = undefined;
    const cursor = this.done ? this.cursor : undefined;
    const run = this.fetchPage({ cursor, pageSize: this.pageSize(), keyword: this.filter, signal: abort.signal }).then(
      (page) => {
        if (generation !== this.generation) return;
        this.list = this.done ? [...this.list, ...page.items] : page.items;
        this.cursor = page.next === '' ? undefined : page.next;
        if (page.total !== undefined) this.totalCount = page.total;
        this.done = true;
      },
      (error: unknown) => {
        if (generation === this.generation) this.failure = error;
      },
    );
    const tracked = run.finally(() => {
      if (generation === this.generation && this.inflight === tracked) {
        this.inflight = undefined;
        this.abort = undefined;
      }
    });
    this.inflight = tracked;
    return tracked;
  }
}
