// The one wrapper every command runs through: optional progress, and any failure becomes a log line plus a
// notification with "Copy request ID" / "Show log" — nothing throws into VS Code unhandled. A failed command
// resolves to undefined so callers (and tests) can tell.
// The notification speaks of what the user did (commandLabels.ts) and says honestly how far the request got: a
// write that may have been applied says so and offers "Refresh" on the group where the result shows (never a
// plain "try again"); a request that never left the machine says nothing changed. The API action, Code, delivery
// and the client's own message go to the log line before it.
import * as vscode from 'vscode';
import { failureText } from '../model/failureText';
import { describeError, errorDetails, isAbort } from '../util/errors';
import type { Log } from '../util/log';
import { prompts } from '../util/prompts';
import { commandSubject } from './commandLabels';

export interface CommandOptions {
  /** Shows a notification progress with this title while the command runs. */
  progress?: string;
}

export type CommandHandler = (...args: unknown[]) => unknown;

/** The command that refreshes one tree group (src/commands/treeCommands.ts); takes the group kind. */
const REFRESH_GROUP = 'directMail.refreshGroup';

export class CommandRunner {
  constructor(private readonly log: Log) {}

  register(id: string, handler: CommandHandler, options: CommandOptions = {}): vscode.Disposable {
    return vscode.commands.registerCommand(id, (...args: unknown[]) => this.run(id, () => handler(...args), options, args));
  }

  async run<T>(id: string, work: () => T | Promise<T>, options: CommandOptions = {}, args: readonly unknown[] = []): Promise<T | undefined> {
    try {
      if (!options.progress) return await work();
      return await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: options.progress }, () => Promise.resolve(work()));
    } catch (error) {
      if (isAbort(error)) return undefined;
      this.report(id, error, args);
      return undefined;
    }
  }

  /** Logs and shows a failure without waiting for the user to react to the notification. */
  report(id: string, error: unknown, args: readonly unknown[] = []): void {
    const details = errorDetails(error);
    const subject = commandSubject(id, args);
    const { text, unknown } = failureText(details, subject, vscode.l10n.t);
    const refresh = unknown && subject?.group ? vscode.l10n.t('Refresh {0}', subject.groupName ?? '') : undefined;
    const copy = details.requestId ? vscode.l10n.t('Copy request ID') : undefined;
    const show = vscode.l10n.t('Show log');
    const buttons = [refresh, copy, show].filter((b): b is string => b !== undefined);
    // Details first, then the notification's own text: the last line of a command is what the user saw.
    const how = [details.action, details.delivery && `delivery ${details.delivery}`, `offered: ${buttons.join(', ')}`].filter(Boolean).join(' · ');
    this.log.warn(`${id} details: ${how} · ${describeError(details)}`);
    this.log.error(`${id}: ${text}`);
    // Not an error for sure: it may have worked. A warning whose first button is the way to check, asked through the
    // prompts seam like every question with buttons (so the extension-host tests see what it offers).
    const shown = unknown ? prompts().showWarningMessage(text, {}, ...buttons) : vscode.window.showErrorMessage(text, ...buttons);
    void shown.then((choice) => {
      if (choice === undefined) return;
      if (choice === refresh && subject?.group) void vscode.commands.executeCommand(REFRESH_GROUP, subject.group);
      if (choice === copy && details.requestId) void vscode.env.clipboard.writeText(details.requestId);
      if (choice === show) this.log.show();
    }, () => undefined);
  }
}
