// Shared by the tree/profile extension-host tests: the extension's test API, the emulator's admin routes, and
// reading the tree exactly as VS Code does (getChildren + getTreeItem). Expected values come from the emulator's
// state API, never from the code under test.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import type { DirectMailTestApi } from '../../src/extension';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET } from '../emulator/credentials';
import type { AccountJson } from '../emulator/stateJson';
import { answering } from './scriptedPrompts';

export const EXTENSION_ID = 'direct-mail-tools.direct-mail-vscode';
export type Api = DirectMailTestApi;
export type Node = Parameters<Api['tree']['getTreeItem']>[0];

export const DEMO_KEY = {
  accessKeyId: process.env.DM_EMULATOR_ACCESS_KEY_ID ?? DEMO_ACCESS_KEY_ID,
  accessKeySecret: process.env.DM_EMULATOR_ACCESS_KEY_SECRET ?? DEMO_ACCESS_KEY_SECRET,
};
/** The emulator's second account, with other data. */
export const OTHER_KEY = { accessKeyId: OTHER_ACCESS_KEY_ID, accessKeySecret: OTHER_ACCESS_KEY_SECRET };

export async function api(): Promise<Api> {
  const extension = vscode.extensions.getExtension<Api>(EXTENSION_ID);
  assert.ok(extension, `${EXTENSION_ID} is not loaded`);
  return extension.isActive ? extension.exports : extension.activate();
}

export function emulatorUrl(): string {
  const url = process.env.DM_TEST_EMULATOR_URL;
  assert.ok(url, 'DM_TEST_EMULATOR_URL is not set');
  return url;
}

export async function admin<T = unknown>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${emulatorUrl()}/__emulator/${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  assert.equal(response.status, 200, `${method} /__emulator/${path} answered ${response.status}`);
  return (await response.json()) as T;
}

/** An account as GET /__emulator/state shows it: the emulator's own JSON form. */
export type StateAccount = AccountJson;

export async function emulatorState(): Promise<{ demo: StateAccount; other: StateAccount }> {
  return (await admin<{ accounts: { demo: StateAccount; other: StateAccount } }>('GET', 'state')).accounts;
}

export interface LoggedRequest { action: string; params: Record<string, string>; status: number; code?: string }

export async function requests(): Promise<LoggedRequest[]> {
  return (await admin<{ requests: LoggedRequest[] }>('GET', 'requests')).requests;
}

export async function resetEmulator(): Promise<void> {
  await admin('DELETE', 'faults');
  await admin('POST', 'reset', { seed: 'demo' });
  await admin('DELETE', 'requests');
}

/** Removes every stored profile (and its secret) through the command, answering its question. */
export async function removeAllProfiles(a: Api): Promise<void> {
  const ask = vscode.workspace.getConfiguration('directMail').get<boolean>('confirmDelete') !== false;
  for (const p of a.profiles.stored()) await answering(a, ask ? ['Remove'] : [], () => vscode.commands.executeCommand('directMail.removeProfile', { name: p.name }));
  assert.deepEqual(a.profiles.stored(), []);
}

/** Starts from no profiles, then adds one with the given key (checked against the emulator). */
export async function signInAs(a: Api, name: string, key: { accessKeyId: string; accessKeySecret: string }): Promise<void> {
  await removeAllProfiles(a);
  const saved = await vscode.commands.executeCommand('directMail.addProfile', { name, ...key, region: 'cn-hangzhou' });
  assert.equal(saved, name, `adding profile ${name} failed: ${a.logLines().slice(-3).join(' | ')}`);
  assert.equal(a.session.connection()?.profile.name, name);
}

/** The extension's API with the emulator back at its demo seed and the demo key signed in as profile `name`. */
export async function signedInDemo(name = 'demo'): Promise<Api> {
  const a = await api();
  await resetEmulator();
  await signInAs(a, name, DEMO_KEY);
  return a;
}

/**
 * The hooks most suites share: once, the extension's API (handed to `set`) with the demo account signed in; before
 * each test, the emulator back to its demo seed and the tree reloaded; after each, optionally, every panel closed;
 * at the end, the demo seed again.
 */
export function useDemoAccount(set: (a: Api) => void, options: { disposePanels?: boolean } = {}): void {
  let a: Api | undefined;
  before(async () => {
    a = await signedInDemo();
    set(a);
  });
  beforeEach(async () => {
    await resetEmulator();
    a?.tree.refresh();
  });
  if (options.disposePanels) afterEach(() => a?.panels.dispose());
  after(resetEmulator);
}

/** Runs a Direct Mail command by its id without the `directMail.` prefix, as a tree item or panel would. */
export const run = (command: string, arg?: unknown): Thenable<unknown> => vscode.commands.executeCommand(`directMail.${command}`, arg);

/** What the visible tree loads on its own after a refresh; tests of commands look at every other request. */
export const BACKGROUND_LOADS: ReadonlySet<string> = new Set(['DescAccountSummary', 'QueryDomainByParam', 'QueryMailAddressByParam', 'QueryReceiverByParam', 'QueryTagByParam']);

/** The requests the commands sent (the tree's own list loads left out). */
export async function commandRequests(): Promise<LoggedRequest[]> {
  return (await requests()).filter((r) => !BACKGROUND_LOADS.has(r.action));
}

/** The log lines written since each test started, and a command's last failure line among them (its notification's text). */
export function useTestLog(get: () => Api): { newLog(): string[]; failure(command: string): string; markLog(): void } {
  let from = 0;
  /** Starts the log afresh (before the next step of a test). */
  const markLog = (): void => {
    from = get().logLines().length;
  };
  beforeEach(markLog);
  const newLog = (): string[] => get().logLines().slice(from);
  const failure = (command: string): string => {
    const line = newLog().filter((l) => l.startsWith(`directMail.${command}: `)).pop();
    assert.ok(line, `no failure line for ${command} in: ${newLog().join(' | ')}`);
    return line;
  };
  return { newLog, failure, markLog };
}

/**
 * For the suites that drive commands: the hooks of useDemoAccount (the API handed to `set`), the demo account as the
 * emulator holds it when each test starts (`demo()`, read after the reset), and that test's log lines (useTestLog).
 */
export function useDemoState(set: (a: Api) => void): ReturnType<typeof useTestLog> & { demo(): StateAccount } {
  let a: Api;
  let demo: StateAccount | undefined;
  useDemoAccount((api) => set((a = api)));
  beforeEach(async () => {
    demo = (await emulatorState()).demo;
  });
  const log = useTestLog(() => a);
  return {
    ...log,
    demo: () => {
      assert.ok(demo, 'the demo account is read before each test');
      return demo;
    },
  };
}

export { until } from '../emulator/until';

export interface Shown { node: Node; label: string; description: string; contextValue: string; tooltip: string }

const text = (value: unknown): string =>
  typeof value === 'string' ? value : value && typeof value === 'object' && 'value' in value ? String((value as { value: unknown }).value) : value && typeof value === 'object' && 'label' in value ? String((value as { label: unknown }).label) : '';

export async function children(a: Api, node?: Node): Promise<Shown[]> {
  const nodes = (await a.tree.getChildren(node)) ?? [];
  return nodes.map((n) => show(a, n));
}

export function show(a: Api, node: Node): Shown {
  const item = a.tree.getTreeItem(node) as vscode.TreeItem;
  // Markdown escapes removed: the tooltip as a person reads it.
  const tooltip = text(item.tooltip).replace(/\\(.)/g, '$1');
  return { node, label: text(item.label), description: text(item.description), contextValue: item.contextValue ?? '', tooltip };
}

/** The root's group with this label, after its first page arrived (children awaited). */
export async function group(a: Api, label: string): Promise<{ group: Shown; items: Shown[] }> {
  const root = await children(a);
  const found = root.find((s) => s.label === label);
  assert.ok(found, `no group "${label}" among ${root.map((r) => r.label).join(', ')}`);
  const items = await children(a, found.node);
  return { group: show(a, found.node), items };
}

export async function withSetting<T>(key: string, value: unknown, work: () => Promise<T>): Promise<T> {
  const config = vscode.workspace.getConfiguration('directMail');
  await config.update(key, value, vscode.ConfigurationTarget.Global);
  try {
    return await work();
  } finally {
    await config.update(key, undefined, vscode.ConfigurationTarget.Global);
  }
}

/** The service lists newest first; tests compare what is shown as a set with the emulator's state. */
export const sorted = (values: readonly string[]): string[] => [...values].sort();
