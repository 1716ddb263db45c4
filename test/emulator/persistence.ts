// Optional JSON state file: loaded at start when present, rewritten after each change (coalesced) and at close.
import { existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { AccountName } from './credentials';
import type { AccountState } from './state';
import type { AccountJson } from './stateJson';
import { accountFromJson, accountToJson } from './stateJson';

export type Accounts = Record<AccountName, AccountState>;

interface StateFile { version: 1; accounts: Record<AccountName, AccountJson> }

export function loadStateFile(path: string): Accounts | undefined {
  if (!existsSync(path)) return undefined;
  const file = JSON.parse(readFileSync(path, 'utf8')) as StateFile;
  if (file.version !== 1 || !file.accounts?.demo || !file.accounts.other) {
    throw new Error(`${path} is not an emulator state file (expected {"version":1,"accounts":{"demo":…,"other":…}}).`);
  }
  return { demo: accountFromJson(file.accounts.demo), other: accountFromJson(file.accounts.other) };
}

export function writeStateFile(path: string, accounts: Accounts): void {
  const file: StateFile = { version: 1, accounts: { demo: accountToJson(accounts.demo), other: accountToJson(accounts.other) } };
  // Write then rename, so a crash never leaves half a file behind.
  writeFileSync(path + '.tmp', JSON.stringify(file));
  renameSync(path + '.tmp', path);
}

/** Coalesces many changes into one write on the next turn of the event loop. */
export class StateSaver {
  private pending?: NodeJS.Immediate;

  constructor(private readonly path: string | undefined, private readonly accounts: () => Accounts) {}

  changed(): void {
    if (!this.path || this.pending) return;
    this.pending = setImmediate(() => this.flush());
  }

  flush(): void {
    if (this.pending) clearImmediate(this.pending);
    this.pending = undefined;
    if (this.path) writeStateFile(this.path, this.accounts());
  }
}
