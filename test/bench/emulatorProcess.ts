// Runs the emulator (or the canned-answer server) in a child process, so the benchmark process measures only client
// CPU, and reads the child's own CPU time from /proc to report what the server costs per request.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export interface EmulatorProcess {
  url: string;
  port: number;
  startMs: number;
  /** Child CPU time (user + system) in microseconds, or undefined where /proc is not available. */
  cpuMicros(): number | undefined;
  stop(): Promise<void>;
}

/** The line each server prints once it listens: `… listening on http://127.0.0.1:<port>`. */
const LISTENING = /listening on (http:\/\/127\.0\.0\.1:(\d+))$/m;

export function startEmulatorProcess(seed: string): Promise<EmulatorProcess> {
  return startServerProcess(join(__dirname, '..', 'emulator', 'main.ts'), ['--port', '0', '--seed', seed], 'the emulator');
}

/** The server of ready-made answers (cannedServer.ts): what the client budgets are measured against. */
export function startCannedServerProcess(): Promise<EmulatorProcess> {
  return startServerProcess(join(__dirname, 'cannedServer.ts'), [], 'the canned-answer server');
}

function startServerProcess(script: string, args: string[], what: string): Promise<EmulatorProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', script, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`${what} exited with ${code} before listening:\n${out}`)));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const m = LISTENING.exec(out);
      if (!m) return;
      child.stdout!.removeAllListeners('data');
      child.stdout!.resume();
      child.removeAllListeners('exit');
      resolve({
        url: m[1],
        port: Number(m[2]),
        startMs: performance.now() - started,
        cpuMicros: () => procCpuMicros(child.pid!),
        stop: () => new Promise<void>((done) => {
          if (child.exitCode !== null) return done();
          child.once('exit', () => done());
          child.kill('SIGTERM');
        }),
      });
    });
  });
}

function procCpuMicros(pid: number): number | undefined {
  try {
    // Fields after the command name: utime and stime are the 12th and 13th (clock ticks, 100 per second on Linux).
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10_000;
  } catch {
    return undefined;
  }
}
