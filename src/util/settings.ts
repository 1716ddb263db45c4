// The extension's settings, read fresh each time (a change applies to the next request).
import * as vscode from 'vscode';
import { DEFAULT_REGION, isRegionId, type RegionId } from '../api/regions';
import type { SignatureVersion } from '../api/types';

export interface Settings {
  region: RegionId;
  endpoint: string;
  requestTimeoutMs: number;
  pageSize: number;
  signatureVersion: SignatureVersion;
  autoVerifyIntervalSeconds: number;
  confirmDelete: boolean;
}

export const SECTION = 'directMail';

const clamp = (value: number, min: number, max: number): number => Math.min(max, Math.max(min, Math.floor(value)));

export function readSettings(): Settings {
  const c = vscode.workspace.getConfiguration(SECTION);
  const region = c.get<string>('region');
  const signature = c.get<string>('signatureVersion');
  return {
    region: isRegionId(region) ? region : DEFAULT_REGION,
    endpoint: (c.get<string>('endpoint') ?? '').trim(),
    requestTimeoutMs: clamp(c.get<number>('requestTimeoutMs') ?? 15000, 1000, 120000),
    pageSize: clamp(c.get<number>('pageSize') ?? 50, 1, 100),
    signatureVersion: signature === 'v1' ? 'v1' : 'v3',
    autoVerifyIntervalSeconds: clamp(c.get<number>('autoVerifyIntervalSeconds') ?? 0, 0, 86400),
    confirmDelete: c.get<boolean>('confirmDelete') ?? true,
  };
}

/** Settings whose change means a different client (and so fresh data). */
export const CLIENT_SETTINGS = ['region', 'endpoint', 'requestTimeoutMs', 'signatureVersion'].map((s) => `${SECTION}.${s}`);
