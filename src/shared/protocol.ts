// The one message protocol between the extension and every webview panel. Bundled into both sides;
// each side validates what it receives with these schemas, because a webview is untrusted input and
// the extension's messages must match what the page was built for.
import * as z from 'zod/mini';
import { DNS_RECORD_STATES } from './dnsRecordStates';

export const FORM_KINDS = ['domain', 'sender', 'recipientList', 'tag'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

/** Which panel a webview shows; kept in the webview state so a reload can rebuild the panel. */
export const panelKeySchema = z.discriminatedUnion('panel', [
  z.object({ panel: z.literal('dns'), domainId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.object({ panel: z.literal('account') }),
  z.object({ panel: z.literal('form'), form: z.enum(FORM_KINDS) }),
  /** The test-email form of one sender address. */
  z.object({ panel: z.literal('testEmail'), accountName: z.string().check(z.minLength(3), z.maxLength(192)) }),
  z.object({ panel: z.literal('importReport'), reportId: z.string().check(z.minLength(1), z.maxLength(64)) }),
]);
export type PanelKey = z.infer<typeof panelKeySchema>;

/** pass = Direct Mail found the record as expected; fail = missing or different; unknown = no check reported. */

const dnsRecordSchema = z.object({
  purpose: z.string(),
  type: z.string(),
  /** Relative to the zone; `@` for the apex. */
  host: z.string(),
  fqdn: z.string(),
  value: z.string(),
  priority: z.optional(z.number()),
  state: z.enum(DNS_RECORD_STATES),
  required: z.boolean(),
  /** What the record does, in plain words. */
  explanation: z.string(),
  /** A record that does not verify: the different value Direct Mail last saw at its host in public DNS. */
  seen: z.optional(z.string().check(z.maxLength(4096))),
});
export type DnsRecordView = z.infer<typeof dnsRecordSchema>;

/**
 * Which profile and region a panel's data belongs to (shown in the panel). `active` is set when another profile or
 * region is active now: the panel then says so and offers to switch back instead of acting on the wrong account.
 */
const panelOwnerSchema = z.object({
  profile: z.string(),
  region: z.string(),
  active: z.optional(z.object({ profile: z.string(), region: z.string() })),
});
export type PanelOwner = z.infer<typeof panelOwnerSchema>;

const dnsViewSchema = z.object({
  panel: z.literal('dns'),
  domainId: z.string(),
  domainName: z.string(),
  zone: z.string(),
  verified: z.boolean(),
  statusText: z.string(),
  records: z.array(dnsRecordSchema),
  checkedAt: z.optional(z.string()),
  /** The domain's state in the tree's words and icon: verified, partly verified or not verified. */
  state: z.optional(z.enum(['verified', 'partly', 'unverified'])),
  /** Direct Mail answered that the domain no longer exists: the panel says so and offers to close. */
  gone: z.optional(z.boolean()),
  owner: z.optional(panelOwnerSchema),
});
export type DnsView = z.infer<typeof dnsViewSchema>;

const accountViewSchema = z.object({
  panel: z.literal('account'),
  dailyQuota: z.number(),
  dailyRemainFreeQuota: z.number(),
  monthQuota: z.number(),
  remainFreeQuota: z.number(),
  quotaLevel: z.number(),
  maxQuotaLevel: z.number(),
  statusOk: z.boolean(),
  statusText: z.string(),
  counts: z.object({
    domains: z.number(),
    senderAddresses: z.number(),
    recipientLists: z.number(),
    tags: z.number(),
    templates: z.number(),
  }),
  /** ISO time of the last successful load. */
  updatedAt: z.string(),
  owner: z.optional(panelOwnerSchema),
});
export type AccountView = z.infer<typeof accountViewSchema>;

/**
 * The outcome of a form's last submit, kept so a form hidden while its request ran (or reloaded since) still shows it.
 * `at` tells one result from the next; `reset` says the form was emptied for the next item (a successful create).
 */
const formResultSchema = z.object({
  ok: z.boolean(),
  message: z.string().check(z.maxLength(4096)),
  at: z.number(),
  reset: z.boolean(),
  /** A create whose answer was lost: it may or may not have happened (shown as a warning, not an error). */
  unknown: z.optional(z.boolean()),
  /** Test email: the IDs of the accepted mail, shown again with the result after a hide/show or reload. */
  sent: z.optional(z.object({ envId: z.string().check(z.maxLength(128)), requestId: z.string().check(z.maxLength(128)) })),
});
export type FormResult = z.infer<typeof formResultSchema>;

const formViewSchema = z.object({
  panel: z.literal('form'),
  form: z.enum(FORM_KINDS),
  /** Choices for the sender-address domain picker: the account's verified domains. */
  domains: z.optional(z.array(z.string())),
  /** The last submit's outcome as the extension saw it (the page may have been hidden when it came). */
  lastResult: z.optional(formResultSchema),
});
export type FormView = z.infer<typeof formViewSchema>;

const testEmailViewSchema = z.object({
  panel: z.literal('testEmail'),
  /** The sender address, shown read-only. */
  from: z.string(),
  /** `trigger` or `batch`: shown next to the sender and used to explain a send-type refusal. */
  sendType: z.string(),
  /** Choices for the tag picker: the account's tag names. */
  tags: z.array(z.string()),
});
export type TestEmailView = z.infer<typeof testEmailViewSchema>;

/** Rows a report panel lists per table; the counts always cover every row. */
export const REPORT_ROW_LIMIT = 2000;
const reportRow = z.object({ row: z.number(), email: z.string(), reason: z.optional(z.string()) });

const importReportViewSchema = z.object({
  panel: z.literal('importReport'),
  listName: z.string(),
  fileName: z.string(),
  totalRows: z.number(),
  addedCount: z.number(),
  rejectedCount: z.number(),
  /** Rows of a batch whose answer was lost and could not be checked by reading the list back. */
  unknownCount: z.number(),
  batches: z.number(),
  cancelled: z.boolean(),
  /** Header columns that were not sent. */
  ignoredColumns: z.array(z.string()),
  notes: z.array(z.string()),
  rejected: z.array(reportRow).check(z.maxLength(REPORT_ROW_LIMIT)),
  added: z.array(reportRow).check(z.maxLength(REPORT_ROW_LIMIT)),
  unknown: z.array(reportRow).check(z.maxLength(REPORT_ROW_LIMIT)),
});
export type ImportReportView = z.infer<typeof importReportViewSchema>;

export const panelViewSchema = z.discriminatedUnion('panel', [dnsViewSchema, accountViewSchema, formViewSchema, importReportViewSchema, testEmailViewSchema]);
export type PanelView = z.infer<typeof panelViewSchema>;

const requestId = z.number().check(z.int(), z.nonnegative());
/** Long enough for a test email's HTML body; each field's own check sets its real limit. */
export const MAX_FORM_VALUE = 65_536;
const formValues = z.record(z.string().check(z.maxLength(64)), z.string().check(z.maxLength(MAX_FORM_VALUE)));

export const COPY_TARGETS = ['host', 'fqdn', 'value', 'record', 'zone', 'table'] as const;
export type CopyTarget = (typeof COPY_TARGETS)[number];

/** Messages a webview sends. Everything but `ready` is a request answered by one `result` with the same id. */
export const toHostSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({ type: z.literal('refresh'), id: requestId }),
  z.object({ type: z.literal('verify'), id: requestId }),
  z.object({
    type: z.literal('copy'),
    id: requestId,
    target: z.enum(COPY_TARGETS),
    /** Row of the record for host/fqdn/value/record. */
    index: z.optional(z.number().check(z.int(), z.nonnegative())),
  }),
  z.object({ type: z.literal('submit'), id: requestId, values: formValues }),
  /** Close this panel (offered when its resource is gone). */
  z.object({ type: z.literal('close'), id: requestId }),
  /** Make the panel's profile and region active again (offered when another one is active). */
  z.object({ type: z.literal('switchBack'), id: requestId }),
  /** Import report: copy the rejected rows as CSV. */
  z.object({ type: z.literal('copyRejected'), id: requestId }),
  /** Import report: copy the rows whose outcome is unknown as CSV. */
  z.object({ type: z.literal('copyUnknown'), id: requestId }),
  /** Test email: copy an ID of the mail just sent. */
  z.object({ type: z.literal('copySent'), id: requestId, what: z.enum(['envId', 'requestId']) }),
]);
export type ToHost = z.infer<typeof toHostSchema>;
export type ToHostRequest = Exclude<ToHost, { type: 'ready' }>;

/** Messages the extension sends. */
export const toViewSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('show'), key: panelKeySchema, view: panelViewSchema }),
  z.object({
    type: z.literal('result'),
    id: requestId,
    ok: z.boolean(),
    /** What happened, in words: the success note or the service's error message. */
    message: z.optional(z.string()),
    /** Per-field problems found by the extension's own check of submitted values. */
    fieldErrors: z.optional(z.record(z.string(), z.string())),
    /** A test email Direct Mail accepted: its IDs, shown with copy buttons. */
    sent: z.optional(z.object({ envId: z.string(), requestId: z.string() })),
    /** A test email whose request left without a readable answer: it may or may not have been sent. */
    unknownOutcome: z.optional(z.boolean()),
  }),
  z.object({ type: z.literal('error'), message: z.string() }),
]);
export type ToView = z.infer<typeof toViewSchema>;
export type ResultMessage = Extract<ToView, { type: 'result' }>;

/**
 * The translations of the page's words (vscode.l10n.bundle: English text → its translation), written into the HTML
 * as a JSON data block with this element id; absent in English. Checked by the page before l10n.config.
 */
export const L10N_BUNDLE_ELEMENT = 'l10n-bundle';
export const l10nBundleSchema = z.record(z.string(), z.string());
export type L10nBundle = z.infer<typeof l10nBundleSchema>;

/** What a webview keeps with getState/setState; validated again when a panel is revived after a reload. */
export const webviewStateSchema = z.object({
  key: panelKeySchema,
  view: z.optional(panelViewSchema),
  values: z.optional(formValues),
  /** The result the form shows, kept across hide/show and window reloads. */
  result: z.optional(formResultSchema),
});
export type WebviewState = z.infer<typeof webviewStateSchema>;
