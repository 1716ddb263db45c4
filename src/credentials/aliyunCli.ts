// Reads the aliyun CLI's ~/.aliyun/config.json (reference: signing-and-credentials §5.3). Only the AK and StsToken
// modes carry a key this extension can use; the file is only ever read, never written.
import { homedir } from 'node:os';
import { join } from 'node:path';

export interface CliProfile {
  name: string;
  mode: string;
  supported: boolean;
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
  regionId?: string;
}

export interface CliConfig {
  current?: string;
  profiles: CliProfile[];
}

export const SUPPORTED_CLI_MODES = ['AK', 'StsToken'];

export function defaultCliConfigPath(): string {
  return join(homedir(), '.aliyun', 'config.json');
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** Parses the file's text; throws an Error saying what is wrong with it. */
export function parseCliConfig(text: string, path: string): CliConfig {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    throw new Error(`${path} is not valid JSON, so it cannot be imported. Run "aliyun configure" to rewrite it.`);
  }
  const list = (raw as { profiles?: unknown })?.profiles;
  if (!Array.isArray(list) || list.length === 0) throw new Error(`${path} has no profiles. Run "aliyun configure" first.`);
  const profiles = list.flatMap((p: Record<string, unknown>): CliProfile[] => {
    const name = str(p?.name);
    if (!name) return [];
    const mode = str(p.mode) ?? 'AK';
    // The CLI matches modes case-insensitively.
    const canonical = SUPPORTED_CLI_MODES.find((m) => m.toLowerCase() === mode.toLowerCase());
    const accessKeyId = str(p.access_key_id);
    const accessKeySecret = str(p.access_key_secret);
    const securityToken = canonical === 'StsToken' ? str(p.sts_token) : undefined;
    const complete = !!accessKeyId && !!accessKeySecret && (canonical !== 'StsToken' || !!securityToken);
    return [{ name, mode: canonical ?? mode, supported: !!canonical && complete, accessKeyId, accessKeySecret, securityToken, regionId: str(p.region_id) }];
  });
  if (profiles.length === 0) throw new Error(`${path} has no named profiles. Run "aliyun configure" first.`);
  return { current: str((raw as { current?: unknown }).current), profiles };
}

/** Why a profile cannot be imported, or undefined when it can. */
export function unsupportedReason(profile: CliProfile): string | undefined {
  if (profile.supported) return undefined;
  if (!SUPPORTED_CLI_MODES.includes(profile.mode)) {
    return `The aliyun CLI profile "${profile.name}" uses mode ${profile.mode}, which is not supported yet. Supported modes: ${SUPPORTED_CLI_MODES.join(', ')}.`;
  }
  return `The aliyun CLI profile "${profile.name}" (mode ${profile.mode}) lacks its access_key_id, access_key_secret${profile.mode === 'StsToken' ? ' or sts_token' : ''}. Run "aliyun configure --profile ${profile.name}" to complete it.`;
}
