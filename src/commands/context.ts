// What every command module gets: the connection, the tree, the log and the registration wrapper.
import type * as vscode from 'vscode';
import type { ProfileStore } from '../credentials/profileStore';
import type { Session } from '../credentials/session';
import type { ResourceStore } from '../model/resourceStore';
import type { Log } from '../util/log';
import type { TreeNode } from '../views/node';
import type { ResourceTree } from '../views/resourceTree';
import { RENAMED_ARGUMENT_FIELDS } from './renamedCommands';
import type { CommandHandler, CommandOptions, CommandRunner } from './runCommand';

export interface CommandContext {
  session: Session;
  profiles: ProfileStore;
  tree: ResourceTree;
  /** What the tree and the panels show per resource: a command that learns something writes it here. */
  store: ResourceStore;
  /** The Direct Mail view, to reveal an item after a change (absent where there is no view). */
  view?: vscode.TreeView<TreeNode>;
  log: Log;
  runner: CommandRunner;
  userAgent: string;
  register(id: string, handler: CommandHandler, options?: CommandOptions): void;
}

/** A string argument or the named field of an object argument (commands accept both; see RENAMED_ARGUMENT_FIELDS). */
export function argString(arg: unknown, field: string): string | undefined {
  if (typeof arg === 'string') return arg;
  const fields = arg as Record<string, unknown> | undefined;
  const former = RENAMED_ARGUMENT_FIELDS[field];
  const value = fields?.[field] ?? (former === undefined ? undefined : fields?.[former]);
  return typeof value === 'string' ? value : undefined;
}
