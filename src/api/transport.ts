// HTTP for the client: one keep-alive undici Pool per endpoint origin, requests sent through the low-level
// dispatch() API (no streams, no fetch), with connect/request timeouts and AbortSignal cancellation.
import type { Dispatcher } from 'undici';
import Pool from 'undici/lib/dispatcher/pool.js';

export interface TransportOptions {
  /** Origin, e.g. `https://dm.aliyuncs.com`. */
  origin: string;
  connectTimeoutMs: number;
  /** Limit for a whole exchange, from dispatch to the last body byte. */
  requestTimeoutMs: number;
  /** Concurrent connections per endpoint. */
  connections?: number;
}

export interface HttpRequest {
  /** Path with query, e.g. `/?Action=…`. */
  path: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
  signal?: AbortSignal;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Where a failed exchange stopped. `connect`: nothing reached the server (safe to retry anything);
 * `sent`: the request may have been processed; `body`: headers arrived but the body was cut off.
 */
export type FailurePhase = 'connect' | 'sent' | 'body';

export class TransportError extends Error {
  constructor(
    readonly kind: 'timeout' | 'connectTimeout' | 'network' | 'aborted',
    readonly phase: FailurePhase,
    readonly detail: string,
    cause?: unknown,
  ) {
    super(detail, { cause });
  }
}

// System errors that prove the request never left this machine.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

function classify(err: Error & { code?: string }, gotHeaders: boolean, signal?: AbortSignal): TransportError {
  const code = err.code ?? (err.cause as { code?: string } | undefined)?.code;
  if (signal?.aborted || err.name === 'AbortError' || code === 'UND_ERR_ABORTED') return new TransportError('aborted', gotHeaders ? 'body' : 'sent', 'cancelled', err);
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new TransportError('connectTimeout', 'connect', 'connect timeout', err);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new TransportError('timeout', gotHeaders ? 'body' : 'sent', 'timeout', err);
  const phase: FailurePhase = code && NOT_SENT_CODES.has(code) ? 'connect' : gotHeaders ? 'body' : 'sent';
  return new TransportError('network', phase, code ? `${code}${err.message && err.message !== code ? ` (${err.message})` : ''}` : err.message || 'network error', err);
}

export class HttpTransport {
  private readonly pool: Dispatcher;
  private readonly requestTimeoutMs: number;

  constructor(options: TransportOptions) {
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.pool = new Pool(options.origin, {
      connections: options.connections ?? 64,
      // Below the usual 5 s of servers that send no Keep-Alive hint, so a write never meets a socket closing under it.
      keepAliveTimeout: 4_000,
      connect: { timeout: options.connectTimeoutMs },
      // Backstops only: the deadline in send() is what normally ends a slow request.
      headersTimeout: options.requestTimeoutMs + 1000,
      bodyTimeout: options.requestTimeoutMs + 1000,
    });
  }

  send(request: HttpRequest): Promise<HttpResponse> {
    const { signal } = request;
    return new Promise<HttpResponse>((resolve, reject) => {
      let controller: Dispatcher.DispatchController | undefined;
      let status = 0;
      let headers: HttpResponse['headers'] = {};
      let gotHeaders = false;
      const chunks: Buffer[] = [];
      let settled = false;
      const stop = (reason: TransportError): void => {
        controller?.abort(reason);
        finish(reason);
      };
      const onAbort = (): void => stop(new TransportError('aborted', gotHeaders ? 'body' : 'sent', 'cancelled'));
      // One deadline for the whole exchange (undici's own timeouts tick in whole seconds and restart per chunk).
      const timer = setTimeout(() => stop(new TransportError('timeout', gotHeaders ? 'body' : 'sent', 'timeout')), this.requestTimeoutMs);
      const finish = (error?: TransportError): void => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal?.removeEventListener('abort', onAbort);
        if (error) reject(error);
        else resolve({ status, headers, body: chunks.length === 1 ? chunks[0].toString('utf8') : Buffer.concat(chunks).toString('utf8') });
      };
      if (signal) {
        if (signal.aborted) return finish(new TransportError('aborted', 'connect', 'cancelled'));
        signal.addEventListener('abort', onAbort, { once: true });
      }
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart(c) {
          controller = c;
          if (settled) c.abort(new TransportError('aborted', 'connect', 'cancelled'));
        },
        onResponseStart(_c, statusCode, responseHeaders) {
          status = statusCode;
          headers = responseHeaders;
          gotHeaders = true;
        },
        onResponseData(_c, chunk) {
          chunks.push(chunk);
        },
        onResponseEnd() {
          finish();
        },
        onResponseError(_c, err) {
          finish(err instanceof TransportError ? err : classify(err, gotHeaders, signal));
        },
      };
      this.pool.dispatch({
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body,
      }, handler);
    });
  }

  close(): Promise<void> {
    return this.pool.close();
  }

  /** Drops open connections at once (used when credentials or endpoint change). */
  destroy(): Promise<void> {
    return this.pool.destroy();
  }
}
