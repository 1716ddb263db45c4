// The Direct Mail regions and their endpoints (reference §2). Data is region-isolated: the endpoint must match
// the console region the resources were created in.
import { isIP } from 'node:net';

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

export function regionInfo(region: RegionId): RegionInfo {
  const info = REGIONS.find((r) => r.id === region);
  if (!info) throw new Error(`Unknown Direct Mail region "${String(region)}". Use one of: ${REGIONS.map((r) => r.id).join(', ')}.`);
  return info;
}

/** True for localhost, 127.0.0.0/8 and ::1: the only hosts plain http:// may reach (secrets would travel in clear). */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.replace(/^\[|\]$/g, '').toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost')) return true;
  if (isIP(host) === 4) return host.startsWith('127.');
  if (isIP(host) === 6) return host === '::1' || host === '0:0:0:0:0:0:0:1' || /^::ffff:127\./.test(host);
  return false;
}

/**
 * The base URL (origin, no trailing slash) to send requests to: the override when given, else the region's host.
 * Throws an Error with a readable message for a malformed override or http:// to a non-loopback host.
 */
export function resolveEndpoint(region: RegionId, override?: string): URL {
  const trimmed = override?.trim();
  if (!trimmed) return new URL(`https://${regionInfo(region).host}`);
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    throw new Error(`The endpoint "${trimmed}" is not a valid URL. Use a full URL such as https://dm.aliyuncs.com or http://127.0.0.1:8080.`);
  }
  if (url.protocol === 'http:') {
    if (!isLoopbackHost(url.hostname)) {
      throw new Error(`The endpoint "${url.origin}" uses plain http://, which is only allowed for this machine (localhost, 127.0.0.1, ::1). Use https:// instead.`);
    }
  } else if (url.protocol !== 'https:') {
    throw new Error(`The endpoint "${trimmed}" must start with https:// (or http:// for localhost).`);
  }
  if (url.username || url.password) throw new Error('The endpoint must not contain a user name or password.');
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
