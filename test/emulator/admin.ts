// Admin routes under /__emulator/ for tests and demos: reset, faults, clock, DNS publishing, request log, state.
// They answer loopback callers only and carry no signature (they never touch a real account).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { EmulatorCore } from './core';
import type { RecordKind } from './dns';
import { RECORD_KINDS } from './dns';
import { ApiError } from './errors';
import { parseFault } from './faults';
import { isLoopbackAddress, sendJson } from './http';
import type { SeedName } from './seeds';
import { isSeedName } from './seeds';
import { accountToJson } from './stateJson';

export const ADMIN_PREFIX = '/__emulator/';

class AdminError extends Error {
  constructor(readonly status: number, message: string) {
    super(message);
  }
}

function parseJson(rawBody: Buffer): Record<string, unknown> {
  if (!rawBody.length) return {};
  try {
    const value: unknown = JSON.parse(rawBody.toString('utf8'));
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  } catch {
    // fall through to the error below
  }
  throw new AdminError(400, 'The body must be a JSON object.');
}

function state(core: EmulatorCore): unknown {
  const keyOf = (account: string): string | undefined => core.keys.find((k) => k.account === account && !k.securityToken)?.accessKeyId;
  return {
    seed: core.seed,
    accounts: {
      demo: { accessKeyId: keyOf('demo'), ...accountToJson(core.accounts.demo) },
      other: { accessKeyId: keyOf('other'), ...accountToJson(core.accounts.other) },
    },
  };
}

function publish(core: EmulatorCore, body: Record<string, unknown>): unknown {
  const domainName = typeof body.domainName === 'string' ? body.domainName.toLowerCase() : '';
  if (!domainName) throw new AdminError(400, 'Give {"domainName": "<domain>"}.');
  const records = body.records === undefined ? RECORD_KINDS : body.records;
  if (!Array.isArray(records) || !records.every((r) => RECORD_KINDS.includes(r as RecordKind))) {
    throw new AdminError(400, `records must be a list of: ${RECORD_KINDS.join(', ')}.`);
  }
  const published = body.published !== false;
  // A different value than Direct Mail asks for, as a user's typo or an old record would be (published only).
  if (body.value !== undefined && (typeof body.value !== 'string' || !published || body.value.length > 2048)) {
    throw new AdminError(400, 'value must be the published text (at most 2048 characters) of a published record.');
  }
  const value = body.value as string | undefined;
  for (const account of ['demo', 'other'] as const) {
    const domain = [...core.accounts[account].domains.values()].find((d) => d.name === domainName);
    if (!domain) continue;
    for (const kind of records as RecordKind[]) domain.records[kind] = { ...domain.records[kind], published, value };
    core.saver.changed();
    return { account, domainName, records: domain.records };
  }
  throw new AdminError(404, `No account has the domain ${domainName}.`);
}

export async function handleAdmin(core: EmulatorCore, req: IncomingMessage, res: ServerResponse, url: URL, rawBody: Buffer): Promise<void> {
  try {
    if (!isLoopbackAddress(req.socket.remoteAddress)) throw new AdminError(403, 'Admin routes answer loopback callers only.');
    const route = `${req.method} ${url.pathname.slice(ADMIN_PREFIX.length)}`;
    switch (route) {
      case 'POST reset': {
        const seed = parseJson(rawBody).seed ?? core.seed;
        if (typeof seed !== 'string' || !isSeedName(seed)) throw new AdminError(400, 'seed must be demo, empty or scale:<n>.');
        core.reset(seed as SeedName);
        core.verifier.forgetNonces();
        return sendJson(res, 200, { seed: core.seed });
      }
      case 'GET faults':
        return sendJson(res, 200, { faults: core.faults.list() });
      case 'POST faults':
        core.faults.add(parseFault(parseJson(rawBody)));
        return sendJson(res, 200, { faults: core.faults.list() });
      case 'DELETE faults':
        core.faults.clear();
        return sendJson(res, 200, { faults: [] });
      case 'POST publish':
        return sendJson(res, 200, publish(core, parseJson(rawBody)));
      case 'GET requests':
        return sendJson(res, 200, { requests: core.log.recent() });
      case 'DELETE requests':
        core.log.clear();
        return sendJson(res, 200, { requests: [] });
      case 'GET clock':
        return sendJson(res, 200, { offsetMs: core.clockOffsetMs, now: new Date(core.now()).toISOString() });
      case 'POST clock': {
        const offsetMs = parseJson(rawBody).offsetMs;
        if (typeof offsetMs !== 'number' || !Number.isInteger(offsetMs)) throw new AdminError(400, 'Give {"offsetMs": <whole number of milliseconds>}.');
        core.clockOffsetMs = offsetMs;
        return sendJson(res, 200, { offsetMs, now: new Date(core.now()).toISOString() });
      }
      case 'GET state':
        return sendJson(res, 200, state(core));
      default:
        throw new AdminError(404, `No admin route ${route}.`);
    }
  } catch (e) {
    if (e instanceof AdminError) sendJson(res, e.status, { error: e.message });
    else if (e instanceof ApiError) sendJson(res, 400, { error: e.message });
    else throw e;
  }
}
