// DNS setup panel: the records a domain needs, their live state, copying, and verification. It renders from the
// ResourceStore, like the tree: a verify here shows in the sidebar row, a verify or delete elsewhere shows here.
// A domain that no longer exists says so and offers to close; a domain of another profile or region says which
// one it belongs to and offers to switch back (nothing is sent for it meanwhile).
import * as vscode from 'vscode';
import { DomainStatus, type DomainDetail } from '../api/types';
import { deriveDnsRecords, recordPurpose, type DnsRecord } from '../model/dnsRecords';
import { domainStateOfSummary } from '../model/domainState';
import type { ResourceKey, ResourceStore } from '../model/resourceStore';
import { dnsRecordText, writeClipboard } from '../util/clipboard';
import { toMarkdownTable, toZoneFile, type ZoneRecord } from '../model/zoneFile';
import { requireClient, sameConnection, type ConnectionRef, type WebviewDeps } from './deps';
import type { Outcome, PanelController } from './panelHost';
import type { CopyTarget, DnsView, PanelOwner, ToHostRequest } from '../shared/protocol';

const asZoneRecord = (record: DnsRecord): ZoneRecord => ({
  purpose: recordPurpose(record.kind, vscode.l10n.t),
  type: record.type,
  host: record.host,
  value: record.value,
  priority: record.priority,
});

/**
 * The sentence after the badge: the badge already says "Verified" / "Not verified" and the rows say which records
 * are "Missing or different", so this says what it means and what to do, in the rows' words.
 */
function statusText(detail: DomainDetail, records: readonly DnsRecord[]): string {
  if (detail.domainStatus !== DomainStatus.NotVerified) {
    return vscode.l10n.t('Direct Mail found the required records, so addresses on {0} can send mail.', detail.domainName);
  }
  const missing = records.filter((r) => r.required && r.state !== 'pass').length;
  return vscode.l10n.t(
    'Required records marked "Missing or different": {0}. Publish them at your DNS provider, wait for DNS to update (minutes to hours), then press Verify.',
    missing,
  );
}

export function dnsView(detail: DomainDetail, records: readonly DnsRecord[], checkedAt?: Date, owner?: PanelOwner): DnsView {
  return {
    panel: 'dns',
    domainId: detail.domainId,
    domainName: detail.domainName,
    zone: records[0]?.zone ?? (detail.tlDomainName || detail.domainName),
    verified: detail.domainStatus !== DomainStatus.NotVerified,
    // The tree's word for the same facts (DescDomain carries the list entry's fields).
    state: domainStateOfSummary(detail),
    owner,
    statusText: statusText(detail, records),
    records: records.map((r) => ({
      purpose: recordPurpose(r.kind, vscode.l10n.t),
      type: r.type,
      host: r.host,
      fqdn: r.fqdn,
      value: r.value,
      priority: r.priority,
      state: r.state,
      required: r.required,
      explanation: r.explanation,
      ...(r.seen !== undefined ? { seen: r.seen } : {}),
    })),
    checkedAt: checkedAt?.toISOString(),
  };
}

/** The text each copy button puts on the clipboard. */
export function copyText(zone: string, records: readonly DnsRecord[], target: CopyTarget, index?: number): string {
  if (target === 'zone') return toZoneFile(zone, records.map((r) => asZoneRecord(r)));
  if (target === 'table') return toMarkdownTable(zone, records.map((r) => asZoneRecord(r)));
  const record = index !== undefined ? records[index] : undefined;
  if (!record) throw new Error(vscode.l10n.t('That record is no longer listed; the panel has been refreshed.'));
  switch (target) {
    case 'host':
      return record.host;
    case 'fqdn':
      return record.fqdn;
    case 'value':
      return record.value;
    case 'record':
      return dnsRecordText(record);
  }
}

function copiedText(target: CopyTarget): string {
  switch (target) {
    case 'host':
      return vscode.l10n.t('Copied the host.');
    case 'fqdn':
      return vscode.l10n.t('Copied the full name.');
    case 'value':
      return vscode.l10n.t('Copied the value.');
    case 'record':
      return vscode.l10n.t('Copied the record as a zone-file line.');
    case 'zone':
      return vscode.l10n.t('Copied every record as zone-file lines.');
    case 'table':
      return vscode.l10n.t('Copied every record as a Markdown table.');
  }
}

export class DnsPanelController implements PanelController {
  title = vscode.l10n.t('DNS setup');
  private readonly key: ResourceKey;
  /** The last DescDomain answer shown: kept to show what the domain was once it is gone or of another profile. */
  private last: DomainDetail | undefined;
  private checkedAt: Date | undefined;
  /** The profile and region the domain belongs to (the active ones when the panel first loaded). */
  private owner: ConnectionRef | undefined;
  private gone = false;
  /** The first load asks DescDomain; later renders read the store. */
  private fetched = false;

  constructor(
    private readonly domainId: string,
    private readonly deps: WebviewDeps,
    private readonly store: ResourceStore,
  ) {
    this.key = { kind: 'domain', id: domainId };
  }

  /** The active profile and region when it is not the domain's; undefined while they match. */
  private elsewhere(): ConnectionRef | undefined {
    const active = this.deps.connection?.();
    if (!this.owner || sameConnection(this.owner, active)) return undefined;
    return active ?? { profile: '', region: '' };
  }

  private ownerView(): PanelOwner | undefined {
    if (!this.owner) return undefined;
    const active = this.elsewhere();
    return { ...this.owner, active };
  }

  /** What the panel shows now, from the store (or the last answer when gone or of another profile). */
  current(): DnsView | undefined {
    const stored = this.gone || this.elsewhere() ? undefined : this.store.domain(this.domainId)?.detail;
    if (stored) this.last = stored;
    const detail = stored ?? (this.gone || this.elsewhere() ? this.last : undefined);
    if (!detail) return this.gone ? this.goneView() : undefined;
    const view = dnsView(detail, deriveDnsRecords(detail, vscode.l10n.t), this.checkedAt, this.ownerView());
    this.title = vscode.l10n.t('DNS setup: {0}', detail.domainName);
    if (!this.gone) return view;
    return { ...view, gone: true, verified: false, statusText: this.goneText(detail.domainName) };
  }

  private goneText(name: string): string {
    const where = this.owner ? vscode.l10n.t('profile {0}, region {1}', this.owner.profile, this.owner.region) : '';
    return vscode.l10n.t('Direct Mail no longer has the domain {0} ({1}): it was deleted. Close this panel.', name, where);
  }

  /** A gone domain that was never shown: only its ID is known. */
  private goneView(): DnsView {
    return { panel: 'dns', domainId: this.domainId, domainName: this.domainId, zone: '', verified: false, gone: true, owner: this.ownerView(), statusText: this.goneText(this.domainId), records: [] };
  }

  async load(): Promise<DnsView> {
    const elsewhere = this.elsewhere();
    if (elsewhere) {
      const view = this.current();
      if (view) return view;
      throw new Error(this.elsewhereText(elsewhere));
    }
    this.owner ??= this.deps.connection?.();
    try {
      await requireClient(this.deps);
      await this.store.loadDomain(this.domainId, { force: !this.fetched });
      this.fetched = true;
      this.gone = false;
    } catch (error) {
      if (!this.store.isGone(this.key)) throw error;
      this.gone = true;
    }
    return this.current() ?? this.goneView();
  }

  private elsewhereText(active: ConnectionRef): string {
    return vscode.l10n.t('This domain belongs to profile {0} in {1}; the active profile is {2} in {3}. Switch back to see it.', this.owner?.profile ?? '', this.owner?.region ?? '', active.profile, active.region);
  }

  watch(render: (view: DnsView) => void, fail: (error: unknown) => void): vscode.Disposable {
    const subscription = this.store.onDidChange((change) => {
      if (change.type === 'reset') {
        // A profile or region switch: the same account again re-targets (reloads); another one shows whose it is.
        if (this.elsewhere()) {
          const view = this.current();
          if (view) render(view);
          return;
        }
        this.fetched = false;
        void this.load().then(render, fail);
        return;
      }
      if (change.key.kind !== 'domain' || change.key.id !== this.domainId) return;
      if (change.type === 'gone') this.gone = true;
      if (change.type === 'failed') return;
      const view = this.current();
      // Records dropped because a newer status arrived (a verify elsewhere): read them again.
      if (view) render(view);
      else void this.load().then(render, fail);
    });
    return new vscode.Disposable(() => subscription.dispose());
  }

  /** CheckDomain / DescDomain only for the domain's own profile and region, and not once it is gone. */
  private refusal(): Outcome | undefined {
    const active = this.elsewhere();
    if (active) return { ok: false, message: this.elsewhereText(active) };
    if (this.gone) return { ok: false, message: this.goneText(this.last?.domainName ?? this.domainId) };
    return undefined;
  }

  /** DescDomain with the live DNS check; a not-found answer turns the panel into "gone". */
  private async reload(): Promise<DnsView> {
    try {
      await this.store.loadDomain(this.domainId, { realTime: true, force: true });
    } catch (error) {
      if (!this.store.isGone(this.key)) throw error;
      this.gone = true;
    }
    return this.current() ?? this.goneView();
  }

  async handle(request: ToHostRequest): Promise<Outcome> {
    switch (request.type) {
      case 'refresh': {
        if (this.elsewhere()) return this.refusal() as Outcome;
        const view = await this.reload();
        return view.gone ? { ok: false, view, message: view.statusText } : { ok: true, view };
      }
      case 'verify': {
        const refused = this.refusal();
        if (refused) return refused;
        const client = await requireClient(this.deps);
        try {
          await this.store.track(this.key, client.checkDomain(this.domainId));
        } catch (error) {
          if (!this.store.isGone(this.key)) throw error;
          this.gone = true;
          const view = this.current() ?? this.goneView();
          return { ok: false, view, message: view.statusText };
        }
        this.checkedAt = new Date();
        // DescDomain carries the new status and each record's: the store takes both, and the tree row follows.
        const view = await this.reload();
        if (view.gone) return { ok: false, view, message: view.statusText };
        return {
          ok: true,
          view,
          message: view.verified
            ? vscode.l10n.t('{0} is verified.', view.domainName)
            : vscode.l10n.t('{0} is not verified yet. The records marked as missing still need publishing, or DNS has not updated yet.', view.domainName),
        };
      }
      case 'switchBack': {
        if (!this.owner || !this.deps.switchTo) return { ok: false, message: vscode.l10n.t('Switch the profile and region with "Direct Mail: Switch Profile".') };
        await this.deps.switchTo(this.owner);
        return { ok: true };
      }
      case 'copy': {
        let detail = this.current() ? this.last : undefined;
        if (!detail && !this.gone && !this.elsewhere()) {
          await this.load();
          detail = this.last;
        }
        const records = detail ? deriveDnsRecords(detail, vscode.l10n.t) : [];
        const zone = records[0]?.zone ?? (detail?.tlDomainName || detail?.domainName || '');
        await writeClipboard(copyText(zone, records, request.target, request.index));
        return { ok: true, message: copiedText(request.target) };
      }
      default:
        return { ok: false, message: vscode.l10n.t('The DNS setup panel does not handle "{0}".', request.type) };
    }
  }
}
