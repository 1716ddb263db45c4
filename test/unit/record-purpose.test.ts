// The words for what each DNS record is for: one source for the DNS panel's first column and the verify messages.
import * as assert from 'node:assert/strict';
import { recordPurpose, type DnsRecordKind } from '../../src/model/dnsRecords';

describe('recordPurpose', () => {
  it('names each record kind in its own words', () => {
    const kinds: DnsRecordKind[] = ['ownership', 'spf', 'mx', 'dkim', 'dmarc', 'tracking'];
    assert.deepEqual(kinds.map((k) => recordPurpose(k)), ['Ownership', 'SPF', 'MX (bounces)', 'DKIM', 'DMARC', 'Tracking']);
  });

  it('translates the words that are not protocol names', () => {
    const t = (m: string): string => `<${m}>`;
    assert.deepEqual(['ownership', 'spf', 'mx', 'tracking'].map((k) => recordPurpose(k as DnsRecordKind, t)), ['<Ownership>', 'SPF', '<MX (bounces)>', '<Tracking>']);
  });
});
