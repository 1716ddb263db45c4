// Typed access to the merged request parameters, with the gateway's errors for absent or malformed values.
import { invalidParameter, missing } from './errors';

export class Params {
  constructor(readonly raw: Readonly<Record<string, string>>) {}

  /** The value, or undefined when absent or empty. */
  get(name: string): string | undefined {
    const v = this.raw[name];
    return v === undefined || v === '' ? undefined : v;
  }

  required(name: string): string {
    const v = this.get(name);
    if (v === undefined) throw missing(name);
    return v;
  }

  /** An Integer parameter: decimal digits only, within the given range. */
  int(name: string, opts: { min?: number; max?: number } = {}): number | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (!/^-?\d{1,15}$/.test(v)) throw invalidParameter(name, 'It must be an integer.');
    const n = Number(v);
    if (opts.min !== undefined && n < opts.min) throw invalidParameter(name, `It must be at least ${opts.min}.`);
    if (opts.max !== undefined && n > opts.max) throw invalidParameter(name, `It must be at most ${opts.max}.`);
    return n;
  }

  requiredInt(name: string, opts: { min?: number; max?: number } = {}): number {
    this.required(name);
    return this.int(name, opts)!;
  }

  /** A Boolean parameter: the strings true/false. */
  bool(name: string): boolean | undefined {
    const v = this.get(name);
    if (v === undefined) return undefined;
    if (v !== 'true' && v !== 'false') throw invalidParameter(name, 'It must be "true" or "false".');
    return v === 'true';
  }
}
