// What the extension knows about each resource of the current connection, kept in one place. The tree, the panels
// and the status bar render from here; every request that learns something (a list page, DescDomain, CheckDomain,
// a send, a delete, a failure saying the resource is gone) writes here, and the change event tells every view.
// Keyed by resource identity (kind + id). A new connection (profile, region, endpoint) empties it, and answers to
// requests of the old connection that arrive later are dropped. Free of `vscode`, so it is unit-tested.
import type { AccountSummary, DomainDetail, DomainStatus, DomainSummary, SenderAddress, RecipientList, Tag } from '../api/types';
import { Emitter, type Event } from './emitter';

/** A domain as last seen: the list entry's fields, and DescDomain's answer while it agrees with the newest status. */
export interface DomainFacts {
  summary: DomainSummary;
  detail?: DomainDetail;
}

export interface ResourceValues {
  account: AccountSummary;
  domain: DomainFacts;
  sender: SenderAddress;
  recipientList: RecipientList;
  tag: Tag;
}
export type ResourceKind = keyof ResourceValues;

export interface ResourceKey {
  readonly kind: ResourceKind;
  readonly id: string;
}

/** The account has one entry. */
export const ACCOUNT_KEY: ResourceKey = { kind: 'account', id: 'account' };

export type StoreChange =
  /** New facts about the resource (or its cached detail was dropped because it disagreed with newer facts). */
  | { type: 'updated'; key: ResourceKey }
  /** A request showed that the resource no longer exists. */
  | { type: 'gone'; key: ResourceKey }
  /** Loading the resource failed (the error is kept until the next load). */
  | { type: 'failed'; key: ResourceKey }
  /** A new connection: everything known before belongs to another account or region. */
  | { type: 'reset' };

/** Where the store loads what nobody has handed it yet (set by the extension for the current connection). */
export interface StoreSources {
  account(): Promise<AccountSummary>;
  domain(domainId: string, realTime: boolean): Promise<DomainDetail>;
}

interface Entry {
  value?: unknown;
  gone?: boolean;
  error?: unknown;
}

/** The service's codes for "no such resource", per kind (reference §errors; DescDomain/DeleteDomain use the Id form). */
const NOT_FOUND_CODES: Record<ResourceKind, readonly string[]> = {
  account: [],
  domain: ['InvalidDomain.NotFound', 'InvalidDomainId.NotFound'],
  sender: ['InvalidMailAddress.NotFound', 'InvalidMailAddressId.NotFound'],
  recipientList: ['InvalidReceiver.NotFound', 'InvalidReceiverId.NotFound'],
  tag: ['InvalidTag.NotFound', 'InvalidTagId.NotFound'],
};

/**
 * True when `error` is the service saying the resource of this kind does not exist. CheckDomain answers an unknown
 * DomainId with `InvalidDomainId.Malformed` and HTTP 404 (reference §errors), so that counts too; a 400 Malformed
 * is a bad value, not a missing domain.
 */
export function isNotFound(kind: ResourceKind, error: unknown): boolean {
  if (typeof error !== 'object' || error === null) return false;
  const { code, httpStatus } = error as { code?: unknown; httpStatus?: unknown };
  if (typeof code !== 'string') return false;
  if (NOT_FOUND_CODES[kind].includes(code)) return true;
  return kind === 'domain' && code === 'InvalidDomainId.Malformed' && httpStatus === 404;
}

const keyText = (key: ResourceKey): string => `${key.kind}:${key.id}`;

/** The list-entry fields DescDomain also answers (so a domain known only from a panel still has a summary). */
function summaryOf(detail: DomainDetail, previous?: DomainSummary): DomainSummary {
  return {
    ...previous,
    domainId: detail.domainId,
    domainName: detail.domainName,
    domainStatus: detail.domainStatus,
    domainRecord: detail.domainType || previous?.domainRecord || '',
    spfAuthStatus: detail.spfAuthStatus,
    mxAuthStatus: detail.mxAuthStatus,
    cnameAuthStatus: detail.cnameAuthStatus,
    icpFiled: detail.icpFiled,
    createTime: detail.createTime || previous?.createTime || '',
  };
}

const sameStatus = (a: DomainSummary, b: { domainStatus: DomainStatus; spfAuthStatus?: unknown; mxAuthStatus?: unknown }): boolean =>
  a.domainStatus === b.domainStatus && a.spfAuthStatus === b.spfAuthStatus && a.mxAuthStatus === b.mxAuthStatus;

export class ResourceStore {
  private entries = new Map<string, Entry>();
  private inflight = new Map<string, Promise<unknown>>();
  /** Bumped by reset: an answer for an older generation is not stored. */
  private generation = 0;
  private scopeKey: string | undefined;
  private sources: StoreSources | undefined;
  private readonly changes = new Emitter<StoreChange>();
  readonly onDidChange: Event<StoreChange> = this.changes.event;

  constructor(private readonly onListenerError: (error: unknown) => void = (e) => console.error(e)) {}

  /** The connection the facts belong to (what reset was last given). */
  get scope(): string | undefined {
    return this.scopeKey;
  }

  /** Forgets everything: the facts now belong to `scope` (a new profile, region or endpoint). */
  reset(scope?: string): void {
    this.generation++;
    this.scopeKey = scope;
    this.entries.clear();
    this.inflight.clear();
    this.fire({ type: 'reset' });
  }

  setSources(sources: StoreSources | undefined): void {
    this.sources = sources;
  }

  // ------------------------------------------------------------------ reading

  get<K extends ResourceKind>(kind: K, id: string): ResourceValues[K] | undefined {
    const entry = this.entries.get(keyText({ kind, id }));
    return entry && !entry.gone ? (entry.value as ResourceValues[K] | undefined) : undefined;
  }

  isGone(key: ResourceKey): boolean {
    return this.entries.get(keyText(key))?.gone === true;
  }

  /** The last load failure of this resource (until the next load or a fresh value). */
  errorOf(key: ResourceKey): unknown {
    return this.entries.get(keyText(key))?.error;
  }

  account(): AccountSummary | undefined {
    return this.get('account', ACCOUNT_KEY.id);
  }

  domain(domainId: string): DomainFacts | undefined {
    return this.get('domain', domainId);
  }

  // ------------------------------------------------------------------ writing

  /** A sender address, recipient list or tag as a list page or a change returned it. */
  put<K extends 'sender' | 'recipientList' | 'tag'>(kind: K, id: string, value: ResourceValues[K]): void {
    this.write({ kind, id }, value);
  }

  /** The account summary (DescAccountSummary). */
  putAccount(summary: AccountSummary): void {
    this.write(ACCOUNT_KEY, summary);
  }

  /**
   * Domains as a list page returned them. A cached DescDomain answer whose status differs is dropped (the page is
   * newer): whoever shows the records loads them again, so no view keeps an older state than the row.
   */
  putDomains(list: readonly DomainSummary[]): void {
    for (const summary of list) {
      const key: ResourceKey = { kind: 'domain', id: summary.domainId };
      const previous = this.domain(summary.domainId);
      const detail = previous?.detail && sameStatus(summary, previous.detail) ? previous.detail : undefined;
      if (previous && detail === previous.detail && sameStatus(previous.summary, summary) && previous.summary.domainName === summary.domainName) {
        // Nothing a view shows changed: keep the entry as it is, without an event.
        this.entries.set(keyText(key), { value: { summary: { ...previous.summary, ...summary }, detail } });
        continue;
      }
      this.write(key, { summary: { ...previous?.summary, ...summary }, detail } satisfies DomainFacts);
    }
  }

  /** DescDomain's answer: the records and, from them, the domain's status. */
  putDomainDetail(detail: DomainDetail): void {
    const previous = this.domain(detail.domainId);
    this.write({ kind: 'domain', id: detail.domainId }, { summary: summaryOf(detail, previous?.summary), detail } satisfies DomainFacts);
  }

  /**
   * CheckDomain's answer (the status only). When it differs from what is known, the cached records are dropped:
   * they were checked before this status was reached.
   */
  putDomainStatus(domainId: string, domainStatus: DomainStatus): void {
    const previous = this.domain(domainId);
    if (!previous || previous.summary.domainStatus === domainStatus) return;
    this.write({ kind: 'domain', id: domainId }, { summary: { ...previous.summary, domainStatus } } satisfies DomainFacts);
  }

  /** Drops the cached DescDomain answer (a refresh), so the next look loads it again. */
  forgetDomainDetail(domainId: string): void {
    const previous = this.domain(domainId);
    if (!previous?.detail) return;
    this.entries.set(keyText({ kind: 'domain', id: domainId }), { value: { summary: previous.summary } });
  }

  /** The resource no longer exists (deleted here or elsewhere). */
  markGone(key: ResourceKey): void {
    if (this.isGone(key)) return;
    this.inflight.delete(keyText(key));
    this.entries.set(keyText(key), { gone: true });
    this.fire({ type: 'gone', key });
  }

  /**
   * A request about this resource failed: when the service said it does not exist, it is marked gone (and true is
   * returned). Any other failure says nothing about the resource.
   */
  noteFailure(key: ResourceKey, error: unknown): boolean {
    if (!isNotFound(key.kind, error)) return false;
    this.markGone(key);
    return true;
  }

  // ------------------------------------------------------------------ loading

  /** DescAccountSummary through the sources; joins a load already running. Keeps the error for the views. */
  loadAccount(force = false): Promise<AccountSummary> {
    const known = this.account();
    if (known && !force) return Promise.resolve(known);
    return this.load(ACCOUNT_KEY, () => this.requireSources().account(), (summary) => this.putAccount(summary));
  }

  /**
   * The quota changed (a mail was sent, a batch ran): DescAccountSummary is read again when anything has shown the
   * account, so the tree row, the account panel and the status bar move together. Resolves when it arrived.
   */
  async accountChanged(): Promise<void> {
    const entry = this.entries.get(keyText(ACCOUNT_KEY));
    if (!entry) return;
    await this.loadAccount(true).catch(() => undefined);
  }

  /** DescDomain through the sources (its records and status); a not-found answer marks the domain gone. */
  loadDomain(domainId: string, options: { realTime?: boolean; force?: boolean } = {}): Promise<DomainDetail> {
    const key: ResourceKey = { kind: 'domain', id: domainId };
    const known = this.domain(domainId)?.detail;
    if (known && !options.force) return Promise.resolve(known);
    return this.load(key, () => this.requireSources().domain(domainId, options.realTime === true), (detail) => this.putDomainDetail(detail), options.force ? 'force' : '');
  }

  /**
   * Runs a request about one resource: a not-found answer marks it gone; any answer of an older connection is
   * dropped by `store` (reset bumps the generation).
   */
  async track<T>(key: ResourceKey, work: Promise<T>): Promise<T> {
    const generation = this.generation;
    try {
      return await work;
    } catch (error) {
      if (generation === this.generation) this.noteFailure(key, error);
      throw error;
    }
  }

  private load<T>(key: ResourceKey, fetch: () => Promise<T>, store: (value: T) => void, variant = ''): Promise<T> {
    const id = `${keyText(key)}|${variant}`;
    const running = this.inflight.get(id) as Promise<T> | undefined;
    if (running) return running;
    const generation = this.generation;
    const run = (async () => {
      try {
        const value = await fetch();
        if (generation === this.generation) store(value);
        return value;
      } catch (error) {
        if (generation === this.generation && !this.noteFailure(key, error)) {
          const entry = this.entries.get(keyText(key)) ?? {};
          this.entries.set(keyText(key), { ...entry, error });
          this.fire({ type: 'failed', key });
        }
        throw error;
      } finally {
        // Within one generation a second load joins this one, so the entry is this load's own.
        if (generation === this.generation) this.inflight.delete(id);
      }
    })();
    this.inflight.set(id, run);
    return run;
  }

  private requireSources(): StoreSources {
    if (!this.sources) throw new Error('Not signed in.');
    return this.sources;
  }

  private write(key: ResourceKey, value: unknown): void {
    this.entries.set(keyText(key), { value });
    this.fire({ type: 'updated', key });
  }

  private fire(change: StoreChange): void {
    this.changes.fire(change, this.onListenerError);
  }

  dispose(): void {
    this.changes.dispose();
  }
}
