// The registration point other parts of the extension (webview panels, create forms) use to add their commands
// with the same wrapper, and to reach the connection and the tree. Hand a contribution to `contribute` before
// activation finishes (extension.ts imports the modules that do).
import type * as vscode from 'vscode';
import type { Session } from '../credentials/session';
import type { Log } from '../util/log';
import type { ResourceTree } from '../views/resourceTree';
import type { CommandHandler, CommandOptions } from './runCommand';

export interface DirectMailServices {
  context: vscode.ExtensionContext;
  session: Session;
  tree: ResourceTree;
  log: Log;
  /** Registers a command through the shared wrapper (progress, error notification with request ID, log line). */
  registerCommand(id: string, handler: CommandHandler, options?: CommandOptions): void;
}

export type Contribution = (services: DirectMailServices) => void;

const contributions: Contribution[] = [];

export function contribute(contribution: Contribution): void {
  contributions.push(contribution);
}

export function runContributions(services: DirectMailServices): void {
  for (const c of contributions) c(services);
}
