// What "Add AccessKey Profile" asks for, and the checks on it. Every field is checked before any request; a
// failed attempt re-opens the steps with what was typed. The steps ask through the prompts seam, so the
// extension-host tests type into them as a person would.
import * as vscode from 'vscode';
import { REGIONS, isRegionId, type RegionId } from '../api/regions';
import { checkField } from '../api/validation';
import { prompts } from '../util/prompts';
import { ENVIRONMENT_PROFILE } from './profile';

export interface ProfileInput {
  name: string;
  accessKeyId: string;
  accessKeySecret: string;
  securityToken?: string;
  region: RegionId;
}

/**
 * The first character of a pasted key value that is not printable ASCII (a zero-width space or a typographic quote
 * picked up from a document or chat), as U+XXXX: the value itself is never shown.
 */
function foreignChar(value: string): string | undefined {
  for (const ch of value) {
    const code = ch.codePointAt(0)!;
    if (code < 0x21 || code > 0x7e) return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return undefined;
}

export function secretProblem(value: string): string | undefined {
  if (value === '') return vscode.l10n.t('Enter the AccessKey secret shown when the key was created.');
  if (/\s/.test(value)) return vscode.l10n.t('The AccessKey secret contains a space or line break; copy it again without them.');
  const foreign = foreignChar(value);
  if (foreign) return vscode.l10n.t('The AccessKey secret contains the character {0}, which no AccessKey secret has (it often comes along when pasting from a document); copy the secret again.', foreign);
  if (value.length < 16 || value.length > 100) return vscode.l10n.t('An AccessKey secret has 16 to 100 characters (this one has {0}); check that you copied the secret, not the ID.', value.length);
  return undefined;
}

export function tokenProblem(value: string): string | undefined {
  if (value === '') return undefined;
  if (/\s/.test(value)) return vscode.l10n.t('The STS token contains a space or line break; copy it again without them.');
  const foreign = foreignChar(value);
  if (foreign) return vscode.l10n.t('The STS token contains the character {0}, which no STS token has (it often comes along when pasting from a document); copy the token again.', foreign);
  return undefined;
}

export function nameProblem(value: string, existing: readonly string[]): string | undefined {
  const base = checkField('profileName', value, vscode.l10n.t);
  if (base) return base;
  if (value === ENVIRONMENT_PROFILE) return vscode.l10n.t('The name "{0}" is reserved for the credentials from environment variables; choose another.', ENVIRONMENT_PROFILE);
  if (existing.includes(value)) return vscode.l10n.t('A profile named "{0}" already exists; choose another name or remove that profile first.', value);
  return undefined;
}

/** All problems of a complete input (for calls with arguments), or undefined. */
export function inputProblem(input: Partial<ProfileInput>, existing: readonly string[]): string | undefined {
  return (
    nameProblem(input.name ?? '', existing) ??
    checkField('accessKeyId', input.accessKeyId ?? '', vscode.l10n.t) ??
    secretProblem(input.accessKeySecret ?? '') ??
    tokenProblem(input.securityToken ?? '') ??
    (input.region !== undefined && !isRegionId(input.region) ? vscode.l10n.t('Unknown region "{0}". Use one of: {1}.', String(input.region), REGIONS.map((r) => r.id).join(', ')) : undefined)
  );
}

/** The five steps as input boxes and a region pick, prefilled with `previous`. Undefined when cancelled. */
export async function askProfile(previous: Partial<ProfileInput>, existing: readonly string[], defaultRegion: RegionId): Promise<ProfileInput | undefined> {
  const title = (step: number): string => vscode.l10n.t('Add AccessKey Profile ({0}/5)', step);
  const name = await prompts().showInputBox({
    title: title(1), prompt: vscode.l10n.t('A name for this key, for example "work" or "production"'), value: previous.name ?? '',
    ignoreFocusOut: true, validateInput: (v) => nameProblem(v, existing),
  });
  if (name === undefined) return undefined;
  const accessKeyId = await prompts().showInputBox({
    title: title(2), prompt: vscode.l10n.t('AccessKey ID (from the RAM console; it usually starts with LTAI)'), value: previous.accessKeyId ?? '',
    ignoreFocusOut: true, validateInput: (v) => checkField('accessKeyId', v, vscode.l10n.t),
  });
  if (accessKeyId === undefined) return undefined;
  const accessKeySecret = await prompts().showInputBox({
    title: title(3), prompt: vscode.l10n.t('AccessKey secret (kept only in VS Code\'s secret storage)'), value: previous.accessKeySecret ?? '',
    password: true, ignoreFocusOut: true, validateInput: secretProblem,
  });
  if (accessKeySecret === undefined) return undefined;
  const securityToken = await prompts().showInputBox({
    title: title(4), prompt: vscode.l10n.t('STS security token, only for temporary credentials (leave empty for a permanent key)'), value: previous.securityToken ?? '',
    password: true, ignoreFocusOut: true, validateInput: tokenProblem,
  });
  if (securityToken === undefined) return undefined;
  const current = previous.region ?? defaultRegion;
  const picked = await prompts().showQuickPick(
    REGIONS.map((r) => ({ label: r.name, description: r.id, picked: r.id === current, region: r.id })).sort((a, b) => Number(b.picked) - Number(a.picked)),
    { title: title(5), placeHolder: vscode.l10n.t('Region of your Direct Mail resources'), ignoreFocusOut: true },
  );
  if (!picked) return undefined;
  return { name, accessKeyId, accessKeySecret, securityToken: securityToken || undefined, region: picked.region };
}
