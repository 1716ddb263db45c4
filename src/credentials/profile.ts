// A profile is a named AccessKey. Its public part (name, key ID, region, where it came from) is metadata that may
// be stored in globalState; the secret and the STS token are kept only in SecretStorage.
import type { RegionId } from '../api/regions';

export type ProfileSource = 'manual' | 'aliyun-cli' | 'environment';

export interface ProfileMeta {
  name: string;
  accessKeyId: string;
  /** Absent: the `directMail.region` setting applies. */
  region?: RegionId;
  source: ProfileSource;
}

export interface ProfileSecret {
  accessKeySecret: string;
  securityToken?: string;
}

/** Reserved name of the profile read from ALIBABA_CLOUD_* variables. */
export const ENVIRONMENT_PROFILE = 'environment';

/** `LTAI…abcd`: enough to recognise a key without showing all of it. */
export function maskKeyId(accessKeyId: string): string {
  return accessKeyId.length <= 8 ? accessKeyId : `${accessKeyId.slice(0, 4)}…${accessKeyId.slice(-4)}`;
}
