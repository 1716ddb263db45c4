// The key pairs the emulator accepts. They are demo values that only this local emulator knows; they open
// nothing in Alibaba Cloud. The demo pair can be replaced through the environment so the same emulator can be
// driven with other values (the extension tests pass them to the extension host).

export const DEMO_ACCESS_KEY_ID = 'DemoEmulatorKeyId';
export const DEMO_ACCESS_KEY_SECRET = 'DemoEmulatorSecretNotReal0000';

/** A second account with different data, so switching profile visibly switches what is shown. */
export const OTHER_ACCESS_KEY_ID = 'OtherEmulatorKeyId';
export const OTHER_ACCESS_KEY_SECRET = 'OtherEmulatorSecretNotReal000';

/** Temporary (STS) credentials for the demo account: requests must carry the matching security token. */
export const STS_ACCESS_KEY_ID = 'STS.DemoEmulatorTemporaryKey';
export const STS_ACCESS_KEY_SECRET = 'StsEmulatorSecretNotReal00000';
export const STS_SECURITY_TOKEN = 'DemoEmulatorStsTokenNotReal';

/**
 * Temporary credentials for the demo account whose secret and token hold "+", "/" and "=" like real STS values, so
 * a secret scan can tell a percent-encoded or base64 echo from the plain value.
 */
export const SCAN_STS_ACCESS_KEY_ID = 'STS.ScanEmulatorTemporaryKey';
export const SCAN_STS_ACCESS_KEY_SECRET = 'ScanSts+Secret/NotReal=00000';
export const SCAN_STS_SECURITY_TOKEN = 'CAIS+ScanEmulatorToken/NotReal=Q9==';

export type AccountName = 'demo' | 'other';

export interface KeyPair {
  accessKeyId: string;
  accessKeySecret: string;
  account: AccountName;
  /** Set for temporary credentials: the token every request with this key must present. */
  securityToken?: string;
}

export interface KeyOptions {
  accessKeyId?: string;
  accessKeySecret?: string;
  securityToken?: string;
}

/** The key table: explicit options win over DM_EMULATOR_ACCESS_KEY_ID / _SECRET, which win over the defaults. */
export function resolveKeyPairs(options: KeyOptions = {}, env: NodeJS.ProcessEnv = process.env): KeyPair[] {
  return [
    {
      accessKeyId: options.accessKeyId ?? (env.DM_EMULATOR_ACCESS_KEY_ID || DEMO_ACCESS_KEY_ID),
      accessKeySecret: options.accessKeySecret ?? (env.DM_EMULATOR_ACCESS_KEY_SECRET || DEMO_ACCESS_KEY_SECRET),
      account: 'demo',
    },
    { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET, account: 'other' },
    {
      accessKeyId: STS_ACCESS_KEY_ID,
      accessKeySecret: STS_ACCESS_KEY_SECRET,
      account: 'demo',
      securityToken: options.securityToken ?? STS_SECURITY_TOKEN,
    },
    { accessKeyId: SCAN_STS_ACCESS_KEY_ID, accessKeySecret: SCAN_STS_ACCESS_KEY_SECRET, account: 'demo', securityToken: SCAN_STS_SECURITY_TOKEN },
  ];
}
