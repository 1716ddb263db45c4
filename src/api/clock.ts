// The difference between this computer's clock and the service's, learned from the `Date` header of an answer
// that refused the request time. Kept per endpoint host for the life of the process (a client rebuilt after a
// settings change keeps it), and applied to the timestamp of every later request to that host.

const offsets = new Map<string, number>();

/** Milliseconds to add to this computer's time for requests to `host` (0 when unknown). */
export const clockOffsetMs = (host: string): number => offsets.get(host) ?? 0;

/**
 * Learns the offset from a refusal's `Date` header. Returns the new offset when it differs from the one in use by
 * over a minute (so it explains the refusal), else undefined (then the request time was not the problem, or the
 * header is missing).
 */
export function learnClockOffset(host: string, dateHeader: string | string[] | undefined, receivedAt = Date.now()): number | undefined {
  const text = Array.isArray(dateHeader) ? dateHeader[0] : dateHeader;
  const serverTime = text ? Date.parse(text) : NaN;
  if (Number.isNaN(serverTime)) return undefined;
  // The header has whole seconds; on average the server's clock was half a second further on.
  const offset = serverTime + 500 - receivedAt;
  if (Math.abs(offset - clockOffsetMs(host)) < 60_000) return undefined;
  if (Math.abs(offset) < 60_000) offsets.delete(host);
  else offsets.set(host, offset);
  return clockOffsetMs(host);
}
