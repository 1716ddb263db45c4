// One account's Direct Mail data and the mutations shared by the seeds and the actions.
import type { AccountName } from './credentials';
import type { RecordKind } from './dns';
import { RECORD_KINDS, GATING_RECORDS, defaultDkimSelector, fakeDkimKey, newOwnershipToken } from './dns';
import { hexToken } from './ids';

/** `value`: published with this different value (a typo, an old record) instead of the one Direct Mail asks for. */
export interface RecordState { published: boolean; verified: boolean; value?: string }

export interface Domain {
  id: number;
  name: string;
  region: string;
  createdAt: number;
  ownershipToken: string;
  dkimSelector: string;
  dkimPublicKey: string;
  records: Record<RecordKind, RecordState>;
  /** 0 verified and usable, 1 not verified (reference §6.3). */
  status: number;
  /** SHA-256 of the domain-level SMTP password; the emulator never keeps a password in clear. */
  passwordHash?: string;
}

export type SendType = 'batch' | 'trigger';

export interface MailAddress {
  id: number;
  accountName: string;
  sendtype: SendType;
  replyAddress: string;
  /** 1 once the reply-to address is approved, 0 before. */
  replyStatus: number;
  /** Ticket of the pending reply-to verification mail (what the link in that mail carries). */
  replyTicket?: string;
  createdAt: number;
  dailyReqCount: number;
  monthReqCount: number;
  passwordHash?: string;
}

/** Short keys as SaveReceiverDetail takes them: u user name, n nickname, g gender, b birthday, m mobile. */
export interface RecipientData { u?: string; n?: string; g?: string; b?: string; m?: string }

export interface Recipient { email: string; data: RecipientData; createdAt: number }

export interface ReceiverList {
  id: string;
  name: string;
  alias: string;
  desc: string;
  createdAt: number;
  /** Keyed by lower-case address; insertion order is list order. */
  recipients: Map<string, Recipient>;
}

export interface Tag { id: number; name: string; description: string; createdAt: number }

export interface Quota {
  dailyQuota: number;
  monthQuota: number;
  quotaLevel: number;
  maxQuotaLevel: number;
  remainFreeQuota: number;
  dailyRemainFreeQuota: number;
  userStatus: number;
  sentToday: number;
  sentThisMonth: number;
}

export interface SentMail { envId: string; from: string; to: string[]; subject: string; tagName?: string; at: number }

export interface AccountState {
  name: AccountName;
  nextId: { domain: number; mailAddress: number; tag: number };
  domains: Map<number, Domain>;
  mailAddresses: Map<number, MailAddress>;
  receivers: Map<string, ReceiverList>;
  tags: Map<number, Tag>;
  templates: number;
  quota: Quota;
  /** Last messages accepted by SingleSendMail, newest last (kept short). */
  sentMails: SentMail[];
}

export const SENT_MAIL_MEMORY = 50;

export function newAccount(name: AccountName, idBase: number): AccountState {
  return {
    name,
    nextId: { domain: idBase + 158910, mailAddress: idBase + 237915, tag: idBase + 91141 },
    domains: new Map(),
    mailAddresses: new Map(),
    receivers: new Map(),
    tags: new Map(),
    templates: 0,
    quota: {
      dailyQuota: 2000, monthQuota: 60000, quotaLevel: 2, maxQuotaLevel: 10,
      remainFreeQuota: 1910, dailyRemainFreeQuota: 100, userStatus: 0, sentToday: 0, sentThisMonth: 0,
    },
    sentMails: [],
  };
}

const recordStates = (verified: readonly RecordKind[]): Record<RecordKind, RecordState> =>
  Object.fromEntries(RECORD_KINDS.map((k) => [k, { published: verified.includes(k), verified: verified.includes(k) }])) as Record<RecordKind, RecordState>;

/** Verification result: DomainStatus 0 once every gating record verifies. */
export const statusFromRecords = (records: Record<RecordKind, RecordState>): number =>
  GATING_RECORDS.every((k) => records[k].verified) ? 0 : 1;

export interface NewDomain { name: string; region?: string; dkimSelector?: string; createdAt?: number; verified?: readonly RecordKind[] }

export function addDomain(account: AccountState, input: NewDomain): Domain {
  const region = input.region ?? 'cn-hangzhou';
  const records = recordStates(input.verified ?? []);
  const domain: Domain = {
    id: account.nextId.domain++,
    name: input.name.toLowerCase(),
    region,
    createdAt: input.createdAt ?? Date.now(),
    ownershipToken: newOwnershipToken(),
    dkimSelector: input.dkimSelector || defaultDkimSelector(region),
    dkimPublicKey: fakeDkimKey(),
    records,
    status: statusFromRecords(records),
  };
  account.domains.set(domain.id, domain);
  return domain;
}

/** Re-runs verification: what is published now counts as verified (CheckDomain). */
export function verifyDomain(domain: Domain): number {
  for (const kind of RECORD_KINDS) domain.records[kind].verified = domain.records[kind].published && domain.records[kind].value === undefined;
  domain.status = statusFromRecords(domain.records);
  return domain.status;
}

export const findDomainByName = (account: AccountState, name: string): Domain | undefined => {
  const wanted = name.toLowerCase();
  for (const d of account.domains.values()) if (d.name === wanted) return d;
  return undefined;
};

export interface NewMailAddress { accountName: string; sendtype: SendType; replyAddress?: string; replyStatus?: number; createdAt?: number }

export function addMailAddress(account: AccountState, input: NewMailAddress): MailAddress {
  const address: MailAddress = {
    id: account.nextId.mailAddress++,
    accountName: input.accountName.toLowerCase(),
    sendtype: input.sendtype,
    replyAddress: input.replyAddress ?? '',
    replyStatus: input.replyStatus ?? 0,
    createdAt: input.createdAt ?? Date.now(),
    dailyReqCount: 0,
    monthReqCount: 0,
  };
  account.mailAddresses.set(address.id, address);
  return address;
}

export const findMailAddressByName = (account: AccountState, name: string): MailAddress | undefined => {
  const wanted = name.toLowerCase();
  for (const a of account.mailAddresses.values()) if (a.accountName === wanted) return a;
  return undefined;
};

export function addTag(account: AccountState, name: string, description = '', createdAt = Date.now()): Tag {
  const tag: Tag = { id: account.nextId.tag++, name, description, createdAt };
  account.tags.set(tag.id, tag);
  return tag;
}

export function addReceiver(account: AccountState, input: { name: string; alias: string; desc?: string; createdAt?: number }): ReceiverList {
  const list: ReceiverList = {
    id: hexToken(32), name: input.name, alias: input.alias, desc: input.desc ?? '',
    createdAt: input.createdAt ?? Date.now(), recipients: new Map(),
  };
  account.receivers.set(list.id, list);
  return list;
}

/** Adds one recipient; false when the address is already in the list. */
export function addRecipient(list: ReceiverList, email: string, data: RecipientData = {}, createdAt = Date.now()): boolean {
  const key = email.toLowerCase();
  if (list.recipients.has(key)) return false;
  list.recipients.set(key, { email: key, data, createdAt });
  return true;
}
