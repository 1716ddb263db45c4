// The DNS records a sending domain needs, derived from DescDomain (reference §6.2): what the user types into their
// DNS provider (host relative to the zone, type, value, priority), the full name, whether Direct Mail sees it, and
// a sentence saying why the record exists. Pure, so the mapping is unit-tested without VS Code.
import { DomainStatus, RecordStatus, type DomainDetail } from '../api/types';
import type { DnsRecordState } from '../shared/dnsRecordStates';
import { english, type Translate } from '../shared/translate';
import { toZoneFile } from './zoneFile';

export type DnsRecordKind = 'ownership' | 'spf' | 'mx' | 'dkim' | 'dmarc' | 'tracking';

/** What a record is for, in a word or two: the DNS panel's first column and the verify messages use the same words. */
export function recordPurpose(kind: DnsRecordKind, t: Translate = english): string {
  switch (kind) {
    case 'ownership':
      return t('Ownership');
    case 'spf':
      return 'SPF';
    case 'mx':
      return t('MX (bounces)');
    case 'dkim':
      return 'DKIM';
    case 'dmarc':
      return 'DMARC';
    case 'tracking':
      return t('Tracking');
  }
}
export type DnsRecordType = 'TXT' | 'MX' | 'CNAME';

export interface DnsRecord {
  kind: DnsRecordKind;
  type: DnsRecordType;
  /** Host as DNS consoles ask for it: relative to the zone, `@` for the zone apex. */
  host: string;
  /** Fully qualified name, without the trailing dot. */
  fqdn: string;
  zone: string;
  value: string;
  /** MX only. */
  priority?: number;
  state: DnsRecordState;
  /** Needed for the domain to verify (the tracking CNAME is optional). */
  required: boolean;
  /** What the record is for and what to do, in words. */
  explanation: string;
  /**
   * For a record that does not verify: the different value Direct Mail last saw at its host in public DNS
   * (DescDomain's DnsTxt/DnsSpf/DnsMx/DnsDmarc), which usually shows the mistake (a typo, an old value, quotes).
   */
  seen?: string;
}

/** The MX priority Direct Mail documents. */
export const MX_PRIORITY = 10;

/** `mail` for mail.example.com in zone example.com; empty for the apex. */
export function subdomainOf(domainName: string, zone: string): string {
  const name = domainName.toLowerCase().replace(/\.$/, '');
  const z = zone.toLowerCase().replace(/\.$/, '');
  if (!z || name === z) return '';
  return name.endsWith(`.${z}`) ? name.slice(0, -(z.length + 1)) : '';
}

/** Makes a host relative to the zone whether the service gave it relative or fully qualified. */
export function relativeHost(host: string, zone: string): string {
  const h = host.trim().replace(/\.$/, '');
  const z = zone.toLowerCase();
  if (!h || h === '@' || h.toLowerCase() === z) return '@';
  return h.toLowerCase().endsWith(`.${z}`) ? h.slice(0, -(z.length + 1)) : h;
}

const join = (prefix: string, sub: string): string => (sub ? `${prefix}.${sub}` : prefix);
export const fqdnOf = (host: string, zone: string): string => (host === '@' ? zone : `${host}.${zone}`);

const flag = (status: RecordStatus | undefined): DnsRecordState =>
  status === RecordStatus.Verified ? 'pass' : status === RecordStatus.NotVerified ? 'fail' : 'unknown';

/** The full SPF text: SpfRecordV2 when given, else built from the legacy `include:` fragment. */
export function spfValue(detail: Pick<DomainDetail, 'spfRecordV2' | 'spfRecord'>): string {
  if (detail.spfRecordV2.trim()) return detail.spfRecordV2.trim();
  const fragment = detail.spfRecord.trim();
  if (!fragment) return '';
  return `v=spf1 ${fragment.startsWith('include:') ? fragment : `include:${fragment}`} -all`;
}

/**
 * Ownership has no flag of its own: a usable domain has proved it; otherwise compare what public DNS returned
 * (DnsTxt, filled by a real-time DescDomain) with the token.
 */
function ownershipState(detail: DomainDetail): DnsRecordState {
  if (detail.domainStatus !== DomainStatus.NotVerified) return 'pass';
  if (!detail.dnsTxt) return 'fail';
  return detail.dnsTxt.split(/[\s,]+/).some((v) => v.replace(/^"|"$/g, '') === detail.domainType) ? 'pass' : 'fail';
}

/** The live value public DNS gave for a record's host (only these four have one), unless it is the expected one. */
function seenInstead(kind: DnsRecordKind, expected: string, detail: DomainDetail): string | undefined {
  const live = { ownership: detail.dnsTxt, spf: detail.dnsSpf, mx: detail.dnsMx, dmarc: detail.dnsDmarc }[kind as 'ownership' | 'spf' | 'mx' | 'dmarc']?.trim();
  if (!live) return undefined;
  const bare = (v: string): string => v.replace(/^"|"$/g, '').trim().toLowerCase().replace(/\.$/, '');
  return bare(live) === bare(expected) ? undefined : live;
}

/** Every record of the domain, in the order a user publishes them. Records the service gave no value for are left out. */
export function deriveDnsRecords(detail: DomainDetail, t: Translate = english): DnsRecord[] {
  const zone = (detail.tlDomainName || detail.domainName).toLowerCase();
  const sub = subdomainOf(detail.domainName, zone);
  const apex = sub || '@';
  const name = detail.domainName;
  const records: DnsRecord[] = [];
  const add = (r: Omit<DnsRecord, 'fqdn' | 'zone' | 'explanation'>, explanation: string): void => {
    if (!r.value) return;
    const seen = r.state === 'fail' ? seenInstead(r.kind, r.value, detail) : undefined;
    records.push({ ...r, zone, fqdn: fqdnOf(r.host, zone), explanation, ...(seen ? { seen } : {}) });
  };

  const ownershipHost = relativeHost(detail.hostRecord || join('aliyundm', sub), zone);
  add({ kind: 'ownership', type: 'TXT', host: ownershipHost, value: detail.domainType, state: ownershipState(detail), required: true },
    t('Ownership: proves to Direct Mail that you control {0}. Publish a TXT record at host "{1}" with exactly this token.', name, ownershipHost));
  add({ kind: 'spf', type: 'TXT', host: apex, value: spfValue(detail), state: flag(detail.spfAuthStatus), required: true },
    t('SPF: allows Direct Mail\'s servers to send mail for {0}, so receivers do not treat it as forged. Publish it as a TXT record at host "{1}"; if that host already has an SPF record, merge the include into it (one SPF record per host).', name, apex));
  add({ kind: 'mx', type: 'MX', host: apex, value: detail.mxRecord, priority: MX_PRIORITY, state: flag(detail.mxAuthStatus), required: true },
    t('MX: receives bounces and replies for {0}; Direct Mail requires it to verify the domain. Publish an MX record at host "{1}" with priority {2}.', name, apex, MX_PRIORITY));
  const dkimHost = relativeHost(detail.dkimRR, zone);
  add({ kind: 'dkim', type: 'TXT', host: dkimHost, value: detail.dkimPublicKey, state: flag(detail.dkimAuthStatus), required: true },
    t('DKIM: the public key receivers use to check Direct Mail\'s signature on mail from {0}. Publish a TXT record at host "{1}"; paste the value whole, without line breaks.', name, dkimHost));
  const dmarcHost = relativeHost(detail.dmarcHostRecord || join('_dmarc', sub), zone);
  add({ kind: 'dmarc', type: 'TXT', host: dmarcHost, value: detail.dmarcRecord, state: flag(detail.dmarcAuthStatus), required: true },
    t('DMARC: tells receivers what to do with mail from {0} that fails SPF and DKIM, and where to send reports. Publish a TXT record at host "{1}".', name, dmarcHost));
  const trackingHost = relativeHost(join(detail.cnameRecord || 'dmtrace', sub), zone);
  add({ kind: 'tracking', type: 'CNAME', host: trackingHost, value: detail.tracefRecord, state: flag(detail.cnameAuthStatus), required: false },
    t('Tracking (optional): lets Direct Mail count opens and clicks with links on your own domain. Publish a CNAME record at host "{0}" pointing to this target.', trackingHost));
  return records;
}

/** `host  TYPE  value` as the tree shows it (MX with its priority). */
export function recordLabel(record: DnsRecord): string {
  const value = record.priority !== undefined ? `${record.priority} ${record.value}` : record.value;
  return `${record.host}  ${record.type}  ${value}`;
}

/** One BIND zone-file line, fully qualified (the zone-file export writes it; one writer for both). */
export function zoneLine(record: DnsRecord): string {
  return toZoneFile(record.zone, [{ type: record.type, host: record.host, value: record.value, priority: record.priority }], { fqdn: true }).trimEnd();
}

/** The state word for tooltips. */
export function stateText(state: DnsRecordState, t: Translate = english): string {
  switch (state) {
    case 'pass':
      return t('Direct Mail found this record and it is correct.');
    case 'fail':
      return t('Direct Mail did not find this record, or its value differs. Publish it, wait for DNS to update, then verify the domain.');
    default:
      return t('Direct Mail reports no check for this record.');
  }
}
