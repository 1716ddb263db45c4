// Every network failure ends in the truth: for each fault, a read (DescAccountSummary) and a write (CreateTag), what
// the caller gets (code, delivery, message), how many requests reached the emulator, and that nothing was created
// twice. Then load: 200 concurrent calls with faults, and 200 against a slow service, must not multiply the calls.
import { strict as assert } from 'node:assert';
import { DirectMailClient, DirectMailError } from '../../src/api';
import type { ClientOptions, RequestLogEntry } from '../../src/api';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import type { FaultSpec } from './faults';
import { freePort } from './proxy';
import { startEmulator } from './server';
import type { Emulator } from './server';

const DEMO = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Seen {
  /** 'data' or `<code> (<delivery>)`. */
  outcome: string;
  error?: DirectMailError;
  /** Requests that reached the emulator (0 when the emulator is not involved). */
  arrived: number;
  /** Attempts the client logged. */
  attempts: number;
  /** Tags with the written name in the emulator's state afterwards (writes only). */
  created?: number;
}

interface Case {
  fault: string;
  /** Emulator options and faults for the case; `refused` points the client at a closed port. */
  tls?: boolean;
  faults?: FaultSpec[];
  clockOffsetMs?: number;
  refused?: boolean;
  client?: Partial<ClientOptions>;
  /** Wait for the emulator to finish work the client stopped waiting for, before counting. */
  settleMs?: number;
  read: Partial<Seen> & { words?: RegExp };
  write: Partial<Seen> & { words?: RegExp };
}

const READ = 'DescAccountSummary';
const WRITE = 'CreateTag';
/** The same fault once for the read and once for the write. */
const both = (f: Omit<FaultSpec, 'actions'>): FaultSpec[] => [{ ...f, actions: [READ] }, { ...f, actions: [WRITE] }];
const UNKNOWN = /The outcome is unknown: Direct Mail may or may not have carried out CreateTag\. Refresh the view/;

const CASES: Case[] = [
  {
    fault: 'latency past the timeout', faults: both({ kind: 'latency', count: 0, latencyMs: 1500 }), client: { requestTimeoutMs: 300 }, settleMs: 1600,
    read: { outcome: 'RequestTimeout (unknown)', arrived: 3, attempts: 3, words: /did not answer DescAccountSummary within 0\.3 s/ },
    // The emulator carries the create out after the client gave up: exactly why the outcome is reported unknown.
    write: { outcome: 'RequestTimeout (unknown)', arrived: 1, attempts: 1, created: 1, words: UNKNOWN },
  },
  {
    fault: 'HTTP 500', faults: both({ kind: 'http500', count: 1 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'InternalError (answered)', arrived: 1, attempts: 1, created: 0, words: /temporary server problem/ },
  },
  {
    fault: 'HTTP 503', faults: both({ kind: 'http503', count: 1 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'ServiceUnavailable (answered)', arrived: 1, attempts: 1, created: 0, words: /temporary server problem/ },
  },
  {
    fault: 'Throttling.User', faults: both({ kind: 'throttle', count: 1, retryAfterMs: 50 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'data', arrived: 2, attempts: 2, created: 1 },
  },
  {
    fault: 'reset before the answer (action not run)', faults: both({ kind: 'reset', count: 1 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'NetworkError (unknown)', arrived: 1, attempts: 1, created: 0, words: UNKNOWN },
  },
  {
    fault: 'reset after the server acted', faults: both({ kind: 'resetAfter', count: 1 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'NetworkError (unknown)', arrived: 1, attempts: 1, created: 1, words: UNKNOWN },
  },
  {
    fault: 'connection refused', refused: true,
    read: { outcome: 'NetworkError (notSent)', arrived: 0, attempts: 3, words: /ECONNREFUSED.*Nothing was sent/ },
    write: { outcome: 'NetworkError (notSent)', arrived: 0, attempts: 3, created: 0, words: /ECONNREFUSED.*Nothing was sent/ },
  },
  {
    fault: 'truncated body', faults: both({ kind: 'truncated', count: 1 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'InvalidResponse (unknown)', arrived: 1, attempts: 1, created: 0, words: /cut off.*The outcome is unknown/ },
  },
  {
    fault: 'non-JSON body', faults: both({ kind: 'nonjson', count: 1 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'InvalidResponse (unknown)', arrived: 1, attempts: 1, created: 0, words: /not valid JSON.*The outcome is unknown/ },
  },
  {
    // A gateway's error page instead of the service's JSON: the service behind it may have acted.
    fault: 'HTTP 502 page from a gateway', faults: both({ kind: 'nonjson', count: 1, httpStatus: 502 }),
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    write: { outcome: 'InternalError (unknown)', arrived: 1, attempts: 1, created: 0, words: /HTTP 502 from a gateway.*The outcome is unknown/ },
  },
  {
    // A 200 answer without the fields the SDK model requires (here: nothing but RequestId and Code "OK").
    fault: 'answer missing a required field', faults: both({ kind: 'apiError', count: 1, httpStatus: 200, code: 'OK' }),
    read: { outcome: 'InvalidResponse (answered)', arrived: 1, attempts: 1, words: /unexpected response to DescAccountSummary/ },
    write: { outcome: 'InvalidResponse (answered)', arrived: 1, attempts: 1, created: 0, words: /unexpected response to CreateTag/ },
  },
  {
    fault: 'clock 20 minutes off', clockOffsetMs: 20 * 60_000,
    read: { outcome: 'data', arrived: 2, attempts: 2 },
    // The offset learned by the read carries over: the write is signed with the server's time at once.
    write: { outcome: 'data', arrived: 1, attempts: 1, created: 1 },
  },
  {
    fault: 'certificate not trusted', tls: true,
    read: { outcome: 'CertificateRefused (notSent)', arrived: 0, attempts: 1, words: /issued by CN=Direct Mail Emulator Test CA.*directMail\.caCertificates/ },
    write: { outcome: 'CertificateRefused (notSent)', arrived: 0, attempts: 1, created: 0, words: /issued by CN=Direct Mail Emulator Test CA.*directMail\.caCertificates/ },
  },
];

describe('Network faults: what the caller gets', function () {
  this.timeout(60_000);
  const table: string[] = ['| fault | read: requests / attempts / result | write: requests / attempts / result / created |', '|---|---|---|'];
  after(() => console.log(`\n${table.join('\n')}\n`));

  for (const c of CASES) {
    it(c.fault, async () => {
      const emulator = await startEmulator({ tls: c.tls, faults: c.faults, clockOffsetMs: c.clockOffsetMs });
      const endpoint = c.refused ? `http://127.0.0.1:${await freePort()}` : emulator.url;
      const log: RequestLogEntry[] = [];
      const client = new DirectMailClient({ region: 'cn-hangzhou', endpoint, credentials: DEMO, retryBaseDelayMs: 5, onLog: (e) => log.push(e), ...c.client });
      const tagName = `matrix_${CASES.indexOf(c)}`;
      const run = async (call: () => Promise<unknown>, action: string): Promise<Seen> => {
        const before = emulator.stats.requests;
        let outcome = 'data';
        let error: DirectMailError | undefined;
        try {
          await call();
        } catch (e) {
          assert.ok(e instanceof DirectMailError, `${action}: expected a DirectMailError, got ${String(e)}`);
          error = e;
          outcome = `${e.code} (${e.delivery})`;
        }
        if (c.settleMs) await sleep(c.settleMs);
        return { outcome, error, arrived: emulator.stats.requests - before, attempts: log.filter((l) => l.action === action).length };
      };
      try {
        const read = await run(() => client.descAccountSummary(), READ);
        const write = await run(() => client.createTag({ tagName }), WRITE);
        write.created = [...emulator.core.accounts.demo.tags.values()].filter((t) => t.name === tagName).length;
        table.push(`| ${c.fault} | ${read.arrived} / ${read.attempts} / ${read.outcome} | ${write.arrived} / ${write.attempts} / ${write.outcome} / ${write.created} |`);
        for (const [seen, expected, what] of [[read, c.read, 'read'], [write, c.write, 'write']] as const) {
          const { words, ...counts } = expected;
          const actual = { outcome: seen.outcome, arrived: seen.arrived, attempts: seen.attempts, ...('created' in counts ? { created: seen.created } : {}) };
          assert.deepEqual(actual, counts, `${what}: ${seen.error?.message ?? 'no error'}`);
          if (words) assert.match(seen.error?.message ?? '', words, what);
        }
      } finally {
        await client.close();
        await emulator.close();
      }
    });
  }
});

describe('Network faults under load', function () {
  this.timeout(120_000);
  let emulator: Emulator;
  const unhandled: unknown[] = [];
  const onUnhandled = (reason: unknown): void => {
    unhandled.push(reason);
  };
  before(() => process.on('unhandledRejection', onUnhandled));
  after(() => process.off('unhandledRejection', onUnhandled));
  afterEach(() => emulator?.close());

  async function burst(client: DirectMailClient, calls: number): Promise<{ data: number; errors: Map<string, number> }> {
    const results = await Promise.allSettled(Array.from({ length: calls }, () => client.queryTags()));
    const errors = new Map<string, number>();
    let data = 0;
    for (const r of results) {
      if (r.status === 'fulfilled') {
        data++;
        continue;
      }
      assert.ok(r.reason instanceof DirectMailError, `a call ended in ${String(r.reason)}`);
      assert.ok(r.reason.message.length > 20, 'an error without an explanation');
      const key = `${r.reason.code} (${r.reason.delivery})`;
      errors.set(key, (errors.get(key) ?? 0) + 1);
    }
    return { data, errors };
  }

  it('200 concurrent reads with 5% faults: each ends in data or a clear error, at most 1.2 attempts per call', async () => {
    const faults: FaultSpec[] = (['http500', 'http503', 'reset', 'truncated', 'nonjson', 'throttle', 'http500', 'reset', 'truncated', 'nonjson'] as const)
      .map((kind) => ({ kind, count: 1, retryAfterMs: kind === 'throttle' ? 20 : undefined }));
    emulator = await startEmulator({ faults });
    let attempts = 0;
    const client = new DirectMailClient({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: DEMO, retryBaseDelayMs: 5, onLog: () => attempts++ });
    try {
      const { data, errors } = await burst(client, 200);
      console.log(`      200 reads, 10 faults: ${data} with data, errors ${JSON.stringify(Object.fromEntries(errors))}; ${attempts} attempts, ${emulator.stats.requests} requests at the emulator (${(attempts / 200).toFixed(3)}x)`);
      assert.equal(data + [...errors.values()].reduce((a, b) => a + b, 0), 200);
      assert.ok(attempts <= 240, `${attempts} attempts for 200 calls`);
      assert.equal(emulator.stats.requests, attempts);
      assert.deepEqual(unhandled, []);
    } finally {
      await client.close();
    }
  });

  it('200 concurrent reads against a service taking 3 s, with a 0.5 s timeout: retries stay within 1.2x', async () => {
    emulator = await startEmulator({ latencyMs: 3000 });
    let attempts = 0;
    const client = new DirectMailClient({
      region: 'cn-hangzhou', endpoint: emulator.url, credentials: DEMO, retryBaseDelayMs: 5, requestTimeoutMs: 500, onLog: () => attempts++,
    });
    try {
      const { data, errors } = await burst(client, 200);
      // The emulator finishes (and counts) the requests the client stopped waiting for 3 s later.
      for (let waited = 0; emulator.stats.requests < attempts && waited < 10_000; waited += 100) await sleep(100);
      console.log(`      200 reads at 3 s latency, 0.5 s timeout: ${data} with data, errors ${JSON.stringify(Object.fromEntries(errors))}; ${attempts} attempts, ${emulator.stats.requests} requests at the emulator (${(attempts / 200).toFixed(3)}x)`);
      assert.deepEqual(Object.fromEntries(errors), { 'RequestTimeout (unknown)': 200 });
      assert.ok(attempts <= 240, `${attempts} attempts for 200 calls`);
      // A deadline that ran while requests waited for one of the 64 connections would end attempts never sent.
      assert.equal(emulator.stats.requests, attempts, 'attempts that timed out before reaching the server');
      assert.deepEqual(unhandled, []);
    } finally {
      await client.close();
    }
  });
});
