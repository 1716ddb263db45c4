// The one dispatcher factory: every request of the client goes through what this builds, so proxy and
// certificate settings apply everywhere. Pure Node: the extension reads VS Code's settings into NetworkOptions.
import type { Socket } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { STATUS_CODES } from 'node:http';
import type { Dispatcher, buildConnector as BuildConnector } from 'undici';
import apiConnect from 'undici/lib/api/api-connect.js';
import buildConnector from 'undici/lib/core/connect.js';
import EnvHttpProxyAgent from 'undici/lib/dispatcher/env-http-proxy-agent.js';
import Pool from 'undici/lib/dispatcher/pool.js';
import { english, type Translate } from '../shared/translate';
import { CertificateRefusedError, refusal, trustedContext } from './trust';
import type { TrustOptions } from './trust';

export interface NetworkOptions extends TrustOptions {
  /** Proxy for https:// endpoints (`http://[user:password@]host:port`). Empty: none. */
  httpsProxy?: string;
  /** Proxy for http:// endpoints. Empty: none. */
  httpProxy?: string;
  /** Hosts reached without the proxy: `host`, `.domain` / `*.domain` (subdomains), `host:port`, or `*` (all). */
  noProxy?: readonly string[];
  /** False accepts any certificate (VS Code's `http.proxyStrictSSL`). Default true. */
  strictSSL?: boolean;
  /** The whole `Proxy-Authorization` header value (VS Code's `http.proxyAuthorization`). */
  proxyAuthorization?: string;
}

export interface DispatcherLimits {
  connectTimeoutMs: number;
  /** Backstop for headers and body; the caller's own deadline normally ends a slow request first. */
  requestTimeoutMs: number;
  /** Concurrent connections per origin. */
  connections: number;
}

/**
 * The proxy variables as curl and VS Code read them: lower case first; https:// endpoints fall back to the
 * http proxy. Used when `http.proxy` is empty.
 */
export function proxyEnvironment(env: Record<string, string | undefined> = process.env): Pick<NetworkOptions, 'httpProxy' | 'httpsProxy' | 'noProxy'> {
  const httpProxy = env.http_proxy || env.HTTP_PROXY || '';
  const noProxy = (env.no_proxy || env.NO_PROXY || '').split(/[,\s]+/).filter(Boolean);
  return { httpProxy, httpsProxy: env.https_proxy || env.HTTPS_PROXY || httpProxy, noProxy };
}

/** `host:port` of a proxy URL: how messages and the log name it (never with its credentials). */
export function proxyDisplayName(proxy: string): string {
  try {
    const url = parseProxy(proxy);
    return `${url.hostname}:${url.port || (url.protocol === 'https:' ? 443 : 80)}`;
  } catch {
    return 'the configured proxy';
  }
}

/** A proxy setting that cannot be used: not a URL, or a kind of proxy this client cannot speak to. */
export class ProxySettingError extends Error {
  constructor(
    /** The proxy's scheme ("socks5") when it is of an unsupported type; undefined when the setting is not a URL. */
    readonly scheme?: string,
  ) {
    super(describeProxySetting(scheme));
  }
}

/** What is wrong with the proxy setting, in the words of `t`. */
export function describeProxySetting(scheme: string | undefined, t: Translate = english): string {
  return scheme === undefined
    ? t('The proxy setting is not a URL such as http://proxy.example.com:8080.')
    : t('Proxies of type {0} are not supported; use an http:// or https:// proxy.', scheme);
}

function parseProxy(proxy: string): URL {
  // VS Code accepts "host:port" as well as a URL.
  const text = /^[a-z][a-z0-9+.-]*:\/\//i.test(proxy) ? proxy : `http://${proxy}`;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ProxySettingError();
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw new ProxySettingError(url.protocol.slice(0, -1));
  return url;
}

/** The proxy answered the tunnel request with something other than 200; the request was not sent. */
export class ProxyRefusedError extends Error {
  readonly code = 'DM_PROXY_REFUSED';
  constructor(readonly proxy: string, readonly status: number) {
    super(`proxy ${proxy} answered ${status} ${STATUS_CODES[status] ?? ''}`.trim());
  }
}

/** The proxy itself could not be reached (refused, timed out, unknown host); the request was not sent. */
export class ProxyUnreachableError extends Error {
  readonly code = 'DM_PROXY_UNREACHABLE';
  /** Why, in English (undici's or the system's code, described). */
  readonly reason: string;
  constructor(readonly proxy: string, /** The system's or undici's code, e.g. ECONNREFUSED. */ readonly failure: string, cause: unknown) {
    const reason = proxyReason(failure);
    super(`proxy ${proxy} unreachable: ${reason}`, { cause });
    this.reason = reason;
  }
}

/** Why the proxy could not be reached, for the error's own (log) text: undici's codes described, the system's as they are. */
const PROXY_REASONS: Record<string, string> = {
  UND_ERR_HEADERS_TIMEOUT: 'it accepted the connection but did not answer the tunnel request in time',
  UND_ERR_CONNECT_TIMEOUT: 'connect timeout',
  UND_ERR_SOCKET: 'it closed the connection',
};
const proxyReason = (failure: string): string => PROXY_REASONS[failure] ?? failure;

/** The whole message for an unreachable proxy, in the words of `t` (one sentence per reason); nothing was sent. */
export function describeProxyUnreachable(e: ProxyUnreachableError, t: Translate = english): string {
  switch (e.failure) {
    case 'UND_ERR_HEADERS_TIMEOUT':
      return t('Could not reach the proxy at {0} (it accepted the connection but did not answer the tunnel request in time). Nothing was sent to Direct Mail. Check the proxy setting (http.proxy or HTTPS_PROXY) and that the proxy is running.', e.proxy);
    case 'UND_ERR_CONNECT_TIMEOUT':
      return t('Could not reach the proxy at {0} (connect timeout). Nothing was sent to Direct Mail. Check the proxy setting (http.proxy or HTTPS_PROXY) and that the proxy is running.', e.proxy);
    case 'UND_ERR_SOCKET':
      return t('Could not reach the proxy at {0} (it closed the connection). Nothing was sent to Direct Mail. Check the proxy setting (http.proxy or HTTPS_PROXY) and that the proxy is running.', e.proxy);
    default:
      return t('Could not reach the proxy at {0} ({1}). Nothing was sent to Direct Mail. Check the proxy setting (http.proxy or HTTPS_PROXY) and that the proxy is running.', e.proxy, e.failure);
  }
}

type Connector = BuildConnector.connector;
type ConnectOptions = BuildConnector.Options;
type ConnectCallback = BuildConnector.Callback;

const PROXY_UNREACHABLE_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ENETUNREACH', 'EHOSTUNREACH', 'ECONNRESET', 'ETIMEDOUT', 'UND_ERR_CONNECT_TIMEOUT', 'UND_ERR_SOCKET', 'UND_ERR_HEADERS_TIMEOUT']);

/**
 * Checks the certificate after the handshake, before the socket is handed to undici (so nothing is written to
 * a refused server), and names what was refused. Node's own `rejectUnauthorized` would destroy the socket
 * before its certificate can be read.
 */
function verifying(connect: Connector, strict: boolean): Connector {
  if (!strict) return connect;
  return (opts: ConnectOptions, callback: ConnectCallback) => connect(opts, (err, socket) => {
    if (err || !socket) return callback(err ?? new Error('no socket'), null);
    if (opts.protocol !== 'https:' || (socket as TLSSocket).authorized) return callback(null, socket);
    const refused = refusal(socket as TLSSocket, opts.hostname);
    socket.destroy();
    callback(refused, null);
  });
}

/** Turns the failures of a tunnel through the proxy into errors that say it was the proxy. */
function viaProxy(connect: Connector, proxy: string): Connector {
  return (opts: ConnectOptions, callback: ConnectCallback) => connect(opts, (err, socket) => {
    if (!err) return callback(null, socket as Socket);
    const code = (err as { code?: string }).code ?? '';
    const tunnel = /Proxy response \((\d+)\)/.exec(err.message);
    if (tunnel) return callback(new ProxyRefusedError(proxy, Number(tunnel[1])), null);
    if (PROXY_UNREACHABLE_CODES.has(code) && !(err instanceof CertificateRefusedError)) return callback(new ProxyUnreachableError(proxy, code, err), null);
    callback(err, null);
  });
}

/**
 * Builds the dispatcher for one endpoint origin: a keep-alive Pool when no proxy applies, else undici's
 * EnvHttpProxyAgent fed with explicit values (it never reads the environment itself here), which tunnels through
 * the proxy and bypasses it for the noProxy hosts. Requests must carry `origin`.
 */
export function createDispatcher(origin: string, options: NetworkOptions, limits: DispatcherLimits, t: Translate = english): Dispatcher {
  const strict = options.strictSSL !== false;
  const secureContext = strict ? trustedContext(options, t) : undefined;
  const tlsOptions = { secureContext, rejectUnauthorized: false, maxCachedSessions: strict ? 0 : undefined };
  const poolOptions = {
    connections: limits.connections,
    // Below the usual 5 s of servers that send no Keep-Alive hint, so a write never meets a socket closing under it.
    keepAliveTimeout: 4_000,
    headersTimeout: limits.requestTimeoutMs + 1000,
    bodyTimeout: limits.requestTimeoutMs + 1000,
  };
  const direct = buildConnector({ ...tlsOptions, timeout: limits.connectTimeoutMs });
  const httpsProxy = options.httpsProxy ? parseProxy(options.httpsProxy).href : '';
  const httpProxy = options.httpProxy ? parseProxy(options.httpProxy).href : '';
  if (!httpsProxy && !httpProxy) return new Pool(origin, { ...poolOptions, connect: verifying(direct, strict) });
  return new EnvHttpProxyAgent({
    ...poolOptions,
    httpProxy,
    httpsProxy,
    noProxy: (options.noProxy ?? []).join(','),
    token: options.proxyAuthorization || undefined,
    connect: direct,
    requestTls: tlsOptions,
    proxyTls: { secureContext, rejectUnauthorized: strict, timeout: limits.connectTimeoutMs },
    // The Pool that speaks to the proxy: its CONNECT answer must come within the connect timeout.
    // (The tunnel is opened with the Dispatcher API's connect(), which the bare Pool module lacks: it is lent here.)
    clientFactory: (url: URL, o: object) => Object.assign(new Pool(url, { ...o, headersTimeout: limits.connectTimeoutMs }), { connect: apiConnect }),
    // One Pool per target origin; a tunnelled one names the proxy in its failures.
    factory: (target: string | URL, o: object) => {
      const connect = (o as { connect: Connector }).connect;
      const tunnelled = connect !== direct;
      const proxy = proxyDisplayName(new URL(target).protocol === 'https:' ? httpsProxy || httpProxy : httpProxy);
      return new Pool(target, { ...o, connect: verifying(tunnelled ? viaProxy(connect, proxy) : connect, strict) });
    },
  } as ConstructorParameters<typeof EnvHttpProxyAgent>[0]);
}
