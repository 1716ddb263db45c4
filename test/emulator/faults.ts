// Injected failures: set at start or at run time through POST /__emulator/faults.
import { invalidParameter } from './errors';

export const FAULT_KINDS = ['latency', 'http500', 'http503', 'throttle', 'reset', 'resetAfter', 'truncated', 'nonjson', 'apiError', 'answer', 'repeatPage', 'omitFields'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

export interface FaultSpec {
  kind: FaultKind;
  /** How many requests it hits; 0 = every request until cleared. Default 1. */
  count?: number;
  /** Delay for `latency` (default 1000 ms). */
  latencyMs?: number;
  /** Only requests for these actions; all actions when absent. */
  actions?: string[];
  /** For `throttle`: sends `x-acs-retry-after` with this many milliseconds; for `http503`: `Retry-After` in whole seconds. */
  retryAfterMs?: number;
  /** For `nonjson`: the HTTP status of the non-JSON answer (default 200, like a captive portal); for `apiError` (default 400). */
  httpStatus?: number;
  /** For `apiError`: a business refusal the demo data cannot produce (e.g. InvalidMailAddressSendType.Malformed). */
  code?: string;
  message?: string;
  /** For `answer`: the JSON body to answer with (RequestId is added), e.g. an SDK model's documented example. */
  body?: Record<string, unknown>;
  /** For `omitFields`: top-level fields left out of the real answer (e.g. TotalCount), as a service might. */
  fields?: string[];
}

// `reset` drops the connection before the action; `resetAfter` carries the action out, then drops the connection
// instead of answering (the case where a write's outcome is unknown to the client).

interface ActiveFault { spec: FaultSpec; remaining: number }

/** Checks an untrusted fault description (from the admin route or the command line). */
export function parseFault(value: unknown): FaultSpec {
  const o = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  if (!FAULT_KINDS.includes(o.kind as FaultKind)) throw invalidParameter('kind', `Use one of: ${FAULT_KINDS.join(', ')}.`);
  const num = (name: string): number | undefined => {
    if (o[name] === undefined) return undefined;
    if (typeof o[name] !== 'number' || !Number.isInteger(o[name]) || (o[name] as number) < 0) throw invalidParameter(name, 'It must be a non-negative integer.');
    return o[name] as number;
  };
  if (o.actions !== undefined && !(Array.isArray(o.actions) && o.actions.every((a) => typeof a === 'string'))) {
    throw invalidParameter('actions', 'It must be a list of action names.');
  }
  const text = (name: string): string | undefined => {
    if (o[name] === undefined) return undefined;
    if (typeof o[name] !== 'string' || !/^[\x20-\x7e]{1,200}$/.test(o[name] as string)) throw invalidParameter(name, 'It must be 1-200 printable characters.');
    return o[name] as string;
  };
  if (o.kind === 'apiError' && o.code === undefined) throw invalidParameter('code', 'An apiError fault needs the error code to answer.');
  if (o.kind === 'answer' && !(o.body && typeof o.body === 'object' && !Array.isArray(o.body))) throw invalidParameter('body', 'An answer fault needs the JSON object to answer with.');
  if (o.kind === 'omitFields' && !(Array.isArray(o.fields) && o.fields.length > 0 && o.fields.every((f) => typeof f === 'string' && f !== 'RequestId'))) {
    throw invalidParameter('fields', 'An omitFields fault needs the names of the answer fields to leave out (not RequestId).');
  }
  return {
    kind: o.kind as FaultKind, count: num('count'), code: text('code'), message: text('message'), latencyMs: num('latencyMs'), actions: o.actions as string[] | undefined,
    retryAfterMs: num('retryAfterMs'), httpStatus: num('httpStatus'), body: o.kind === 'answer' ? o.body as Record<string, unknown> : undefined,
    fields: o.kind === 'omitFields' ? o.fields as string[] : undefined,
  };
}

export class FaultBoard {
  private active: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.active.push({ spec, remaining: spec.count ?? 1 });
  }

  clear(): void {
    this.active = [];
  }

  list(): { spec: FaultSpec; remaining: number }[] {
    return this.active.map((f) => ({ spec: f.spec, remaining: f.remaining }));
  }

  /** The faults that hit this request (each use counted): latency ones first, then at most one failure. */
  take(action: string): { latencyMs: number; failure?: FaultSpec } {
    let latencyMs = 0;
    let failure: FaultSpec | undefined;
    for (const f of this.active) {
      if (f.spec.actions && !f.spec.actions.includes(action)) continue;
      if (f.spec.kind === 'latency') latencyMs += f.spec.latencyMs ?? 1000;
      else if (failure) continue;
      else failure = f.spec;
      if (f.remaining > 0 && --f.remaining === 0) f.remaining = -1;
    }
    this.active = this.active.filter((f) => f.remaining !== -1);
    return { latencyMs, failure };
  }
}
