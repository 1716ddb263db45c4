// VS Code's network settings (and, when http.proxy is empty, the proxy environment variables) read into the plain
// NetworkOptions of the client, the way VS Code's own requests apply them.
import { createHash } from 'node:crypto';
import { homedir } from 'node:os';
import * as vscode from 'vscode';
import { proxyDisplayName, proxyEnvironment } from '../api/network';
import type { NetworkOptions } from '../api/network';

/** A change of any of these rebuilds the client (no reload needed). */
export const NETWORK_SETTINGS = [
  'http.proxy', 'http.noProxy', 'http.proxyStrictSSL', 'http.proxyAuthorization', 'http.proxySupport', 'http.systemCertificates', 'directMail.caCertificates',
];

export interface NetworkSettings {
  options: NetworkOptions;
  /** Identifies the settings (credentials hashed out of it): equal keys mean the same network. */
  key: string;
  /** For the log: where requests go, never with credentials, e.g. "proxy 10.0.0.1:3128 (http.proxy)". */
  route: string;
}

const expandHome = (path: string): string => (path === '~' || path.startsWith('~/') ? homedir() + path.slice(1) : path);

export function readNetworkSettings(env: Record<string, string | undefined> = process.env): NetworkSettings {
  const http = vscode.workspace.getConfiguration('http');
  const proxySetting = (http.get<string>('proxy') ?? '').trim();
  const settingNoProxy = http.get<string[]>('noProxy') ?? [];
  const fromEnv = proxyEnvironment(env);
  // "off" makes VS Code leave extensions' requests alone: no proxy at all, not even from the environment.
  const proxy = http.get<string>('proxySupport') === 'off'
    ? { httpProxy: '', httpsProxy: '', noProxy: [] }
    : proxySetting
    ? { httpProxy: proxySetting, httpsProxy: proxySetting, noProxy: settingNoProxy }
    : { ...fromEnv, noProxy: [...settingNoProxy, ...(fromEnv.noProxy ?? [])] };
  const caFile = (vscode.workspace.getConfiguration('directMail').get<string>('caCertificates') ?? '').trim();
  const options: NetworkOptions = {
    ...proxy,
    strictSSL: http.get<boolean>('proxyStrictSSL') !== false,
    proxyAuthorization: http.get<string | null>('proxyAuthorization') || undefined,
    systemCertificates: http.get<boolean>('systemCertificates') !== false,
    caFiles: caFile ? [expandHome(caFile)] : [],
  };
  const used = options.httpsProxy || options.httpProxy;
  const route = used ? `proxy ${proxyDisplayName(used)} (${proxySetting ? 'http.proxy' : 'proxy environment variables'})` : 'direct (no proxy)';
  const key = createHash('sha256').update(JSON.stringify([options, env.NODE_EXTRA_CA_CERTS ?? ''])).digest('base64');
  return { options, key, route };
}
