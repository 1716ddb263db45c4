// Sends one RPC action: signs each attempt afresh, retries where that is safe, interprets the answer, logs every
// attempt. The typed action methods live in client.ts; this is the part they all share.
import { clockOffsetMs, describeOffset, learnClockOffset } from './clock';
import { DirectMailError, invalidResponse, isThrottlingCode, outcomeUnknown, serviceError } from './errors';
import type { ProxyRefusedError, ProxyUnreachableError } from './network';
import { buildRequest } from './signedRequest';
import type { RpcCall } from './signedRequest';
import type { ResponseParser } from './responses';
import { RetryBudget, retryAfterMs } from './retryBudget';
import { HttpTransport, QUEUE_TIMEOUT, TransportError } from './transport';
import type { HttpResponse } from './transport';
import { describeRefusal } from './trust';
import type { CertificateRefusedError } from './trust';
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
 * CheckReplyToMailAddress, which sends a mail) only when it certainly did not (not sent, throttled, clock refused).
 */
export const isReadAction = (action: string): boolean =>
  /^(Query|Desc|Get|List)/.test(action) || action === 'CheckDomain';

type Failure = { ok: false; error: DirectMailError; retry: boolean; delayMs?: number; clockFixed?: boolean };
type Outcome<T> = { ok: true; value: T; requestId?: string; httpStatus: number } | Failure;

const CLOCK_CODES = new Set(['InvalidTimeStamp.Expired', 'InvalidTimeStamp.Invalid']);

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
  network?: ClientOptions['network'];
  onNotice?: ClientOptions['onNotice'];
}

export class RpcCaller {
  private readonly transport: HttpTransport;
  private readonly host: string;
  private readonly maxRetries: number;
  private readonly requestTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly retryBaseDelayMs: number;
  private readonly budget = new RetryBudget();
  /** Set by a Retry-After: no request of this client starts before then. */
  private pausedUntil = 0;

  constructor(private readonly options: RpcCallerOptions) {
    this.host = options.endpoint.host;
    this.maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? RETRY_BASE_DELAY_MS;
    this.transport = new HttpTransport({
      origin: options.endpoint.origin, connectTimeoutMs: this.connectTimeoutMs, requestTimeoutMs: this.requestTimeoutMs, network: options.network,
    });
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
      // A refusal that already explains itself (e.g. the user chose not to send the key to this host) passes as it is.
      if (e instanceof DirectMailError) throw new DirectMailError({ action, code: e.code, message: e.message, delivery: 'notSent', cause: e });
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
    this.budget.deposit();
    let clockFixed = false;
    for (let attempt = 1; ; attempt++) {
      if (signal?.aborted) throw this.aborted(action);
      const pause = this.pausedUntil - Date.now();
      if (pause > 0) await this.sleep(pause, signal, action);
      const started = performance.now();
      let outcome: Outcome<T>;
      try {
        const request = buildRequest(call, { ...ctx, clockOffsetMs: clockOffsetMs(this.host) });
        request.signal = signal;
        const response = await this.transport.send(request);
        outcome = this.interpret(action, response, parser, read, secrets, clockFixed);
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
      // A corrected clock is retried once, outside the budget: the service refused before acting.
      if (outcome.clockFixed && !clockFixed) {
        clockFixed = true;
        continue;
      }
      if (!outcome.retry || attempt > this.maxRetries || !this.budget.withdraw()) throw outcome.error;
      await this.sleep(outcome.delayMs ?? this.backoff(attempt), signal, action);
    }
  }

  private interpret<T>(action: string, res: HttpResponse, parser: ResponseParser<T>, read: boolean, secrets: (string | undefined)[], clockFixed: boolean): Outcome<T> {
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
        // Cut off, or not from Direct Mail at all (a captive portal, a proxy's page): a read is asked again; for a
        // write nobody can tell whether the service acted.
        const what = res.body.trim() === '' ? 'the body is empty' : 'the body is not valid JSON (it may have been cut off)';
        if (!read) return { ok: false, error: outcomeUnknown(action, 'InvalidResponse', `Direct Mail's answer to ${action} could not be read (${what}).`, undefined, res.status), retry: false };
        return { ok: false, error: invalidResponse(action, what, res.status, requestId), retry: true };
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
    let error = serviceError(action, res.status, {
      code: code === undefined ? undefined : String(code),
      message: typeof message === 'string' ? message : undefined,
      requestId,
      recommend: typeof recommend === 'string' ? recommend : undefined,
    }, secrets);
    if (CLOCK_CODES.has(error.code) && !clockFixed) {
      const offset = learnClockOffset(this.host, res.headers.date);
      if (offset !== undefined) {
        this.notice(offset === 0
          ? `The clock of this computer agrees with ${this.host} again; requests use this computer's time.`
          : `The clock of this computer is ${describeOffset(offset)} the clock of ${this.host}; requests now carry the server's time. Correct the system clock (or its time zone).`);
        return { ok: false, error, retry: false, clockFixed: true };
      }
    }
    const throttled = isThrottlingCode(error.code) || res.status === 429;
    const serverTrouble = res.status >= 500;
    // A gateway that lost its answer (502, 504) or an error page that is not the service's own JSON: a write may have
    // been carried out behind it.
    if (serverTrouble && !read && (!body || res.status === 502 || res.status === 504)) {
      return { ok: false, error: outcomeUnknown(action, error.code, `${action} got HTTP ${res.status} from a gateway instead of Direct Mail's answer.`, undefined, res.status), retry: false };
    }
    // Throttling means the service refused before acting, so even a write may be sent again; server trouble only a read.
    const retry = throttled || (serverTrouble && read);
    if (!throttled && !serverTrouble) return { ok: false, error, retry: false };
    // The service's own pace (Retry-After, x-acs-retry-after) holds back every request of this client, not only this one.
    const asked = retryAfterMs(res.headers);
    if (asked !== undefined) this.pausedUntil = Math.max(this.pausedUntil, Date.now() + Math.min(asked, RETRY_AFTER_CAP_MS));
    if (asked !== undefined && asked > RETRY_AFTER_CAP_MS) {
      error = new DirectMailError({
        action, code: error.code, httpStatus: error.httpStatus, requestId: error.requestId, recommend: error.recommend, retryable: true, delivery: 'answered',
        message: `${error.message} Direct Mail asked to wait ${Math.ceil(asked / 1000)} s before the next request.`,
      });
      return { ok: false, error, retry: false };
    }
    return { ok: false, error, retry, delayMs: asked ?? (throttled ? 4 * this.backoff(1) : undefined) };
  }

  private transportFailure(action: string, e: TransportError, read: boolean): Failure {
    const host = this.host;
    const seconds = (ms: number): string => `${Math.round(ms / 100) / 10} s`;
    const notSent = (code: string, message: string, retry: boolean): Failure =>
      ({ ok: false, retry, error: new DirectMailError({ action, code, retryable: retry, delivery: 'notSent', cause: e, message }) });
    switch (e.kind) {
      case 'aborted':
        return { ok: false, error: this.aborted(action, e.phase !== 'connect', read), retry: false };
      case 'certificate':
        return notSent('CertificateRefused', `${describeRefusal(withHost(e.cause as CertificateRefusedError, host))} Nothing was sent.`, false);
      case 'proxyRefused': {
        const p = e.cause as ProxyRefusedError;
        return notSent('ProxyRefused', `The proxy at ${p.proxy} refused the connection: ${p.message.replace(/^proxy \S+ answered /, '')}. Nothing was sent to Direct Mail. ${proxyAdvice(p.status, host)}`, false);
      }
      case 'proxyUnreachable': {
        const p = e.cause as ProxyUnreachableError;
        return notSent('ProxyUnreachable', `Could not reach the proxy at ${p.proxy} (${p.reason}). Nothing was sent to Direct Mail. Check the proxy setting (http.proxy or HTTPS_PROXY) and that the proxy is running.`, true);
      }
      case 'config':
        return notSent('NetworkSettings', `${e.detail} Nothing was sent. Fix the proxy or certificate settings (http.proxy, directMail.caCertificates).`, false);
      case 'connectTimeout':
        if (e.detail === QUEUE_TIMEOUT) {
          return notSent('ConnectTimeout', `${action} waited ${seconds(this.connectTimeoutMs + this.requestTimeoutMs)} for a free connection to ${host} and was not sent: many requests are waiting or the connection cannot be made. Try again.`, true);
        }
        return notSent('ConnectTimeout', `Could not connect to ${host} within ${seconds(this.connectTimeoutMs)}. Nothing was sent. Check the network connection, proxy and endpoint setting.`, true);
      case 'timeout': {
        const why = `Direct Mail did not answer ${action} within ${seconds(this.requestTimeoutMs)}.`;
        if (!read) return { ok: false, error: outcomeUnknown(action, 'RequestTimeout', why, e), retry: false };
        return { ok: false, retry: true, error: new DirectMailError({ action, code: 'RequestTimeout', retryable: true, delivery: 'unknown', cause: e, message: `${why} Check the network connection or raise the request timeout (directMail.requestTimeoutMs).` }) };
      }
      default:
        if (e.phase === 'connect') {
          return notSent('NetworkError', `Could not reach Direct Mail at ${host} (${e.detail}). Nothing was sent. Check the network connection and the endpoint setting.`, true);
        }
        if (e.phase === 'body') {
          if (!read) return { ok: false, error: outcomeUnknown(action, 'InvalidResponse', `The answer to ${action} was cut off before its end.`, e), retry: false };
          return { ok: false, error: invalidResponse(action, 'the response was cut off before its end'), retry: true };
        }
        if (!read) return { ok: false, error: outcomeUnknown(action, 'NetworkError', `The connection to ${host} broke after ${action} was sent (${e.detail}).`, e), retry: false };
        return { ok: false, retry: true, error: new DirectMailError({ action, code: 'NetworkError', retryable: true, delivery: 'unknown', cause: e, message: `The connection to ${host} broke during ${action} (${e.detail}). Try again.` }) };
    }
  }

  /**
   * Cancelled by the caller. Before the request was written nothing was sent; a change cancelled after it left may
   * still be carried out by the service (it does not hear of the cancel), so its outcome is unknown.
   */
  private aborted(action: string, sent = false, read = true): DirectMailError {
    if (!sent) return new DirectMailError({ action, code: 'RequestAborted', delivery: 'notSent', message: `${action} was cancelled before it was sent.` });
    const message = read ? `${action} was cancelled.` : `${action} was cancelled after it was sent; Direct Mail may or may not have carried it out.`;
    return new DirectMailError({ action, code: 'RequestAborted', delivery: 'unknown', message });
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

  private notice(message: string): void {
    try {
      this.options.onNotice?.(message);
    } catch {
      // as above
    }
  }
}

/** Node's own refusals carry no host; the endpoint is the one being reached. */
function withHost(e: CertificateRefusedError, host: string): CertificateRefusedError {
  if (e.host) return e;
  Object.defineProperty(e, 'host', { value: host });
  return e;
}

function proxyAdvice(status: number, host: string): string {
  switch (status) {
    case 401: case 407: return 'Check the proxy credentials (http.proxyAuthorization, or the user name and password in http.proxy or HTTPS_PROXY).';
    case 403: return `The proxy does not allow connections to ${host}; ask its administrator, or add the host to http.noProxy if it is reachable directly.`;
    case 500: case 502: case 503: case 504: return `The proxy could not reach ${host}; check the endpoint setting, or try again later.`;
    default: return 'Check the proxy setting (http.proxy or HTTPS_PROXY).';
  }
}
