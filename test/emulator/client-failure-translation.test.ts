// The real client's failures in the display language: a DirectMailClient given a translator words what the caller
// gets (a refused connection, timeouts, cut-off and unreadable answers, a gateway's page, the service's codes and
// Retry-After, an untrusted certificate, an unreachable or unusable proxy, the clock notice, a cancel, missing
// credentials, its own input checks) wholly through it; with the zh-cn bundle a refused connection and a timeout
// read Chinese.
import { strict as assert } from 'node:assert';
import { DirectMailClient, DirectMailError } from '../../src/api';
import type { ClientOptions } from '../../src/api';
import { english, type Translate } from '../../src/shared/translate';
import { oneSpan, zhCn } from '../translationChecks';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import type { FaultSpec } from './faults';
import { freePort } from './proxy';
import { startEmulator } from './server';
import type { EmulatorOptions } from './server';

const DEMO = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };
const every = (f: Omit<FaultSpec, 'count'>): FaultSpec[] => [{ ...f, count: 0 }];


/** Wraps what it returns in «…» and shouts its template: English from elsewhere stays lower case and unwrapped. */
const shout: Translate = (message, ...args) => `«${english(message.toUpperCase(), ...args)}»`;

/**
 * Names a message carries as they are: action names and the service's code, the emulator's or proxy's host,
 * certificate names, the system's detail, the values the caller gave.
 */
const NAMES = [
  /\b(DescAccountSummary|CreateTag|SingleSendMail|SaveReceiverDetail)\b/g, /Throttling\.User/g, /127\.0\.0\.1:\d+/g, /\b(CN|O)=[^,)»]*/g,
  /connect ECONNREFUSED/g, /other side closed/g, /socks5/g, /[\w ]*@example\.com|"example\.com"/g,
];
const samePorts = (text: string): string => text.replace(/127\.0\.0\.1:\d+/g, '127.0.0.1:PORT');

interface Case {
  name: string;
  emulator?: EmulatorOptions;
  /** Point the client at a closed port instead of the emulator. */
  refused?: boolean;
  client?: (port: number) => Partial<ClientOptions>;
  call: (client: DirectMailClient) => Promise<unknown>;
  /** The code the caller gets (checks that the case reaches the failure it names). */
  code: string;
  /** Check the notice instead of (as well as) the error. */
  notice?: boolean;
}

const tag = (c: DirectMailClient): Promise<unknown> => c.createTag({ tagName: 'words_test' });
const summary = (c: DirectMailClient): Promise<unknown> => c.descAccountSummary();

const CASES: Case[] = [
  { name: 'connection refused', refused: true, call: summary, code: 'NetworkError' },
  { name: 'a read without an answer in time', emulator: { faults: every({ kind: 'latency', latencyMs: 1500 }) }, client: () => ({ requestTimeoutMs: 300, maxRetries: 0 }), call: summary, code: 'RequestTimeout' },
  { name: 'a write without an answer in time', emulator: { faults: every({ kind: 'latency', latencyMs: 1500 }) }, client: () => ({ requestTimeoutMs: 300 }), call: tag, code: 'RequestTimeout' },
  { name: 'a read cut off', emulator: { faults: every({ kind: 'truncated' }) }, client: () => ({ maxRetries: 0 }), call: summary, code: 'InvalidResponse' },
  { name: 'a write cut off', emulator: { faults: every({ kind: 'truncated' }) }, call: tag, code: 'InvalidResponse' },
  { name: 'a read answered with a page that is not JSON', emulator: { faults: every({ kind: 'nonjson' }) }, client: () => ({ maxRetries: 0 }), call: summary, code: 'InvalidResponse' },
  { name: 'a write answered with a page that is not JSON', emulator: { faults: every({ kind: 'nonjson' }) }, call: tag, code: 'InvalidResponse' },
  { name: 'a write answered by a gateway\'s 502 page', emulator: { faults: every({ kind: 'nonjson', httpStatus: 502 }) }, call: tag, code: 'InternalError' },
  { name: 'a reset after the write was sent', emulator: { faults: every({ kind: 'resetAfter' }) }, call: tag, code: 'NetworkError' },
  { name: 'a reset during a read', emulator: { faults: every({ kind: 'reset' }) }, client: () => ({ maxRetries: 0 }), call: summary, code: 'NetworkError' },
  { name: 'throttled with a Retry-After longer than the client waits', emulator: { faults: every({ kind: 'throttle', retryAfterMs: 20_000 }) }, call: tag, code: 'Throttling.User' },
  { name: 'a RAM refusal', emulator: { faults: every({ kind: 'apiError', code: 'Forbidden.RAM', httpStatus: 403 }) }, call: tag, code: 'Forbidden.RAM' },
  { name: 'an untrusted certificate', emulator: { tls: true }, call: summary, code: 'CertificateRefused' },
  { name: 'an unreachable proxy', client: (port) => ({ network: { httpProxy: `http://127.0.0.1:${port}` } }), call: summary, code: 'ProxyUnreachable' },
  { name: 'a proxy of an unsupported type', client: () => ({ network: { httpProxy: 'socks5://127.0.0.1:1080' } }), call: summary, code: 'NetworkSettings' },
  { name: 'a clock 20 minutes off', emulator: { clockOffsetMs: 20 * 60_000 }, call: summary, code: '', notice: true },
  { name: 'a cancel before sending', call: (c) => c.descAccountSummary({ signal: AbortSignal.abort() }), code: 'RequestAborted' },
  { name: 'no AccessKey', client: () => ({ credentials: { accessKeyId: '', accessKeySecret: '' } }), call: summary, code: 'MissingCredentials' },
  { name: 'a bad tag name', call: (c) => c.createTag({ tagName: 'a.b' }), code: 'InvalidInput' },
  { name: 'a bad address in a recipient batch', call: (c) => c.addRecipients('abc123', [{ email: 'a@example.com' }, { email: 'b c@example.com' }]), code: 'InvalidInput' },
  { name: 'a domain as sender', call: (c) => c.singleSendMail({ accountName: 'example.com', toAddress: 'a@example.org', subject: 'Hi', textBody: 'x' }), code: 'InvalidInput' },
  { name: 'too many BCC addresses', call: (c) => c.singleSendMail({ accountName: 'noreply@example.com', toAddress: 'a@example.org', bccAddress: ['b@example.org', 'c@example.org', 'd@example.org'], subject: 'Hi', textBody: 'x' }), code: 'InvalidInput' },
];

/** What the caller gets from one case with a client of `translate`: the error's message, or the notice. */
async function run(c: Case, translate?: Translate): Promise<{ message: string; code: string }> {
  const emulator = await startEmulator(c.emulator);
  const port = await freePort();
  const notices: string[] = [];
  const client = new DirectMailClient({
    region: 'cn-hangzhou', endpoint: c.refused ? `http://127.0.0.1:${port}` : emulator.url, credentials: DEMO, retryBaseDelayMs: 5,
    onNotice: (m) => notices.push(m), ...c.client?.(port), ...(translate ? { translate } : {}),
  });
  try {
    try {
      await c.call(client);
    } catch (e) {
      assert.ok(e instanceof DirectMailError, `${c.name}: ${String(e)}`);
      if (!c.notice) return { message: e.message, code: e.code };
    }
    assert.equal(notices.length, 1, `${c.name}: notices ${JSON.stringify(notices)}`);
    return { message: notices[0], code: '' };
  } finally {
    await client.close();
    await emulator.close();
  }
}

describe('Client failures through the translator (real client, emulator)', function () {
  this.timeout(60_000);

  for (const c of CASES) {
    it(c.name, async () => {
      const plain = await run(c);
      const marked = await run(c, shout);
      assert.equal(plain.code, c.code, plain.message);
      assert.equal(marked.code, c.code, marked.message);
      assert.ok(oneSpan(marked.message), `not one translated sentence: ${marked.message}`);
      assert.equal(samePorts(marked.message.replace(/[«»]/g, '')).toLowerCase(), samePorts(plain.message).toLowerCase(), `says something else: ${marked.message}`);
      const rest = NAMES.reduce((text, name) => text.replace(name, ''), marked.message);
      assert.doesNotMatch(rest, /[a-z]/, `English outside the translator: ${marked.message}`);
    });
  }

  describe('with the zh-cn bundle', () => {
    const zh = zhCn();

    it('says a refused connection and a timeout in Chinese', async () => {
      const refused = await run(CASES.find((c) => c.name === 'connection refused')!, zh);
      assert.match(refused.message, /^无法连接到位于 127\.0\.0\.1:(\d+) 的邮件推送（ECONNREFUSED \(connect ECONNREFUSED 127\.0\.0\.1:\1\)）。未发送任何请求。请检查网络连接和终端节点设置。$/);
      const timeout = await run(CASES.find((c) => c.name === 'a read without an answer in time')!, zh);
      assert.equal(timeout.message, '邮件推送未在 0.3 秒内应答 DescAccountSummary。请检查网络连接，或调大请求超时时间（directMail.requestTimeoutMs）。');
      const write = await run(CASES.find((c) => c.name === 'a write without an answer in time')!, zh);
      assert.equal(write.message, '邮件推送未在 0.3 秒内应答 CreateTag。结果未知：邮件推送可能已执行 CreateTag，也可能没有。重试前请先刷新视图，确认更改是否已生效。');
    });
  });
});
