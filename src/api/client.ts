// DirectMailClient: typed methods for the Direct Mail actions the extension uses. Each method validates its input
// (no request for bad input), signs and sends with retries where safe, and returns clean typed results.
import { english, type Translate } from '../shared/translate';
import { invalidInput } from './errors';
import { iterateCursor, iteratePages } from './paging';
import { resolveEndpoint } from './regions';
import type { RegionId } from './regions';
import type { RpcCall } from './signedRequest';
import * as parse from './responses';
import { RpcCaller } from './rpcCaller';
import type {
  AccountSummary, CallOptions, ClientOptions, CustomRecipientInput, DomainDetail, DomainStatus, DomainSummary,
  SenderAddress, Page, RecipientListPage, RecipientListStatus, RecipientInput, RecipientPage, AddRecipientsResult, SendType,
  SignatureVersion, SingleSendMailRequest, SingleSendMailResult, Tag,
} from './types';
import { MAX_HEADERS, MAX_PAGE_SIZE, checkField, idProblem, tokenProblem } from './validation';
import type { FieldName } from './validation';

export interface ClientExtraOptions {
  /** First back-off delay; doubled per attempt, with jitter. */
  retryBaseDelayMs?: number;
  /** Used for the default User-Agent `DirectMailVSCode/<version>` when `userAgent` is not given. */
  extensionVersion?: string;
}

export class DirectMailClient {
  readonly region: RegionId;
  readonly endpoint: URL;
  readonly signatureVersion: SignatureVersion;
  private readonly caller: RpcCaller;
  /** Words the input checks (and, through the caller, every other message). */
  private readonly t: Translate;

  constructor(options: ClientOptions & ClientExtraOptions) {
    this.region = options.region;
    this.t = options.translate ?? english;
    try {
      this.endpoint = resolveEndpoint(options.region, options.endpoint, this.t);
    } catch (e) {
      throw invalidInput('Configure', (e as Error).message);
    }
    this.signatureVersion = options.signatureVersion ?? 'v3';
    this.caller = new RpcCaller({
      ...options,
      endpoint: this.endpoint,
      signatureVersion: this.signatureVersion,
      userAgent: options.userAgent ?? (options.extensionVersion ? `DirectMailVSCode/${options.extensionVersion}` : 'DirectMailVSCode'),
    });
  }

  /** Closes the pooled connections; the client cannot be used afterwards. */
  close(): Promise<void> {
    return this.caller.close();
  }

  // ------------------------------------------------------------------------------------------ account

  async descAccountSummary(opts?: CallOptions): Promise<AccountSummary> {
    return this.call({ action: 'DescAccountSummary', query: {} }, parse.parseAccountSummary, opts);
  }

  // ------------------------------------------------------------------------------------------ domains

  async queryDomains(q: { keyword?: string; status?: DomainStatus; pageNo?: number; pageSize?: number } = {}, opts?: CallOptions): Promise<Page<DomainSummary>> {
    const { t } = this;
    const action = 'QueryDomainByParam';
    const query = this.pageQuery(action, q);
    if (q.keyword) {
      this.check(action, 'keyword', q.keyword);
      if (!/^[A-Za-z0-9.-]+$/.test(q.keyword)) throw invalidInput(action, t('A domain search may contain only letters, digits, "." and "-".'));
      query.KeyWord = q.keyword;
    }
    if (q.status !== undefined) query.Status = String(q.status);
    return this.callPage(action, query, parse.parseDomainPage, opts);
  }

  async descDomain(domainId: string, o: { realTime?: boolean } = {}, opts?: CallOptions): Promise<DomainDetail> {
    const action = 'DescDomain';
    this.checkId(action, 'the domain ID', domainId);
    const query: Record<string, string> = { DomainId: domainId };
    if (o.realTime) query.RequireRealTimeDnsRecords = 'true';
    return this.call({ action, query }, parse.parseDomainDetail, opts);
  }

  async createDomain(input: { domainName: string; dkimSelector?: string }, opts?: CallOptions): Promise<{ domainId: string }> {
    const action = 'CreateDomain';
    this.check(action, 'domainName', input.domainName);
    const query: Record<string, string> = { DomainName: input.domainName };
    if (input.dkimSelector) {
      this.check(action, 'dkimSelector', input.dkimSelector);
      query.dkimSelector = input.dkimSelector; // lower-case "d" on the wire
    }
    return this.call({ action, query }, parse.parseCreateDomain, opts);
  }

  async deleteDomain(domainId: string, opts?: CallOptions): Promise<void> {
    this.checkId('DeleteDomain', 'the domain ID', domainId);
    return this.call({ action: 'DeleteDomain', query: { DomainId: domainId } }, parse.parseEmpty, opts);
  }

  /** Re-runs DNS verification. */
  async checkDomain(domainId: string, opts?: CallOptions): Promise<{ domainStatus: DomainStatus }> {
    this.checkId('CheckDomain', 'the domain ID', domainId);
    return this.call({ action: 'CheckDomain', query: { DomainId: domainId } }, parse.parseCheckDomain, opts);
  }

  /**
   * Sets the domain-level SMTP password. The service identifies the domain by name; a numeric domain ID is
   * accepted too and resolved with DescDomain first.
   */
  async modifyDomainPassword(domain: string, password: string, opts?: CallOptions): Promise<void> {
    const action = 'ModifyPWByDomain';
    this.check(action, 'smtpPassword', password);
    const domainName = /^[0-9]+$/.test(domain) ? (await this.descDomain(domain, {}, opts)).domainName : domain;
    this.check(action, 'domainName', domainName);
    return this.call({ action, query: { DomainName: domainName, Password: password }, secrets: [password] }, parse.parseEmpty, opts);
  }

  // ------------------------------------------------------------------------------------------ sender addresses

  async querySenderAddresses(q: { keyword?: string; sendtype?: SendType; pageNo?: number; pageSize?: number } = {}, opts?: CallOptions): Promise<Page<SenderAddress>> {
    const action = 'QueryMailAddressByParam';
    const query = this.pageQuery(action, q);
    if (q.keyword) {
      this.check(action, 'keyword', q.keyword);
      query.KeyWord = q.keyword;
    }
    if (q.sendtype) {
      this.check(action, 'sendType', q.sendtype);
      query.Sendtype = q.sendtype;
    }
    return this.callPage(action, query, parse.parseMailAddressPage, opts);
  }

  async createSenderAddress(input: { accountName: string; sendtype: SendType; replyAddress?: string }, opts?: CallOptions): Promise<{ senderAddressId: string }> {
    const action = 'CreateMailAddress';
    this.check(action, 'accountName', input.accountName);
    this.check(action, 'sendType', input.sendtype);
    const query: Record<string, string> = { AccountName: input.accountName, Sendtype: input.sendtype };
    if (input.replyAddress) {
      this.check(action, 'replyAddress', input.replyAddress);
      query.ReplyAddress = input.replyAddress;
    }
    return this.call({ action, query }, parse.parseCreateMailAddress, opts);
  }

  /** Changes the SMTP password and/or the reply-to address (a new reply-to must be verified again). */
  async modifySenderAddress(input: { senderAddressId: string; password?: string; replyAddress?: string }, opts?: CallOptions): Promise<void> {
    const { t } = this;
    const action = 'ModifyMailAddress';
    this.checkId(action, 'the sender address ID', input.senderAddressId);
    const query: Record<string, string> = { MailAddressId: input.senderAddressId };
    if (input.password === undefined && input.replyAddress === undefined) throw invalidInput(action, t('Give a new SMTP password or a new reply-to address.'));
    if (input.password !== undefined) {
      this.check(action, 'smtpPassword', input.password);
      query.Password = input.password;
    }
    if (input.replyAddress !== undefined) {
      this.check(action, 'emailAddress', input.replyAddress);
      query.ReplyAddress = input.replyAddress;
    }
    return this.call({ action, query, secrets: input.password === undefined ? undefined : [input.password] }, parse.parseEmpty, opts);
  }

  async deleteSenderAddress(mailAddressId: string, opts?: CallOptions): Promise<void> {
    this.checkId('DeleteMailAddress', 'the sender address ID', mailAddressId);
    return this.call({ action: 'DeleteMailAddress', query: { MailAddressId: mailAddressId } }, parse.parseEmpty, opts);
  }

  /** Sends the verification mail to the sender address's reply-to address (`lang: 'en'` for English). */
  async checkReplyToAddress(mailAddressId: string, o: { lang?: string } = {}, opts?: CallOptions): Promise<void> {
    const { t } = this;
    const action = 'CheckReplyToMailAddress';
    this.checkId(action, 'the sender address ID', mailAddressId);
    const query: Record<string, string> = { MailAddressId: mailAddressId, Region: this.region };
    if (o.lang) {
      if (!/^[A-Za-z]{2,3}(-[A-Za-z]{2,4})?$/.test(o.lang)) throw invalidInput(action, t('The mail language must be a code such as "en" or "zh-cn".'));
      query.Lang = o.lang;
    }
    return this.call({ action, query }, parse.parseEmpty, opts);
  }

  /** Confirms a reply-to address with the ticket from the verification mail. */
  async approveReplyAddress(ticket: string, opts?: CallOptions): Promise<void> {
    const action = 'ApproveReplyMailAddress';
    const { t } = this;
    const problem = tokenProblem(t('the verification ticket'), ticket.trim(), t);
    if (problem) throw invalidInput(action, t('{0} Copy it from the link in the verification mail.', problem));
    return this.call({ action, query: { Ticket: ticket.trim() } }, parse.parseEmpty, opts);
  }

  // ------------------------------------------------------------------------------------------ recipient lists

  /**
   * Pages with PageNo like the other lists: the SDK's request model has KeyWord, PageNo, PageSize and Status and no
   * NextStart (a NextStart sent back is ignored by the service, which would answer page 1 again), so none is sent.
   * The answer's NextStart is kept in the page for reference only.
   */
  async queryRecipientLists(q: { keyword?: string; status?: RecipientListStatus; pageNo?: number; pageSize?: number } = {}, opts?: CallOptions): Promise<RecipientListPage> {
    const { t } = this;
    const action = 'QueryReceiverByParam';
    const query = this.pageQuery(action, q);
    if (q.keyword) {
      this.check(action, 'keyword', q.keyword);
      query.KeyWord = q.keyword;
    }
    if (q.status !== undefined) {
      if (q.status !== 0 && q.status !== 1) throw invalidInput(action, t('The list status must be 0 (uploading) or 1 (ready) (got {0}).', String(q.status)));
      query.Status = String(q.status);
    }
    return this.callPage(action, query, parse.parseReceiverPage, opts);
  }

  async createRecipientList(input: { listName: string; listAlias: string; desc?: string }, opts?: CallOptions): Promise<{ recipientListId: string }> {
    const action = 'CreateReceiver';
    this.check(action, 'recipientListName', input.listName);
    this.check(action, 'recipientListAlias', input.listAlias);
    const query: Record<string, string> = { ReceiversName: input.listName, ReceiversAlias: input.listAlias };
    if (input.desc) {
      this.check(action, 'recipientListDescription', input.desc);
      query.Desc = input.desc;
    }
    return this.call({ action, query }, parse.parseCreateReceiver, opts);
  }

  async deleteRecipientList(receiverId: string, opts?: CallOptions): Promise<void> {
    const { t } = this;
    this.checkToken('DeleteReceiver', t('the recipient list ID'), receiverId);
    return this.call({ action: 'DeleteReceiver', query: { ReceiverId: receiverId } }, parse.parseEmpty, opts);
  }

  async queryRecipients(q: { recipientListId: string; keyword?: string; pageSize?: number; nextStart?: string }, opts?: CallOptions): Promise<RecipientPage> {
    const { t } = this;
    const action = 'QueryReceiverDetail';
    this.checkToken(action, t('the recipient list ID'), q.recipientListId);
    const query = this.cursorQuery(action, q);
    query.ReceiverId = q.recipientListId;
    return this.call({ action, query }, parse.parseRecipientPage, opts);
  }

  /** What both forms of SaveReceiverDetail refuse before sending: the list ID, the batch size and each address. */
  private checkRecipientBatch(action: string, receiverId: string, details: readonly { email: string }[]): void {
    const { t } = this;
    this.checkToken(action, t('the recipient list ID'), receiverId);
    if (details.length === 0) throw invalidInput(action, t('Add at least one recipient address.'));
    if (details.length > 500) throw invalidInput(action, t('At most 500 recipients can be added at once (got {0}); split them into several batches.', details.length));
    details.forEach((d, i) => {
      const problem = checkField('emailAddress', d.email, t);
      if (problem) throw invalidInput(action, d.email ? t('Recipient {0} ({1}): {2}', i + 1, d.email, problem) : t('Recipient {0} (empty): {1}', i + 1, problem));
    });
  }

  /** Adds up to 500 recipients; entries the service refuses (duplicates, bad addresses) come back in `errors`. */
  async addRecipients(receiverId: string, details: readonly RecipientInput[], opts?: CallOptions): Promise<AddRecipientsResult> {
    const action = 'SaveReceiverDetail';
    this.checkRecipientBatch(action, receiverId, details);
    const { t } = this;
    const rows = details.map((d, i) => {
      for (const value of [d.userName, d.nickName, d.gender, d.birthday, d.mobile]) {
        const detail = value === undefined ? undefined : checkField('recipientDetail', value, t);
        if (detail) throw invalidInput(action, t('Recipient {0} ({1}): {2}', i + 1, d.email, detail));
      }
      return { e: d.email, u: d.userName, n: d.nickName, g: d.gender, b: d.birthday, m: d.mobile };
    });
    // The JSON can be large, so it travels in the form body (the service reads either place).
    return this.call({ action, query: { ReceiverId: receiverId }, body: { Detail: JSON.stringify(rows) } }, parse.parseSaveReceiverDetail, opts);
  }

  /**
   * Adds up to 500 recipients with template variables (SaveReceiverDetail's CustomDetail:
   * `[{"Email": …, "CustomData": {"name": "Tom"}}]`), for templates that use more than the fixed columns.
   */
  async addRecipientsWithData(receiverId: string, details: readonly CustomRecipientInput[], opts?: CallOptions): Promise<AddRecipientsResult> {
    const action = 'SaveReceiverDetail';
    this.checkRecipientBatch(action, receiverId, details);
    const { t } = this;
    const rows = details.map((d, i) => {
      const data = d.customData ?? {};
      for (const [name, value] of Object.entries(data)) {
        if (!name.trim()) throw invalidInput(action, t('Recipient {0} ({1}): a template variable has no name.', i + 1, d.email));
        if (typeof value !== 'string') throw invalidInput(action, t('Recipient {0} ({1}): the value of "{2}" must be text.', i + 1, d.email, name));
        const problem = checkField('templateVariable', name, t) ?? checkField('templateValue', value, t);
        if (problem) throw invalidInput(action, t('Recipient {0} ({1}), "{2}": {3}', i + 1, d.email, name.slice(0, 40), problem));
      }
      return { Email: d.email, CustomData: data };
    });
    return this.call({ action, query: { ReceiverId: receiverId }, body: { CustomDetail: JSON.stringify(rows) } }, parse.parseSaveReceiverDetail, opts);
  }

  async deleteRecipient(receiverId: string, email: string, opts?: CallOptions): Promise<void> {
    const { t } = this;
    const action = 'DeleteReceiverDetail';
    this.checkToken(action, t('the recipient list ID'), receiverId);
    this.check(action, 'emailAddress', email);
    return this.call({ action, query: { ReceiverId: receiverId, Email: email } }, parse.parseEmpty, opts);
  }

  // ------------------------------------------------------------------------------------------ tags

  async queryTags(q: { keyword?: string; pageNo?: number; pageSize?: number } = {}, opts?: CallOptions): Promise<Page<Tag>> {
    const action = 'QueryTagByParam';
    const query = this.pageQuery(action, q);
    if (q.keyword) {
      this.check(action, 'keyword', q.keyword);
      query.KeyWord = q.keyword;
    }
    return this.callPage(action, query, parse.parseTagPage, opts);
  }

  async createTag(input: { tagName: string; tagDescription?: string }, opts?: CallOptions): Promise<{ tagId: string }> {
    const action = 'CreateTag';
    return this.call({ action, query: this.tagQuery(action, input) }, parse.parseCreateTag, opts);
  }

  async modifyTag(input: { tagId: string; tagName: string; tagDescription?: string }, opts?: CallOptions): Promise<void> {
    const action = 'ModifyTag';
    this.checkId(action, 'the tag ID', input.tagId);
    return this.call({ action, query: { ...this.tagQuery(action, input), TagId: input.tagId } }, parse.parseEmpty, opts);
  }

  async deleteTag(tagId: string, opts?: CallOptions): Promise<void> {
    this.checkId('DeleteTag', 'the tag ID', tagId);
    return this.call({ action: 'DeleteTag', query: { TagId: tagId } }, parse.parseEmpty, opts);
  }

  // ------------------------------------------------------------------------------------------ sending

  async singleSendMail(req: SingleSendMailRequest, opts?: CallOptions): Promise<SingleSendMailResult> {
    const { t } = this;
    const action = 'SingleSendMail';
    const addressType = req.addressType ?? 1;
    if (req.domainAuth) this.check(action, 'domainName', req.accountName);
    else if (!req.accountName.includes('@')) {
      throw invalidInput(action, t('"{0}" is a domain, not a sender address: sending as a domain needs domain-level authentication (domainAuth), or give a full sender address.', req.accountName));
    } else this.check(action, 'accountName', req.accountName);
    const to = this.addressList(action, 'recipient', req.toAddress, 100);
    if (to.length === 0) throw invalidInput(action, t('Enter at least one recipient address.'));
    this.check(action, 'subject', req.subject);
    this.check(action, 'mailBody', (req.htmlBody ?? '') + (req.textBody ?? ''));
    if (req.fromAlias) this.check(action, 'senderName', req.fromAlias);
    if (req.replyAddressAlias) this.check(action, 'replyToName', req.replyAddressAlias);
    if (req.headers) this.checkHeaders(action, req.headers);
    const body: Record<string, string> = {
      AccountName: req.accountName, AddressType: String(addressType), ReplyToAddress: req.replyToAddress ? 'true' : 'false',
      ToAddress: to.join(','), Subject: req.subject,
    };
    if (req.domainAuth) body.DomainAuth = 'true';
    if (req.htmlBody) body.HtmlBody = req.htmlBody;
    if (req.textBody) body.TextBody = req.textBody;
    if (req.fromAlias) body.FromAlias = req.fromAlias;
    if (req.tagName) {
      this.check(action, 'tagName', req.tagName);
      body.TagName = req.tagName;
    }
    if (req.clickTrace !== undefined) body.ClickTrace = req.clickTrace ? '1' : '0';
    if (req.replyAddress) {
      this.check(action, 'replyAddress', req.replyAddress);
      body.ReplyAddress = req.replyAddress;
    }
    if (req.replyAddressAlias) body.ReplyAddressAlias = req.replyAddressAlias;
    if (req.bccAddress !== undefined) {
      const bcc = this.addressList(action, 'BCC', req.bccAddress, 2);
      if (bcc.length) body.BccAddress = bcc.join(',');
    }
    if (req.headers && Object.keys(req.headers).length) body.Headers = JSON.stringify(req.headers);
    if (req.unSubscribeLinkType) body.UnSubscribeLinkType = req.unSubscribeLinkType;
    if (req.unSubscribeFilterLevel) body.UnSubscribeFilterLevel = req.unSubscribeFilterLevel;
    return this.call({ action, query: {}, body }, parse.parseSingleSendMail, opts);
  }

  // ------------------------------------------------------------------------------------------ paging helpers

  iterateDomains(q: { keyword?: string; status?: DomainStatus; pageSize?: number } = {}, opts?: CallOptions): AsyncGenerator<Page<DomainSummary>, void, undefined> {
    return iteratePages((pageNo) => this.queryDomains({ ...q, pageNo }, opts), (d) => d.domainId);
  }

  iterateSenderAddresses(q: { keyword?: string; sendtype?: SendType; pageSize?: number } = {}, opts?: CallOptions): AsyncGenerator<Page<SenderAddress>, void, undefined> {
    return iteratePages((pageNo) => this.querySenderAddresses({ ...q, pageNo }, opts), (m) => m.senderAddressId);
  }

  iterateTags(q: { keyword?: string; pageSize?: number } = {}, opts?: CallOptions): AsyncGenerator<Page<Tag>, void, undefined> {
    return iteratePages((pageNo) => this.queryTags({ ...q, pageNo }, opts), (t) => t.tagId);
  }

  iterateRecipientLists(q: { keyword?: string; status?: RecipientListStatus; pageSize?: number } = {}, opts?: CallOptions): AsyncGenerator<RecipientListPage, void, undefined> {
    return iteratePages((pageNo) => this.queryRecipientLists({ ...q, pageNo }, opts), (r) => r.recipientListId);
  }

  iterateRecipients(q: { recipientListId: string; keyword?: string; pageSize?: number }, opts?: CallOptions): AsyncGenerator<RecipientPage, void, undefined> {
    return iterateCursor((nextStart) => this.queryRecipients({ ...q, nextStart }, opts), (r) => r.email);
  }

  // ------------------------------------------------------------------------------------------ input checks

  private check(action: string, field: FieldName, value: string | undefined): void {
    const problem = checkField(field, value ?? '', this.t);
    if (problem) throw invalidInput(action, problem);
  }

  /** Custom mail headers: at most MAX_HEADERS, each name and value on its own (no CR/LF to start another header). */
  private checkHeaders(action: string, headers: Record<string, string>): void {
    const { t } = this;
    const entries = Object.entries(headers);
    if (entries.length > MAX_HEADERS) throw invalidInput(action, t('At most {0} custom headers are allowed (got {1}).', MAX_HEADERS, entries.length));
    for (const [name, value] of entries) {
      const problem = checkField('headerName', name, t) ?? checkField('headerValue', String(value), t);
      if (problem) throw invalidInput(action, t('Header "{0}": {1}', name.slice(0, 40), problem));
    }
  }

  private checkId(action: string, label: string, value: string): void {
    const problem = idProblem(label, String(value ?? ''));
    if (problem) throw invalidInput(action, problem);
  }

  /** `label` comes in the words of the translator. */
  private checkToken(action: string, label: string, value: string): void {
    const problem = tokenProblem(label, String(value ?? ''), this.t);
    if (problem) throw invalidInput(action, problem);
  }

  private addressList(action: string, kind: 'recipient' | 'BCC', value: string | string[], max: number): string[] {
    const { t } = this;
    const list = (Array.isArray(value) ? value : value.split(',')).map((a) => a.trim()).filter(Boolean);
    if (list.length > max) {
      throw invalidInput(action, kind === 'BCC'
        ? t('At most {0} BCC addresses are allowed (got {1}).', max, list.length)
        : t('At most {0} recipient addresses are allowed (got {1}).', max, list.length));
    }
    for (const address of list) {
      const problem = checkField('emailAddress', address, t);
      if (problem) throw invalidInput(action, kind === 'BCC' ? t('BCC "{0}": {1}', address, problem) : t('Recipient "{0}": {1}', address, problem));
    }
    return list;
  }

  private pageQuery(action: string, q: { pageNo?: number; pageSize?: number }): Record<string, string> {
    const { t } = this;
    const pageNo = q.pageNo ?? 1;
    if (!Number.isInteger(pageNo) || pageNo < 1) throw invalidInput(action, t('The page number must be a whole number of at least 1 (got {0}).', String(pageNo)));
    return { PageNo: String(pageNo), PageSize: this.pageSizeText(action, q.pageSize) };
  }

  private cursorQuery(action: string, q: { keyword?: string; pageSize?: number; nextStart?: string }): Record<string, string> {
    const { t } = this;
    const query: Record<string, string> = { PageSize: this.pageSizeText(action, q.pageSize) };
    if (q.keyword) {
      this.check(action, 'keyword', q.keyword);
      query.KeyWord = q.keyword;
    }
    if (q.nextStart) {
      this.checkToken(action, t('the page cursor (NextStart)'), q.nextStart);
      query.NextStart = q.nextStart;
    }
    return query;
  }

  private pageSizeText(action: string, pageSize: number | undefined): string {
    const { t } = this;
    const text = String(pageSize ?? 10);
    const problem = checkField('pageSize', text, this.t);
    if (problem || !Number.isInteger(pageSize ?? 10) || Number(text) > MAX_PAGE_SIZE) throw invalidInput(action, problem ?? t('The page size must be a whole number from 1 to {0}.', MAX_PAGE_SIZE));
    return text;
  }

  private tagQuery(action: string, input: { tagName: string; tagDescription?: string }): Record<string, string> {
    this.check(action, 'tagName', input.tagName);
    const query: Record<string, string> = { TagName: input.tagName };
    if (input.tagDescription) {
      this.check(action, 'tagDescription', input.tagDescription);
      query.TagDescription = input.tagDescription;
    }
    return query;
  }

  private callPage<T, P extends Page<T> = Page<T>>(action: string, query: Record<string, string>, parser: parse.PageParser<T, P>, opts?: CallOptions): Promise<P> {
    const asked = { pageNo: Number(query.PageNo), pageSize: Number(query.PageSize) };
    return this.call({ action, query }, (a, body, requestId) => parser(a, body, asked, requestId), opts);
  }

  private call<T>(call: RpcCall, parser: parse.ResponseParser<T>, opts?: CallOptions): Promise<T> {
    return this.caller.call(call, parser, opts);
  }
}
