// The Direct Mail regions and their endpoints (reference §2). Data is region-isolated: the endpoint must match
// the console region the resources were created in.
import { isIP } from 'node:net';
import { english, type Translate } from '../shared/translate';

export type RegionId = 'cn-hangzhou' | 'ap-southeast-1' | 'ap-southeast-2' | 'us-east-1' | 'eu-central-1';

export interface RegionInfo {
  id: RegionId;
  /** English display name. */
  name: string;
  /** Public API host. */
  host: string;
}

export const REGIONS: readonly RegionInfo[] = [
  { id: 'cn-hangzhou', name: 'China (Hangzhou)', host: 'dm.aliyuncs.com' },
  { id: 'ap-southeast-1', name: 'Singapore', host: 'dm.ap-southeast-1.aliyuncs.com' },
  { id: 'ap-southeast-2', name: 'United States (formerly Sydney)', host: 'dm.ap-southeast-2.aliyuncs.com' },
  { id: 'us-east-1', name: 'US (Virginia)', host: 'dm.us-east-1.aliyuncs.com' },
  { id: 'eu-central-1', name: 'Germany (Frankfurt)', host: 'dm.eu-central-1.aliyuncs.com' },
];

export const DEFAULT_REGION: RegionId = 'cn-hangzhou';

export function isRegionId(value: unknown): value is RegionId {
  return REGIONS.some((r) => r.id === value);
}

export function regionInfo(region: RegionId, t: Translate = english): RegionInfo {
  const info = REGIONS.find((r) => r.id === region);
  if (!info) throw new Error(t('Unknown Direct Mail region "{0}". Use one of: {1}.', String(region), REGIONS.map((r) => r.id).join(', ')));
  return info;
}

/**
 * True for `localhost` and the literal loopback addresses 127.0.0.0/8, ::1 and ::ffff:127.0.0.0/104: the only hosts
 * plain http:// may reach (secrets would travel in clear). Names under `.localhost` are not accepted: whether they
 * resolve to this machine depends on the resolver, and a DNS server may answer them with any address.
 */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost') return true;
  if (isIP(host) === 4) return host.split('.').length === 4 && host.startsWith('127.');
  if (isIP(host) === 6) return isLoopbackV6(host);
  return false;
}

/** ::1, or an IPv4-mapped 127.x address in either spelling (::ffff:127.0.0.1, or ::ffff:7f00:1 as URL writes it). */
function isLoopbackV6(host: string): boolean {
  const normal = host.replace(/^(?:0{1,4}:){5}ffff:/, '::ffff:');
  if (normal.startsWith('::ffff:')) {
    const rest = normal.slice('::ffff:'.length);
    if (isIP(rest) === 4) return rest.startsWith('127.');
    const groups = rest.split(':');
    return groups.length === 2 && groups.every((g) => /^[0-9a-f]{1,4}$/.test(g)) && parseInt(groups[0], 16) >> 8 === 0x7f;
  }
  const expanded = expandV6(host);
  return expanded !== undefined && expanded.every((g, i) => g === (i === 7 ? 1 : 0));
}

/** The eight 16-bit groups of an IPv6 address without an embedded IPv4 part, or undefined. */
function expandV6(host: string): number[] | undefined {
  const halves = host.split('::');
  if (halves.length > 2 || host.includes('.')) return undefined;
  const head = halves[0] ? halves[0].split(':') : [];
  const tail = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - tail.length;
  if (missing < 0 || (halves.length === 1 && missing !== 0)) return undefined;
  return [...head, ...Array<string>(missing).fill('0'), ...tail].map((g) => parseInt(g, 16));
}

/** True for the hosts of Alibaba Cloud's own API gateway (`*.aliyuncs.com`). */
export function isAlibabaCloudHost(hostname: string): boolean {
  return hostname.toLowerCase().endsWith('.aliyuncs.com');
}

/**
 * The base URL (origin, no trailing slash) to send requests to: the override when given, else the region's host.
 * Throws an Error with a readable message for an unknown region, a malformed override or http:// to a non-loopback
 * host.
 */
export function resolveEndpoint(region: RegionId, override?: string, t: Translate = english): URL {
  const info = regionInfo(region, t);
  const trimmed = override?.trim();
  if (!trimmed) return new URL(`https://${info.host}`);
  // The URL parser silently drops tabs and line breaks inside a URL; a pasted value that holds one is refused
  // instead of being read as some other host.
  // eslint-disable-next-line no-control-regex
  const hidden = /[\s\x00-\x1f\x7f\u200b-\u200d\u2060\ufeff\u202a-\u202e\u2066-\u2069]/u.exec(trimmed)?.[0];
  if (hidden !== undefined) {
    const code = `U+${hidden.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
    throw new Error(t('The endpoint contains a space, line break or invisible character ({0}); remove it. Use a full URL such as https://dm.aliyuncs.com.', code));
  }
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(t('The endpoint "{0}" is not a valid URL. Use a full URL such as https://dm.aliyuncs.com or http://127.0.0.1:8080.', trimmed.slice(0, 100)));
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new Error(t('The endpoint "{0}" uses plain http://, which is only allowed for this machine (localhost, 127.0.0.1, ::1). Use https:// instead.', url.origin));
    }
  } else if (url.protocol !== 'https:') {
    throw new Error(t('The endpoint "{0}" must start with https:// (or http:// for localhost).', trimmed.slice(0, 100)));
  }
  if (url.username || url.password) throw new Error(t('The endpoint must not contain a user name or password.'));
  if (url.pathname !== '/' || url.search || url.hash) {
    throw new Error(t('The endpoint must be just a scheme, host and port, such as https://dm.aliyuncs.com; remove "{0}".', (url.pathname + url.search + url.hash).slice(0, 60)));
  }
  return new URL(url.origin);
}

/**
 * The Direct Mail console for a region. The China site serves cn-hangzhou; the international regions are managed in
 * the international console (dm-intl). The console keeps the region in its own selector, so the URL carries no
 * region part; if Alibaba adds per-region console paths this is the one place to change.
 */
export function consoleUrl(region: RegionId): string {
  return region === 'cn-hangzhou' ? 'https://dm.console.aliyun.com/' : 'https://dm-intl.console.aliyun.com/';
}
