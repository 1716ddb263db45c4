// Everything one running emulator holds: the two accounts, keys, nonce memory, faults, request log, state file.
import { Verifier } from './auth';
import type { KeyOptions, KeyPair } from './credentials';
import { resolveKeyPairs } from './credentials';
import type { FaultSpec } from './faults';
import { FaultBoard } from './faults';
import type { Accounts } from './persistence';
import { StateSaver, loadStateFile } from './persistence';
import { RequestLog } from './requestLog';
import type { SeedName } from './seeds';
import { seedAccount } from './seeds';

export interface CoreOptions extends KeyOptions {
  seed?: SeedName;
  /** JSON file to load the state from (when it exists) and to keep it in. */
  stateFile?: string;
  /** Delay added to every API request. */
  latencyMs?: number;
  /** Faults active from the start. */
  faults?: FaultSpec[];
  /** Allowed distance between the request time and the emulator clock (default 15 minutes). */
  clockSkewMs?: number;
}

export class EmulatorCore {
  accounts: Accounts;
  seed: SeedName;
  readonly keys: KeyPair[];
  readonly verifier: Verifier;
  readonly faults = new FaultBoard();
  readonly log = new RequestLog();
  readonly saver: StateSaver;
  readonly latencyMs: number;

  constructor(options: CoreOptions = {}) {
    this.seed = options.seed ?? 'demo';
    this.keys = resolveKeyPairs(options);
    this.verifier = new Verifier(this.keys, options.clockSkewMs);
    this.latencyMs = options.latencyMs ?? 0;
    this.accounts = (options.stateFile && loadStateFile(options.stateFile)) || seedAccounts(this.seed);
    this.saver = new StateSaver(options.stateFile, () => this.accounts);
    for (const f of options.faults ?? []) this.faults.add(f);
  }

  /** Back to a seed (the current one unless given); also clears faults. */
  reset(seed: SeedName = this.seed): void {
    this.seed = seed;
    this.accounts = seedAccounts(seed);
    this.faults.clear();
    this.saver.changed();
  }

  /** True when an account other than `self` already holds the domain name. */
  domainOwnedElsewhere(self: keyof Accounts, name: string): boolean {
    return (Object.keys(this.accounts) as (keyof Accounts)[]).some((a) =>
      a !== self && [...this.accounts[a].domains.values()].some((d) => d.name === name));
  }
}

const seedAccounts = (seed: SeedName): Accounts => ({ demo: seedAccount('demo', seed), other: seedAccount('other', seed) });
