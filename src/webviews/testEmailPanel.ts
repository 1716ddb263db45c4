// The test-email form of one sender address: loads the sender (its send type) and the account's tags, checks
// the typed values again, sends one SingleSendMail, and answers with the EnvId/RequestId or, when Direct Mail
// refuses, an explanation of the refusal (send type, quota, unverified domain…) while the page keeps the input.
import * as vscode from 'vscode';
import { isDirectMailError } from '../api/errors';
import type { SingleSendMailRequest } from '../api/types';
import { explainSendRefusal, isQuotaRefusal, type SendContext } from '../model/sendRefusal';
import { requireClient, type PanelClient, type WebviewDeps } from './deps';
import { pickerItems } from './formPanel';
import { checkSpec, type FormValues } from './forms';
import type { Outcome, PanelController } from './panelHost';
import type { TestEmailView, ToHostRequest } from './protocol';
import { recipientsOf, TEST_EMAIL_FORM, testEmailForm } from './testEmailForm';

/** The typed values as a SingleSendMail request; the sender is the panel's, never a value from the page. */
export function sendRequest(accountName: string, v: FormValues): SingleSendMailRequest {
  return {
    accountName,
    addressType: 1,
    replyToAddress: false,
    toAddress: recipientsOf(v.toAddress),
    subject: v.subject,
    ...(v.bodyFormat === 'html' ? { htmlBody: v.body } : { textBody: v.body }),
    tagName: v.tagName || undefined,
    fromAlias: v.fromAlias || undefined,
  };
}

export class TestEmailController implements PanelController {
  readonly title: string;
  private sendType = '';
  private sent: { envId: string; requestId: string } | undefined;

  constructor(
    private readonly accountName: string,
    private readonly deps: WebviewDeps,
  ) {
    this.title = vscode.l10n.t('Test email: {0}', accountName);
  }

  async load(): Promise<TestEmailView> {
    const client = await requireClient(this.deps);
    const wanted = this.accountName.toLowerCase();
    const [senders, tags] = await Promise.all([
      pickerItems((q) => client.queryMailAddresses({ ...q, keyword: wanted })),
      pickerItems((q) => client.queryTags(q)),
    ]);
    const sender = senders.find((s) => s.accountName.toLowerCase() === wanted);
    if (!sender) throw new Error(explainSendRefusal('InvalidMailAddress.NotFound', { sender: this.accountName, recipients: 0 }, vscode.l10n.t)?.text);
    this.sendType = sender.sendtype;
    return { panel: 'testEmail', from: sender.accountName, sendType: sender.sendtype, tags: tags.map((tag) => tag.tagName).sort() };
  }

  async handle(request: ToHostRequest): Promise<Outcome> {
    switch (request.type) {
      case 'refresh':
        return { ok: true, view: await this.load() };
      case 'copySent': {
        if (!this.sent) return { ok: false, message: vscode.l10n.t('Nothing was sent from this form yet.') };
        await vscode.env.clipboard.writeText(this.sent[request.what]);
        return { ok: true, message: request.what === 'envId' ? vscode.l10n.t('Copied the EnvId.') : vscode.l10n.t('Copied the RequestId.') };
      }
      case 'submit':
        return this.send(request.values);
      default:
        return { ok: false, message: vscode.l10n.t('The test-email form does not handle "{0}".', request.type) };
    }
  }

  private async send(raw: Record<string, string>): Promise<Outcome> {
    // Only the form's own fields; the page is untrusted, so everything is checked again here. The body keeps its
    // line breaks and indentation; the other fields are trimmed.
    const values: FormValues = {};
    for (const field of TEST_EMAIL_FORM.fields) values[field.key] = field.key === 'body' ? (raw.body ?? '') : (raw[field.key] ?? '').trim();
    const fieldErrors = checkSpec(testEmailForm(vscode.l10n.t), values, vscode.l10n.t);
    if (Object.keys(fieldErrors).length > 0) {
      return { ok: false, fieldErrors, message: vscode.l10n.t('Some fields need fixing; see the messages next to them.') };
    }
    const client = await requireClient(this.deps);
    const req = sendRequest(this.accountName, values);
    try {
      const sent = await client.singleSendMail(req);
      this.sent = sent;
      this.deps.log?.info?.(`Test email from ${this.accountName} accepted: EnvId ${sent.envId}, RequestId ${sent.requestId}`);
      const count = (req.toAddress as string[]).length;
      return { ok: true, sent, message: vscode.l10n.t('Direct Mail accepted the test email to {0} recipient(s).', count) };
    } catch (error) {
      return this.refused(error, client, { sender: this.accountName, sendType: this.sendType || undefined, recipients: (req.toAddress as string[]).length, tagName: req.tagName });
    }
  }

  /** The refusal in words, pointing at the field to change; codes without better words keep the service's message. */
  private async refused(error: unknown, client: PanelClient, context: SendContext): Promise<Outcome> {
    if (!isDirectMailError(error)) throw error;
    if (isQuotaRefusal(error.code)) {
      // The figures make the explanation concrete; without them it still says what to do.
      context.quota = await client.descAccountSummary().catch(() => undefined);
    }
    const refusal = explainSendRefusal(error.code, context, vscode.l10n.t);
    if (!refusal) throw error;
    const message = `${refusal.text} (${error.code}${error.requestId ? `, ${vscode.l10n.t('request ID {0}', error.requestId)}` : ''})`;
    this.deps.log?.warn(`Test email from ${this.accountName} refused: ${error.code}${error.requestId ? ` (request ID ${error.requestId})` : ''}`);
    return { ok: false, message, fieldErrors: refusal.field ? { [refusal.field]: refusal.text } : undefined };
  }
}
