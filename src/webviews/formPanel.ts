// Create forms: the page checks each field while typing; this side checks again, sends the create,
// and on success refreshes the tree (and opens the DNS panel for a new domain).
import * as vscode from 'vscode';
import { collect, iteratePages } from '../api/paging';
import { isDomainUsable, type Page, type SendType } from '../api/types';
import { commandSubject } from '../commands/commandLabels';
import { failureText } from '../model/failureText';
import { describeError, errorDetails, isAbort } from '../util/errors';
import { requireClient, type CreatedItem, type PanelClient, type WebviewDeps } from './deps';
import { checkForm, FORMS, formSpecs, senderAddress, submitBlocker, type FormValues } from '../shared/formSpecs';
import type { Outcome, PanelController } from './panelHost';
import type { FormKind, FormResult, FormView, ToHostRequest } from '../shared/protocol';

/** Enough for a picker; an account with more domains (or tags) than this types the name in the keyword filter. */
const MAX_PICKER_PAGES = 5;
const PICKER_PAGE_SIZE = 50;

/** The items of the first few pages of a paged list, for a picker. */
export function pickerItems<T>(fetch: (query: { pageNo: number; pageSize: number }) => Promise<Page<T>>): Promise<T[]> {
  return collect(iteratePages((pageNo) => fetch({ pageNo, pageSize: PICKER_PAGE_SIZE })), MAX_PICKER_PAGES);
}

async function usableDomainNames(client: PanelClient): Promise<string[]> {
  const domains = await pickerItems((q) => client.queryDomains(q));
  return domains.filter((d) => isDomainUsable(d.domainStatus)).map((d) => d.domainName).sort();
}

const optional = (value: string | undefined): string | undefined => (value ? value : undefined);

/** The command that opens each create form; its words ("Creating the tag “news”") also name a failed create. */
export const CREATE_COMMANDS: Readonly<Record<FormKind, string>> = {
  domain: 'directMail.createDomain',
  sender: 'directMail.createSenderAddress',
  recipientList: 'directMail.createRecipientList',
  tag: 'directMail.createTag',
};

/** What a form creates, by the name the user typed. */
function typedName(kind: FormKind, v: FormValues): string {
  switch (kind) {
    case 'domain':
      return v.domainName;
    case 'sender':
      return senderAddress(v);
    case 'recipientList':
      return v.listName;
    case 'tag':
      return v.tagName;
  }
}

/** Sends the create request for a checked form. */
async function create(kind: FormKind, v: FormValues, client: PanelClient): Promise<CreatedItem> {
  switch (kind) {
    case 'domain': {
      const { domainId } = await client.createDomain({ domainName: v.domainName, dkimSelector: optional(v.dkimSelector) });
      return { kind: 'domain', id: domainId, name: v.domainName };
    }
    case 'sender': {
      const accountName = senderAddress(v);
      const { senderAddressId } = await client.createSenderAddress({
        accountName,
        sendtype: v.sendType as SendType,
        replyAddress: optional(v.replyAddress),
      });
      return { kind: 'sender', id: senderAddressId, name: accountName };
    }
    case 'recipientList': {
      const { recipientListId } = await client.createRecipientList({
        listName: v.listName,
        listAlias: v.listAlias,
        desc: optional(v.desc),
      });
      return { kind: 'recipientList', id: recipientListId, name: v.listName };
    }
    case 'tag': {
      const { tagId } = await client.createTag({ tagName: v.tagName, tagDescription: optional(v.tagDescription) });
      return { kind: 'tag', id: tagId, name: v.tagName };
    }
  }
}

/** The success note; literal l10n calls so the bundle check sees each key. */
function createdText(item: CreatedItem): string {
  switch (item.kind) {
    case 'domain':
      return vscode.l10n.t('Created domain {0}. Its DNS setup panel lists the records to publish next.', item.name);
    case 'sender':
      return vscode.l10n.t('Created sender address {0}.', item.name);
    case 'recipientList':
      return vscode.l10n.t('Created recipient list {0}.', item.name);
    case 'tag':
      return vscode.l10n.t('Created tag {0}.', item.name);
  }
}

export class FormPanelController implements PanelController {
  readonly title: string;
  /**
   * The last successful create, sent with every view: the page may be hidden (and its script gone) when the answer
   * comes, as when a new domain's DNS panel opens over the form, and must still empty itself and say what was created.
   */
  private lastResult: FormResult | undefined;
  /** The domain choices last sent (sender-address form), so a view after a create needs no new request. */
  private domains: string[] | undefined;

  constructor(
    private readonly kind: FormKind,
    private readonly deps: WebviewDeps,
    private readonly openDnsPanel: (domainId: string) => Promise<void>,
  ) {
    this.title = formSpecs(vscode.l10n.t)[kind].title;
  }

  async load(): Promise<FormView> {
    if (this.kind === 'sender') this.domains = await usableDomainNames(await requireClient(this.deps));
    return this.current();
  }

  /** The view as the form knows it now: its choices and the last submit's result (no request). */
  current(): FormView {
    return {
      panel: 'form',
      form: this.kind,
      ...(this.domains ? { domains: this.domains } : {}),
      ...(this.lastResult ? { lastResult: this.lastResult } : {}),
    };
  }

  async handle(request: ToHostRequest): Promise<Outcome> {
    if (request.type === 'refresh') return { ok: true, view: await this.load() };
    if (request.type !== 'submit') {
      return { ok: false, message: vscode.l10n.t('The form does not handle "{0}".', request.type) };
    }
    // Only the form's own fields, trimmed; the page is untrusted, so everything is checked again here.
    const values: FormValues = {};
    for (const field of FORMS[this.kind].fields) values[field.key] = (request.values[field.key] ?? '').trim();
    const fieldErrors = checkForm(this.kind, values, vscode.l10n.t);
    const blocker = submitBlocker(formSpecs(vscode.l10n.t)[this.kind], values, fieldErrors, vscode.l10n.t);
    if (blocker) return { ok: false, fieldErrors, message: blocker.text };
    const client = await requireClient(this.deps);
    let created: CreatedItem;
    try {
      created = await create(this.kind, values, client);
    } catch (error) {
      if (isAbort(error)) throw error;
      return this.failed(error, values);
    }
    // Every create form behaves alike after a success: it empties itself and names what was created.
    const message = createdText(created);
    this.lastResult = { ok: true, message, at: Date.now(), reset: true };
    await this.announce(created);
    return { ok: true, message, view: this.current() };
  }

  /**
   * A create that failed says so in the words of the command ("Creating the tag “news” failed: …"), or that it may or
   * may not have happened when the answer was lost; the result is kept like a success, so a form hidden meanwhile
   * shows it when it comes back. What was typed stays in the page.
   */
  private failed(error: unknown, values: FormValues): Outcome {
    const details = errorDetails(error);
    const subject = commandSubject(CREATE_COMMANDS[this.kind], [{ name: typedName(this.kind, values) }]);
    const { text, unknown } = failureText(details, subject, vscode.l10n.t);
    this.deps.log?.error(`${this.title}: ${describeError(details)}`);
    this.lastResult = { ok: false, message: text, at: Date.now(), reset: false, ...(unknown ? { unknown: true } : {}) };
    return { ok: false, message: text, ...(unknown ? { unknownOutcome: true } : {}) };
  }

  /** Tree refresh and reveal, then the DNS panel for a domain. Failures here must not hide the successful create. */
  private async announce(created: CreatedItem): Promise<void> {
    try {
      if (this.deps.onCreated) await this.deps.onCreated(created);
      else await vscode.commands.executeCommand('directMail.refresh');
    } catch (error) {
      this.deps.log?.warn(`Created ${created.kind} ${created.name}, but refreshing the tree failed: ${String(error)}`);
    }
    if (created.kind === 'domain') await this.openDnsPanel(created.id);
  }
}
