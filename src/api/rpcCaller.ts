// Sends one RPC action: signs each attempt afresh, retries where that is safe, interprets the answer, logs every
// attempt. The typed action methods live in client.ts; this is the part they all share.
import { DirectMailError, invalidResponse, isThrottlingCode, serviceError } from './errors';
import { buildRequest } from './request';
import type { RpcCall } from './request';
import type { ResponseParser } from './responses';
import { HttpTransport, TransportError } from './transport';
import type { HttpResponse } from './transport';
import type { CallOptions, ClientOptions, Credentials, RequestLogEntry, SignatureVersion } from './types';

export const DEFAULT_CONNECT_TIMEOUT_MS = 5_000;
export const DEFAULT_REQUEST_TIMEOUT_MS = 10_000;
export const DEFAULT_MAX_RETRIES = 2;
const RETRY_BASE_DELAY_MS = 250;
const RETRY_MAX_DELAY_MS = 4_000;
const RETRY_AFTER_CAP_MS = 10_000;
const OK_CODES = new Set(['200', 'OK', 'Success', 'success']);

/**
 * Reads may be retried after the server may have acted; writes (create/modify/delete/send, and
 * CheckReplyToMailAddress, which sends a mail) only when it certainly did not (connection refused, throttled).
 */
export const isReadAction = (action: string): boolean => action.startsWith('Query') || action.startsWith('Desc') || action === 'CheckDomain';

type Outcome<T> = { ok: true; value: T; requestId?: string; httpStatus: number } | { ok: false; error: DirectMailError; retry: boolean; delayMs?: number };

export interface RpcCallerOptions {
  endpoint: URL;
  region: string;
  credentials: ClientOptions['credentials'];
  signatureVersion: SignatureVersion;
  connectTimeoutMs?: number;
  requestTimeoutMs?: number;
  maxRetries?: number;
  userAgent: string;
  retryBaseDelayMs?: number;
  onLog?: (entry: RequestLogEntry) => void;
}

export class RpcCaller {
  private readonly transport: HttpTransport;
  private readonly host: string;
  private readonly maxRetries: number;
  private readonly requestTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly retryBaseDelayMs: number;

  constructor(private readonly options: RpcCallerOptions) {
    this.host = options.endpoint.host;
    this.maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? RETRY_BASE_DELAY_MS;
    this.transport = new HttpTransport({ origin: options.endpoint.origin, connectTimeoutMs: this.connectTimeoutMs, requestTimeoutMs: this.requestTimeoutMs });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async credentials(action: string): Promise<Credentials> {
    const source = this.options.credentials;
    let creds: Credentials;
    try {
      creds = typeof source === 'function' ? await source() : source;
    } catch (e) {
      throw new DirectMailError({ action, code: 'MissingCredentials', message: `No AccessKey is available: ${(e as Error).message}`, cause: e });
    }
    if (!creds?.accessKeyId || !creds.accessKeySecret) {
      throw new DirectMailError({ action, code: 'MissingCredentials', message: 'No AccessKey is configured. Add an AccessKey profile (ID and secret) and try again.' });
    }
    return creds;
  }

  async call<T>(call: RpcCall, parser: ResponseParser<T>, opts?: CallOptions): Promise<T> {
    const { action } = call;
    const signal = opts?.signal;
    const credentials = await this.credentials(action);
    const secrets = [credentials.accessKeySecret, credentials.securityToken, ...(call.secrets ?? [])];
    const ctx = { host: this.host, regionId: this.options.region, credentials, signatureVersion: this.options.signatureVersion, userAgent: this.options.userAgent };
    const read = isReadAction(action);
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw this.aborted(action);
      const started = performance.now();
      let outcome: Outcome<T>;
      try {
        const request = buildRequest(call, ctx);
        request.signal = signal;
        const response = await this.transport.send(request);
        outcome = this.interpret(action, response, parser, read, secrets);
      } catch (e) {
        if (!(e instanceof TransportError)) throw e;
        outcome = this.transportFailure(action, e, read);
      }
      this.log({
        action, attempt, durationMs: Math.round((performance.now() - started) * 10) / 10,
        httpStatus: outcome.ok ? outcome.httpStatus : outcome.error.httpStatus,
        code: outcome.ok ? undefined : outcome.error.code,
        requestId: outcome.ok ? outcome.requestId : outcome.error.requestId,
      });
      if (outcome.ok) return outcome.value;
      if (!outcome.retry || attempt > this.maxRetries) throw outcome.error;
      await this.sleep(outcome.delayMs ?? this.backoff(attempt), signal, action);
    }
  }

  private interpret<T>(action: string, res: HttpResponse, parser: ResponseParser<T>, read: boolean, secrets: (string | undefined)[]): Outcome<T> {
    const headerId = res.headers['x-acs-request-id'];
    let requestId = typeof headerId === 'string' ? headerId : undefined;
    let body: Record<string, unknown> | undefined;
    try {
      const parsed: unknown = JSON.parse(res.body);
      if (parsed !== null && typeof parsed === 'object' && !Array.isArray(parsed)) body = parsed as Record<string, unknown>;
    } catch {
      body = undefined;
    }
    const bodyId = body?.RequestId ?? body?.requestId;
    if (typeof bodyId === 'string') requestId ??= bodyId;
    const code = body && (body.Code ?? body.code);
    const failed = res.status >= 300 || (code !== undefined && !OK_CODES.has(String(code)) && body?.Success !== true);
    if (!failed) {
      if (!body) {
        const what = res.body.trim() === '' ? 'the body is empty' : 'the body is not valid JSON (it may have been cut off)';
        return { ok: false, error: invalidResponse(action, what, res.status, requestId), retry: false };
      }
      try {
        return { ok: true, value: parser(action, body, requestId), requestId, httpStatus: res.status };
      } catch (e) {
        if (e instanceof DirectMailError) return { ok: false, error: e, retry: false };
        throw e;
      }
    }
    const message = body && (body.Message ?? body.message);
    const recommend = body?.Recommend;
    const error = serviceError(action, res.status, {
      code: code === undefined ? undefined : String(code),
      message: typeof message === 'string' ? message : undefined,
      requestId,
      recommend: typeof recommend === 'string' ? recommend : undefined,
    }, secrets);
    const throttled = isThrottlingCode(error.code) || res.status === 429;
    const serverTrouble = res.status >= 500;
    // Throttling means the service refused before acting, so even a write may be sent again.
    const retry = throttled || (serverTrouble && read);
    return { ok: false, error, retry, delayMs: throttled ? retryAfterMs(res.headers) : undefined };
  }

  private transportFailure(action: string, e: TransportError, read: boolean): Outcome<never> {
    const host = this.host;
    const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
    const unsure = read ? '' : ' The change may or may not have been made; refresh to check before trying again.';
    let error: DirectMailError;
    switch (e.kind) {
      case 'aborted':
        return { ok: false, error: this.aborted(action), retry: false };
      case 'connectTimeout':
        error = new DirectMailError({ action, code: 'ConnectTimeout', retryable: true, delivery: 'notSent', cause: e, message: `Could not connect to ${host} within ${seconds(this.connectTimeoutMs)}. Check the network connection, proxy and endpoint setting.` });
        return { ok: false, error, retry: true };
      case 'timeout':
        error = new DirectMailError({ action, code: 'RequestTimeout', retryable: true, delivery: 'unknown', cause: e, message: `Direct Mail did not answer ${action} within ${seconds(this.requestTimeoutMs)}. Check the network connection or raise the request timeout.${unsure}` });
        return { ok: false, error, retry: read };
      default:
        if (e.phase === 'body') {
          return { ok: false, error: invalidResponse(action, 'the response was cut off before its end'), retry: false };
        }
        if (e.phase === 'connect') {
          error = new DirectMailError({ action, code: 'NetworkError', retryable: true, delivery: 'notSent', cause: e, message: `Could not reach Direct Mail at ${host} (${e.detail}). Check the network connection and the endpoint setting.` });
          return { ok: false, error, retry: true };
        }
        error = new DirectMailError({ action, code: 'NetworkError', retryable: true, delivery: 'unknown', cause: e, message: `The connection to ${host} broke during ${action} (${e.detail}).${unsure}` });
        return { ok: false, error, retry: read };
    }
  }

  private aborted(action: string): DirectMailError {
    return new DirectMailError({ action, code: 'RequestAborted', message: `${action} was cancelled.` });
  }

  /** Exponential back-off with "equal jitter": half fixed, half random. */
  private backoff(attempt: number): number {
    const delay = Math.min(RETRY_MAX_DELAY_MS, this.retryBaseDelayMs * 2 ** (attempt - 1));
    return delay / 2 + Math.random() * (delay / 2);
  }

  private sleep(ms: number, signal: AbortSignal | undefined, action: string): Promise<void> {
    return new Promise((resolve, reject) => {
      const onAbort = (): void => {
        clearTimeout(timer);
        reject(this.aborted(action));
      };
      const timer = setTimeout(() => {
        signal?.removeEventListener('abort', onAbort);
        resolve();
      }, ms);
      signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private log(entry: RequestLogEntry): void {
    try {
      this.options.onLog?.(entry);
    } catch {
      // A failing logger must not fail the request.
    }
  }
}

/** `x-acs-retry-after` (milliseconds) when present and positive. */
function retryAfterMs(headers: HttpResponse['headers']): number | undefined {
  const raw = headers['x-acs-retry-after'];
  const value = Number(Array.isArray(raw) ? raw[0] : raw);
  return Number.isFinite(value) && value > 0 ? Math.min(value, RETRY_AFTER_CAP_MS) : undefined;
}
