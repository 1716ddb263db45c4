// A real forward proxy for the network tests: Debian's tinyproxy (package tinyproxy-bin), started on a free
// loopback port with a generated configuration, its log kept in memory so a test can prove what went through it.
import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProxyOptions {
  /** Require these credentials (tinyproxy answers 407 without them). */
  basicAuth?: { user: string; password: string };
  /** Ports CONNECT may reach; all when absent (tinyproxy answers 403 for others). */
  connectPorts?: number[];
}

export interface TestProxy {
  /** `http://127.0.0.1:<port>` (no credentials). */
  url: string;
  port: number;
  /** Everything tinyproxy logged so far. */
  log(): string;
  /** The CONNECT requests it received, e.g. `127.0.0.1:40123`. */
  tunnels(): string[];
  close(): Promise<void>;
}

export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** Resolves when the proxy accepts connections on its port; rejects if it exits first. */
function listening(proxy: ChildProcess, port: number, output: () => string): Promise<void> {
  return new Promise((resolve, reject) => {
    let done = false;
    const end = (e?: Error): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (e) reject(e);
      else resolve();
    };
    const timer = setTimeout(() => end(new Error(`tinyproxy did not start:\n${output()}`)), 10_000);
    proxy.once('exit', (code) => end(new Error(`tinyproxy exited (${code}):\n${output()}`)));
    proxy.once('error', (e) => end(new Error(`tinyproxy could not be started (${e.message}); on Debian: apt-get install tinyproxy-bin`)));
    const probe = (): void => {
      if (done) return;
      const socket = connect(port, '127.0.0.1');
      socket.once('connect', () => {
        socket.destroy();
        end();
      });
      socket.once('error', () => setTimeout(probe, 25));
    };
    probe();
  });
}

export async function startProxy(options: ProxyOptions = {}): Promise<TestProxy> {
  const dir = mkdtempSync(join(tmpdir(), 'dm-proxy-'));
  for (let tries = 1; ; tries++) {
    const port = await freePort();
    const lines = [
      `Port ${port}`, 'Listen 127.0.0.1', 'Timeout 30', 'LogLevel Connect', 'MaxClients 400', 'Allow 127.0.0.1',
      ...(options.basicAuth ? [`BasicAuth ${options.basicAuth.user} ${options.basicAuth.password}`] : []),
      ...(options.connectPorts ?? []).map((p) => `ConnectPort ${p}`),
    ];
    const conf = join(dir, 'tinyproxy.conf');
    writeFileSync(conf, lines.join('\n') + '\n');
    let text = '';
    const proxy = spawn('tinyproxy', ['-d', '-c', conf], { stdio: ['ignore', 'pipe', 'pipe'] });
    proxy.stdout.on('data', (d: Buffer) => (text += d.toString()));
    proxy.stderr.on('data', (d: Buffer) => (text += d.toString()));
    try {
      await listening(proxy, port, () => text);
    } catch (e) {
      proxy.kill();
      if (tries < 3 && /already in use|Could not create listening|Unable to listen/i.test(text)) continue;
      rmSync(dir, { recursive: true, force: true });
      throw e;
    }
    proxy.removeAllListeners('exit');
    let closed: Promise<void> | undefined;
    return {
      url: `http://127.0.0.1:${port}`,
      port,
      log: () => text,
      tunnels: () => [...text.matchAll(/Request \(file descriptor \d+\): CONNECT (\S+) HTTP/g)].map((m) => m[1]),
      close: () => (closed ??= new Promise<void>((resolve) => {
        proxy.once('exit', () => {
          rmSync(dir, { recursive: true, force: true });
          resolve();
        });
        proxy.kill('SIGTERM');
      })),
    };
  }
}
