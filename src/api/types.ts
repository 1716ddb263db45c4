// The clean, typed results of the Direct Mail client: camelCase, numbers as numbers, statuses as enums.
// The wire quirks (string|number scalars, `data.domain[]`, missing fields) are absorbed in responses.ts.
import type { Translate } from '../shared/translate';
import type { NetworkOptions } from './network';
import type { RegionId } from './regions';

export interface Credentials {
  accessKeyId: string;
  accessKeySecret: string;
  /** STS token for temporary credentials. */
  securityToken?: string;
}

export type SignatureVersion = 'v3' | 'v1';

/** One line per HTTP attempt; carries nothing secret. */
export interface RequestLogEntry {
  action: string;
  httpStatus?: number;
  /** Error code of the service, or the client's own code (e.g. `RequestTimeout`, `NetworkError`). */
  code?: string;
  requestId?: string;
  durationMs: number;
  /** 1 for the first try. */
  attempt: number;
}

export interface ClientOptions {
  credentials: Credentials | (() => Promise<Credentials>);
  region: RegionId;
  /** Full URL overriding the regional host (private endpoint, local emulator). http:// only for loopback. */
  endpoint?: string;
  signatureVersion?: SignatureVersion;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  /** Extra attempts for retryable failures (reads; throttling; connection refused). */
  maxRetries?: number;
  /** Sent as `User-Agent`, e.g. `DirectMailVSCode/0.1.0`. */
  userAgent?: string;
  onLog?: (entry: RequestLogEntry) => void;
  /** Proxy and certificate settings (VS Code's http.* settings, the proxy environment variables, extra CAs). */
  network?: NetworkOptions;
  /** Things worth one line in the log that are not a request (e.g. "the clock of this computer is 20 minutes off"). */
  onNotice?: (message: string) => void;
  /** Words every message of the client's errors and notices (vscode.l10n.t in the extension); English by default. */
  translate?: Translate;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface Page<T> {
  items: T[];
  pageNumber: number;
  pageSize: number;
  /** Items in the whole list; undefined when the service left TotalCount out (then a full page means "maybe more"). */
  totalCount?: number;
}

/**
 * Values the service sent that this version does not know (a status or send type added after it was written),
 * by wire field name, e.g. `{ Sendtype: 'marketing' }`. The item is kept and its field says `unknown`.
 */
export type UnknownValues = Readonly<Record<string, string>>;

export interface CursorPage<T> {
  items: T[];
  /** Cursor of the next page; undefined at the end. */
  nextStart?: string;
  totalCount?: number;
}

// ---------------------------------------------------------------------------------------------- account

/** Bits of DescAccountSummary.UserStatus (values combine). */
export enum UserStatusFlag {
  Frozen = 1,
  Overdue = 2,
  SendingRestricted = 4,
  Deleted = 8,
}

export interface AccountSummary {
  dailyQuota: number;
  dailyRemainFreeQuota: number;
  monthQuota: number;
  remainFreeQuota: number;
  quotaLevel: number;
  maxQuotaLevel: number;
  /** 0 = normal; otherwise a combination of UserStatusFlag. */
  userStatus: number;
  /** `normal` or `backup`; absent on older accounts. */
  ipChannelType?: string;
  domains: number;
  senderAddresses: number;
  tags: number;
  templates: number;
  recipientLists: number;
  enableTimes: number;
}

// ---------------------------------------------------------------------------------------------- domains

export enum DomainStatus {
  Verified = 0,
  NotVerified = 1,
  /** Usable, but no CNAME and no ICP filing. */
  NoCnameNoIcp = 2,
  /** Usable, but no ICP filing. */
  NoIcp = 3,
  /** Usable, but no CNAME record. */
  NoCname = 4,
  /** A status this version does not know; the raw value is in the item's `unknownValues.DomainStatus`. */
  Unknown = -1,
}

export const KNOWN_DOMAIN_STATUSES: readonly DomainStatus[] = [
  DomainStatus.Verified, DomainStatus.NotVerified, DomainStatus.NoCnameNoIcp, DomainStatus.NoIcp, DomainStatus.NoCname,
];

/** Per-record verification flag. Note the service's polarity: 0 = found and correct, 1 = missing or wrong. */
export enum RecordStatus {
  Verified = 0,
  NotVerified = 1,
}

/** Usable for sending: verified, possibly without CNAME or ICP filing. An unknown status is not assumed usable. */
export const isDomainUsable = (status: DomainStatus): boolean => status !== DomainStatus.NotVerified && status !== DomainStatus.Unknown;

export interface DomainSummary {
  domainId: string;
  domainName: string;
  domainStatus: DomainStatus;
  /** The ownership TXT token (DescDomain calls it `domainType`). */
  domainRecord: string;
  spfAuthStatus?: RecordStatus;
  mxAuthStatus?: RecordStatus;
  /** Tracking CNAME. */
  cnameAuthStatus?: RecordStatus;
  /** CNAME verification flag. */
  confirmStatus?: RecordStatus;
  /** true when the domain has an ICP filing. */
  icpFiled: boolean;
  /** e.g. `2025-03-19T12:49Z`. */
  createTime: string;
  /** Unix seconds. */
  utcCreateTime?: number;
  unknownValues?: UnknownValues;
}

/** Everything needed to publish a domain's DNS records (see the reference §6). Empty string = not provided. */
export interface DomainDetail {
  domainId: string;
  domainName: string;
  /** Registrable zone, e.g. `example.com` for `mail.example.com`. */
  tlDomainName: string;
  domainStatus: DomainStatus;
  createTime: string;
  /** Ownership TXT host, relative to the zone (e.g. `aliyundm.mail`). */
  hostRecord: string;
  /** Ownership TXT value. */
  domainType: string;
  /** `include:<host>` fragment (legacy). */
  spfRecord: string;
  /** Full SPF TXT value `v=spf1 include:… -all`. */
  spfRecordV2: string;
  spfAuthStatus?: RecordStatus;
  mxRecord: string;
  mxAuthStatus?: RecordStatus;
  /** DKIM TXT host, relative to the zone. */
  dkimRR: string;
  dkimPublicKey: string;
  dkimRsaLength?: number;
  dkimAuthStatus?: RecordStatus;
  dmarcHostRecord: string;
  dmarcRecord: string;
  dmarcAuthStatus?: RecordStatus;
  /** Tracking CNAME host prefix (default `dmtrace`) and its target. */
  cnameRecord: string;
  tracefRecord: string;
  cnameAuthStatus?: RecordStatus;
  /** true when the user changed the CNAME host prefix. */
  cnameConfirmed: boolean;
  icpFiled: boolean;
  /** Live values from public DNS (filled with `realTime`). */
  dnsTxt: string;
  dnsSpf: string;
  dnsMx: string;
  dnsDmarc: string;
  unknownValues?: UnknownValues;
}

// ---------------------------------------------------------------------------------------------- sender addresses

export type SendType = 'batch' | 'trigger';
export const SEND_TYPES: readonly SendType[] = ['batch', 'trigger'];

export enum SenderAddressStatus {
  Normal = 0,
  Frozen = 1,
}

/** Reply-to verification: 0 until the reply address is approved (reference §10). */
export enum ReplyStatus {
  NotVerified = 0,
  Verified = 1,
}

export interface SenderAddress {
  senderAddressId: string;
  /** The full sender address. */
  accountName: string;
  /** `unknown` for a send type this version does not know (the raw value is in `unknownValues.Sendtype`). */
  sendtype: SendType | 'unknown';
  accountStatus: SenderAddressStatus;
  domainStatus: DomainStatus;
  /** Empty when no reply-to is set. */
  replyAddress: string;
  replyStatus: ReplyStatus;
  /** -1 = no per-address cap. */
  dailyCount: number;
  monthCount: number;
  dailyReqCount: number;
  monthReqCount: number;
  createTime: string;
  configSetId?: string;
  configSetName?: string;
  unknownValues?: UnknownValues;
}

// ---------------------------------------------------------------------------------------------- recipient lists

export enum RecipientListStatus {
  Uploading = 0,
  Ready = 1,
}

export interface RecipientList {
  recipientListId: string;
  listName: string;
  listAlias: string;
  desc: string;
  /** Number of recipients. */
  count: number;
  listStatus?: RecipientListStatus;
  createTime: string;
  utcCreateTime?: number;
  unknownValues?: UnknownValues;
}

/** A page of recipient lists: numbered (PageNo) like the other lists, with the service's cursor kept for reference. */
export interface RecipientListPage extends Page<RecipientList> {
  /** The service's NextStart; the request model has no NextStart, so it is not used to page. */
  nextStart?: string;
}

export interface Recipient {
  email: string;
  /** The extra columns as one string (see the page's `dataSchema`). */
  data: string;
  createTime: string;
  utcCreateTime?: number;
}

export interface RecipientPage extends CursorPage<Recipient> {
  /** Column names of `data`, e.g. `UserName,NickName,Gender,Birthday,Mobile`. */
  dataSchema?: string;
}

/** One recipient to add to a list. */
export interface RecipientInput {
  email: string;
  userName?: string;
  nickName?: string;
  gender?: string;
  birthday?: string;
  mobile?: string;
}

/** One recipient with template variables (SaveReceiverDetail's CustomDetail), e.g. `{ name: 'Tom' }`. */
export interface CustomRecipientInput {
  email: string;
  customData: Readonly<Record<string, string>>;
}

export interface AddRecipientsResult {
  successCount: number;
  errorCount: number;
  /** The entries that were refused, with the service's reason. */
  errors: { email: string; message: string }[];
}

// ---------------------------------------------------------------------------------------------- tags

export interface Tag {
  tagId: string;
  tagName: string;
  tagDescription: string;
}

// ---------------------------------------------------------------------------------------------- sending

export interface SingleSendMailRequest {
  /** Sender address (or the bare domain with domainAuth). */
  accountName: string;
  /**
   * Domain-level authentication: accountName is the domain, and the mail goes out from
   * `domain-auth-created-by-system@<domain>` (that address must exist). Sent as DomainAuth=true.
   */
  domainAuth?: boolean;
  /** 0 = random account, 1 = use accountName (default 1). */
  addressType?: 0 | 1;
  /** Recipients (≤100). */
  toAddress: string | string[];
  subject: string;
  htmlBody?: string;
  textBody?: string;
  /** Display name, fewer than 15 characters. */
  fromAlias?: string;
  /** Use the (verified) reply-to stored on the sender address; default false. */
  replyToAddress?: boolean;
  replyAddress?: string;
  replyAddressAlias?: string;
  tagName?: string;
  clickTrace?: boolean;
  bccAddress?: string | string[];
  headers?: Record<string, string>;
  unSubscribeLinkType?: 'disabled' | 'default';
  unSubscribeFilterLevel?: 'disabled' | 'default' | 'mailfrom' | 'mailfrom_domain' | 'edm_id';
}

export interface SingleSendMailResult {
  envId: string;
  requestId: string;
}
