// Runs the emulator in a child process, so the benchmark process measures only client CPU, and reads the
// child's own CPU time from /proc to report what the emulator costs per request.
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

const LISTENING = /^Direct Mail emulator listening on (http:\/\/127\.0\.0\.1:(\d+))$/m;

export function startEmulatorProcess(seed: string): Promise<EmulatorProcess> {
  const started = performance.now();
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(__dirname, '..', 'emulator', 'main.ts'), '--port', '0', '--seed', seed], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    child.once('exit', (code) => reject(new Error(`the emulator exited with ${code} before listening:\n${out}`)));
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
