// Limits on retrying: a budget so that retries cannot multiply the load on a struggling service, and the
// service's own "come back in N seconds" (Retry-After, x-acs-retry-after).

/**
 * A token bucket per client: every call earns `ratio` of a retry, every retry spends one, and a small reserve lets
 * the odd failure of a quiet client be retried. When many calls fail at once (a slow or overloaded service),
 * retries stop at about `ratio` of the calls instead of doubling or tripling them.
 */
export class RetryBudget {
  private tokens: number;

  constructor(private readonly ratio = 0.1, private readonly reserve = 10) {
    this.tokens = reserve;
  }

  /** Called once per call (not per attempt). */
  deposit(): void {
    this.tokens = Math.min(this.reserve * 2, this.tokens + this.ratio);
  }

  /** True (and one token spent) when a retry is affordable now. */
  withdraw(): boolean {
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}

type Headers = Record<string, string | string[] | undefined>;
const first = (v: string | string[] | undefined): string | undefined => (Array.isArray(v) ? v[0] : v);

/** How long the server asked to wait: `x-acs-retry-after` (milliseconds) or `Retry-After` (seconds or HTTP date). */
export function retryAfterMs(headers: Headers, now = Date.now()): number | undefined {
  const acs = Number(first(headers['x-acs-retry-after']));
  if (Number.isFinite(acs) && acs > 0) return acs;
  const raw = first(headers['retry-after'])?.trim();
  if (!raw) return undefined;
  if (/^\d+$/.test(raw)) return Number(raw) * 1000;
  const at = Date.parse(raw);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}
