// The local Direct Mail emulator: a node:http server on 127.0.0.1 that speaks the RPC protocol of the cloud API
// (or node:https with a certificate made at start, for tests of certificate trust).
import type { AddressInfo } from 'node:net';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { createServer } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { ADMIN_PREFIX, handleAdmin } from './admin';
import type { CoreOptions } from './core';
import { EmulatorCore } from './core';
import { readBody } from './http';
import { handleRpc } from './rpc';
import type { EmulatorCertificates } from './tls';
import { generateCertificates } from './tls';

export interface EmulatorOptions extends CoreOptions {
  /** 0 (default) picks any free port. */
  port?: number;
  /**
   * Serve HTTPS with a certificate for 127.0.0.1/localhost issued by a CA made at start (see `certificates`); or for
   * the subjectAltName entries given (e.g. `DNS:other.example`, a certificate that does not name this server).
   */
  tls?: boolean | { serverNames: string };
}

export interface Emulator {
  /** `http://127.0.0.1:<port>` (`https://` with `tls`), no trailing slash. */
  url: string;
  port: number;
  /** In-process access for tests (the admin routes do the same over HTTP). */
  core: EmulatorCore;
  /** With `tls`: the CA to trust (PEM and file) and the server's certificate. */
  certificates?: EmulatorCertificates;
  /** Counted since start: TCP connections accepted, and API requests (not admin) that arrived. */
  stats: { connections: number; requests: number };
  close(): Promise<void>;
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const core = new EmulatorCore(options);
  const stats = { connections: 0, requests: 0 };
  const handle = (req: IncomingMessage, res: ServerResponse): void => {
    // The emulator's clock (moved by a clock offset) is the one its answers show, as a real server's would.
    res.setHeader('date', new Date(core.now()).toUTCString());
    readBody(req).then((body) => {
      const url = new URL(req.url ?? '/', 'http://127.0.0.1');
      if (url.pathname.startsWith(ADMIN_PREFIX)) return handleAdmin(core, req, res, url, body);
      stats.requests++;
      return handleRpc(core, req, res, url, body);
    }).catch((e: unknown) => {
      console.error('emulator: request failed', e);
      if (!res.headersSent) res.writeHead(500).end();
      else res.destroy();
    });
  };
  const certificates = options.tls ? generateCertificates(typeof options.tls === 'object' ? options.tls.serverNames : undefined) : undefined;
  const server = certificates ? createHttpsServer({ key: certificates.keyPem, cert: certificates.certPem }, handle) : createServer(handle);
  server.on('connection', () => stats.connections++);
  // A client that refuses the certificate hangs up during the handshake; that is expected, not worth a log line.
  server.on('tlsClientError', () => undefined);
  server.keepAliveTimeout = 5000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  let closed: Promise<void> | undefined;
  return {
    url: `${certificates ? 'https' : 'http'}://127.0.0.1:${port}`,
    port,
    core,
    certificates,
    stats,
    close: () => (closed ??= new Promise<void>((resolve) => {
      core.saver.flush();
      server.close(() => {
        certificates?.dispose();
        resolve();
      });
      server.closeAllConnections();
    })),
  };
}
