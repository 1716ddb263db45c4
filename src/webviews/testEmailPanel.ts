// The test-email form of one sender address: loads the sender (its send type) and the account's tags, checks
// the typed values again, sends one SingleSendMail, and answers with the EnvId/RequestId or, when Direct Mail
// refuses, an explanation of the refusal (send type, quota, unverified domain…) while the page keeps the input.
// A send whose request left without a readable answer is reported as "may or may not have been sent" with what to
// check, and the same values are not sent twice from one form: a repeat needs a change to any field first (the
// page shows "Sent" on its button until then; this is the check the page cannot bypass).
import * as vscode from 'vscode';
import { isDirectMailError } from '../api/errors';
import { describeError, errorDetails, mayHaveHappened } from '../util/errors';
import type { SingleSendMailRequest } from '../api/types';
import { explainSendRefusal, isQuotaRefusal, type SendContext } from '../model/sendRefusal';
import { requireClient, type PanelClient, type WebviewDeps } from './deps';
import { pickerItems } from './formPanel';
import { checkSpec, type FormValues } from '../shared/formSpecs';
import type { Outcome, PanelController } from './panelHost';
import type { TestEmailView, ToHostRequest } from '../shared/protocol';
import { recipientsOf, sendKey, TEST_EMAIL_FORM, testEmailForm } from '../shared/testEmailSpec';

/** The last send from this form: its values (as sendKey) and what became of it. */
interface LastSend {
  key: string;
  outcome: 'sent' | 'unknown';
  /** Local time of the send, as shown. */
  at: string;
  envId?: string;
}

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
  private last: LastSend | undefined;

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
      pickerItems((q) => client.querySenderAddresses({ ...q, keyword: wanted })),
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
    const key = sendKey(values);
    if (this.last?.key === key) return this.notAgain(this.last);
    const client = await requireClient(this.deps);
    const req = sendRequest(this.accountName, values);
    const at = new Date().toLocaleTimeString();
    try {
      const sent = await client.singleSendMail(req);
      this.sent = sent;
      // The quota went down: the Account row and the account panel read it again, together.
      void this.deps.store?.accountChanged();
      this.last = { key, outcome: 'sent', at, envId: sent.envId };
      this.deps.log?.info?.(`Test email from ${this.accountName} accepted: EnvId ${sent.envId}, RequestId ${sent.requestId}`);
      const count = (req.toAddress as string[]).length;
      return { ok: true, sent, message: vscode.l10n.t('Direct Mail accepted the test email to {0} recipient(s).', count) };
    } catch (error) {
      const details = errorDetails(error);
      if (mayHaveHappened(details)) {
        this.last = { key, outcome: 'unknown', at };
        this.deps.log?.warn(`Test email from ${this.accountName}: outcome unknown (${details.action ?? 'SingleSendMail'}: ${details.code ?? ''} ${details.message})`);
        return { ok: false, unknownOutcome: true, message: unknownText(at, details.requestId) };
      }
      return this.refused(error, client, { sender: this.accountName, sendType: this.sendType || undefined, recipients: (req.toAddress as string[]).length, tagName: req.tagName });
    }
  }

  /** The answer to the same values again: nothing is sent. */
  private notAgain(last: LastSend): Outcome {
    const message = last.outcome === 'sent'
      ? vscode.l10n.t('Not sent again: this exact mail was sent at {0} (EnvId {1}). Change any field to send another.', last.at, last.envId ?? '')
      : vscode.l10n.t('Not sent again: this exact mail was sent at {0} and its outcome is unknown. Check the delivery log (or the recipient\'s inbox) first; to send it anyway, change any field.', last.at);
    return { ok: false, message, unknownOutcome: last.outcome === 'unknown' || undefined };
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
    // The code and request ID spelled as in every other failure message, for support.
    const message = describeError({ message: refusal.text, code: error.code, requestId: error.requestId });
    this.deps.log?.warn(`Test email from ${this.accountName} refused: ${describeError({ message: error.code, requestId: error.requestId })}`);
    return { ok: false, message, fieldErrors: refusal.field ? { [refusal.field]: refusal.text } : undefined };
  }
}

/** What the page says when the send's answer was lost: it may have gone out, and what to check before resending. */
function unknownText(at: string, requestId: string | undefined): string {
  const lead = vscode.l10n.t('The test email may or may not have been sent: the request went out to Direct Mail, but the connection broke or timed out before the answer came, so no EnvId came back.');
  const todo = vscode.l10n.t('Do not send it again blindly: first look for it in the delivery log in the Direct Mail console (sender, recipient and the time {0}) or in the recipient\'s inbox.', at);
  return [lead, todo, requestId ? vscode.l10n.t('Request ID: {0}', requestId) : ''].filter(Boolean).join(' ');
}
