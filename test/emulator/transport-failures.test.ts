// Failures Node and undici raise themselves, at the moment they happen, over real sockets: a server that takes the
// connection but never completes the TLS handshake (connect timeout: nothing sent), and one that hangs up as soon as
// it has taken the connection (the request may have been written: a change's outcome is unknown, a read is retried).
import { strict as assert } from 'node:assert';
import { createServer, type AddressInfo, type Server, type Socket } from 'node:net';
import { DirectMailClient } from '../../src/api';
import type { RequestLogEntry } from '../../src/api';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import { failure } from './failure';

const DEMO = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };

/** A TCP server that does `onConnection` with every connection; counts the bytes it received. */
async function rawServer(onConnection: (socket: Socket) => void): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  const sockets = new Set<Socket>();
  let received = 0;
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('data', (chunk: Buffer) => (received += chunk.length));
    socket.on('error', () => undefined);
    socket.on('close', () => sockets.delete(socket));
    onConnection(socket);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
  return {
    port: (server.address() as AddressInfo).port,
    received: () => received,
    close: () => new Promise<void>((resolve) => {
      for (const s of sockets) s.destroy();
      server.close(() => resolve());
    }),
  };
}

describe('Transport failures raised by Node itself', function () {
  this.timeout(30_000);

  it('a TLS handshake that never completes is a connect timeout: nothing was sent, safe to try again', async () => {
    const silent = await rawServer(() => undefined);
    const log: RequestLogEntry[] = [];
    try {
      const c = new DirectMailClient({ region: 'cn-hangzhou', endpoint: `https://127.0.0.1:${silent.port}`, credentials: DEMO, connectTimeoutMs: 300, maxRetries: 0, onLog: (e) => log.push(e) });
      const e = await failure(c.createTag({ tagName: 'no_handshake' }));
      assert.deepEqual([e.code, e.delivery, e.retryable], ['ConnectTimeout', 'notSent', true]);
      assert.equal(e.message, `Could not connect to 127.0.0.1:${silent.port} within 0.3 s. Nothing was sent. Check the network connection, proxy and endpoint setting.`);
      assert.deepEqual(log.map((l) => l.code), ['ConnectTimeout']);
      await c.close();
    } finally {
      await silent.close();
    }
  });

  it('a server that hangs up once the request is written: a change may or may not have happened, a read is tried again', async () => {
    // Closes each connection as soon as the first bytes of a request arrive, without answering.
    const hangUp = await rawServer((socket) => socket.once('data', () => socket.destroy()));
    const log: RequestLogEntry[] = [];
    try {
      const c = new DirectMailClient({ region: 'cn-hangzhou', endpoint: `http://127.0.0.1:${hangUp.port}`, credentials: DEMO, maxRetries: 2, retryBaseDelayMs: 5, onLog: (e) => log.push(e) });
      const write = await failure(c.createTag({ tagName: 'hung_up' }));
      assert.deepEqual([write.code, write.delivery], ['NetworkError', 'unknown']);
      assert.match(write.message, new RegExp(`^The connection to 127\\.0\\.0\\.1:${hangUp.port} broke after CreateTag was sent \\(.+\\)\\. The outcome is unknown: Direct Mail may or may not have carried out CreateTag\\.`));
      assert.equal(log.length, 1, 'a change whose outcome is unknown is never sent again');
      assert.ok(hangUp.received() > 0, 'the request reached the server');

      log.length = 0;
      const read = await failure(c.queryTags());
      assert.deepEqual([read.code, read.delivery], ['NetworkError', 'unknown']);
      assert.match(read.message, /broke during QueryTagByParam .*Try again\.$/);
      assert.equal(log.length, 3, 'a read is tried again (twice here)');
      await c.close();
    } finally {
      await hangUp.close();
    }
  });
});
