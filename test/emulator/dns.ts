// The DNS records a domain must publish (reference §6) and how verification decides the domain status.
import { randomBytes } from 'node:crypto';
import { hexToken } from './ids';

export type RecordKind = 'ownership' | 'spf' | 'mx' | 'dkim' | 'dmarc' | 'cname';
export const RECORD_KINDS: readonly RecordKind[] = ['ownership', 'spf', 'mx', 'dkim', 'dmarc', 'cname'];
/** The records that gate DomainStatus 0 (reference §6.3: ownership TXT + SPF + MX). */
export const GATING_RECORDS: readonly RecordKind[] = ['ownership', 'spf', 'mx'];

interface RegionDns { spf: string; mx: string; trace: string; dmarcRua: string }

const REGION_DNS: Record<string, RegionDns> = {
  'cn-hangzhou': { spf: 'spf1.dm.aliyun.com', mx: 'mx01.dm.aliyun.com', trace: 'tracedm.aliyuncs.com', dmarcRua: 'dmarc_report@service.aliyun.com' },
  'ap-southeast-1': regional('ap-southeast-1', 'dmarc_report@service.aliyun.com'),
  'ap-southeast-2': regional('ap-southeast-2', 'dmarc_report@service.aliyun.com'),
  'us-east-1': regional('us-east-1', 'dmarc_report@service.aliyun.com'),
  'eu-central-1': regional('eu-central-1', 'dmarc_report@aliyun.com'),
};

function regional(region: string, dmarcRua: string): RegionDns {
  return { spf: `spfdm-${region}.aliyun.com`, mx: `mxdm-${region}.aliyun.com`, trace: `tracedm-${region}.aliyuncs.com`, dmarcRua };
}

export const regionDns = (region: string): RegionDns => REGION_DNS[region] ?? REGION_DNS['cn-hangzhou'];

// Second-level suffixes under which the registrable domain has three labels (enough for plausible demo data).
const TWO_LABEL_SUFFIXES = new Set(['co.uk', 'org.uk', 'com.cn', 'net.cn', 'org.cn', 'com.au', 'co.jp', 'com.sg', 'co.nz']);

/** The registrable domain (`TlDomainName`): `mail.example.com` → `example.com`. */
export function registrableDomain(name: string): string {
  const labels = name.split('.');
  const take = labels.length >= 3 && TWO_LABEL_SUFFIXES.has(labels.slice(-2).join('.')) ? 3 : 2;
  return labels.slice(-take).join('.');
}

/** The part left of the registrable domain (`mail` for `mail.example.com`, empty for an apex domain). */
export function subPart(name: string): string {
  const zone = registrableDomain(name);
  return name.length > zone.length ? name.slice(0, name.length - zone.length - 1) : '';
}

const withSub = (prefix: string, sub: string): string => (sub ? `${prefix}.${sub}` : prefix);

// A DER header of a 1024-bit RSA public key, so the random key below looks like the real thing.
const RSA1024_PREFIX = 'MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQ';

/** A plausible DKIM public key (random bytes; nothing ever verifies a signature with it). */
export const fakeDkimKey = (): string => RSA1024_PREFIX + randomBytes(102).toString('base64').replace(/=+$/, '') + 'IDAQAB';

export const newOwnershipToken = (): string => hexToken(20);

export interface DomainDnsInput {
  name: string;
  region: string;
  ownershipToken: string;
  dkimSelector: string;
  dkimPublicKey: string;
}

export interface DnsRecord { kind: RecordKind; type: 'TXT' | 'MX' | 'CNAME'; host: string; value: string }

/** Every record to publish, hosts relative to the registrable domain. */
export function domainRecords(d: DomainDnsInput): Record<RecordKind, DnsRecord> {
  const sub = subPart(d.name);
  const dns = regionDns(d.region);
  return {
    ownership: { kind: 'ownership', type: 'TXT', host: withSub('aliyundm', sub), value: d.ownershipToken },
    spf: { kind: 'spf', type: 'TXT', host: sub || '@', value: `v=spf1 include:${dns.spf} -all` },
    mx: { kind: 'mx', type: 'MX', host: sub || '@', value: dns.mx },
    dkim: { kind: 'dkim', type: 'TXT', host: withSub(`${d.dkimSelector}._domainkey`, sub), value: `v=DKIM1; k=rsa; p=${d.dkimPublicKey}` },
    dmarc: { kind: 'dmarc', type: 'TXT', host: withSub('_dmarc', sub), value: `v=DMARC1;p=none;rua=mailto:${dns.dmarcRua}` },
    cname: { kind: 'cname', type: 'CNAME', host: withSub('dmtrace', sub), value: dns.trace },
  };
}

export const defaultDkimSelector = (region: string): string => `aliyun-${REGION_DNS[region] ? region : 'cn-hangzhou'}`;
