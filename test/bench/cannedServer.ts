// A server that answers every request with a ready-made Direct Mail answer and checks nothing (no signature, no
// parameters): what the design's client budgets are measured against, so a figure shows the client's own cost
// rather than the emulator's. DescAccountSummary gets one fixed answer; QueryReceiverDetail pages through
// CANNED_RECIPIENTS recipients, PAGE_SIZE at a time, by NextStart, like the service. Started as a child process by
// the benchmark (`node --import tsx test/bench/cannedServer.ts`); prints the address it listens on.
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export const CANNED_RECIPIENTS = 10_000;
export const CANNED_PAGE_SIZE = 100;
export const CANNED_LIST_ID = 'canned-list';

const summary = {
  DailyQuota: 2000, DailyRemainFreeQuota: 100, DayuStatus: 0, Domains: 3, EnableTimes: 0, IpChannelType: 'normal', MailAddresses: 2,
  MaxQuotaLevel: 10, MonthQuota: 60000, QuotaLevel: 2, Receivers: 2, RemainFreeQuota: 1910, SmsRecord: 0, SmsSign: 0, SmsTemplates: 0,
  Tags: 3, Templates: 0, UserStatus: 0,
};

/** The answers' bodies without their RequestId, serialised once: the server's work per request is a copy. */
const summaryBody = JSON.stringify(summary).slice(1);
const pages: string[] = [];
for (let start = 0; start < CANNED_RECIPIENTS; start += CANNED_PAGE_SIZE) {
  const detail = Array.from({ length: CANNED_PAGE_SIZE }, (_, i) => ({
    CreateTime: '2025-03-25T12:49:00Z', Data: 'User,Nick,,,', Email: `user${start + i}@example.com`, UtcCreateTime: 1742906940,
  }));
  const next = start + CANNED_PAGE_SIZE < CANNED_RECIPIENTS ? { NextStart: `p${start + CANNED_PAGE_SIZE}` } : {};
  pages.push(JSON.stringify({ ...next, DataSchema: 'UserName,NickName,Gender,Birthday,Mobile', TotalCount: CANNED_RECIPIENTS, data: { detail } }).slice(1));
}

/** The action of a V3 request (header) or a V1 one (query), and the NextStart it asks for. */
function asked(url: string, header: string | string[] | undefined): { action: string; nextStart: string | undefined } {
  const query = new URL(url, 'http://127.0.0.1').searchParams;
  return { action: typeof header === 'string' ? header : (query.get('Action') ?? ''), nextStart: query.get('NextStart') ?? undefined };
}

const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    const { action, nextStart } = asked(req.url ?? '/', req.headers['x-acs-action']);
    const requestId = randomUUID().toUpperCase();
    let rest: string | undefined;
    if (action === 'DescAccountSummary') rest = summaryBody;
    else if (action === 'QueryReceiverDetail') rest = pages[nextStart ? Number(nextStart.slice(1)) / CANNED_PAGE_SIZE : 0];
    const body = rest === undefined
      ? JSON.stringify({ RequestId: requestId, Code: 'InvalidAction.NotFound', Message: `The canned server does not answer ${action}.` })
      : `{"RequestId":"${requestId}",${rest}`;
    res.writeHead(rest === undefined ? 404 : 200, { 'content-type': 'application/json;charset=utf-8', 'x-acs-request-id': requestId });
    res.end(body);
  });
});
server.keepAliveTimeout = 5000;

if (require.main === module) {
  server.listen(0, '127.0.0.1', () => {
    console.log(`Direct Mail canned answers listening on http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  });
}
