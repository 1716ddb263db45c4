// Credentials from the extension host's environment, the way Alibaba's default credential chain reads them.
// Read from process.env on every use and never copied into storage.
import { ENVIRONMENT_PROFILE, type ProfileMeta, type ProfileSecret } from './profile';

export const ENV_KEY_ID = 'ALIBABA_CLOUD_ACCESS_KEY_ID';
export const ENV_KEY_SECRET = 'ALIBABA_CLOUD_ACCESS_KEY_SECRET';
export const ENV_TOKEN = 'ALIBABA_CLOUD_SECURITY_TOKEN';

export function environmentProfile(env: NodeJS.ProcessEnv = process.env): ProfileMeta | undefined {
  const id = env[ENV_KEY_ID]?.trim();
  const secret = env[ENV_KEY_SECRET]?.trim();
  return id && secret ? { name: ENVIRONMENT_PROFILE, accessKeyId: id, source: 'environment' } : undefined;
}

export function environmentSecret(env: NodeJS.ProcessEnv = process.env): ProfileSecret | undefined {
  const secret = env[ENV_KEY_SECRET]?.trim();
  if (!env[ENV_KEY_ID]?.trim() || !secret) return undefined;
  const token = env[ENV_TOKEN]?.trim();
  return token ? { accessKeySecret: secret, securityToken: token } : { accessKeySecret: secret };
}
