import * as assert from 'node:assert/strict';
import { fqdn, quoteTxt, splitUtf8, toMarkdownTable, toZoneFile, type ZoneRecord } from '../../src/model/zoneFile';

// A 2048-bit DKIM key is 392 base64 characters: longer than one 255-byte TXT string.
const KEY = 'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA' + 'A'.repeat(300) + 'QIDAQAB';
const DKIM_VALUE = `v=DKIM1; k=rsa; p=${KEY}`;

// Shape of the demo apex domain example.com (cn-hangzhou).
const apex: ZoneRecord[] = [
  { purpose: 'Ownership', type: 'TXT', host: 'aliyundm', value: '0c40d5f125af4e42892a' },
  { purpose: 'SPF', type: 'TXT', host: '@', value: 'v=spf1 include:spf1.dm.aliyun.com -all' },
  { purpose: 'MX', type: 'MX', host: '@', value: 'mx01.dm.aliyun.com', priority: 10 },
  { purpose: 'DKIM', type: 'TXT', host: 'aliyun-cn-hangzhou._domainkey', value: 'v=DKIM1; k=rsa; p=MIGfMA0G' },
  { purpose: 'DMARC', type: 'TXT', host: '_dmarc', value: 'v=DMARC1;p=none;rua=mailto:dmarc_report@service.aliyun.com' },
  { purpose: 'Tracking', type: 'CNAME', host: 'dmtrace', value: 'tracedm.aliyuncs.com' },
];

// Shape of the demo sub-domain mail.example.org: hosts carry the sub-domain part.
const sub: ZoneRecord[] = [
  { purpose: 'Ownership', type: 'TXT', host: 'aliyundm.mail', value: 'f00dfeed' },
  { purpose: 'SPF', type: 'TXT', host: 'mail', value: 'v=spf1 include:spf1.dm.aliyun.com -all' },
  { purpose: 'MX', type: 'MX', host: 'mail', value: 'mx01.dm.aliyun.com', priority: 10 },
  { purpose: 'DKIM', type: 'TXT', host: 'aliyun-cn-hangzhou._domainkey.mail', value: DKIM_VALUE },
];

describe('zone-file export', () => {
  it('writes an apex domain relative to $ORIGIN, with absolute MX and CNAME targets', () => {
    assert.equal(
      toZoneFile('example.com', apex),
      [
        '$ORIGIN example.com.',
        '; Ownership',
        'aliyundm\tIN\tTXT\t"0c40d5f125af4e42892a"',
        '; SPF',
        '@\tIN\tTXT\t"v=spf1 include:spf1.dm.aliyun.com -all"',
        '; MX',
        '@\tIN\tMX\t10 mx01.dm.aliyun.com.',
        '; DKIM',
        'aliyun-cn-hangzhou._domainkey\tIN\tTXT\t"v=DKIM1; k=rsa; p=MIGfMA0G"',
        '; DMARC',
        '_dmarc\tIN\tTXT\t"v=DMARC1;p=none;rua=mailto:dmarc_report@service.aliyun.com"',
        '; Tracking',
        'dmtrace\tIN\tCNAME\ttracedm.aliyuncs.com.',
        '',
      ].join('\n'),
    );
  });

  it('writes absolute owner names with a trailing dot and a TTL when asked', () => {
    assert.equal(
      toZoneFile('example.org', sub.slice(0, 3), { fqdn: true, ttl: 600 }),
      [
        '; Ownership',
        'aliyundm.mail.example.org.\t600\tIN\tTXT\t"f00dfeed"',
        '; SPF',
        'mail.example.org.\t600\tIN\tTXT\t"v=spf1 include:spf1.dm.aliyun.com -all"',
        '; MX',
        'mail.example.org.\t600\tIN\tMX\t10 mx01.dm.aliyun.com.',
        '',
      ].join('\n'),
    );
  });

  it('splits a long DKIM value into quoted strings of at most 255 bytes', () => {
    const text = toZoneFile('example.org', [sub[3]]);
    const first = DKIM_VALUE.slice(0, 255);
    const rest = DKIM_VALUE.slice(255);
    assert.equal(text, `$ORIGIN example.org.\n; DKIM\naliyun-cn-hangzhou._domainkey.mail\tIN\tTXT\t"${first}" "${rest}"\n`);
    assert.equal(first.length, 255);
  });

  it('escapes quotes and backslashes inside TXT strings', () => {
    assert.equal(quoteTxt('say "hi" \\ bye'), '"say \\"hi\\" \\\\ bye"');
    assert.equal(quoteTxt(''), '""');
  });

  it('never cuts a multi-byte character when splitting', () => {
    const text = 'a' + 'é'.repeat(200); // 1 + 400 bytes
    const pieces = splitUtf8(text);
    assert.deepEqual(pieces.map((p) => Buffer.byteLength(p)), [255, 146]);
    assert.equal(pieces.join(''), text);
  });

  it('builds FQDNs for apex, relative and already absolute hosts', () => {
    assert.equal(fqdn('@', 'example.com'), 'example.com.');
    assert.equal(fqdn('', 'example.com.'), 'example.com.');
    assert.equal(fqdn('dmtrace.mail', 'example.com'), 'dmtrace.mail.example.com.');
    assert.equal(fqdn('other.net.', 'example.com'), 'other.net.');
  });

  it('writes a Markdown table with escaped pipes', () => {
    assert.equal(
      toMarkdownTable('example.com', [apex[2], { purpose: 'Odd', type: 'TXT', host: 'x', value: 'a|b' }]),
      [
        '| Purpose | Type | Host | FQDN | Value | Priority |',
        '| --- | --- | --- | --- | --- | --- |',
        '| MX | MX | @ | example.com. | mx01.dm.aliyun.com | 10 |',
        '| Odd | TXT | x | x.example.com. | a\\|b |  |',
        '',
      ].join('\n'),
    );
  });
});
