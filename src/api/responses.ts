// Response schemas, one per action: accept the wire quirks (string|number scalars, missing optional fields, unknown
// extra keys, lists under `data.<name>[]`) and produce the clean types of types.ts. Built once at load time.
import * as z from 'zod/mini';
import { invalidResponse } from './errors';
import { DomainStatus, KNOWN_DOMAIN_STATUSES, SEND_TYPES } from './types';
import type {
  AccountSummary, DomainDetail, DomainSummary, SenderAddress, SenderAddressStatus, Page, RecipientList, RecipientListPage,
  RecipientListStatus, Recipient, RecipientPage, RecordStatus, ReplyStatus, AddRecipientsResult, SendType, Tag, UnknownValues,
} from './types';

// ---- scalars: the service types many numbers as strings and vice versa (reference §1.4)
const NUMERIC = /^\s*-?\d+(\.\d+)?\s*$/;
const str = z.pipe(z.union([z.string(), z.number()]), z.transform(String));
const optStr = z.optional(z.nullable(str));
const num = z.pipe(z.union([z.number(), z.string().check(z.regex(NUMERIC))]), z.transform(Number));
const optNum = z.optional(z.nullable(z.pipe(
  z.union([z.number(), z.string().check(z.regex(/^\s*(-?\d+(\.\d+)?)?\s*$/))]),
  z.transform((v): number | undefined => (v === '' || (typeof v === 'string' && v.trim() === '') ? undefined : Number(v))),
)));

// ---- enums: a value added to the service after this version was written must not fail the whole page. The item
// keeps it (in unknownValues, by wire name) and its field says "unknown"; the views show "unknown (<value>)".

/** Collects the raw values an item's enum fields did not recognise. */
class UnknownCollector {
  private values: Record<string, string> | undefined;

  note(field: string, raw: string): void {
    (this.values ??= {})[field] = raw;
  }

  /** The item, with `unknownValues` only when something was not recognised (known items stay as they were). */
  attach<T extends object>(item: T): T & { unknownValues?: UnknownValues } {
    return this.values ? { ...item, unknownValues: this.values } : item;
  }
}

/** A status flag of a list item as sent (number or text); read with statusOf so a new word cannot fail the page. */
const rawStatus = z.optional(z.nullable(z.union([z.number(), z.string()])));

/** A numeric status flag; a value that is not a number is noted as unknown and left out. */
function statusOf(raw: string | number | null | undefined, field: string, unknown: UnknownCollector): number | undefined {
  if (raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '')) return undefined;
  if (typeof raw === 'number') return raw;
  if (NUMERIC.test(raw)) return Number(raw);
  unknown.note(field, raw);
  return undefined;
}

function domainStatusOf(raw: string, field: string, unknown: UnknownCollector): DomainStatus {
  const n = NUMERIC.test(raw) ? Number(raw) : NaN;
  if ((KNOWN_DOMAIN_STATUSES as readonly number[]).includes(n)) return n as DomainStatus;
  unknown.note(field, raw);
  return DomainStatus.Unknown;
}

function sendTypeOf(raw: string, unknown: UnknownCollector): SendType | 'unknown' {
  const v = raw.trim().toLowerCase();
  if ((SEND_TYPES as readonly string[]).includes(v)) return v as SendType;
  unknown.note('Sendtype', raw);
  return 'unknown';
}

/** A list under `data.<key>` (or `Data.<key>`): missing wrapper or key means an empty list. */
function listIn<T extends z.ZodMiniType>(key: string, item: T) {
  return z.optional(z.nullable(z.object({ [key]: z.optional(z.nullable(z.array(item))) })));
}

const text = (v: string | null | undefined): string => v ?? '';
const opt = <T>(v: T | null | undefined): T | undefined => (v === null ? undefined : v);

/** Renders a zod path as `data.domain[0].DomainId`. */
function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : (out ? '.' : '') + String(p);
  return out || '(the body)';
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let v = root;
  for (const p of path) v = v !== null && typeof v === 'object' ? (v as Record<PropertyKey, unknown>)[p] : undefined;
  return v;
}

export type ResponseParser<T> = (action: string, body: unknown, requestId?: string) => T;

/** Pairs a wire schema with the mapping to the clean type; a mismatch is an InvalidResponse naming the field path. */
function response<S extends z.ZodMiniType, T>(schema: S, map: (wire: z.infer<S>) => T): ResponseParser<T> {
  return (action, body, requestId) => {
    const result = schema.safeParse(body);
    if (!result.success) {
      const issue = result.error.issues[0];
      const value = valueAt(body, issue.path);
      const what = value === undefined ? 'is missing' : `has an unexpected value (${value === null ? 'null' : typeof value})`;
      throw invalidResponse(action, `field ${pathText(issue.path)} ${what}`, 200, requestId);
    }
    return map(result.data);
  };
}

// ---- account

export const parseAccountSummary = response(z.object({
  DailyQuota: num, MonthQuota: num, RemainFreeQuota: num, QuotaLevel: num, MaxQuotaLevel: num, UserStatus: num,
  DailyRemainFreeQuota: optNum, IpChannelType: optStr, Domains: optNum, MailAddresses: optNum, Tags: optNum,
  Templates: optNum, Receivers: optNum, EnableTimes: optNum,
}), (w): AccountSummary => ({
  dailyQuota: w.DailyQuota, dailyRemainFreeQuota: w.DailyRemainFreeQuota ?? 0, monthQuota: w.MonthQuota,
  remainFreeQuota: w.RemainFreeQuota, quotaLevel: w.QuotaLevel, maxQuotaLevel: w.MaxQuotaLevel, userStatus: w.UserStatus,
  ipChannelType: opt(w.IpChannelType) || undefined, domains: w.Domains ?? 0, senderAddresses: w.MailAddresses ?? 0,
  tags: w.Tags ?? 0, templates: w.Templates ?? 0, recipientLists: w.Receivers ?? 0, enableTimes: w.EnableTimes ?? 0,
}));

// ---- paging envelopes

const pageFields = { PageNumber: optNum, PageSize: optNum, TotalCount: optNum };

function page<T>(w: { PageNumber?: number | null; PageSize?: number | null; TotalCount?: number | null }, items: T[], asked: { pageNo: number; pageSize: number }): Page<T> {
  return { items, pageNumber: w.PageNumber ?? asked.pageNo, pageSize: w.PageSize ?? asked.pageSize, totalCount: w.TotalCount ?? undefined };
}

/** A page parser also needs what was asked, to fill echo fields the service left out. */
export type PageParser<T, P extends Page<T> = Page<T>> = (action: string, body: unknown, asked: { pageNo: number; pageSize: number }, requestId?: string) => P;

function pageResponse<I extends z.ZodMiniType, T>(key: string, item: I, map: (w: z.infer<I>) => T): PageParser<T> {
  const schema = z.object({ ...pageFields, data: listIn(key, item) });
  let asked = { pageNo: 1, pageSize: 10 };
  // The parser runs synchronously, so passing `asked` through a closure variable is safe.
  const parse = response(schema, (w) => {
    const list = (w.data as Record<string, z.infer<I>[] | null | undefined> | null | undefined)?.[key] ?? [];
    return page(w, list.map(map), asked);
  });
  return (action, body, a, requestId) => {
    asked = a;
    return parse(action, body, requestId);
  };
}

// ---- domains

const domainItem = z.object({
  DomainId: str, DomainName: z.string(), DomainStatus: str, DomainRecord: optStr, SpfAuthStatus: rawStatus, MxAuthStatus: rawStatus,
  CnameAuthStatus: rawStatus, ConfirmStatus: rawStatus, IcpStatus: rawStatus, CreateTime: optStr, UtcCreateTime: optNum,
});

export const parseDomainPage = pageResponse('domain', domainItem, (d): DomainSummary => {
  const unknown = new UnknownCollector();
  return unknown.attach({
    domainId: d.DomainId, domainName: d.DomainName, domainStatus: domainStatusOf(d.DomainStatus, 'DomainStatus', unknown), domainRecord: text(d.DomainRecord),
    spfAuthStatus: statusOf(d.SpfAuthStatus, 'SpfAuthStatus', unknown) as RecordStatus | undefined,
    mxAuthStatus: statusOf(d.MxAuthStatus, 'MxAuthStatus', unknown) as RecordStatus | undefined,
    cnameAuthStatus: statusOf(d.CnameAuthStatus, 'CnameAuthStatus', unknown) as RecordStatus | undefined,
    confirmStatus: statusOf(d.ConfirmStatus, 'ConfirmStatus', unknown) as RecordStatus | undefined,
    icpFiled: statusOf(d.IcpStatus, 'IcpStatus', unknown) === 1, createTime: text(d.CreateTime), utcCreateTime: opt(d.UtcCreateTime),
  });
});

export const parseDomainDetail = response(z.object({
  DomainId: str, DomainName: z.string(), DomainStatus: str, TlDomainName: optStr, CreateTime: optStr, HostRecord: optStr,
  DomainType: optStr, SpfRecord: optStr, SpfRecordV2: optStr, SpfAuthStatus: optNum, MxRecord: optStr, MxAuthStatus: optNum,
  DkimRR: optStr, DkimPublicKey: optStr, DkimRsaLength: optNum, DkimAuthStatus: optNum, DmarcHostRecord: optStr,
  DmarcRecord: optStr, DmarcAuthStatus: optNum, CnameRecord: optStr, TracefRecord: optStr, CnameAuthStatus: optNum,
  CnameConfirmStatus: optNum, IcpStatus: optNum, DnsTxt: optStr, DnsSpf: optStr, DnsMx: optStr, DnsDmarc: optStr,
}), (w): DomainDetail => {
  const unknown = new UnknownCollector();
  return unknown.attach({
    domainId: w.DomainId, domainName: w.DomainName, tlDomainName: text(w.TlDomainName) || w.DomainName,
    domainStatus: domainStatusOf(w.DomainStatus, 'DomainStatus', unknown), createTime: text(w.CreateTime), hostRecord: text(w.HostRecord),
    domainType: text(w.DomainType), spfRecord: text(w.SpfRecord), spfRecordV2: text(w.SpfRecordV2),
    spfAuthStatus: opt(w.SpfAuthStatus) as RecordStatus | undefined, mxRecord: text(w.MxRecord),
    mxAuthStatus: opt(w.MxAuthStatus) as RecordStatus | undefined, dkimRR: text(w.DkimRR), dkimPublicKey: text(w.DkimPublicKey),
    dkimRsaLength: opt(w.DkimRsaLength), dkimAuthStatus: opt(w.DkimAuthStatus) as RecordStatus | undefined,
    dmarcHostRecord: text(w.DmarcHostRecord), dmarcRecord: text(w.DmarcRecord),
    dmarcAuthStatus: opt(w.DmarcAuthStatus) as RecordStatus | undefined, cnameRecord: text(w.CnameRecord),
    tracefRecord: text(w.TracefRecord), cnameAuthStatus: opt(w.CnameAuthStatus) as RecordStatus | undefined,
    cnameConfirmed: w.CnameConfirmStatus === 1, icpFiled: w.IcpStatus === 1, dnsTxt: text(w.DnsTxt), dnsSpf: text(w.DnsSpf),
    dnsMx: text(w.DnsMx), dnsDmarc: text(w.DnsDmarc),
  });
});

export const parseCreateDomain = response(z.object({ DomainId: str }), (w) => ({ domainId: w.DomainId }));
export const parseCheckDomain = response(z.object({ DomainStatus: str }), (w) => {
  const unknown = new UnknownCollector();
  return unknown.attach({ domainStatus: domainStatusOf(w.DomainStatus, 'DomainStatus', unknown) });
});

// ---- sender addresses

const mailAddressItem = z.object({
  MailAddressId: str, AccountName: z.string(), Sendtype: str, AccountStatus: rawStatus, DomainStatus: rawStatus,
  ReplyAddress: optStr, ReplyStatus: rawStatus, DailyCount: optNum, MonthCount: optNum, DailyReqCount: optNum,
  MonthReqCount: optNum, CreateTime: optStr, ConfigSetId: optStr, ConfigSetName: optStr,
});

export const parseMailAddressPage = pageResponse('mailAddress', mailAddressItem, (m): SenderAddress => {
  const unknown = new UnknownCollector();
  return unknown.attach({
    senderAddressId: m.MailAddressId, accountName: m.AccountName, sendtype: sendTypeOf(m.Sendtype, unknown),
    accountStatus: (statusOf(m.AccountStatus, 'AccountStatus', unknown) ?? 0) as SenderAddressStatus,
    domainStatus: (statusOf(m.DomainStatus, 'DomainStatus', unknown) ?? 0) as DomainStatus,
    replyAddress: text(m.ReplyAddress), replyStatus: (statusOf(m.ReplyStatus, 'ReplyStatus', unknown) ?? 0) as ReplyStatus, dailyCount: m.DailyCount ?? -1,
    monthCount: m.MonthCount ?? -1, dailyReqCount: m.DailyReqCount ?? 0, monthReqCount: m.MonthReqCount ?? 0,
    createTime: text(m.CreateTime), configSetId: opt(m.ConfigSetId) || undefined, configSetName: opt(m.ConfigSetName) || undefined,
  });
});

export const parseCreateMailAddress = response(z.object({ MailAddressId: str }), (w) => ({ senderAddressId: w.MailAddressId }));

// ---- tags

const tagItem = z.object({ TagId: str, TagName: str, TagDescription: optStr });
export const parseTagPage = pageResponse('tag', tagItem, (t): Tag => ({ tagId: t.TagId, tagName: t.TagName, tagDescription: text(t.TagDescription) }));
export const parseCreateTag = response(z.object({ TagId: str }), (w) => ({ tagId: w.TagId }));

// ---- recipient lists

const receiverItem = z.object({
  ReceiverId: str, ReceiversName: str, ReceiversAlias: optStr, Desc: optStr, Count: optNum, ReceiversStatus: rawStatus,
  CreateTime: optStr, UtcCreateTime: optNum,
});
const toReceiver = (r: z.infer<typeof receiverItem>): RecipientList => {
  const unknown = new UnknownCollector();
  return unknown.attach({
    recipientListId: r.ReceiverId, listName: r.ReceiversName, listAlias: text(r.ReceiversAlias), desc: text(r.Desc),
    count: r.Count ?? 0, listStatus: statusOf(r.ReceiversStatus, 'ReceiversStatus', unknown) as RecipientListStatus | undefined,
    createTime: text(r.CreateTime), utcCreateTime: opt(r.UtcCreateTime),
  });
};

/** An empty or "0"-less cursor means the end (reference §11.3: absent or empty at the end). */
const cursor = (v: string | null | undefined): string | undefined => (v ? v : undefined);

/**
 * QueryReceiverByParam pages by PageNo (its request model has no NextStart) but answers without PageNumber, with a
 * NextStart cursor instead; the page number is the one asked for.
 */
export const parseReceiverPage: PageParser<RecipientList, RecipientListPage> = (() => {
  let asked = { pageNo: 1, pageSize: 10 };
  const parse = response(z.object({ ...pageFields, NextStart: optStr, data: listIn('receiver', receiverItem) }),
    (w): RecipientListPage => ({ ...page(w, (w.data?.receiver ?? []).map(toReceiver), asked), nextStart: cursor(w.NextStart) }));
  return (action, body, a, requestId) => {
    asked = a;
    return parse(action, body, requestId);
  };
})();

export const parseCreateReceiver = response(z.object({ ReceiverId: str }), (w) => ({ recipientListId: w.ReceiverId }));

const recipientItem = z.object({ Email: z.string(), Data: optStr, CreateTime: optStr, UtcCreateTime: optNum });
export const parseRecipientPage = response(z.object({ NextStart: optStr, TotalCount: optNum, DataSchema: optStr, data: listIn('detail', recipientItem) }),
  (w): RecipientPage => ({
    items: (w.data?.detail ?? []).map((d): Recipient => ({ email: d.Email, data: text(d.Data), createTime: text(d.CreateTime), utcCreateTime: opt(d.UtcCreateTime) })),
    nextStart: cursor(w.NextStart), totalCount: opt(w.TotalCount), dataSchema: opt(w.DataSchema) || undefined,
  }));

export const parseSaveReceiverDetail = response(z.object({
  SuccessCount: optNum, ErrorCount: optNum,
  Data: listIn('Detail', z.object({ Email: optStr, ErrMessage: optStr })),
}), (w): AddRecipientsResult => ({
  successCount: w.SuccessCount ?? 0, errorCount: w.ErrorCount ?? 0,
  errors: (w.Data?.Detail ?? []).map((d) => ({ email: text(d.Email), message: text(d.ErrMessage) })),
}));

// ---- sending and the rest

export const parseSingleSendMail = response(z.object({ EnvId: str, RequestId: str }), (w) => ({ envId: w.EnvId, requestId: w.RequestId }));

/** For actions whose only answer is the RequestId. */
export const parseEmpty = response(z.object({}), (): void => undefined);
