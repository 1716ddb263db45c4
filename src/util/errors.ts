// What a failure says to the user: the client's readable message, plus Code and RequestId when the service sent them,
// and how far the request got (`delivery`), which decides whether a failed write may still have been applied.
import type { Delivery } from '../api/errors';
import { isReadAction } from '../api/rpcCaller';

export interface ErrorDetails {
  message: string;
  code?: string;
  requestId?: string;
  /** The API action that failed (for the log and details; notifications speak of what the user did). */
  action?: string;
  /** How far the request got, when the client knows (DirectMailError.delivery). */
  delivery?: Delivery;
  httpStatus?: number;
}

const DELIVERIES: readonly string[] = ['notSent', 'unknown', 'answered'];

export function errorDetails(error: unknown): ErrorDetails {
  if (!(error instanceof Error)) return { message: String(error) };
  const { code, requestId, action, delivery, httpStatus } = error as { code?: unknown; requestId?: unknown; action?: unknown; delivery?: unknown; httpStatus?: unknown };
  return {
    message: error.message,
    code: typeof code === 'string' && code ? code : undefined,
    requestId: typeof requestId === 'string' && requestId ? requestId : undefined,
    action: typeof action === 'string' && action ? action : undefined,
    delivery: typeof delivery === 'string' && DELIVERIES.includes(delivery) ? (delivery as Delivery) : undefined,
    httpStatus: typeof httpStatus === 'number' ? httpStatus : undefined,
  };
}

/** `message (Code: X, RequestId: Y)` for logs and notifications. */
export function describeError(details: ErrorDetails): string {
  const extra = [details.code && !details.message.includes(details.code) ? `Code: ${details.code}` : '', details.requestId ? `RequestId: ${details.requestId}` : '']
    .filter(Boolean)
    .join(', ');
  return extra ? `${details.message} (${extra})` : details.message;
}

/** Actions that only read: a lost answer to one of these changed nothing. Every other action may change something. */
/** One rule for what counts as a read, the client's (it decides what the client retries). */
export { isReadAction };

/**
 * True when a failed request may have been applied by the service: it left this machine and no readable answer
 * came back. A 2xx answer that could not be read (cut off, not JSON) counts too: the service acted, but what it
 * said is lost. Reads are never "unknown" in this sense: nothing changed either way.
 */
export function mayHaveHappened(details: ErrorDetails): boolean {
  if (details.action !== undefined && isReadAction(details.action)) return false;
  if (details.delivery === 'unknown') return true;
  return details.code === 'InvalidResponse' && details.action !== undefined && (details.httpStatus === undefined || details.httpStatus < 300);
}

/** True when the request provably never left this machine because of the network (not a refusal of bad input). */
export const notSentByNetwork = (details: ErrorDetails): boolean =>
  details.delivery === 'notSent' && (details.code === 'NetworkError' || details.code === 'ConnectTimeout');

export const isAbort = (error: unknown): boolean => error instanceof Error && error.name === 'AbortError';
