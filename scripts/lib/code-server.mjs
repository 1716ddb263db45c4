/* global fetch -- Node 20 global */
// Starts code-server (VS Code's server + web workbench) on a free loopback port with fresh
// user-data and extensions folders, user settings written before start, and waits until it answers.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { installCodeServer } from '../install-code-server.mjs';
import { killGroup, spawnTracked, trackTempDir } from './processes.mjs';

/** Settings that keep a fresh workbench quiet: no welcome page, tips, telemetry or update checks. */
export const QUIET_SETTINGS = {
  'workbench.startupEditor': 'none',
  'workbench.welcomePage.walkthroughs.openOnInstall': false,
  'workbench.tips.enabled': false,
  'workbench.enableExperiments': false,
  'telemetry.telemetryLevel': 'off',
  'update.mode': 'none',
  'extensions.autoCheckUpdates': false,
  'extensions.autoUpdate': false,
  'extensions.ignoreRecommendations': true,
  'security.workspace.trust.enabled': false,
  'git.enabled': false,
  'chat.commandCenter.enabled': false,
};

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

export function tempDir(prefix) {
  return trackTempDir(mkdtempSync(join(tmpdir(), prefix)));
}

/** Writes settings.json into a user-data dir (before code-server starts, so it is read at startup). */
export function writeUserSettings(userDataDir, settings) {
  mkdirSync(join(userDataDir, 'User'), { recursive: true });
  writeFileSync(join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }, null, 2));
}

async function waitForRedirect(url, child, timeoutMs) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`code-server exited with code ${child.exitCode}`);
    try {
      const res = await fetch(url, { redirect: 'manual' });
      if (res.status === 302) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`code-server did not answer ${url} within ${timeoutMs / 1000} s`);
}

/**
 * @param {{ settings?: object, env?: NodeJS.ProcessEnv, workspace?: string, userDataDir?: string,
 *   extensionsDir?: string, port?: number, log?: boolean, timeoutMs?: number }} options
 *   userDataDir/extensionsDir default to fresh temporary folders; env replaces process.env for the server
 *   (and so for its extension host).
 */
export async function startCodeServer(options = {}) {
  const entry = installCodeServer();
  const port = options.port ?? (await freePort());
  const host = `127.0.0.1:${port}`;
  const userDataDir = options.userDataDir ?? tempDir('dm-user-');
  const extensionsDir = options.extensionsDir ?? tempDir('dm-ext-');
  const workspace = options.workspace ?? tempDir('dm-workspace-');
  writeUserSettings(userDataDir, options.settings ?? {});
  const child = spawnTracked(process.execPath, [entry, '--auth', 'none', '--bind-addr', host,
    '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
    '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir, workspace], {
    env: options.env ?? process.env,
    stdio: ['ignore', options.log ? 'inherit' : 'ignore', options.log ? 'inherit' : 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk) => (stderr = (stderr + chunk).slice(-4000)));
  const url = `http://${host}/`;
  try {
    await waitForRedirect(url, child, options.timeoutMs ?? 180_000);
  } catch (error) {
    killGroup(child, 'SIGKILL');
    throw new Error(`${error.message}${stderr ? `\n${stderr.trim()}` : ''}`);
  }
  return { url, host, port, entry, userDataDir, extensionsDir, workspace, child, stop: () => killGroup(child) };
}

/** Installs a .vsix into an extensions dir with code-server's CLI (the server need not run). */
export async function installVsix(vsixPath, { userDataDir, extensionsDir }) {
  const entry = installCodeServer();
  const child = spawnTracked(process.execPath, [entry, '--user-data-dir', userDataDir, '--extensions-dir', extensionsDir,
    '--install-extension', vsixPath, '--force'], { stdio: 'inherit' });
  const code = await new Promise((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`code-server --install-extension ${vsixPath} failed with exit code ${code}`);
}
