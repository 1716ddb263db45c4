// One word for a domain's verification, used for its icon, colour and context value.
import { DomainStatus, RecordStatus, type DomainSummary } from '../api/types';
import type { DnsRecord } from './dnsRecords';

export type DomainState = 'verified' | 'partly' | 'unverified';

/**
 * From the list entry (no DescDomain needed): usable → verified; not usable but some records already pass →
 * partly; nothing passes → unverified.
 */
export function domainStateOfSummary(domain: Pick<DomainSummary, 'domainStatus' | 'spfAuthStatus' | 'mxAuthStatus'>): DomainState {
  // A status this version does not know is not taken for usable (the row says "unknown (<value>)").
  if (domain.domainStatus === DomainStatus.Unknown) return 'partly';
  if (domain.domainStatus !== DomainStatus.NotVerified) return 'verified';
  const anyPass = [domain.spfAuthStatus, domain.mxAuthStatus].some((s) => s === RecordStatus.Verified);
  return anyPass ? 'partly' : 'unverified';
}

/** From the derived records: all required pass → verified; some pass → partly; none → unverified. */
export function domainStateOfRecords(records: readonly DnsRecord[]): DomainState {
  const required = records.filter((r) => r.required);
  const passing = required.filter((r) => r.state === 'pass').length;
  if (required.length > 0 && passing === required.length) return 'verified';
  return passing > 0 ? 'partly' : 'unverified';
}
