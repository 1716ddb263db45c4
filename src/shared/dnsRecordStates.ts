// A DNS record's verification state: the model derives it from DescDomain, the DNS panel's messages carry it.
/** pass = Direct Mail found the record as expected; fail = missing or different; unknown = the service gives no flag. */
export const DNS_RECORD_STATES = ['pass', 'fail', 'unknown'] as const;
export type DnsRecordState = (typeof DNS_RECORD_STATES)[number];
