// Profiles: add (checked before saving), import from the aliyun CLI or use the environment, switch, remove,
// sign out, and the region. Each command also takes arguments, so it can run without any prompt.
import { readFile } from 'node:fs/promises';
import * as vscode from 'vscode';
import { REGIONS, isRegionId, type RegionId } from '../api/regions';
import { checkField } from '../api/validation';
import { defaultCliConfigPath, parseCliConfig, unsupportedReason, type CliProfile } from '../credentials/aliyunCli';
import { ENV_KEY_ID, ENV_KEY_SECRET, ENV_TOKEN, environmentProfile, environmentSecret } from '../credentials/environment';
import { checkKey } from '../credentials/keyCheck';
import { ENVIRONMENT_PROFILE, maskKeyId, type ProfileMeta } from '../credentials/profile';
import { askProfile, inputProblem, type ProfileInput } from '../credentials/profileInput';
import { describeError, errorDetails } from '../util/errors';
import { prompts } from '../util/prompts';
import { readSettings, SECTION } from '../util/settings';
import { argString, type CommandContext } from './context';

export function registerProfileCommands(c: CommandContext): void {
  c.register('directMail.addProfile', (arg?: unknown) => addProfile(c, arg as Partial<ProfileInput> | undefined));
  c.register('directMail.importAliyunCliProfile', (arg?: unknown) => importAliyunCli(c, arg as ImportArgs | undefined));
  c.register('directMail.useEnvironmentProfile', () => useEnvironment(c), { progress: vscode.l10n.t('Checking the environment credentials…') });
  c.register('directMail.switchProfile', (arg?: unknown) => switchProfile(c, argString(arg, 'name')));
  c.register('directMail.removeProfile', (arg?: unknown) => removeProfile(c, argString(arg, 'name')));
  c.register('directMail.signOut', () => signOut(c));
  c.register('directMail.selectRegion', (arg?: unknown) => selectRegion(c, argString(arg, 'region')));
}

/** Saves a profile after DescAccountSummary accepted its key; with a full argument, without any prompt. Returns the profile name. */
async function addProfile(c: CommandContext, arg: Partial<ProfileInput> | undefined): Promise<string | undefined> {
  const existing = c.profiles.stored().map((p) => p.name);
  const region = readSettings().region;
  if (arg && typeof arg === 'object' && arg.accessKeySecret !== undefined) {
    const input = { ...arg, region: arg.region ?? region } as ProfileInput;
    const problem = inputProblem(input, existing);
    if (problem) throw new Error(problem);
    return saveChecked(c, input);
  }
  let previous: Partial<ProfileInput> = arg ?? {};
  for (;;) {
    const input = await askProfile(previous, existing, region);
    if (!input) return undefined;
    try {
      return await saveChecked(c, input);
    } catch (error) {
      // Keep what was typed: offer to re-open the steps prefilled.
      const text = describeError(errorDetails(error));
      c.log.error(`directMail.addProfile: ${text}`);
      const edit = vscode.l10n.t('Edit and Retry');
      const showLog = vscode.l10n.t('Show log');
      const choice = await vscode.window.showErrorMessage(text, edit, showLog);
      if (choice === showLog) c.log.show();
      if (choice !== edit) return undefined;
      previous = input;
    }
  }
}

async function saveChecked(c: CommandContext, input: ProfileInput): Promise<string> {
  const credentials = { accessKeyId: input.accessKeyId, accessKeySecret: input.accessKeySecret, ...(input.securityToken ? { securityToken: input.securityToken } : {}) };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the AccessKey with Direct Mail…') },
    () => checkKey(credentials, input.region, c.log, c.userAgent),
  );
  await c.profiles.save({ name: input.name, accessKeyId: input.accessKeyId, region: input.region, source: 'manual' }, credentials);
  c.log.info(`Profile ${input.name} added (key ${maskKeyId(input.accessKeyId)}, region ${input.region})`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to Direct Mail as "{0}" ({1}).', input.name, input.region));
  return input.name;
}

interface ImportArgs {
  /** Path of the aliyun CLI config.json (default ~/.aliyun/config.json). */
  path?: string;
  /** CLI profile to import (default: ask; the CLI's current one is preselected). */
  profile?: string;
  /** Name to save it under (default: the CLI profile's name). */
  name?: string;
}

async function importAliyunCli(c: CommandContext, arg: ImportArgs | undefined): Promise<string | undefined> {
  const path = arg?.path ?? defaultCliConfigPath();
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') throw new Error(vscode.l10n.t('There is no aliyun CLI configuration at {0}. Run "aliyun configure" first, or add the key with "Add AccessKey Profile".', path));
    throw new Error(vscode.l10n.t('Could not read {0}: {1}', path, (error as Error).message));
  }
  const config = parseCliConfig(text, path);
  let chosen: CliProfile | undefined;
  if (arg?.profile) {
    chosen = config.profiles.find((p) => p.name === arg.profile);
    if (!chosen) throw new Error(vscode.l10n.t('{0} has no profile named "{1}". It has: {2}.', path, arg.profile, config.profiles.map((p) => p.name).join(', ')));
  } else {
    const picked = await prompts().showQuickPick(
      config.profiles.map((p) => ({
        label: p.name,
        description: `${p.mode}${p.accessKeyId ? ` · ${maskKeyId(p.accessKeyId)}` : ''}${p.regionId ? ` · ${p.regionId}` : ''}${p.name === config.current ? ` · ${vscode.l10n.t('current')}` : ''}`,
        detail: p.supported ? undefined : vscode.l10n.t('Not supported yet: only AK and StsToken profiles can be imported.'),
        profile: p,
      })),
      { title: vscode.l10n.t('Import from aliyun CLI'), placeHolder: vscode.l10n.t('Choose the CLI profile to import (read from {0})', path) },
    );
    if (!picked) return undefined;
    chosen = picked.profile;
  }
  const reason = unsupportedReason(chosen);
  if (reason) throw new Error(reason);
  const name = uniqueName(arg?.name ?? chosen.name, c.profiles.list().map((p) => p.name));
  const nameIssue = checkField('profileName', name, vscode.l10n.t);
  if (nameIssue) throw new Error(nameIssue);
  const region: RegionId = isRegionId(chosen.regionId) ? chosen.regionId : readSettings().region;
  const credentials = { accessKeyId: chosen.accessKeyId!, accessKeySecret: chosen.accessKeySecret!, ...(chosen.securityToken ? { securityToken: chosen.securityToken } : {}) };
  await vscode.window.withProgress(
    { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Checking the imported AccessKey with Direct Mail…') },
    () => checkKey(credentials, region, c.log, c.userAgent),
  );
  await c.profiles.save({ name, accessKeyId: credentials.accessKeyId, region, source: 'aliyun-cli' }, credentials);
  c.log.info(`Profile ${name} imported from the aliyun CLI profile ${chosen.name} (key ${maskKeyId(credentials.accessKeyId)}, region ${region})`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Imported the aliyun CLI profile "{0}" as "{1}".', chosen.name, name));
  return name;
}

/** `name`, or `name-2`, `name-3`… when taken (the environment name is always taken). */
function uniqueName(name: string, taken: readonly string[]): string {
  const used = new Set([...taken, ENVIRONMENT_PROFILE]);
  if (!used.has(name)) return name;
  for (let i = 2; ; i++) if (!used.has(`${name}-${i}`)) return `${name}-${i}`;
}

async function useEnvironment(c: CommandContext): Promise<string | undefined> {
  const profile = environmentProfile();
  const secret = environmentSecret();
  if (!profile || !secret) {
    throw new Error(vscode.l10n.t('{0} and {1} are not set in the environment VS Code was started from. Set them (and {2} for temporary credentials), restart VS Code, then run this again.', ENV_KEY_ID, ENV_KEY_SECRET, ENV_TOKEN));
  }
  const region = readSettings().region;
  await checkKey({ accessKeyId: profile.accessKeyId, ...secret }, region, c.log, c.userAgent);
  await c.profiles.setActive(ENVIRONMENT_PROFILE);
  c.log.info(`Using the environment credentials (key ${maskKeyId(profile.accessKeyId)})`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Signed in to Direct Mail with the key from {0} ({1}).', ENV_KEY_ID, maskKeyId(profile.accessKeyId)));
  return ENVIRONMENT_PROFILE;
}

const describeProfile = (p: ProfileMeta): string =>
  `${maskKeyId(p.accessKeyId)} · ${p.region ?? readSettings().region}${p.source === 'environment' ? ` · ${vscode.l10n.t('from environment variables')}` : p.source === 'aliyun-cli' ? ` · ${vscode.l10n.t('from aliyun CLI')}` : ''}`;

async function switchProfile(c: CommandContext, name: string | undefined): Promise<string | undefined> {
  if (name !== undefined) {
    if (!c.profiles.get(name)) throw new Error(vscode.l10n.t('There is no profile named "{0}".', name));
    await c.profiles.setActive(name);
    return name;
  }
  const active = c.profiles.active()?.name;
  type Item = vscode.QuickPickItem & { run: () => Thenable<unknown> };
  const items: Item[] = c.profiles.list().map((p) => ({
    label: `${p.name === active ? '$(check)' : '$(account)'} ${p.name}`,
    description: describeProfile(p),
    run: () => c.profiles.setActive(p.name),
  }));
  const action = (label: string, command: string): Item => ({ label, run: () => vscode.commands.executeCommand(command) });
  items.push(
    { label: '', kind: vscode.QuickPickItemKind.Separator, run: async () => undefined },
    action(`$(add) ${vscode.l10n.t('Add AccessKey Profile…')}`, 'directMail.addProfile'),
    action(`$(cloud-download) ${vscode.l10n.t('Import Profile from aliyun CLI…')}`, 'directMail.importAliyunCliProfile'),
    action(`$(terminal) ${vscode.l10n.t('Use Credentials from Environment Variables')}`, 'directMail.useEnvironmentProfile'),
    ...(active ? [action(`$(globe) ${vscode.l10n.t('Select Region…')}`, 'directMail.selectRegion'), action(`$(sign-out) ${vscode.l10n.t('Sign Out')}`, 'directMail.signOut')] : []),
  );
  const picked = await prompts().showQuickPick(items, { title: vscode.l10n.t('Direct Mail profile'), placeHolder: vscode.l10n.t('Choose the profile to use') });
  if (!picked) return undefined;
  await picked.run();
  return c.profiles.active()?.name;
}

async function removeProfile(c: CommandContext, name: string | undefined): Promise<string | undefined> {
  if (name === undefined) {
    const picked = await prompts().showQuickPick(
      c.profiles.stored().map((p) => ({ label: p.name, description: describeProfile(p) })),
      { title: vscode.l10n.t('Remove Profile'), placeHolder: vscode.l10n.t('Choose the profile to remove (its secret is deleted)') },
    );
    if (!picked) return undefined;
    name = picked.label;
  }
  if (name === ENVIRONMENT_PROFILE) throw new Error(vscode.l10n.t('The environment profile comes from {0} and {1}; unset them and restart VS Code to remove it.', ENV_KEY_ID, ENV_KEY_SECRET));
  if (!c.profiles.stored().some((p) => p.name === name)) throw new Error(vscode.l10n.t('There is no profile named "{0}".', name));
  if (readSettings().confirmDelete) {
    const remove = vscode.l10n.t('Remove');
    const answer = await prompts().showWarningMessage(vscode.l10n.t('Remove the profile "{0}" and delete its secret from this computer?', name), { modal: true }, remove);
    if (answer !== remove) return undefined;
  }
  await c.profiles.remove(name);
  c.log.info(`Profile ${name} removed and its secret deleted`);
  return name;
}

async function signOut(c: CommandContext): Promise<void> {
  await c.profiles.signOut();
  c.log.info('Signed out');
  void prompts().showInformationMessage(vscode.l10n.t('Signed out of Direct Mail. Your profiles are kept: choose "Switch Profile" in the Direct Mail view to sign in again.'));
}

/** A region as Alibaba's console names it, in the display language; literal l10n calls so the bundle check sees them. */
export function regionLabel(region: RegionId): string {
  switch (region) {
    case 'cn-hangzhou':
      return vscode.l10n.t('China (Hangzhou)');
    case 'ap-southeast-1':
      return vscode.l10n.t('Singapore');
    case 'ap-southeast-2':
      return vscode.l10n.t('United States (formerly Sydney)');
    case 'us-east-1':
      return vscode.l10n.t('US (Virginia)');
    case 'eu-central-1':
      return vscode.l10n.t('Germany (Frankfurt)');
  }
}

async function selectRegion(c: CommandContext, region: string | undefined): Promise<RegionId | undefined> {
  const connection = c.session.connection();
  if (region === undefined) {
    const current = connection?.region ?? readSettings().region;
    const picked = await prompts().showQuickPick(
      REGIONS.map((r) => ({ label: `${r.id === current ? '$(check) ' : ''}${regionLabel(r.id)}`, description: r.id, region: r.id })),
      { title: vscode.l10n.t('Direct Mail region'), placeHolder: vscode.l10n.t('Resources are separate per region; choose where yours are') },
    );
    if (!picked) return undefined;
    region = picked.region;
  }
  if (!isRegionId(region)) throw new Error(vscode.l10n.t('Unknown region "{0}". Use one of: {1}.', region, REGIONS.map((r) => r.id).join(', ')));
  const profile = connection?.profile;
  if (profile && profile.source !== 'environment') await c.profiles.setRegion(profile.name, region);
  else await vscode.workspace.getConfiguration(SECTION).update('region', region, vscode.ConfigurationTarget.Global);
  return region;
}
