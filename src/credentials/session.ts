// The one live connection: active profile + region + endpoint → one DirectMailClient, created on first use (so
// activation sends nothing). Whenever any of these (or a client setting) changes, the old client is closed and
// listeners (the tree, caches) are told to start over.
import * as vscode from 'vscode';
import { DirectMailClient } from '../api';
import type { RegionId } from '../api/regions';
import { readSettings, CLIENT_SETTINGS } from '../util/settings';
import type { Log } from '../util/log';
import { NETWORK_SETTINGS, readNetworkSettings } from '../util/networkSettings';
import type { ProfileMeta } from './profile';
import type { ProfileStore } from './profileStore';
import { trustedCredentials } from './endpointTrust';

export interface Connection {
  profile: ProfileMeta;
  region: RegionId;
  /** Empty: the region's public endpoint. */
  endpoint: string;
}

export class Session implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<Connection | undefined>();
  /** Fires after the connection changed (profile, region, endpoint or client settings); every cache is stale. */
  readonly onDidChange = this.changed.event;
  private cached: { key: string; client: DirectMailClient } | undefined;
  private lastKey: string;
  private readonly subscriptions: vscode.Disposable[] = [];
  private loggedNetwork: { route: string; strict: boolean } | undefined;

  constructor(readonly profiles: ProfileStore, private readonly log: Log, private readonly userAgent: string) {
    this.lastKey = this.key();
    this.subscriptions.push(
      profiles.onDidChange(() => this.maybeChanged()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        // Proxy and certificate settings rebuild the client too: they take effect without a reload.
        if ([...CLIENT_SETTINGS, ...NETWORK_SETTINGS].some((s) => e.affectsConfiguration(s))) this.maybeChanged(true);
      }),
    );
  }

  connection(): Connection | undefined {
    const profile = this.profiles.active();
    if (!profile) return undefined;
    const settings = readSettings();
    return { profile, region: profile.region ?? settings.region, endpoint: settings.endpoint };
  }

  /** The client of the current connection, created on first use; undefined when signed out. */
  client(): DirectMailClient | undefined {
    const connection = this.connection();
    if (!connection) return undefined;
    const key = this.key();
    if (this.cached?.key === key) return this.cached.client;
    this.closeClient();
    const settings = readSettings();
    const network = this.readNetwork();
    const name = connection.profile.name;
    const client = new DirectMailClient({
      // Read on every request: a removed profile or a changed environment takes effect at once.
      credentials: trustedCredentials(name, connection.region, connection.endpoint, () => this.profiles.credentials(name)),
      region: connection.region,
      endpoint: connection.endpoint || undefined,
      signatureVersion: settings.signatureVersion,
      requestTimeoutMs: settings.requestTimeoutMs,
      userAgent: this.userAgent,
      onLog: (entry) => this.log.request(entry),
      network,
      onNotice: (message) => this.log.warn(message),
      translate: vscode.l10n.t,
    });
    this.cached = { key, client };
    return client;
  }

  /** The network settings for a new client; says in the log where requests go, and once that verification is off. */
  private readNetwork(): ReturnType<typeof readNetworkSettings>['options'] {
    const { options, route } = readNetworkSettings();
    const strict = options.strictSSL !== false;
    if (route !== this.loggedNetwork?.route || strict !== this.loggedNetwork.strict) {
      this.log.info(`Network: ${route}${options.caFiles?.length ? `, extra CA certificates from ${options.caFiles.join(', ')}` : ''}`);
      if (!strict) this.log.warn('Certificate verification is off (http.proxyStrictSSL is false): any server or proxy can read and change the requests. Turn it back on when possible.');
      this.loggedNetwork = { route, strict };
    }
    return options;
  }

  /** The client, or an error telling the user how to sign in. */
  requireClient(): DirectMailClient {
    const client = this.client();
    if (!client) throw new Error(vscode.l10n.t('No Direct Mail profile is active. Add an AccessKey profile or choose one with "Direct Mail: Switch Profile".'));
    return client;
  }

  /** Everything that identifies the data shown: a change means new data. */
  private key(): string {
    const c = this.connection();
    if (!c) return '';
    const s = readSettings();
    return JSON.stringify([c.profile.name, c.profile.accessKeyId, c.region, c.endpoint, s.signatureVersion, s.requestTimeoutMs, readNetworkSettings().key]);
  }

  private maybeChanged(force = false): void {
    const key = this.key();
    if (!force && key === this.lastKey) return;
    this.lastKey = key;
    this.closeClient();
    const c = this.connection();
    this.log.info(c ? `Connection: profile ${c.profile.name}, region ${c.region}${c.endpoint ? `, endpoint ${c.endpoint}` : ''}` : 'Signed out');
    this.changed.fire(c);
  }

  private closeClient(): void {
    const old = this.cached?.client;
    this.cached = undefined;
    if (old) void Promise.resolve(old.close()).catch(() => undefined);
  }

  dispose(): void {
    this.closeClient();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
