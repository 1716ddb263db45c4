// Pages of one list (domains, sender addresses, recipient lists, tags, recipients of a list), whether the API
// pages by number (PageNo/PageSize/TotalCount) or by cursor (NextStart). Keeps what was loaded, the filter
// keyword and the last error; one request at a time, so a double-clicked "Load more" sends one request.
// Whatever the service answers, an item is kept once: one whose key was already loaded (a page that comes back
// again, an id repeated within or among pages) is dropped with a note in the log, and a page that brings nothing
// new ends the paging — otherwise the tree would register one id twice, or "Load more" would fetch page 1 forever.
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

export interface PagedLoaderOptions<T> {
  /** The identity of an item (its resource ID); without it repeated items cannot be recognised. */
  key?: (item: T) => string;
  /** What the list is (e.g. `Tags`), for the note in the log; a function is asked only when a note is written. */
  label?: string | (() => string);
}

let noteSink: ((message: string) => void) | undefined;

/** Where notes about a service's paging go (the extension's log); set once at activation. */
export function setPagingNoteSink(sink: ((message: string) => void) | undefined): void {
  noteSink = sink;
}

/** At most this many repeated keys are named in a note. */
const NAMED_IN_NOTE = 5;

/** Adapts PageNo/PageSize/TotalCount paging: the next page exists while fewer than TotalCount were returned. */
export function numberedPage<T>(page: { items: T[]; pageNumber: number; pageSize: number; totalCount?: number }): PageResult<T> {
  const shown = (page.pageNumber - 1) * page.pageSize + page.items.length;
  // Without a total from the service, a full page may have more after it; a short one is the last.
  const more = page.totalCount === undefined ? page.items.length >= page.pageSize : shown < page.totalCount;
  return { items: page.items, total: page.totalCount, next: page.items.length > 0 && more ? page.pageNumber + 1 : undefined };
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
  /** Keys of the items loaded since the first page. */
  private keys = new Set<string>();

  constructor(private readonly fetchPage: PageFetcher<T>, private readonly pageSize: () => number, private readonly options: PagedLoaderOptions<T> = {}) {}

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
    this.keys = new Set();
    this.cursor = undefined;
    this.totalCount = undefined;
    this.started = false;
    this.done = false;
    this.failure = undefined;
    this.filter = keyword?.trim() || undefined;
  }

  private label(): string {
    const label = this.options.label;
    return (typeof label === 'function' ? label() : label) || 'A list';
  }

  /** The items whose key is new (and notes the ones that repeat an item already loaded or one earlier on the page). */
  private keepNew(items: readonly T[]): T[] {
    const key = this.options.key;
    if (!key) return [...items];
    const fresh: T[] = [];
    const repeated: string[] = [];
    for (const item of items) {
      const k = key(item);
      if (this.keys.has(k)) repeated.push(k);
      else {
        this.keys.add(k);
        fresh.push(item);
      }
    }
    if (repeated.length > 0) {
      const named = repeated.slice(0, NAMED_IN_NOTE).join(', ') + (repeated.length > NAMED_IN_NOTE ? ', …' : '');
      noteSink?.(`${this.label()}: the service sent ${repeated.length} item(s) already shown (${named}); each is shown once.`);
    }
    return fresh;
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
        const more = this.done;
        if (!more) this.keys = new Set();
        const fresh = this.keepNew(page.items);
        this.list = more ? [...this.list, ...fresh] : fresh;
        this.cursor = page.next === '' ? undefined : page.next;
        if (page.items.length > 0 && fresh.length === 0 && this.cursor !== undefined) {
          this.cursor = undefined;
          noteSink?.(`${this.label()}: the service answered a page with only items already shown, so paging stopped here (${this.list.length} shown).`);
        }
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
