// Plain-JSON form of an account: what GET /__emulator/state shows and what --state-file persists (one format).
import type { AccountName } from './credentials';
import { domainRecords } from './dns';
import type { AccountState, Domain, MailAddress, Quota, ReceiverList, Recipient, SentMail, Tag } from './state';

export interface DomainJson extends Omit<Domain, 'passwordHash'> {
  passwordSet: boolean;
  /** Hash kept so a persisted state still refuses "same as current" password changes. */
  passwordHash?: string;
  /** The records to publish, for tests and tools that want the expected values. */
  dns: ReturnType<typeof domainRecords>;
}
export interface ReceiverJson extends Omit<ReceiverList, 'recipients'> { count: number; recipients: Recipient[] }

export interface AccountJson {
  name: AccountName;
  nextId: AccountState['nextId'];
  totals: { domains: number; mailAddresses: number; receivers: number; tags: number; templates: number };
  domains: DomainJson[];
  mailAddresses: MailAddress[];
  receivers: ReceiverJson[];
  tags: Tag[];
  templates: number;
  quota: Quota;
  sentMails: SentMail[];
}

export function accountToJson(a: AccountState): AccountJson {
  return {
    name: a.name,
    nextId: { ...a.nextId },
    totals: { domains: a.domains.size, mailAddresses: a.mailAddresses.size, receivers: a.receivers.size, tags: a.tags.size, templates: a.templates },
    domains: [...a.domains.values()].map((d) => ({ ...d, passwordSet: d.passwordHash !== undefined, dns: domainRecords(d) })),
    mailAddresses: [...a.mailAddresses.values()].map((m) => ({ ...m })),
    receivers: [...a.receivers.values()].map((r) => ({ ...r, count: r.recipients.size, recipients: [...r.recipients.values()] })),
    tags: [...a.tags.values()].map((t) => ({ ...t })),
    templates: a.templates,
    quota: { ...a.quota },
    sentMails: [...a.sentMails],
  };
}

export function accountFromJson(j: AccountJson): AccountState {
  return {
    name: j.name,
    nextId: { ...j.nextId },
    domains: new Map(j.domains.map(({ dns: _dns, passwordSet: _set, ...d }) => [d.id, d])),
    mailAddresses: new Map(j.mailAddresses.map((m) => [m.id, m])),
    receivers: new Map(j.receivers.map(({ count: _count, recipients, ...r }) =>
      [r.id, { ...r, recipients: new Map(recipients.map((p) => [p.email, p])) }])),
    tags: new Map(j.tags.map((t) => [t.id, t])),
    templates: j.templates,
    quota: { ...j.quota },
    sentMails: [...j.sentMails],
  };
}

/** An account's totals in the extension's words (the account panel's counts): the emulator keeps the API's nouns. */
export function countsInExtensionWords(t: AccountJson['totals']): { domains: number; senderAddresses: number; recipientLists: number; tags: number; templates: number } {
  return { domains: t.domains, senderAddresses: t.mailAddresses, recipientLists: t.receivers, tags: t.tags, templates: t.templates };
}
