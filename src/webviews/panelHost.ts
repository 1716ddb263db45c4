// The extension side of one webview panel: builds its page, checks every message against the protocol,
// answers the ready handshake with the panel's data, and turns each request into exactly one result.
import * as vscode from 'vscode';
import { failureText } from '../model/failureText';
import { describeError, errorDetails } from '../util/errors';
import { panelHtml, webviewOptions } from './html';
import {
  toHostSchema,
  toViewSchema,
  type PanelKey,
  type PanelView,
  type ToHostRequest,
  type ToView,
} from '../shared/protocol';

/** What a request produced: the result for the page, and fresh data to show when it changed. */
export interface Outcome {
  ok: boolean;
  message?: string;
  fieldErrors?: Record<string, string>;
  /** IDs of a mail Direct Mail accepted. */
  sent?: { envId: string; requestId: string };
  /** A send whose request left without a readable answer: the mail may or may not have gone out. */
  unknownOutcome?: boolean;
  view?: PanelView;
}

/** The part that differs between panels. */
export interface PanelController {
  readonly title: string;
  load(): Promise<PanelView>;
  handle(request: ToHostRequest): Promise<Outcome>;
  /**
   * The view as the extension knows it now, without a request: a page that comes back (shown again, reloaded) gets
   * this rather than the view it was last sent, so it shows what happened while it was away.
   */
  current?(): PanelView | undefined;
  /**
   * Re-renders from the extension's one state: `render` is called with a fresh view whenever what the panel shows
   * changed elsewhere (a verify in the tree, a send, a delete, a profile switch); `fail` when reloading for such a
   * change failed (e.g. signed out), so the page does not keep showing another account's data as current.
   */
  watch?(render: (view: PanelView) => void, fail: (error: unknown) => void): vscode.Disposable;
}

/** Where ignored messages and failures are written (the extension's log channel in production). */
export interface PanelLog {
  /** Successes worth a line (a sent test email's IDs); optional. */
  info?(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** A failure in the words the notifications use (the service's message and code; never the API action's name). */
export function errorText(error: unknown): string {
  return failureText(errorDetails(error), undefined, vscode.l10n.t).text;
}

export class PanelHost implements vscode.Disposable {
  private readonly posted = new vscode.EventEmitter<ToView>();
  /** Every message sent to the page; lets tests see exactly what the page receives. */
  readonly onDidPost = this.posted.event;
  private view: PanelView | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private disposed = false;

  constructor(
    readonly panel: vscode.WebviewPanel,
    readonly key: PanelKey,
    private readonly controller: PanelController,
    extensionUri: vscode.Uri,
    frontEnd: string,
    private readonly log: PanelLog,
  ) {
    panel.webview.options = webviewOptions(extensionUri);
    panel.webview.html = panelHtml(panel.webview, extensionUri, frontEnd, controller.title);
    this.subscriptions.push(
      panel.webview.onDidReceiveMessage((raw: unknown) => void this.receive(raw)),
      panel.onDidDispose(() => this.dispose()),
      this.posted,
    );
    const watching = controller.watch?.(
      (view) => this.setView(view),
      (error) => {
        this.view = undefined;
        void this.post({ type: 'error', message: errorText(error) });
      },
    );
    if (watching) this.subscriptions.push(watching);
  }

  /** Handles one message from the page. Anything not in the protocol is logged and dropped. */
  async receive(raw: unknown): Promise<void> {
    const parsed = toHostSchema.safeParse(raw);
    if (!parsed.success) {
      const type = typeof raw === 'object' && raw !== null ? String((raw as { type?: unknown }).type) : typeof raw;
      const problems = parsed.error.issues.map((i) => `${i.path.join('.') || '(message)'}: ${i.message}`).join('; ');
      this.log.warn(`Ignored a malformed message (type ${type.slice(0, 40)}) from the ${this.controller.title} panel: ${problems.slice(0, 300)}`);
      return;
    }
    const message = parsed.data;
    if (message.type === 'ready') {
      await this.show(false);
      return;
    }
    if (message.type === 'close') {
      // Offered by a panel whose resource is gone; every panel can be closed this way.
      await this.post({ type: 'result', id: message.id, ok: true });
      this.panel.dispose();
      return;
    }
    let outcome: Outcome;
    try {
      outcome = await this.controller.handle(message);
    } catch (error) {
      this.log.error(`${this.controller.title}: ${message.type} failed: ${describeError(errorDetails(error))}`);
      const { text, unknown } = failureText(errorDetails(error), undefined, vscode.l10n.t);
      outcome = { ok: false, message: text, ...(unknown ? { unknownOutcome: true } : {}) };
    }
    if (outcome.view) this.setView(outcome.view);
    await this.post({ type: 'result', id: message.id, ok: outcome.ok, message: outcome.message, fieldErrors: outcome.fieldErrors, sent: outcome.sent, unknownOutcome: outcome.unknownOutcome });
  }

  /** Sends the panel's data; loads it first when there is none yet or `reload` asks for fresh data. */
  async show(reload: boolean): Promise<void> {
    try {
      if (reload || !this.view) this.view = await this.controller.load();
      else this.view = this.controller.current?.() ?? this.view;
      this.setView(this.view);
    } catch (error) {
      this.log.error(`${this.controller.title}: loading failed: ${describeError(errorDetails(error))}`);
      await this.post({ type: 'error', message: errorText(error) });
    }
  }

  private setView(view: PanelView): void {
    this.view = view;
    if (!this.disposed) this.panel.title = this.controller.title;
    void this.post({ type: 'show', key: this.key, view });
  }

  private async post(message: ToView): Promise<void> {
    // Checked on the way out as well: a shape mistake here is a bug, better caught in the log than in the page.
    const checked = toViewSchema.safeParse(message);
    if (!checked.success) {
      this.log.error(`Refused to send an invalid ${message.type} message to the ${this.controller.title} panel.`);
      return;
    }
    if (this.disposed) return;
    this.posted.fire(checked.data);
    await this.panel.webview.postMessage(checked.data);
  }

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    this.disposed = true;
    for (const s of this.subscriptions.splice(0)) s.dispose();
  }
}
