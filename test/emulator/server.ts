// The local Direct Mail emulator: a node:http server on 127.0.0.1 that speaks the RPC protocol of the cloud API.
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import type { CoreOptions } from './core';
import { EmulatorCore } from './core';
import { readBody } from './http';
import { handleRpc } from './rpc';

export interface EmulatorOptions extends CoreOptions {
  /** 0 (default) picks any free port. */
  port?: number;
}

export interface Emulator {
  /** `http://127.0.0.1:<port>`, no trailing slash. */
  url: string;
  port: number;
  /** In-process access for tests (the admin routes do the same over HTTP). */
  core: EmulatorCore;
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const core = new EmulatorCore(options);
  const server = createServer((req, res) => {
    readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      return url.pathname.startsWith(ADMIN_PREFIX) ? handleAdmin(core, req, res, url, body) : handleRpc(core, req, res, url, body);
    }).catch((e: unknown) => {
      console.error('emulator: request failed', e);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `http://127.0.0.1:${port}`,
    port,
    core,
    close: () => (closed ??= new Promise<void>((resolve) => {
      core.saver.flush();
      server.close(() => resolve());
      server.closeAllConnections();
    })),
  };
}
