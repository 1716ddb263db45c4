// HTTP for the client: one keep-alive dispatcher per endpoint origin (from the network factory, so proxy and
// certificate settings apply), requests sent through the low-level dispatch() API (no streams, no fetch), with
// connect/request deadlines and AbortSignal cancellation.
import type { Dispatcher } from 'undici';
import { createDispatcher } from './network';
import type { NetworkOptions } from './network';
import { CertificateRefusedError, isCertificateCode } from './trust';
import type { Translate } from '../shared/translate';

export interface TransportOptions {
  /** Origin, e.g. `https://dm.aliyuncs.com`. */
  origin: string;
  connectTimeoutMs: number;
  /** Limit for an exchange, from the moment the request is written to the last body byte. */
  requestTimeoutMs: number;
  /** Concurrent connections per endpoint. */
  connections?: number;
  network?: NetworkOptions;
  /** Words the settings errors found while building the connection (a CA file that cannot be read). */
  translate?: Translate;
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

export type TransportFailure =
  | 'timeout' | 'connectTimeout' | 'network' | 'aborted'
  /** The server's certificate was refused (cause: CertificateRefusedError). */
  | 'certificate'
  /** The proxy answered the tunnel request with an error status (cause: ProxyRefusedError). */
  | 'proxyRefused'
  /** The proxy could not be reached (cause: ProxyUnreachableError). */
  | 'proxyUnreachable'
  /** The network settings are unusable (bad proxy URL, unreadable CA file). */
  | 'config';

export class TransportError extends Error {
  constructor(
    readonly kind: TransportFailure,
    readonly phase: FailurePhase,
    readonly detail: string,
    cause?: unknown,
  ) {
    super(detail, { cause });
  }
}

// System errors that prove the request never left this machine.
const NOT_SENT_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'EADDRNOTAVAIL', 'UND_ERR_CONNECT_TIMEOUT']);

/** Where a failure stopped, from what undici reports and how far this exchange got. */
function classify(err: Error & { code?: string }, sent: boolean, gotHeaders: boolean, signal?: AbortSignal): TransportError {
  const code = err.code ?? (err.cause as { code?: string } | undefined)?.code;
  const after: FailurePhase = gotHeaders ? 'body' : sent ? 'sent' : 'connect';
  if (signal?.aborted || err.name === 'AbortError' || code === 'UND_ERR_ABORTED') return new TransportError('aborted', after, 'cancelled', err);
  if (code === 'DM_CERTIFICATE_REFUSED') return new TransportError('certificate', 'connect', err.message, err);
  if (code === 'DM_PROXY_REFUSED') return new TransportError('proxyRefused', 'connect', err.message, err);
  if (code === 'DM_PROXY_UNREACHABLE') return new TransportError('proxyUnreachable', 'connect', err.message, err);
  // A certificate Node itself refused (a proxy's own, or through a tunnel): still before anything was sent.
  if (!sent && isCertificateCode(code)) return new TransportError('certificate', 'connect', code!, new CertificateRefusedError(code!, '', undefined, undefined));
  if (code === 'UND_ERR_CONNECT_TIMEOUT') return new TransportError('connectTimeout', 'connect', 'connect timeout', err);
  if (code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') return new TransportError('timeout', after, 'timeout', err);
  const phase: FailurePhase = !sent || (code && NOT_SENT_CODES.has(code)) ? 'connect' : after;
  return new TransportError('network', phase, code ? `${code}${err.message && err.message !== code ? ` (${err.message})` : ''}` : err.message || 'network error', err);
}

/** Detail of a request that never got a connection within the start limit (queue, connect and proxy tunnel). */
export const QUEUE_TIMEOUT = 'no connection became free';

export class HttpTransport {
  private dispatcher: Dispatcher | undefined;
  private readonly origin: string;
  private readonly requestTimeoutMs: number;
  /** How long a request may wait for a connection (queue + connect + proxy tunnel) before it counts as not sent. */
  private readonly startTimeoutMs: number;

  constructor(private readonly options: TransportOptions) {
    this.origin = options.origin;
    this.requestTimeoutMs = options.requestTimeoutMs;
    this.startTimeoutMs = options.connectTimeoutMs + options.requestTimeoutMs;
  }

  /** Built on first use: activation sends nothing and reads no certificate store. */
  private getDispatcher(): Dispatcher {
    this.dispatcher ??= createDispatcher(this.origin, this.options.network ?? {}, {
      connectTimeoutMs: this.options.connectTimeoutMs,
      requestTimeoutMs: this.options.requestTimeoutMs,
      connections: this.options.connections ?? 64,
    }, this.options.translate);
    return this.dispatcher;
  }

  send(request: HttpRequest): Promise<HttpResponse> {
    const { signal } = request;
    return new Promise<HttpResponse>((resolve, reject) => {
      let controller: Dispatcher.DispatchController | undefined;
      let status = 0;
      let headers: HttpResponse['headers'] = {};
      let sent = false;
      let gotHeaders = false;
      const chunks: Buffer[] = [];
      let settled = false;
      const phase = (): FailurePhase => (gotHeaders ? 'body' : sent ? 'sent' : 'connect');
      const stop = (reason: TransportError): void => {
        controller?.abort(reason);
        finish(reason);
      };
      const onAbort = (): void => stop(new TransportError('aborted', phase(), 'cancelled'));
      // The deadline of the exchange starts when the request is written (onRequestStart), not while it waits in the
      // queue for a connection; until then a longer limit applies, and a request stopped there was never sent.
      let timer = setTimeout(() => stop(new TransportError('connectTimeout', 'connect', QUEUE_TIMEOUT)), this.startTimeoutMs);
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
      const requestTimeoutMs = this.requestTimeoutMs;
      const handler: Dispatcher.DispatchHandler = {
        onRequestStart(c) {
          controller = c;
          // undici checks for an abort right after this call, before writing: a stopped request is never sent.
          if (settled) return c.abort(new TransportError('aborted', 'connect', 'cancelled'));
          sent = true;
          clearTimeout(timer);
          // One deadline for the whole exchange (undici's own timeouts tick in whole seconds and restart per chunk).
          timer = setTimeout(() => stop(new TransportError('timeout', phase(), 'timeout')), requestTimeoutMs);
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
          finish(err instanceof TransportError ? err : classify(err, sent, gotHeaders, signal));
        },
      };
      let dispatcher: Dispatcher;
      try {
        dispatcher = this.getDispatcher();
      } catch (e) {
        return finish(new TransportError('config', 'connect', (e as Error).message, e));
      }
      dispatcher.dispatch({
        origin: this.origin,
        path: request.path,
        method: request.method,
        headers: request.headers,
        body: request.body,
      }, handler);
    });
  }

  close(): Promise<void> {
    return this.dispatcher?.close() ?? Promise.resolve();
  }

  /** Drops open connections at once (used when credentials or endpoint change). */
  destroy(): Promise<void> {
    return this.dispatcher?.destroy() ?? Promise.resolve();
  }
}
