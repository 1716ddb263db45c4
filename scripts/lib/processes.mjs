// Child processes that must never outlive the script that started them: each runs in its own process
// group (detached) so stopping it also stops its children (tsx → node, code-server → extension host).
// stopAll() runs on normal exit, on failure, on SIGINT/SIGTERM, and when a deadline passes.
import { spawn } from 'node:child_process';
import { rmSync } from 'node:fs';

const groups = new Set();
const tempDirs = new Set();
const cleanups = [];

/** Spawns `command` in a new process group that stopAll() kills. */
export function spawnTracked(command, args, options = {}) {
  const child = spawn(command, args, { ...options, detached: true });
  groups.add(child.pid);
  child.on('exit', () => groups.delete(child.pid));
  return child;
}

/** Stops one child's whole process group. */
export function killGroup(child, signal = 'SIGTERM') {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // already gone
  }
}

/** Registers a directory to delete when everything stops. */
export function trackTempDir(dir) {
  tempDirs.add(dir);
  return dir;
}

/** Registers an async cleanup (e.g. closing the browser) run by stopAllAsync() before the kills. */
export function onStop(fn) {
  cleanups.push(fn);
}

/** Synchronous: safe inside process.on('exit'). SIGKILL, because no one waits for a grace period. */
export function stopAll(signal = 'SIGKILL') {
  for (const pid of groups) {
    try {
      process.kill(-pid, signal);
    } catch {
      // already gone
    }
  }
  groups.clear();
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  tempDirs.clear();
}

/** Graceful stop: cleanups, SIGTERM, a short wait, then SIGKILL for anything left. */
export async function stopAllAsync() {
  for (const fn of cleanups.splice(0).reverse()) await Promise.resolve().then(fn).catch(() => {});
  for (const pid of groups) {
    try {
      process.kill(-pid, 'SIGTERM');
    } catch {
      groups.delete(pid);
    }
  }
  const deadline = Date.now() + 3000;
  while (groups.size && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  stopAll('SIGKILL');
}

let installed = false;
/** Stops everything on exit, on Ctrl+C / SIGTERM, and after `timeoutMs` (exit code 124) if given. */
export function stopEverythingOnExit({ timeoutMs, label = 'run' } = {}) {
  if (!installed) {
    installed = true;
    process.on('exit', () => stopAll());
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) {
      process.on(signal, () => {
        void stopAllAsync().finally(() => process.exit(130));
      });
    }
  }
  if (timeoutMs) {
    const timer = setTimeout(() => {
      console.error(`${label}: timed out after ${Math.round(timeoutMs / 1000)} s; stopping everything`);
      void stopAllAsync().finally(() => process.exit(124));
    }, timeoutMs);
    timer.unref();
  }
}
