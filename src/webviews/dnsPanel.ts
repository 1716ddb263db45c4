// DNS setup panel: the records a domain needs, their live state, copying, and verification.
import * as vscode from 'vscode';
import { DomainStatus, type DomainDetail } from '../api/types';
import { deriveDnsRecords, type DnsRecord } from '../model/dnsRecords';
import { toMarkdownTable, toZoneFile, type ZoneRecord } from '../model/zoneFile';
import { requireClient, type WebviewDeps } from './deps';
import type { Outcome, PanelController } from './panelHost';
import type { CopyTarget, DnsView, ToHostRequest } from './protocol';

/** What a record is for, in a word or two (literal l10n calls so the bundle check sees each key). */
function purposeOf(record: DnsRecord): string {
  switch (record.kind) {
    case 'ownership':
      return vscode.l10n.t('Ownership');
    case 'spf':
      return 'SPF';
    case 'mx':
      return vscode.l10n.t('MX (bounces)');
    case 'dkim':
      return 'DKIM';
    case 'dmarc':
      return 'DMARC';
    case 'tracking':
      return vscode.l10n.t('Tracking');
  }
}
const asZoneRecord = (record: DnsRecord, withPurpose = true): ZoneRecord => ({
  purpose: withPurpose ? purposeOf(record) : undefined,
  type: record.type,
  host: record.host,
  value: record.value,
  priority: record.priority,
});

function statusText(detail: DomainDetail, records: readonly DnsRecord[]): string {
  if (detail.domainStatus !== DomainStatus.NotVerified) {
    return vscode.l10n.t('Verified: Direct Mail found the required records, so addresses on {0} can send mail.', detail.domainName);
  }
  const missing = records.filter((r) => r.required && r.state !== 'pass').length;
  return vscode.l10n.t(
    'Not verified: {0} required record(s) are missing or differ. Publish them at your DNS provider, wait for DNS to update (minutes to hours), then press Verify.',
    missing,
  );
}

export function dnsView(detail: DomainDetail, records: readonly DnsRecord[], checkedAt?: Date): DnsView {
  return {
    panel: 'dns',
    domainId: detail.domainId,
    domainName: detail.domainName,
    zone: records[0]?.zone ?? (detail.tlDomainName || detail.domainName),
    verified: detail.domainStatus !== DomainStatus.NotVerified,
    statusText: statusText(detail, records),
    records: records.map((r) => ({
      purpose: purposeOf(r),
      type: r.type,
      host: r.host,
      fqdn: r.fqdn,
      value: r.value,
      priority: r.priority,
      state: r.state,
      required: r.required,
      explanation: r.explanation,
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
      return toZoneFile(zone, [asZoneRecord(record, false)], { fqdn: true });
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
  private records: DnsRecord[] = [];
  private zone = '';

  constructor(
    private readonly domainId: string,
    private readonly deps: WebviewDeps,
  ) {}

  private async describe(realTime: boolean, checkedAt?: Date): Promise<DnsView> {
    const client = await requireClient(this.deps);
    const detail = await client.descDomain(this.domainId, { realTime });
    this.records = deriveDnsRecords(detail, vscode.l10n.t);
    const view = dnsView(detail, this.records, checkedAt);
    this.zone = view.zone;
    this.title = vscode.l10n.t('DNS setup: {0}', detail.domainName);
    return view;
  }

  load(): Promise<DnsView> {
    return this.describe(false);
  }

  async handle(request: ToHostRequest): Promise<Outcome> {
    switch (request.type) {
      case 'refresh':
        return { ok: true, view: await this.describe(true) };
      case 'verify': {
        const client = await requireClient(this.deps);
        const { domainStatus } = await client.checkDomain(this.domainId);
        const view = await this.describe(true, new Date());
        const verified = domainStatus !== DomainStatus.NotVerified;
        return {
          ok: true,
          view,
          message: verified
            ? vscode.l10n.t('{0} is verified.', view.domainName)
            : vscode.l10n.t('{0} is not verified yet. The records marked as missing still need publishing, or DNS has not updated yet.', view.domainName),
        };
      }
      case 'copy': {
        if (this.records.length === 0) await this.load();
        await vscode.env.clipboard.writeText(copyText(this.zone, this.records, request.target, request.index));
        return { ok: true, message: copiedText(request.target) };
      }
      default:
        return { ok: false, message: vscode.l10n.t('The DNS setup panel does not handle "{0}".', request.type) };
    }
  }
}
