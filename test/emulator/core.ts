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
  /** Moves the emulator's clock (request time checks and the Date header) by this many milliseconds. */
  clockOffsetMs?: number;
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
  /** How far the emulator's clock is from this computer's; changed at run time through POST /__emulator/clock. */
  clockOffsetMs: number;
  private readonly startClockOffsetMs: number;

  constructor(options: CoreOptions = {}) {
    this.seed = options.seed ?? 'demo';
    this.keys = resolveKeyPairs(options);
    this.verifier = new Verifier(this.keys, options.clockSkewMs);
    this.latencyMs = options.latencyMs ?? 0;
    this.clockOffsetMs = this.startClockOffsetMs = options.clockOffsetMs ?? 0;
    this.accounts = (options.stateFile && loadStateFile(options.stateFile)) || seedAccounts(this.seed);
    this.saver = new StateSaver(options.stateFile, () => this.accounts);
    for (const f of options.faults ?? []) this.faults.add(f);
  }

  /** The emulator's time: this computer's, moved by the clock offset. */
  now(): number {
    return Date.now() + this.clockOffsetMs;
  }

  /** Back to a seed (the current one unless given); also clears faults and puts the clock back. */
  reset(seed: SeedName = this.seed): void {
    this.seed = seed;
    this.clockOffsetMs = this.startClockOffsetMs;
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
