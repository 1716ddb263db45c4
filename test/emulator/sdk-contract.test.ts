// The official SDK `@alicloud/dm20151123` is the contract (DESIGN.md, "Sources of truth"): for every action the
// client implements, the client is called against the emulator over real HTTP with real signatures, and
//   - the parameters it really sent (read from the emulator's request log) are checked against the SDK's
//     `<Action>Request` model: nothing it does not name, everything it marks required;
//   - the emulator's real answers are checked against `<Action>ResponseBody`: every field present (recursively,
//     through `data.domain[]` and the like) with a type the SDK's own runtime accepts, and nothing it does not name;
//   - the client parses the SDK's own example of the response (built from the model's @example comments; a field
//     without an example gets a value of its declared type), answered by the emulator as a canned answer.
// A table of all of it is printed at the end.
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DirectMailClient, DomainStatus, RecipientListStatus } from '../../src/api';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import type { LoggedRequest } from './requestLog';
import { tapAnswers } from './rpc';
import type { FieldType, ModelClass } from './sdkModels';
import { exampleBody, fieldPaths, isModel, requiredParams, sdkModel, typeProblems, valuesAt } from './sdkModels';
import type { Emulator } from './server';
import { startEmulator } from './server';
import { admin } from './signedCall';

/** Parameters every request may carry besides the model's own: the region and the signature (reference §1.2). */
const COMMON_PARAMS = new Set([
  'RegionId', 'Action', 'Version', 'Format', 'AccessKeyId', 'SignatureMethod', 'SignatureVersion', 'SignatureNonce', 'Timestamp', 'SecurityToken', 'Signature',
]);

const REFERENCE = join(__dirname, '..', '..', '..', 'shared', 'reference', 'direct-mail-api.md');

/** Where the SDK ships no source to read the required marker from: the reference's "Req" column. */
function requiredFromReference(action: string): string[] | undefined {
  let text: string;
  try {
    text = readFileSync(REFERENCE, 'utf8');
  } catch {
    return undefined;
  }
  const start = text.indexOf(`#### ${action}\n`);
  if (start < 0) return undefined;
  const section = text.slice(start, text.indexOf('\n#### ', start + 5));
  return [...section.matchAll(/^\| `(\w+)` \| [^|]+ \| yes \|/gm)].map((m) => m[1]);
}

interface Ctx {
  emu: Emulator;
  /** The same client signing with HMAC-SHA1 (V1), whose signature travels as parameters (COMMON_PARAMS). */
  v1: DirectMailClient;
  /** The demo account as GET /__emulator/state shows it. */
  state(): Promise<{
    domains: { id: number; name: string }[];
    mailAddresses: { id: number; accountName: string; replyTicket?: string }[];
    receivers: { id: string; name: string }[];
    tags: { id: number; name: string }[];
  }>;
}

interface Scenario {
  action: string;
  /** Calls that exercise every parameter the client can send for this action (state-changing ones in order). */
  run(c: DirectMailClient, ctx: Ctx): Promise<void>;
  /** One call whose answer is replaced by the SDK's example, and what the client made of it: [value, wire path]. */
  example(c: DirectMailClient, ctx: Ctx): Promise<[unknown, string][]>;
}

const SCENARIOS: Scenario[] = [
  {
    action: 'DescAccountSummary',
    run: async (c, ctx) => {
      await c.descAccountSummary();
      await ctx.v1.descAccountSummary();
    },
    example: async (c) => {
      const r = await c.descAccountSummary();
      return [[r.dailyQuota, 'DailyQuota'], [r.remainFreeQuota, 'RemainFreeQuota'], [r.ipChannelType, 'IpChannelType']];
    },
  },
  {
    action: 'QueryDomainByParam',
    run: async (c) => {
      await c.queryDomains({ keyword: 'example', pageNo: 1, pageSize: 2 });
      await c.queryDomains({ status: DomainStatus.Verified });
    },
    example: async (c) => {
      const r = await c.queryDomains();
      return [[r.items[0]?.domainName, 'data.domain[].DomainName'], [r.items[0]?.domainId, 'data.domain[].DomainId'], [r.totalCount, 'TotalCount']];
    },
  },
  {
    action: 'DescDomain',
    run: async (c, ctx) => void await c.descDomain(idOf((await ctx.state()).domains, 'example.com'), { realTime: true }),
    example: async (c) => {
      const r = await c.descDomain('158910');
      return [[r.domainName, 'DomainName'], [r.dkimRR, 'DkimRR'], [r.spfRecordV2, 'SpfRecordV2'], [r.domainStatus, 'DomainStatus']];
    },
  },
  {
    action: 'CreateDomain',
    run: async (c) => void await c.createDomain({ domainName: 'contract.example.com', dkimSelector: 'sel1' }),
    example: async (c) => [[(await c.createDomain({ domainName: 'example-answer.example.com' })).domainId, 'DomainId']],
  },
  {
    action: 'CheckDomain',
    run: async (c, ctx) => void await c.checkDomain(idOf((await ctx.state()).domains, 'contract.example.com')),
    example: async (c) => [[(await c.checkDomain('158910')).domainStatus, 'DomainStatus']],
  },
  {
    action: 'DeleteDomain',
    run: async (c, ctx) => c.deleteDomain(idOf((await ctx.state()).domains, 'contract.example.com')),
    example: async (c) => [[await c.deleteDomain('158910'), '']],
  },
  {
    action: 'ModifyPWByDomain',
    run: async (c) => c.modifyDomainPassword('example.com', 'Contract12Ab'),
    example: async (c) => [[await c.modifyDomainPassword('example.com', 'Pqrs1234Tu'), '']],
  },
  {
    action: 'QueryMailAddressByParam',
    run: async (c) => {
      await c.querySenderAddresses({ keyword: 'example', sendtype: 'batch', pageNo: 1, pageSize: 5 });
      await c.querySenderAddresses();
    },
    example: async (c) => {
      const r = await c.querySenderAddresses();
      return [[r.items[0]?.accountName, 'data.mailAddress[].AccountName'], [r.items[0]?.senderAddressId, 'data.mailAddress[].MailAddressId'], [r.totalCount, 'TotalCount']];
    },
  },
  {
    action: 'CreateMailAddress',
    run: async (c) => void await c.createSenderAddress({ accountName: 'contract@example.com', sendtype: 'trigger', replyAddress: 'reply@example.com' }),
    example: async (c) => [[(await c.createSenderAddress({ accountName: 'answer@example.com', sendtype: 'batch' })).senderAddressId, 'MailAddressId']],
  },
  {
    action: 'ModifyMailAddress',
    run: async (c, ctx) => c.modifySenderAddress({ senderAddressId: idOf((await ctx.state()).mailAddresses, 'contract@example.com'), password: 'Contract12Ab', replyAddress: 'replies@example.com' }),
    example: async (c) => [[await c.modifySenderAddress({ senderAddressId: '15123', password: 'Pqrs1234Tu' }), '']],
  },
  {
    action: 'CheckReplyToMailAddress',
    run: async (c, ctx) => c.checkReplyToAddress(idOf((await ctx.state()).mailAddresses, 'contract@example.com'), { lang: 'en' }),
    example: async (c) => [[await c.checkReplyToAddress('15123'), '']],
  },
  {
    action: 'ApproveReplyMailAddress',
    run: async (c, ctx) => {
      const ticket = (await ctx.state()).mailAddresses.find((m) => m.accountName === 'contract@example.com')?.replyTicket;
      assert.ok(ticket, 'the verification mail carries a ticket');
      await c.approveReplyAddress(ticket);
    },
    example: async (c) => [[await c.approveReplyAddress('0123456789abcdef0123456789abcdef'), '']],
  },
  {
    action: 'DeleteMailAddress',
    run: async (c, ctx) => c.deleteSenderAddress(idOf((await ctx.state()).mailAddresses, 'contract@example.com')),
    example: async (c) => [[await c.deleteSenderAddress('15123'), '']],
  },
  {
    action: 'QueryReceiverByParam',
    run: async (c) => {
      await c.queryRecipientLists({ pageSize: 1 });
      await c.queryRecipientLists({ pageSize: 1, pageNo: 2 });
      await c.queryRecipientLists({ keyword: 'e', status: RecipientListStatus.Ready });
    },
    example: async (c) => {
      const r = await c.queryRecipientLists();
      return [[r.items[0]?.recipientListId, 'data.receiver[].ReceiverId'], [r.items[0]?.count, 'data.receiver[].Count'], [r.nextStart, 'NextStart'], [r.totalCount, 'TotalCount']];
    },
  },
  {
    action: 'CreateReceiver',
    run: async (c) => void await c.createRecipientList({ listName: 'Contract', listAlias: 'contract-list@example.com', desc: 'contract test' }),
    example: async (c) => [[(await c.createRecipientList({ listName: 'Answer', listAlias: 'answer-list@example.com' })).recipientListId, 'ReceiverId']],
  },
  {
    action: 'SaveReceiverDetail',
    run: async (c, ctx) => {
      const id = idOf((await ctx.state()).receivers, 'Contract');
      await c.addRecipients(id, [
        { email: 'ann@example.net', userName: 'Ann', nickName: 'ann', gender: 'f', birthday: '2000-01-01', mobile: '123' },
        { email: 'bob@example.net' },
      ]);
      // The second one is refused as a duplicate, so the answer's Data.Detail[] has an entry to check.
      await c.addRecipientsWithData(id, [{ email: 'cy@example.net', customData: { name: 'Cy' } }, { email: 'ann@example.net', customData: {} }]);
    },
    example: async (c) => {
      const r = await c.addRecipients('7312e09b8fffc5c7b2e2fbf5b6dc2073', [{ email: 'x@example.net' }]);
      return [[r.successCount, 'SuccessCount'], [r.errorCount, 'ErrorCount'], [r.errors[0]?.message, 'Data.Detail[].ErrMessage']];
    },
  },
  {
    action: 'QueryReceiverDetail',
    run: async (c, ctx) => {
      const id = idOf((await ctx.state()).receivers, 'Newsletter');
      const first = await c.queryRecipients({ recipientListId: id, pageSize: 10 });
      await c.queryRecipients({ recipientListId: id, pageSize: 10, nextStart: first.nextStart, keyword: 'example' });
    },
    example: async (c) => {
      const r = await c.queryRecipients({ recipientListId: '7312e09b8fffc5c7b2e2fbf5b6dc2073' });
      return [[r.items[0]?.email, 'data.detail[].Email'], [r.nextStart, 'NextStart'], [r.dataSchema, 'DataSchema']];
    },
  },
  {
    action: 'DeleteReceiverDetail',
    run: async (c, ctx) => c.deleteRecipient(idOf((await ctx.state()).receivers, 'Contract'), 'bob@example.net'),
    example: async (c) => [[await c.deleteRecipient('7312e09b8fffc5c7b2e2fbf5b6dc2073', 'x@example.net'), '']],
  },
  {
    action: 'DeleteReceiver',
    run: async (c, ctx) => c.deleteRecipientList(idOf((await ctx.state()).receivers, 'Contract')),
    example: async (c) => [[await c.deleteRecipientList('7312e09b8fffc5c7b2e2fbf5b6dc2073'), '']],
  },
  {
    action: 'QueryTagByParam',
    run: async (c, ctx) => {
      await ctx.v1.queryTags({ keyword: 'w' });
      await c.queryTags({ keyword: 'e', pageNo: 1, pageSize: 2 });
      await c.queryTags({ pageNo: 2, pageSize: 2 });
    },
    example: async (c) => {
      const r = await c.queryTags();
      return [[r.items[0]?.tagName, 'data.tag[].TagName'], [r.items[0]?.tagId, 'data.tag[].TagId'], [r.pageNumber, 'PageNumber']];
    },
  },
  {
    action: 'CreateTag',
    run: async (c) => void await c.createTag({ tagName: 'contract_tag', tagDescription: 'contract test' }),
    example: async (c) => [[(await c.createTag({ tagName: 'answer_tag' })).tagId, 'TagId']],
  },
  {
    action: 'ModifyTag',
    run: async (c, ctx) => c.modifyTag({ tagId: idOf((await ctx.state()).tags, 'contract_tag'), tagName: 'contract_tag2', tagDescription: 'renamed' }),
    example: async (c) => [[await c.modifyTag({ tagId: '91141', tagName: 'answer_tag' }), '']],
  },
  {
    action: 'DeleteTag',
    run: async (c, ctx) => c.deleteTag(idOf((await ctx.state()).tags, 'contract_tag2')),
    example: async (c) => [[await c.deleteTag('91141'), '']],
  },
  {
    action: 'SingleSendMail',
    run: async (c, ctx) => {
      await c.singleSendMail({
        accountName: 'noreply@example.com', addressType: 1, toAddress: ['a@example.net', 'b@example.net'], subject: 'Contract', htmlBody: '<p>Hi</p>',
        textBody: 'Hi', fromAlias: 'Contract', replyToAddress: false, replyAddress: 'support@example.com', replyAddressAlias: 'Support', tagName: 'welcome',
        clickTrace: false, bccAddress: ['c@example.net'], headers: { 'X-User-Id': '7' }, unSubscribeLinkType: 'default', unSubscribeFilterLevel: 'mailfrom',
      });
      // Domain-level authentication: the domain is the sender, through its system address.
      await c.createSenderAddress({ accountName: 'domain-auth-created-by-system@example.com', sendtype: 'trigger' });
      await c.singleSendMail({ accountName: 'example.com', domainAuth: true, toAddress: 'a@example.net', subject: 'Domain auth', textBody: 'Hi' });
      void ctx;
    },
    example: async (c) => [[(await c.singleSendMail({ accountName: 'noreply@example.com', toAddress: 'a@example.net', subject: 'S', textBody: 'T' })).envId, 'EnvId']],
  },
];

function idOf(list: readonly ({ id: number | string } & ({ name: string } | { accountName: string }))[], name: string): string {
  const found = list.find((x) => ('name' in x ? x.name : x.accountName) === name);
  assert.ok(found, `${name} exists in the emulator state`);
  return String(found.id);
}

/** Every action the client names (`action = 'X'` / `action: 'X'` in client.ts), so a new one cannot skip the contract. */
function clientActions(): string[] {
  const source = readFileSync(join(__dirname, '..', '..', 'src', 'api', 'client.ts'), 'utf8');
  return [...new Set([...source.matchAll(/action(?: =|:) '(\w+)'/g)].map((m) => m[1]))].sort();
}

interface Finding {
  action: string;
  request?: ModelClass;
  body?: ModelClass;
  /** How the required marker was read. */
  requiredSource: 'sdk' | 'reference' | 'none';
  sent: string[];
  requiredMissing: string[];
  unknownParams: string[];
  /** Sent values the model's type refuses (a number field needs digits, a boolean true/false). */
  mistypedParams: string[];
  responseMissing: string[];
  responseMistyped: string[];
  responseExtra: string[];
  exampleProblems: string[];
  constructed: string[];
}

describe('official SDK models as the contract of client and emulator', function () {
  let emu: Emulator;
  let client: DirectMailClient;
  let v1: DirectMailClient;
  const findings = new Map<string, Finding>();
  const unreadable: string[] = [];
  const ctx: Ctx = {
    get emu() {
      return emu;
    },
    get v1() {
      return v1;
    },
    state: async () => (await admin(emu.url, 'GET', 'state')).accounts.demo,
  };

  before(async () => {
    emu = await startEmulator({ seed: 'demo' });
    const credentials = { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET };
    client = new DirectMailClient({ region: 'cn-hangzhou', endpoint: emu.url, credentials, retryBaseDelayMs: 5 });
    v1 = new DirectMailClient({ region: 'cn-hangzhou', endpoint: emu.url, credentials, retryBaseDelayMs: 5, signatureVersion: 'v1' });
    const answers: { entry: LoggedRequest; body: Record<string, unknown> }[] = [];
    const untap = tapAnswers((entry, body) => answers.push({ entry, body }));
    const requests: LoggedRequest[] = [];
    const drainLog = async (): Promise<void> => {
      requests.push(...(await admin(emu.url, 'GET', 'requests')).requests);
      await admin(emu.url, 'DELETE', 'requests');
    };
    const examples = new Map<string, { body: Record<string, unknown>; constructed: string[]; got?: [unknown, string][]; error?: string }>();
    try {
      for (const s of SCENARIOS) {
        await s.run(client, ctx);
        await drainLog();
      }
      for (const s of SCENARIOS) {
        const model = sdkModel(`${s.action}ResponseBody`);
        if (!model) continue;
        const example = exampleBody(model);
        await admin(emu.url, 'POST', 'faults', { kind: 'answer', actions: [s.action], count: 1, body: example.body });
        try {
          examples.set(s.action, { ...example, got: await s.example(client, ctx) });
        } catch (e) {
          examples.set(s.action, { ...example, error: (e as Error).message });
        }
        await admin(emu.url, 'DELETE', 'faults');
        await drainLog();
      }
    } finally {
      untap();
    }

    for (const s of SCENARIOS) {
      const request = sdkModel(`${s.action}Request`);
      const body = sdkModel(`${s.action}ResponseBody`);
      if (!request || !body) unreadable.push(`${s.action}${request ? '' : ' (no Request model)'}${body ? '' : ' (no ResponseBody model)'}`);
      const mine = requests.filter((r) => r.action === s.action);
      const sent = [...new Set(mine.flatMap((r) => Object.keys(r.params)))].sort();
      const fromSdk = request && requiredParams(request);
      const required = fromSdk ?? requiredFromReference(s.action);
      const modelNames = new Set(request ? Object.values(request.names()) : []);
      const real = answers.filter((a) => a.entry.action === s.action && a.entry.code !== 'fault:answer');
      const paths = body ? fieldPaths(body).filter((p) => p !== 'RequestId') : [];
      const example = examples.get(s.action);
      const exampleProblems = example?.error !== undefined ? [`not parsed: ${example.error}`] : (example?.got ?? []).flatMap(([got, path]) => {
        if (path === '') return got === undefined ? [] : [`expected no result, got ${JSON.stringify(got)}`];
        const want = valuesAt(example?.body, path)[0];
        return String(got) === String(want) ? [] : [`${path}: example ${JSON.stringify(want)}, client gave ${JSON.stringify(got)}`];
      });
      findings.set(s.action, {
        action: s.action, request, body, requiredSource: fromSdk ? 'sdk' : required ? 'reference' : 'none', sent,
        requiredMissing: [...new Set(mine.flatMap((r) => (required ?? []).filter((p) => r.params[p] === undefined || r.params[p] === '')))],
        unknownParams: request ? sent.filter((p) => !modelNames.has(p) && !COMMON_PARAMS.has(p)) : [],
        mistypedParams: request ? [...new Set(mine.flatMap((r) => paramTypeProblems(request, r.params)))] : [],
        responseMissing: paths.filter((p) => !real.some((a) => valuesAt(a.body, p).length > 0)),
        responseMistyped: body ? [...new Set(real.flatMap((a) => typeProblems(body, a.body, '').map((p) => p.replace(/\[\d+\]/g, '[]').slice(1))))] : [],
        responseExtra: body ? [...new Set(real.flatMap((a) => extraFields(body, a.body, '')))] : [],
        exampleProblems,
        constructed: example?.constructed ?? [],
      });
    }
  });

  after(async () => {
    printTable([...findings.values()], unreadable);
    await client?.close();
    await v1?.close();
    await emu?.close();
  });

  it('covers every action the client implements, and reads the SDK model of each', () => {
    assert.deepEqual(SCENARIOS.map((s) => s.action).sort(), clientActions());
    assert.deepEqual(unreadable, [], `SDK models that could not be read: ${unreadable.join(', ')}`);
  });

  for (const s of SCENARIOS) {
    describe(s.action, () => {
      const f = (): Finding => findings.get(s.action)!;

      it('sends only parameters the SDK request model names, and every one it marks required', () => {
        assert.ok(f().sent.length > 0, 'the client sent this action');
        assert.notEqual(f().requiredSource, 'none', 'the required parameters could be read');
        assert.deepEqual(f().unknownParams, [], 'parameters the SDK model does not name');
        assert.deepEqual(f().requiredMissing, [], 'required parameters not sent');
        assert.deepEqual(f().mistypedParams, [], 'values the model\'s type refuses');
      });

      it('gets from the emulator every field of the SDK response model, with a type the SDK accepts, and no other', () => {
        assert.deepEqual(f().responseMissing, [], 'fields never present in the emulator\'s answers');
        assert.deepEqual(f().responseMistyped, [], 'fields whose type the SDK runtime would refuse');
        assert.deepEqual(f().responseExtra, [], 'fields the SDK model does not name');
      });

      it('parses the SDK model\'s own example of the response', () => {
        assert.deepEqual(f().exampleProblems, []);
      });
    });
  }
});

/** Values of scalar parameters that do not fit the request model's type as the wire carries it (all text). */
function paramTypeProblems(request: ModelClass, params: Record<string, string>): string[] {
  const names = request.names();
  const types = request.types() as Record<string, FieldType>;
  return Object.keys(names).flatMap((k) => {
    const value = params[names[k]];
    if (value === undefined) return [];
    if (types[k] === 'number' && !/^-?\d+(\.\d+)?$/.test(value)) return [`${names[k]}=${JSON.stringify(value)} (number)`];
    if (types[k] === 'boolean' && value !== 'true' && value !== 'false') return [`${names[k]}=${JSON.stringify(value)} (boolean)`];
    return [];
  });
}

/** Fields of an answer that the model does not name (recursively). */
function extraFields(model: ModelClass, value: unknown, path: string): string[] {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return [];
  const names = model.names();
  const types = model.types() as Record<string, unknown>;
  const byWire = new Map(Object.keys(names).map((k) => [names[k], types[k]]));
  return Object.keys(value).flatMap((wire) => {
    const here = path ? `${path}.${wire}` : wire;
    if (!byWire.has(wire)) return [here];
    const t = byWire.get(wire) as FieldType;
    const v = (value as Record<string, unknown>)[wire];
    if (isModel(t)) return extraFields(t, v, here);
    if (typeof t === 'object' && t.type === 'array' && isModel(t.itemType) && Array.isArray(v)) {
      const item = t.itemType;
      return [...new Set(v.flatMap((x) => extraFields(item, x, `${here}[]`)))];
    }
    return [];
  });
}

function printTable(findings: Finding[], unreadable: string[]): void {
  const list = (xs: string[]): string => (xs.length ? xs.join(', ') : '—');
  const rows = findings.map((f) => [
    f.action, list(f.sent.filter((p) => !COMMON_PARAMS.has(p))), `${list(f.requiredMissing)}${f.requiredSource === 'reference' ? ' (req. from reference)' : ''}`,
    list([...f.unknownParams, ...f.mistypedParams]), list([...f.responseMissing.map((p) => `missing ${p}`), ...f.responseMistyped, ...f.responseExtra.map((p) => `extra ${p}`)]),
    f.exampleProblems.length ? list(f.exampleProblems) : f.constructed.length ? `ok (constructed: ${f.constructed.length} fields)` : 'ok',
  ]);
  const head = ['action', 'params sent', 'required missing', 'unknown params', 'response fields missing/mistyped', 'SDK example'];
  console.log('\n  SDK contract (@alicloud/dm20151123)');
  console.log(`  | ${head.join(' | ')} |`);
  console.log(`  | ${head.map(() => '---').join(' | ')} |`);
  for (const r of rows) console.log(`  | ${r.join(' | ')} |`);
  console.log('  Example fields the SDK documents no @example for (built from the declared type; strings as "1"):');
  for (const f of findings.filter((x) => x.constructed.length)) console.log(`    ${f.action}: ${f.constructed.join(', ')}`);
  console.log(`  Models that could not be read: ${unreadable.length ? unreadable.join(', ') : 'none'}`);
}
