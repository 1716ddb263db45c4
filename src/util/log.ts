// The "Direct Mail" log channel. Every request and every command failure is written here; nothing secret ever is
// (request entries carry action, status, code, RequestId and duration only). The log is a file on disk that people
// attach to bug reports, so the email addresses in its lines (recipients, typed in commands, echoed in errors) are
// masked to their first letter and domain. The last lines are kept in memory so the extension-host tests can
// prove that.
import * as vscode from 'vscode';
import { maskEmailAddresses } from '../api/redaction';
import type { RequestLogEntry } from '../api/types';

/** Enough for a whole extension-host test run, whose suites read the lines written since a position. */
const KEEP_LINES = 5000;

export class Log implements vscode.Disposable {
  readonly channel = vscode.window.createOutputChannel('Direct Mail', { log: true });
  private readonly lines: string[] = [];

  info(message: string): void {
    const line = maskEmailAddresses(message);
    this.remember(line);
    this.channel.info(line);
  }

  warn(message: string): void {
    const line = maskEmailAddresses(message);
    this.remember(line);
    this.channel.warn(line);
  }

  error(message: string): void {
    const line = maskEmailAddresses(message);
    this.remember(line);
    this.channel.error(line);
  }

  /** One line per HTTP attempt of the client. */
  request(entry: RequestLogEntry): void {
    const parts = [
      entry.action,
      entry.httpStatus !== undefined ? `HTTP ${entry.httpStatus}` : 'no response',
      entry.code ?? 'OK',
      `RequestId ${entry.requestId ?? '-'}`,
      `${Math.round(entry.durationMs)} ms`,
    ];
    if (entry.attempt > 1) parts.push(`attempt ${entry.attempt}`);
    const line = parts.join(' · ');
    this.remember(line);
    if (entry.code) this.channel.warn(line);
    else this.channel.info(line);
  }

  /** The lines written so far (test API). */
  recent(): readonly string[] {
    return this.lines;
  }

  show(): void {
    this.channel.show(true);
  }

  private remember(line: string): void {
    this.lines.push(line);
    if (this.lines.length > KEEP_LINES) this.lines.splice(0, this.lines.length - KEEP_LINES);
  }

  dispose(): void {
    this.channel.dispose();
  }
}
