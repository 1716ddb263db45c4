// The one wrapper every command runs through: optional progress, and any failure becomes a log line plus a
// notification with "Copy request ID" / "Show log" — nothing throws into VS Code unhandled. A failed command
// resolves to undefined so callers (and tests) can tell.
import * as vscode from 'vscode';
import { describeError, errorDetails, isAbort } from '../util/errors';
import type { Log } from '../util/log';

export interface CommandOptions {
  /** Shows a notification progress with this title while the command runs. */
  progress?: string;
}

export type CommandHandler = (...args: unknown[]) => unknown;

export class CommandRunner {
  constructor(private readonly log: Log) {}

  register(id: string, handler: CommandHandler, options: CommandOptions = {}): vscode.Disposable {
    return vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, () => handler(...args), options));
  }

  async run<T>(id: string, work: () => T | Promise<T>, options: CommandOptions = {}): Promise<T | undefined> {
    try {
      if (!options.progress) return await work();
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: options.progress }, () => Promise.resolve(work()));
    } catch (error) {
      if (isAbort(error)) return undefined;
      this.report(id, error);
      return undefined;
    }
  }

  /** Logs and shows a failure without waiting for the user to react to the notification. */
  report(id: string, error: unknown): void {
    const details = errorDetails(error);
    const text = describeError(details);
    this.log.error(`${id}: ${text}`);
    const copy = vscode.l10n.t('Copy request ID');
    const show = vscode.l10n.t('Show log');
    const buttons = details.requestId ? [copy, show] : [show];
    void vscode.window.showErrorMessage(text, ...buttons).then((choice) => {
      if (choice === copy && details.requestId) void vscode.env.clipboard.writeText(details.requestId);
      if (choice === show) this.log.show();
    });
  }
}
