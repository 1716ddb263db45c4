// Where profiles live: metadata in globalState, secrets in SecretStorage (one JSON entry per profile), plus the
// environment profile, which is read from process.env each time. One profile is active: the chosen one, else the
// environment one while no other is chosen, else the first stored — unless the user signed out.
import * as vscode from 'vscode';
import { isRegionId, type RegionId } from '../api/regions';
import type { Credentials } from '../api/types';
import { environmentProfile, environmentSecret } from './environment';
import { ENVIRONMENT_PROFILE, type ProfileMeta, type ProfileSecret } from './profile';

const PROFILES_KEY = 'directMail.profiles';
const ACTIVE_KEY = 'directMail.activeProfile';
/** Stored as the active name after "Sign out". */
const SIGNED_OUT = '';
const secretKey = (name: string): string => `directMail.profile.${name}`;

export class ProfileStore implements vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<void>();
  /** Fires when the list of profiles, the active one or one's region changed. */
  readonly onDidChange = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly state: vscode.Memento, private readonly secrets: vscode.SecretStorage) {
    // Another window changed a secret (e.g. removed the profile): re-read.
    this.subscription = secrets.onDidChange((e) => {
      if (e.key.startsWith('directMail.profile.')) this.changed.fire();
    });
  }

  /** Stored profiles (valid entries only). */
  stored(): ProfileMeta[] {
    const raw = this.state.get<unknown[]>(PROFILES_KEY, []);
    return (Array.isArray(raw) ? raw : []).filter(isProfileMeta);
  }

  /** Stored profiles plus the environment profile when its variables are set. */
  list(): ProfileMeta[] {
    const env = environmentProfile();
    return env ? [...this.stored(), env] : this.stored();
  }

  get(name: string): ProfileMeta | undefined {
    return this.list().find((p) => p.name === name);
  }

  active(): ProfileMeta | undefined {
    const chosen = this.state.get<string>(ACTIVE_KEY);
    if (chosen === SIGNED_OUT) return undefined;
    const profiles = this.list();
    return (
      (chosen !== undefined ? profiles.find((p) => p.name === chosen) : undefined) ??
      profiles.find((p) => p.name === ENVIRONMENT_PROFILE) ??
      profiles[0]
    );
  }

  /** Signed out: no profile is active (not even the environment one) until one is chosen again. */
  async signOut(): Promise<void> {
    await this.setActive(SIGNED_OUT);
  }

  async setActive(name: string | undefined): Promise<void> {
    await this.state.update(ACTIVE_KEY, name);
    this.changed.fire();
  }

  /** Saves the secret first, so a stored profile never lacks its secret. */
  async save(meta: ProfileMeta, secret: ProfileSecret, makeActive = true): Promise<void> {
    if (meta.name === ENVIRONMENT_PROFILE) throw new Error(vscode.l10n.t('The name "{0}" is reserved for the credentials from environment variables.', ENVIRONMENT_PROFILE));
    const entry: ProfileSecret = secret.securityToken ? { accessKeySecret: secret.accessKeySecret, securityToken: secret.securityToken } : { accessKeySecret: secret.accessKeySecret };
    await this.secrets.store(secretKey(meta.name), JSON.stringify(entry));
    const clean: ProfileMeta = { name: meta.name, accessKeyId: meta.accessKeyId, source: meta.source, ...(meta.region ? { region: meta.region } : {}) };
    await this.state.update(PROFILES_KEY, [...this.stored().filter((p) => p.name !== meta.name), clean]);
    if (makeActive) await this.state.update(ACTIVE_KEY, meta.name);
    this.changed.fire();
  }

  /** Removes the profile and deletes its secret. The environment profile cannot be removed (unset the variables). */
  async remove(name: string): Promise<void> {
    await this.secrets.delete(secretKey(name));
    await this.state.update(PROFILES_KEY, this.stored().filter((p) => p.name !== name));
    if (this.state.get<string>(ACTIVE_KEY) === name) await this.state.update(ACTIVE_KEY, undefined);
    this.changed.fire();
  }

  async setRegion(name: string, region: RegionId): Promise<void> {
    await this.state.update(PROFILES_KEY, this.stored().map((p) => (p.name === name ? { ...p, region } : p)));
    this.changed.fire();
  }

  /** The profile's credentials, read now from SecretStorage (or the environment). */
  async credentials(name: string): Promise<Credentials> {
    const meta = this.get(name);
    if (!meta) throw new Error(vscode.l10n.t('The profile "{0}" no longer exists. Choose another with "Direct Mail: Switch Profile".', name));
    const secret = meta.source === 'environment' ? environmentSecret() : parseSecret(await this.secrets.get(secretKey(name)));
    if (!secret) throw new Error(vscode.l10n.t('The secret of profile "{0}" is missing. Remove the profile and add it again.', name));
    return { accessKeyId: meta.accessKeyId, accessKeySecret: secret.accessKeySecret, ...(secret.securityToken ? { securityToken: secret.securityToken } : {}) };
  }

  /** True when SecretStorage holds exactly this secret for the profile (tests prove where secrets live without reading them out). */
  async secretMatches(name: string, accessKeySecret: string): Promise<boolean> {
    return parseSecret(await this.secrets.get(secretKey(name)))?.accessKeySecret === accessKeySecret;
  }

  async hasSecret(name: string): Promise<boolean> {
    return (await this.secrets.get(secretKey(name))) !== undefined;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}

function isProfileMeta(value: unknown): value is ProfileMeta {
  const v = value as Partial<ProfileMeta> | null;
  return !!v && typeof v.name === 'string' && typeof v.accessKeyId === 'string' && (v.region === undefined || isRegionId(v.region));
}

function parseSecret(raw: string | undefined): ProfileSecret | undefined {
  if (!raw) return undefined;
  try {
    const value = JSON.parse(raw) as Partial<ProfileSecret>;
    return typeof value.accessKeySecret === 'string' ? { accessKeySecret: value.accessKeySecret, securityToken: value.securityToken || undefined } : undefined;
  } catch {
    return undefined;
  }
}
