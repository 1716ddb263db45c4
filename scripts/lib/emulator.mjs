// Starts the Direct Mail emulator (test/emulator/main.ts) as a child process and reads its URL
// from the first stdout line: "Direct Mail emulator listening on http://127.0.0.1:<port>".
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { killGroup, spawnTracked } from './processes.mjs';
import { repoRoot } from './paths.mjs';

// The demo account's key pair; the same defaults as test/emulator/credentials.ts (that file is TS,
// these scripts are plain Node). The emulator reads DM_EMULATOR_ACCESS_KEY_* when set.
export const DEMO_ACCESS_KEY_ID = process.env.DM_EMULATOR_ACCESS_KEY_ID || 'DemoEmulatorKeyId';
export const DEMO_ACCESS_KEY_SECRET = process.env.DM_EMULATOR_ACCESS_KEY_SECRET || 'DemoEmulatorSecretNotReal0000';

/** @returns {Promise<{ url: string, child: import('node:child_process').ChildProcess, stop(): void }>} */
export function startEmulator({ seed = 'demo', timeoutMs = 120_000, log = false } = {}) {
  const tsx = join(repoRoot, 'node_modules', '.bin', 'tsx');
  const child = spawnTracked(tsx, ['test/emulator/main.ts', '--port', '0', '--seed', seed], {
    cwd: repoRoot,
    env: { ...process.env, DM_EMULATOR_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID, DM_EMULATOR_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stop = () => killGroup(child);
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (log) process.stderr.write(chunk);
  });
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout });
    const fail = (why) => {
      clearTimeout(timer);
      stop();
      reject(new Error(`emulator did not start: ${why}${stderr ? `\n${stderr.trim()}` : ''}`));
    };
    const timer = setTimeout(() => fail(`no URL within ${timeoutMs / 1000} s`), timeoutMs);
    child.once('exit', (code) => fail(`exited with code ${code}`));
    lines.once('line', (line) => {
      const url = /https?:\/\/\S+/.exec(line)?.[0];
      if (!url) return fail(`unexpected first line: ${line}`);
      clearTimeout(timer);
      child.removeAllListeners('exit');
      // Keep draining stdout so the emulator never blocks on a full pipe.
      lines.on('line', (l) => log && console.log(`[emulator] ${l}`));
      resolve({ url: url.replace(/\/$/, ''), child, stop });
    });
  });
}
