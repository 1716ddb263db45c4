// Text exports of a domain's DNS records: BIND zone-file lines and a Markdown table.
// Pure (no `vscode`), so the exact text is unit-tested.

/** The part of a DNS record the exports need. Hosts are relative to the zone; `@` (or '') is the apex. */
export interface ZoneRecord {
  purpose?: string;
  type: string;
  host: string;
  value: string;
  /** MX preference. */
  priority?: number;
}

export interface ZoneFileOptions {
  /** Write owner names as absolute names with a trailing dot instead of relative to `$ORIGIN`. */
  fqdn?: boolean;
  /** TTL in seconds for every record; omitted = the zone's default. */
  ttl?: number;
}

/** A TXT character-string holds at most 255 bytes (RFC 1035 §3.3). */
const MAX_TXT_STRING_BYTES = 255;

const isApex = (host: string): boolean => host === '' || host === '@';

/** Absolute name with a trailing dot: `dmtrace.mail` in `example.com` → `dmtrace.mail.example.com.`. */
export function fqdn(host: string, zone: string): string {
  const z = zone.replace(/\.$/, '');
  if (isApex(host)) return `${z}.`;
  if (host.endsWith('.')) return host;
  return `${host}.${z}.`;
}

/** Splits text into pieces of at most `max` UTF-8 bytes without cutting a character in two. */
export function splitUtf8(text: string, max = MAX_TXT_STRING_BYTES): string[] {
  const pieces: string[] = [];
  let current = '';
  let bytes = 0;
  for (const ch of text) {
    const size = Buffer.byteLength(ch, 'utf8');
    if (bytes + size > max) {
      pieces.push(current);
      current = '';
      bytes = 0;
    }
    current += ch;
    bytes += size;
  }
  if (current !== '' || pieces.length === 0) pieces.push(current);
  return pieces;
}

/** TXT data as one or more quoted strings; `"` and `\` are escaped inside each string. */
export function quoteTxt(value: string): string {
  return splitUtf8(value)
    .map((piece) => `"${piece.replace(/[\\"]/g, (c) => `\\${c}`)}"`)
    .join(' ');
}

/** A target host name (MX exchange, CNAME) must be absolute, or the zone's origin gets appended. */
const absoluteTarget = (name: string): string => (name.endsWith('.') ? name : `${name}.`);

function rdata(record: ZoneRecord): string {
  switch (record.type.toUpperCase()) {
    case 'TXT':
      return quoteTxt(record.value);
    case 'MX':
      return `${record.priority ?? 10} ${absoluteTarget(record.value)}`;
    case 'CNAME':
      return absoluteTarget(record.value);
    default:
      return record.value;
  }
}

/** The records as BIND zone-file lines, each preceded by a comment naming its purpose. */
export function toZoneFile(zone: string, records: readonly ZoneRecord[], options: ZoneFileOptions = {}): string {
  const origin = fqdn('@', zone);
  const lines = options.fqdn ? [] : [`$ORIGIN ${origin}`];
  for (const record of records) {
    if (record.purpose) lines.push(`; ${record.purpose}`);
    const owner = options.fqdn ? fqdn(record.host, zone) : isApex(record.host) ? '@' : record.host;
    const ttl = options.ttl !== undefined ? `\t${options.ttl}` : '';
    lines.push(`${owner}${ttl}\tIN\t${record.type.toUpperCase()}\t${rdata(record)}`);
  }
  return `${lines.join('\n')}\n`;
}

const cell = (text: string): string => text.replace(/\\/g, '\\\\').replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');

/** The records as a Markdown table (renders in issues and docs, pastes into most editors). */
export function toMarkdownTable(zone: string, records: readonly ZoneRecord[]): string {
  const rows = [
    '| Purpose | Type | Host | FQDN | Value | Priority |',
    '| --- | --- | --- | --- | --- | --- |',
    ...records.map((r) =>
      `| ${cell(r.purpose ?? '')} | ${r.type.toUpperCase()} | ${cell(isApex(r.host) ? '@' : r.host)} | ${cell(fqdn(r.host, zone))} | ${cell(r.value)} | ${r.priority ?? ''} |`,
    ),
  ];
  return `${rows.join('\n')}\n`;
}
