// The children of a paged node (a group, or a recipient list): item nodes, then "Load more", an error node with
// Retry, or a message when there is nothing — never an empty list that hides a failure.
import * as vscode from 'vscode';
import { PagedLoader, type PageFetcher } from '../model/pagedLoader';
import { ErrorNode, LoadMoreNode, MessageNode, type TreeHost, type TreeNode } from './node';

export interface ListingSpec<T> {
  fetch: PageFetcher<T>;
  pageSize: () => number;
  key(item: T): string;
  node(item: T, parent: TreeNode): TreeNode;
  /** Shown when the list is empty. */
  emptyText(keyword: string | undefined): string;
  /** True for an item known to be gone since its page arrived (deleted here or elsewhere): not shown. */
  hidden?(item: T): boolean;
}

/** The owner's label as the tree shows it (`Tags`, a list's name), for notes in the log. */
function labelOf(node: TreeNode): string {
  const label = node.treeItem().label;
  return (typeof label === 'string' ? label : label?.label) || node.id;
}

export class Listing<T> {
  readonly loader: PagedLoader<T>;
  private nodes = new Map<string, TreeNode>();

  constructor(private readonly owner: TreeNode, private readonly host: TreeHost, private readonly spec: ListingSpec<T>) {
    this.loader = new PagedLoader(spec.fetch, spec.pageSize, { key: (item) => spec.key(item), label: () => labelOf(owner) });
  }

  /** Starts the first page (if needed) and re-renders the owner when it arrives. */
  prefetch(): void {
    if (this.loader.loaded || this.loader.loading || this.loader.error !== undefined) return;
    void this.host.withViewProgress(() => this.loader.ensureLoaded()).then(() => this.settled());
  }

  /** Re-renders the owner after a request; a success tells the host (which then retries what else failed). */
  private settled(): void {
    this.host.changed(this.owner);
    if (this.loader.error === undefined && this.loader.loaded) this.host.succeeded();
  }

  /** The node shown for the item with this key, if it was shown. */
  nodeByKey(key: string): TreeNode | undefined {
    return this.nodes.get(key);
  }

  async children(): Promise<TreeNode[]> {
    const fresh = !this.loader.loaded;
    await this.host.withViewProgress(() => this.loader.ensureLoaded());
    const loader = this.loader;
    // Only a page that just arrived counts as a success (not one served from memory), so a re-render cannot
    // start another round of retries.
    if (fresh && loader.loaded && loader.error === undefined) this.host.succeeded();
    const out: TreeNode[] = loader.items.filter((item) => !this.spec.hidden?.(item)).map((item) => this.nodeFor(item));
    const base = this.owner.id;
    if (loader.error !== undefined) {
      out.push(new ErrorNode(`${base}/error`, loader.error, () => this.retry(), this.owner));
    } else if (loader.hasMore) {
      out.push(new LoadMoreNode(`${base}/more/${loader.items.length}`, loader.items.length, loader.total, (shown) => this.loadMore(shown), this.owner));
    } else if (out.length === 0) {
      out.push(new MessageNode(`${base}/empty`, this.spec.emptyText(loader.keyword), this.owner));
    }
    return out;
  }

  /** Loads the next page unless the click came from a "Load more" that is already stale. */
  async loadMore(shownWhenClicked?: number): Promise<void> {
    if (shownWhenClicked !== undefined && shownWhenClicked !== this.loader.items.length && !this.loader.loading) return;
    await this.host.withViewProgress(() => this.loader.loadMore());
    this.settled();
  }

  async retry(): Promise<void> {
    this.host.changed(this.owner);
    await this.host.withViewProgress(() => this.loader.retry());
    this.settled();
  }

  /** Forgets the loaded pages (and item nodes), keeping the filter. */
  reset(): void {
    this.loader.reset();
    this.nodes = new Map();
  }

  /** Forgets the loaded pages and sets a new filter keyword (undefined = none). */
  setKeyword(keyword: string | undefined): void {
    this.loader.setKeyword(keyword);
    this.nodes = new Map();
  }

  /** `"keyword" · 12`, `12`, `loading…` or `failed`, for the owner's description. */
  summary(): string {
    const l = this.loader;
    const count = l.loading && !l.loaded ? vscode.l10n.t('loading…') : l.error !== undefined && !l.loaded ? vscode.l10n.t('failed') : l.loaded ? String(l.total ?? l.items.length) : '';
    return l.keyword ? `${vscode.l10n.t('filter: "{0}"', l.keyword)} · ${count}` : count;
  }

  private nodeFor(item: T): TreeNode {
    const key = this.spec.key(item);
    let node = this.nodes.get(key);
    if (!node) {
      node = this.spec.node(item, this.owner);
      this.nodes.set(key, node);
    }
    return node;
  }
}
