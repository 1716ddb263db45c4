// Checks a key with DescAccountSummary before it is saved, and turns the refusal into the reason a person can act on.
import * as vscode from 'vscode';
import { DirectMailClient } from '../api';
import type { RegionId } from '../api/regions';
import type { Credentials } from '../api/types';
import { describeError, errorDetails } from '../util/errors';
import type { Log } from '../util/log';
import { readNetworkSettings } from '../util/networkSettings';
import { readSettings } from '../util/settings';
import { trustedKey } from './endpointTrust';

/** Why a key was refused, by the service's code. */
export function keyRefusalReason(code: string | undefined): string | undefined {
  if (!code) return undefined;
  if (code === 'InvalidAccessKeyId.NotFound') return vscode.l10n.t('Alibaba Cloud does not know this AccessKey ID. Check it for typos; the key may also have been deleted.');
  if (code === 'InvalidAccessKeyId.Inactive') return vscode.l10n.t('This AccessKey is disabled. Enable it in the RAM console or use another key.');
  if (code === 'SignatureDoesNotMatch' || code === 'IncompleteSignature') return vscode.l10n.t('The AccessKey secret does not belong to this AccessKey ID. Copy the secret again.');
  if (code.startsWith('InvalidTimeStamp')) return vscode.l10n.t('This computer\'s clock differs from the server\'s by more than 15 minutes. Correct the system time and try again.');
  if (code.startsWith('InvalidSecurityToken')) return vscode.l10n.t('The STS token is expired, malformed or belongs to another key. Get a fresh token.');
  if (code.startsWith('Forbidden') || code === 'NoPermission') return vscode.l10n.t('The key is valid but has no permission for Direct Mail. Grant the RAM user the AliyunDirectMailFullAccess (or ReadOnlyAccess) policy.');
  return undefined;
}

export class KeyRefusedError extends Error {
  constructor(message: string, readonly code?: string, readonly requestId?: string) {
    super(message);
    this.name = 'KeyRefusedError';
  }
}

/** Resolves when the key works in the region (through the configured endpoint); rejects with the reason otherwise. */
export async function checkKey(credentials: Credentials, region: RegionId, log: Log, userAgent: string): Promise<void> {
  const settings = readSettings();
  const client = new DirectMailClient({
    credentials: trustedKey(credentials, region, settings.endpoint),
    region,
    endpoint: settings.endpoint || undefined,
    signatureVersion: settings.signatureVersion,
    requestTimeoutMs: settings.requestTimeoutMs,
    maxRetries: 0,
    userAgent,
    onLog: (entry) => log.request(entry),
    // The same proxy and certificates as every other request.
    network: readNetworkSettings().options,
    translate: vscode.l10n.t,
    onNotice: (message) => log.warn(message),
  });
  try {
    await client.descAccountSummary();
  } catch (error) {
    const details = errorDetails(error);
    const reason = keyRefusalReason(details.code) ?? describeError(details);
    throw new KeyRefusedError(vscode.l10n.t('The key was not saved: {0}', reason), details.code, details.requestId);
  } finally {
    await Promise.resolve(client.close()).catch(() => undefined);
  }
}
