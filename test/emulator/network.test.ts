// The client on company networks, over real sockets: through a real proxy (tinyproxy) with an explicit proxy and
// with the proxy environment variables, bypassed for noProxy hosts, refused by the proxy (407, 403) or with the proxy
// down; against the emulator's HTTPS with a certificate it does not trust, then trusts (extra CA, NODE_EXTRA_CA_CERTS);
// a clock 20 minutes off; a service that asks to wait longer than the client will.
import { strict as assert } from 'node:assert';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { DirectMailClient } from '../../src/api';
import type { ClientOptions, RequestLogEntry } from '../../src/api';
import { proxyEnvironment } from '../../src/api/network';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import { freePort, startProxy } from './proxy';
import type { TestProxy } from './proxy';
import { failure } from './failure';
import { startEmulator } from './server';
import type { Emulator } from './server';

const DEMO = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };

describe('Client networks: proxies and certificates', function () {
  this.timeout(60_000);
  let plain: Emulator;
  let secure: Emulator;
  let proxy: TestProxy;
  const clients: DirectMailClient[] = [];
  const log: RequestLogEntry[] = [];

  function client(endpoint: string, options: Partial<ClientOptions> = {}): DirectMailClient {
    const c = new DirectMailClient({ region: 'cn-hangzhou', endpoint, credentials: DEMO, retryBaseDelayMs: 5, onLog: (e) => log.push(e), ...options });
    clients.push(c);
    return c;
  }

  before(async () => {
    [plain, secure, proxy] = await Promise.all([startEmulator(), startEmulator({ tls: true }), startProxy()]);
  });
  after(async () => {
    await Promise.all(clients.map((c) => c.close()));
    await Promise.all([plain.close(), secure.close(), proxy.close()]);
  });
  beforeEach(() => {
    log.length = 0;
  });

  describe('proxy', () => {
    it('sends every request through an explicit proxy (http endpoint, tunnelled)', async () => {
      const before = plain.stats.requests;
      const c = client(plain.url, { network: { httpProxy: proxy.url, httpsProxy: proxy.url } });
      assert.equal((await c.queryTags()).items.length, 3);
      await c.descAccountSummary();
      assert.equal(plain.stats.requests - before, 2);
      assert.ok(proxy.tunnels().includes(`127.0.0.1:${plain.port}`), `tinyproxy saw no CONNECT to the emulator:\n${proxy.log()}`);
    });

    it('reaches an HTTPS endpoint through the proxy named by HTTPS_PROXY (and trusts its CA)', async () => {
      const tunnelsBefore = proxy.tunnels().length;
      const env = proxyEnvironment({ HTTPS_PROXY: proxy.url });
      const c = client(secure.url, { network: { ...env, extraCaPems: [secure.certificates!.caPem] } });
      assert.equal((await c.queryTags()).items.length, 3);
      assert.deepEqual(proxy.tunnels().slice(tunnelsBefore), [`127.0.0.1:${secure.port}`]);
    });

    it('reads the environment as curl does: lower case first, https falls back to HTTP_PROXY, NO_PROXY split on commas', () => {
      assert.deepEqual(proxyEnvironment({ https_proxy: 'http://a:1', HTTPS_PROXY: 'http://b:2', NO_PROXY: 'x.example, .y.example' }),
        { httpProxy: '', httpsProxy: 'http://a:1', noProxy: ['x.example', '.y.example'] });
      assert.deepEqual(proxyEnvironment({ HTTP_PROXY: 'http://c:3', no_proxy: 'z' }), { httpProxy: 'http://c:3', httpsProxy: 'http://c:3', noProxy: ['z'] });
    });

    it('bypasses the proxy for NO_PROXY / noProxy hosts (by name, and by name and port)', async () => {
      const tunnelsBefore = proxy.tunnels().length;
      const env = proxyEnvironment({ HTTP_PROXY: proxy.url, NO_PROXY: 'localhost,127.0.0.1' });
      assert.equal((await client(plain.url, { network: env }).queryTags()).items.length, 3);
      const byPort = client(plain.url, { network: { httpProxy: proxy.url, noProxy: [`127.0.0.1:${plain.port}`] } });
      assert.equal((await byPort.queryTags()).items.length, 3);
      assert.equal(proxy.tunnels().length, tunnelsBefore, 'the proxy saw a request it should not have');
      // Another port of the same host is not bypassed.
      const otherPort = client(plain.url, { network: { httpProxy: proxy.url, noProxy: ['127.0.0.1:1'] } });
      await otherPort.queryTags();
      assert.equal(proxy.tunnels().length, tunnelsBefore + 1);
    });

    it('reports a dead proxy as not sent, naming the proxy', async () => {
      const before = plain.stats.requests;
      const port = await freePort();
      const e = await failure(client(plain.url, { network: { httpProxy: `http://127.0.0.1:${port}` } }).createTag({ tagName: 'via_dead_proxy' }));
      assert.equal(e.code, 'ProxyUnreachable');
      assert.equal(e.delivery, 'notSent');
      assert.match(e.message, new RegExp(`Could not reach the proxy at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED\\)\\. Nothing was sent`));
      assert.equal(plain.stats.requests, before);
    });

    describe('that wants a password', () => {
      let guarded: TestProxy;
      before(async () => {
        guarded = await startProxy({ basicAuth: { user: 'alice', password: 'pr0xy-s3cret' } });
      });
      after(() => guarded.close());

      const authority = (): string => `127.0.0.1:${guarded.port}`;

      it('407 without credentials is the proxy\'s refusal, not a timeout, and nothing reached Direct Mail', async () => {
        const before = plain.stats.requests;
        const e = await failure(client(plain.url, { network: { httpProxy: guarded.url } }).createTag({ tagName: 'no_proxy_auth' }));
        assert.equal(e.code, 'ProxyRefused');
        assert.equal(e.delivery, 'notSent');
        assert.ok(e.message.startsWith(`The proxy at ${authority()} refused the connection: 407 Proxy Authentication Required. Nothing was sent`), e.message);
        assert.equal(plain.stats.requests, before);
        assert.deepEqual(log.map((l) => l.code), ['ProxyRefused'], 'a refusal by the proxy is not retried');
      });

      // tinyproxy answers wrong credentials with 401 (and missing ones with 407).
      it('wrong credentials in the URL or in proxyAuthorization: refused, and the secret appears nowhere', async () => {
        const inUrl = await failure(client(plain.url, { network: { httpProxy: `http://alice:wr0ng-pa55@${authority()}` } }).queryTags());
        const token = `Basic ${Buffer.from('alice:wr0ng-pa55').toString('base64')}`;
        const inHeader = await failure(client(plain.url, { network: { httpProxy: guarded.url, proxyAuthorization: token } }).queryTags());
        for (const e of [inUrl, inHeader]) {
          assert.equal(e.code, 'ProxyRefused');
          assert.match(e.message, /refused the connection: 401 Unauthorized\. Nothing was sent to Direct Mail\. Check the proxy credentials/);
          const everything = `${e.message} ${e.stack} ${JSON.stringify(log)} ${String((e.cause as Error | undefined)?.message)}`;
          for (const secret of ['wr0ng-pa55', 'alice:', token.slice(6)]) assert.ok(!everything.includes(secret), `"${secret}" leaked: ${everything}`);
        }
      });

      it('right credentials in the URL or in proxyAuthorization get through', async () => {
        assert.equal((await client(plain.url, { network: { httpProxy: `http://alice:pr0xy-s3cret@${authority()}` } }).queryTags()).items.length, 3);
        const token = `Basic ${Buffer.from('alice:pr0xy-s3cret').toString('base64')}`;
        assert.equal((await client(plain.url, { network: { httpProxy: guarded.url, proxyAuthorization: token } }).queryTags()).items.length, 3);
      });
    });

    it('a proxy that accepts the connection but never answers the tunnel request: not sent, within the connect timeout', async () => {
      const silent = createServer(() => undefined);
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      const { port } = silent.address() as AddressInfo;
      const before = plain.stats.requests;
      try {
        const e = await failure(client(plain.url, { connectTimeoutMs: 300, maxRetries: 0, network: { httpProxy: `http://127.0.0.1:${port}` } }).createTag({ tagName: 'silent_proxy' }));
        assert.equal(e.delivery, 'notSent');
        assert.equal(e.code, 'ProxyUnreachable', e.message);
        assert.match(e.message, new RegExp(`^Could not reach the proxy at 127\\.0\\.0\\.1:${port} \\(it accepted the connection but did not answer the tunnel request in time\\)\\. Nothing was sent`));
        assert.equal(plain.stats.requests, before);
      } finally {
        silent.close();
      }
    });

    it('403 from a proxy that allows CONNECT only to port 443', async () => {
      const strict = await startProxy({ connectPorts: [443] });
      try {
        const e = await failure(client(plain.url, { network: { httpProxy: strict.url } }).queryTags());
        assert.equal(e.code, 'ProxyRefused');
        assert.equal(e.delivery, 'notSent');
        assert.match(e.message, new RegExp(`^The proxy at 127\\.0\\.0\\.1:${strict.port} refused the connection: 403 Forbidden\\. .*does not allow connections to 127\\.0\\.0\\.1:${plain.port}`));
      } finally {
        await strict.close();
      }
    });

    it('an unusable proxy setting is a clear error before anything is sent', async () => {
      const e = await failure(client(plain.url, { network: { httpProxy: 'socks5://127.0.0.1:1080' } }).queryTags());
      assert.equal(e.code, 'NetworkSettings');
      assert.equal(e.delivery, 'notSent');
      assert.match(e.message, /socks5 are not supported/);
    });
  });

  describe('certificates', () => {
    it('refuses a certificate from an unknown CA: names it, says what to do, sends nothing', async () => {
      const before = secure.stats.requests;
      const e = await failure(client(secure.url).createTag({ tagName: 'untrusted_tls' }));
      assert.equal(e.code, 'CertificateRefused');
      assert.equal(e.delivery, 'notSent');
      assert.match(e.message, /^The certificate of 127\.0\.0\.1 \(subject CN=127\.0\.0\.1, O=Direct Mail emulator, issued by CN=Direct Mail Emulator Test CA, O=Direct Mail emulator\) is not issued by a trusted authority \(UNABLE_TO_VERIFY_LEAF_SIGNATURE\)\./);
      assert.match(e.message, /company proxy.*directMail\.caCertificates.*NODE_EXTRA_CA_CERTS/);
      assert.match(e.message, /Nothing was sent\.$/);
      assert.equal(secure.stats.requests, before, 'the emulator received a request');
      assert.deepEqual(log.map((l) => l.code), ['CertificateRefused'], 'a refused certificate is not retried');
    });

    it('refuses it through a proxy tunnel too', async () => {
      const e = await failure(client(secure.url, { network: { httpsProxy: proxy.url } }).queryTags());
      assert.equal(e.code, 'CertificateRefused');
      assert.match(e.message, /issued by CN=Direct Mail Emulator Test CA/);
    });

    it('trusts it with the CA given in the options (directMail.caCertificates)', async () => {
      assert.equal((await client(secure.url, { network: { extraCaPems: [secure.certificates!.caPem] } }).queryTags()).items.length, 3);
    });

    it('trusts it with NODE_EXTRA_CA_CERTS set (read when the client connects, not only at process start)', async () => {
      const saved = process.env.NODE_EXTRA_CA_CERTS;
      process.env.NODE_EXTRA_CA_CERTS = secure.certificates!.caFile;
      try {
        assert.equal((await client(secure.url).queryTags()).items.length, 3);
      } finally {
        if (saved === undefined) delete process.env.NODE_EXTRA_CA_CERTS;
        else process.env.NODE_EXTRA_CA_CERTS = saved;
      }
    });

    it('accepts any certificate only when strictSSL is false', async () => {
      assert.equal((await client(secure.url, { network: { strictSSL: false } }).queryTags()).items.length, 3);
    });

    it('refuses a trusted certificate made out for another host name: says so, sends nothing', async () => {
      const elsewhere = await startEmulator({ tls: { serverNames: 'DNS:other.example' } });
      try {
        const before = elsewhere.stats.requests;
        const e = await failure(client(elsewhere.url, { network: { extraCaPems: [elsewhere.certificates!.caPem] } }).createTag({ tagName: 'wrong_host' }));
        assert.equal(e.code, 'CertificateRefused');
        assert.equal(e.delivery, 'notSent');
        assert.match(e.message, /^The certificate presented for 127\.0\.0\.1 \(subject CN=127\.0\.0\.1, O=Direct Mail emulator, issued by CN=Direct Mail Emulator Test CA, O=Direct Mail emulator\) is for another host name \(ERR_TLS_CERT_ALTNAME_INVALID\)\. Check the endpoint setting/);
        assert.equal(elsewhere.stats.requests, before, 'the emulator received a request');
      } finally {
        await elsewhere.close();
      }
    });

    it('a CA file that holds no certificate is a settings error', async () => {
      const e = await failure(client(secure.url, { network: { extraCaPems: ['not a certificate'] } }).queryTags());
      assert.equal(e.code, 'NetworkSettings');
      assert.match(e.message, /holds no PEM certificate/);
    });
  });

  describe('clock and pacing', () => {
    it("the emulator's Date header shows its moved clock", async () => {
      const res = await fetch(`${plain.url}/__emulator/clock`, { method: 'POST', body: JSON.stringify({ offsetMs: -20 * 60_000 }) });
      assert.equal(res.status, 200);
      try {
        const answer = await fetch(`${plain.url}/?Action=DescAccountSummary`, { method: 'POST' });
        const shown = Date.parse(answer.headers.get('date') ?? '');
        assert.ok(Math.abs(shown - (Date.now() - 20 * 60_000)) < 5_000, `Date: ${answer.headers.get('date')}`);
      } finally {
        await fetch(`${plain.url}/__emulator/clock`, { method: 'POST', body: JSON.stringify({ offsetMs: 0 }) });
      }
    });

    it('a clock 20 minutes off: the refused request is signed again once with the server time, the log says by how much, later requests use it', async () => {
      const skewed = await startEmulator({ clockOffsetMs: 20 * 60_000 });
      const notices: string[] = [];
      try {
        const c = client(skewed.url, { onNotice: (m) => notices.push(m) });
        await c.createTag({ tagName: 'clock_skew' });
        assert.deepEqual(log.map((l) => l.code), ['InvalidTimeStamp.Expired', undefined]);
        assert.deepEqual(notices, [`The clock of this computer is 20 minutes behind the clock of 127.0.0.1:${skewed.port}; requests now carry the server's time. Correct the system clock (or its time zone).`]);
        // A new client of the same endpoint (after a settings change), with the other signature version: right at once.
        await client(skewed.url, { signatureVersion: 'v1' }).queryTags();
        assert.equal(log.length, 3);
        assert.equal(log[2].code, undefined);
        assert.equal([...skewed.core.accounts.demo.tags.values()].filter((t) => t.name === 'clock_skew').length, 1);
      } finally {
        await skewed.close();
      }
    });

    it('a request time refused without a Date header that explains it is reported, not retried', async () => {
      // The emulator's clock agrees with ours, so its Date header explains nothing: the refusal stands.
      const res = await fetch(`${plain.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'apiError', code: 'InvalidTimeStamp.Expired', count: 1 }) });
      assert.equal(res.status, 200);
      const e = await failure(client(plain.url).createTag({ tagName: 'clock_fine' }));
      assert.equal(e.code, 'InvalidTimeStamp.Expired');
      assert.match(e.message, /clock/);
      assert.equal(log.length, 1);
    });

    it('a 503 with Retry-After: 1 holds the read back that long before asking again; 30 s is not waited for', async () => {
      await fetch(`${plain.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'http503', retryAfterMs: 1000, count: 1 }) });
      const started = performance.now();
      assert.equal((await client(plain.url).queryTags()).items.length, 3);
      assert.ok(performance.now() - started >= 950, 'the retry did not wait the second the service asked for');
      assert.deepEqual(log.map((l) => l.code), ['ServiceUnavailable', undefined]);
      log.length = 0;
      await fetch(`${plain.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'http503', retryAfterMs: 30_000, count: 1 }) });
      const e = await failure(client(plain.url).queryTags());
      assert.equal(e.code, 'ServiceUnavailable');
      assert.match(e.message, /asked to wait 30 s/);
      assert.equal(log.length, 1);
    });

    it('a Throttling.User asking to wait longer than 10 s is not retried, and says how long to wait', async () => {
      await fetch(`${plain.url}/__emulator/faults`, { method: 'POST', body: JSON.stringify({ kind: 'throttle', retryAfterMs: 30_000, count: 1 }) });
      const e = await failure(client(plain.url).queryTags());
      assert.equal(e.code, 'Throttling.User');
      assert.equal(e.delivery, 'answered');
      assert.match(e.message, /limiting the request rate.*asked to wait 30 s/);
      assert.equal(log.length, 1);
    });
  });
});
