// Installs code-server (a real VS Code: its server, web workbench and Node extension host) into
// .vscode-test/ on first use, because machines of this project cannot download VS Code itself.
// Re-running is a fast no-op once the completion marker exists. See README "Development".
// Usage: node scripts/install-code-server.mjs      (prints the entry.js path)
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { vscodeTestDir } from './lib/paths.mjs';

export const CODE_SERVER_VERSION = '4.100.3'; // newest line that runs on Node 20
const installDir = join(vscodeTestDir, `code-server-${CODE_SERVER_VERSION}`);
const marker = join(installDir, '.install-complete');

/** Path of code-server's entry.js (run it with `node`). */
export function codeServerEntry() {
  return join(installDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
}

export function isCodeServerInstalled() {
  return existsSync(marker) && existsSync(codeServerEntry());
}

/** @vscode/ripgrep's postinstall downloads rg from GitHub; give it Debian's rg from its cache instead. */
function prefillRipgrepCache() {
  const rg = '/usr/bin/rg';
  if (!existsSync(rg)) throw new Error('ripgrep is missing: sudo apt-get install -y ripgrep');
  const cacheDir = join(tmpdir(), 'vscode-ripgrep-cache-1.15.11');
  const archive = join(cacheDir, 'ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz');
  if (existsSync(archive)) return;
  mkdirSync(cacheDir, { recursive: true });
  execFileSync('tar', ['-czf', archive, '-C', dirname(rg), 'rg']);
}

/** Installs code-server if needed; returns the entry.js path. */
export function installCodeServer({ quiet = false } = {}) {
  if (isCodeServerInstalled()) return codeServerEntry();
  if (!existsSync('/usr/include/gssapi/gssapi.h')) {
    throw new Error('libkrb5-dev is missing (code-server\'s kerberos module needs it): sudo apt-get install -y libkrb5-dev');
  }
  prefillRipgrepCache();
  mkdirSync(installDir, { recursive: true });
  // Its own package.json keeps npm from treating the project as the install prefix.
  writeFileSync(join(installDir, 'package.json'), JSON.stringify({ private: true, name: 'code-server-cache' }) + '\n');
  if (!quiet) console.log(`Installing code-server ${CODE_SERVER_VERSION} into ${installDir} (first use, about 5 minutes)…`);
  const started = Date.now();
  const result = spawnSync('npm', ['install', '--unsafe-perm', '--no-audit', '--no-fund', '--loglevel=error',
    `code-server@${CODE_SERVER_VERSION}`], {
    cwd: installDir,
    stdio: quiet ? ['ignore', 'ignore', 'inherit'] : 'inherit',
    // npm_config_yes: node-pty's postinstall runs `npx node-gyp`, which would otherwise ask.
    env: { ...process.env, npm_config_yes: 'true' },
  });
  if (result.status !== 0 || !existsSync(codeServerEntry())) {
    rmSync(marker, { force: true });
    throw new Error(`code-server install failed (npm exit ${result.status}); see the npm output above`);
  }
  writeFileSync(marker, `${new Date().toISOString()}\n`);
  if (!quiet) console.log(`code-server installed in ${Math.round((Date.now() - started) / 1000)} s`);
  return codeServerEntry();
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    console.log(installCodeServer());
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  }
}
