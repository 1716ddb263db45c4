// Sends one RPC action: signs each attempt afresh, retries where that is safe, interprets the answer, logs every
// attempt. The typed action methods live in client.ts; this is the part they all share.
import { english, type Translate } from '../shared/translate';
import { clockOffsetMs, learnClockOffset } from './clock';
import { DirectMailError, isThrottlingCode, outcomeUnknown, serviceError, unreadableAnswer } from './errors';
import { describeProxySetting, describeProxyUnreachable, ProxySettingError } from './network';
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
  translate?: ClientOptions['translate'];
}

export class RpcCaller {
  private readonly transport: HttpTransport;
  private readonly host: string;
  private readonly maxRetries: number;
  private readonly requestTimeoutMs: number;
  private readonly connectTimeoutMs: number;
  private readonly retryBaseDelayMs: number;
  /** Words every message this caller makes (English by default). */
  private readonly t: Translate;
  private readonly budget = new RetryBudget();
  /** Set by a Retry-After: no request of this client starts before then. */
  private pausedUntil = 0;

  constructor(private readonly options: RpcCallerOptions) {
    this.host = options.endpoint.host;
    this.maxRetries = Math.max(0, options.maxRetries ?? DEFAULT_MAX_RETRIES);
    this.requestTimeoutMs = options.requestTimeoutMs ?? DEFAULT_REQUEST_TIMEOUT_MS;
    this.connectTimeoutMs = options.connectTimeoutMs ?? DEFAULT_CONNECT_TIMEOUT_MS;
    this.retryBaseDelayMs = options.retryBaseDelayMs ?? RETRY_BASE_DELAY_MS;
    this.t = options.translate ?? english;
    this.transport = new HttpTransport({
      origin: options.endpoint.origin, connectTimeoutMs: this.connectTimeoutMs, requestTimeoutMs: this.requestTimeoutMs, network: options.network,
      translate: this.t,
    });
  }

  close(): Promise<void> {
    return this.transport.close();
  }

  private async credentials(action: string): Promise<Credentials> {
    const { t } = this;
    const source = this.options.credentials;
    let creds: Credentials;
    try {
      creds = typeof source === 'function' ? await source() : source;
    } catch (e) {
      // A refusal that already explains itself (e.g. the user chose not to send the key to this host) passes as it is.
      if (e instanceof DirectMailError) throw new DirectMailError({ action, code: e.code, message: e.message, delivery: 'notSent', cause: e });
      throw new DirectMailError({ action, code: 'MissingCredentials', message: t('No AccessKey is available: {0}', (e as Error).message), cause: e });
    }
    if (!creds?.accessKeyId || !creds.accessKeySecret) {
      throw new DirectMailError({ action, code: 'MissingCredentials', message: t('No AccessKey is configured. Add an AccessKey profile (ID and secret) and try again.') });
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
    const { t } = this;
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
        const empty = res.body.trim() === '';
        if (!read) {
          const why = empty
            ? t('Direct Mail\'s answer to {0} could not be read (the body is empty).', action)
            : t('Direct Mail\'s answer to {0} could not be read (the body is not valid JSON (it may have been cut off)).', action);
          return { ok: false, error: outcomeUnknown(action, 'InvalidResponse', why, undefined, res.status, t), retry: false };
        }
        const message = empty
          ? t('Direct Mail sent an unexpected response to {0}: the body is empty. Try again; if it persists, check the endpoint setting.', action)
          : t('Direct Mail sent an unexpected response to {0}: the body is not valid JSON (it may have been cut off). Try again; if it persists, check the endpoint setting.', action);
        return { ok: false, error: unreadableAnswer(action, message, res.status, requestId), retry: true };
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
    }, secrets, t);
    if (CLOCK_CODES.has(error.code) && !clockFixed) {
      const offset = learnClockOffset(this.host, res.headers.date);
      if (offset !== undefined) {
        this.notice(this.clockNotice(offset));
        return { ok: false, error, retry: false, clockFixed: true };
      }
    }
    const throttled = isThrottlingCode(error.code) || res.status === 429;
    const serverTrouble = res.status >= 500;
    // A gateway that lost its answer (502, 504) or an error page that is not the service's own JSON: a write may have
    // been carried out behind it.
    if (serverTrouble && !read && (!body || res.status === 502 || res.status === 504)) {
      const why = t('{0} got HTTP {1} from a gateway instead of Direct Mail\'s answer.', action, res.status);
      return { ok: false, error: outcomeUnknown(action, error.code, why, undefined, res.status, t), retry: false };
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
        message: t('{0} Direct Mail asked to wait {1} s before the next request.', error.message, Math.ceil(asked / 1000)),
      });
      return { ok: false, error, retry: false };
    }
    return { ok: false, error, retry, delayMs: asked ?? (throttled ? 4 * this.backoff(1) : undefined) };
  }

  private transportFailure(action: string, e: TransportError, read: boolean): Failure {
    const { host, t } = this;
    /** Seconds with one decimal, as the messages give them ("0.3 s"). */
    const seconds = (ms: number): number => Math.round(ms / 100) / 10;
    const notSent = (code: string, message: string, retry: boolean): Failure =>
      ({ ok: false, retry, error: new DirectMailError({ action, code, retryable: retry, delivery: 'notSent', cause: e, message }) });
    const unknown = (code: string, why: string): Failure => ({ ok: false, error: outcomeUnknown(action, code, why, e, undefined, t), retry: false });
    switch (e.kind) {
      case 'aborted':
        return { ok: false, error: this.aborted(action, e.phase !== 'connect', read), retry: false };
      case 'certificate':
        return notSent('CertificateRefused', t('{0} Nothing was sent.', describeRefusal(withHost(e.cause as CertificateRefusedError, host), t)), false);
      case 'proxyRefused':
        return notSent('ProxyRefused', proxyRefusal(e.cause as ProxyRefusedError, host, t), false);
      case 'proxyUnreachable':
        return notSent('ProxyUnreachable', describeProxyUnreachable(e.cause as ProxyUnreachableError, t), true);
      case 'config': {
        // The proxy setting's problems are worded here; a certificate file's come as trust.ts words them.
        const detail = e.cause instanceof ProxySettingError ? describeProxySetting(e.cause.scheme, t) : e.detail;
        return notSent('NetworkSettings', t('{0} Nothing was sent. Fix the proxy or certificate settings (http.proxy, directMail.caCertificates).', detail), false);
      }
      case 'connectTimeout':
        if (e.detail === QUEUE_TIMEOUT) {
          return notSent('ConnectTimeout', t('{0} waited {1} s for a free connection to {2} and was not sent: many requests are waiting or the connection cannot be made. Try again.', action, seconds(this.connectTimeoutMs + this.requestTimeoutMs), host), true);
        }
        return notSent('ConnectTimeout', t('Could not connect to {0} within {1} s. Nothing was sent. Check the network connection, proxy and endpoint setting.', host, seconds(this.connectTimeoutMs)), true);
      case 'timeout': {
        if (!read) return unknown('RequestTimeout', t('Direct Mail did not answer {0} within {1} s.', action, seconds(this.requestTimeoutMs)));
        const message = t('Direct Mail did not answer {0} within {1} s. Check the network connection or raise the request timeout (directMail.requestTimeoutMs).', action, seconds(this.requestTimeoutMs));
        return { ok: false, retry: true, error: new DirectMailError({ action, code: 'RequestTimeout', retryable: true, delivery: 'unknown', cause: e, message }) };
      }
      default:
        if (e.phase === 'connect') {
          return notSent('NetworkError', t('Could not reach Direct Mail at {0} ({1}). Nothing was sent. Check the network connection and the endpoint setting.', host, e.detail), true);
        }
        if (e.phase === 'body') {
          if (!read) return unknown('InvalidResponse', t('The answer to {0} was cut off before its end.', action));
          return { ok: false, error: unreadableAnswer(action, t('Direct Mail sent an unexpected response to {0}: the response was cut off before its end. Try again; if it persists, check the endpoint setting.', action)), retry: true };
        }
        if (!read) return unknown('NetworkError', t('The connection to {0} broke after {1} was sent ({2}).', host, action, e.detail));
        return { ok: false, retry: true, error: new DirectMailError({ action, code: 'NetworkError', retryable: true, delivery: 'unknown', cause: e, message: t('The connection to {0} broke during {1} ({2}). Try again.', host, action, e.detail) }) };
    }
  }

  /**
   * Cancelled by the caller. Before the request was written nothing was sent; a change cancelled after it left may
   * still be carried out by the service (it does not hear of the cancel), so its outcome is unknown.
   */
  private aborted(action: string, sent = false, read = true): DirectMailError {
    const { t } = this;
    if (!sent) return new DirectMailError({ action, code: 'RequestAborted', delivery: 'notSent', message: t('{0} was cancelled before it was sent.', action) });
    const message = read ? t('{0} was cancelled.', action) : t('{0} was cancelled after it was sent; Direct Mail may or may not have carried it out.', action);
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

  /**
   * The log's line about a learned clock offset. A learned offset is 0 (agrees again) or at least a minute either way
   * (clock.ts), so it is counted in whole minutes.
   */
  private clockNotice(offset: number): string {
    const { t, host } = this;
    if (offset === 0) return t('The clock of this computer agrees with {0} again; requests use this computer\'s time.', host);
    const minutes = Math.round(Math.abs(offset) / 60_000);
    const amount = minutes === 1 ? t('1 minute') : t('{0} minutes', minutes);
    return offset > 0
      ? t('The clock of this computer is {0} behind the clock of {1}; requests now carry the server\'s time. Correct the system clock (or its time zone).', amount, host)
      : t('The clock of this computer is {0} ahead of the clock of {1}; requests now carry the server\'s time. Correct the system clock (or its time zone).', amount, host);
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

/** The proxy refused the tunnel: what it answered (its HTTP status line) and what to check for that status. */
function proxyRefusal(p: ProxyRefusedError, host: string, t: Translate): string {
  const status = p.message.replace(/^proxy \S+ answered /, '');
  switch (p.status) {
    case 401: case 407:
      return t('The proxy at {0} refused the connection: {1}. Nothing was sent to Direct Mail. Check the proxy credentials (http.proxyAuthorization, or the user name and password in http.proxy or HTTPS_PROXY).', p.proxy, status);
    case 403:
      return t('The proxy at {0} refused the connection: {1}. Nothing was sent to Direct Mail. The proxy does not allow connections to {2}; ask its administrator, or add the host to http.noProxy if it is reachable directly.', p.proxy, status, host);
    case 500: case 502: case 503: case 504:
      return t('The proxy at {0} refused the connection: {1}. Nothing was sent to Direct Mail. The proxy could not reach {2}; check the endpoint setting, or try again later.', p.proxy, status, host);
    default:
      return t('The proxy at {0} refused the connection: {1}. Nothing was sent to Direct Mail. Check the proxy setting (http.proxy or HTTPS_PROXY).', p.proxy, status);
  }
}
