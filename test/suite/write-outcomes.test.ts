// Writes whose outcome is unknown, as the user sees them, in a real extension host against the emulator. The
// emulator's `resetAfter` fault carries the action out and then drops the connection instead of answering (what a
// broken connection after sending looks like to the client); a `latency` fault past a short request timeout does
// the same by the clock. Checked: the words of the command's notification (its log line, which is the notification
// text) and what it offers, that the write reached Direct Mail exactly once (GET /__emulator/requests: no blind
// retry) and took effect at most once (GET /__emulator/state); a CSV import whose batch lost its answer, read back
// from the list; and the test-email form's unknown outcome and its "not the same mail twice" rule.
import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import type { SentMail } from '../emulator/state';
import type { PanelHost } from '../../src/webviews/panelHost';
import type { ImportReportView, PanelKey, ToView } from '../../src/shared/protocol';
import { exchange, resultOf, type Result } from './panelMessages';
import { answering, type Answer, type Asked } from './scriptedPrompts';
import { admin, emulatorState, emulatorUrl, group, requests, until, useDemoAccount, withSetting, type Api } from './treeHelpers';

interface Row { row: number; email: string; reason?: string }
interface ImportResult { reportId: string; run: { added: Row[]; rejected: Row[]; unknown: Row[]; batchesSent: number; readBackRequests: number; notes: string[] } }

const countOf = async (action: string): Promise<number> => (await requests()).filter((r) => r.action === action).length;
const fault = (spec: Record<string, unknown>): Promise<unknown> => admin('POST', 'faults', spec);
const sentMails = async (): Promise<SentMail[]> => (await emulatorState()).demo.sentMails;

/** A loopback port nothing listens on (bound, then closed): a connection to it is refused before anything is sent. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('Write outcomes', function () {
  this.timeout(90_000);
  let a: Api;
  let dir: string;
  let logFrom = 0;
  let id = 500;

  /**
   * Runs a command with scripted answers (a delete's question, then the outcome-unknown notification, which is a
   * warning with buttons asked through the same seam) and returns what the notification showed and offered.
   */
  async function notified(command: string, arg: unknown, answers: readonly Answer[]): Promise<{ result: unknown; notice: Asked }> {
    const { result, asked } = await answering(a, answers, async () => vscode.commands.executeCommand(`directMail.${command}`, arg));
    const notice = asked[asked.length - 1];
    assert.ok(notice?.kind === 'warning', `no notification among ${JSON.stringify(asked)}`);
    return { result, notice };
  }

  /** The command's failure as logged: its notification text (the last `<id>: ` line) and the details line before it. */
  const shown = (command: string): { text: string; details: string } => {
    const lines = a.logLines().slice(logFrom);
    const text = lines.filter((l) => l.startsWith(`directMail.${command}: `)).pop();
    const details = lines.filter((l) => l.startsWith(`directMail.${command} details: `)).pop();
    assert.ok(text && details, `no failure lines for ${command} in: ${lines.join(' | ')}`);
    return { text: text.slice(`directMail.${command}: `.length), details };
  };

  /** The endpoint setting is machine-scoped: written here from the extension host so that changing another setting keeps it. */
  const useEndpoint = async (url: string): Promise<void> => {
    await vscode.workspace.getConfiguration('directMail').update('endpoint', url, vscode.ConfigurationTarget.Global);
    await until(`the connection to use ${url}`, () => a.session.connection()?.endpoint === url);
  };

  useDemoAccount((api) => (a = api), { disposePanels: true });
  before(async () => {
    await useEndpoint(emulatorUrl());
    dir = mkdtempSync(join(tmpdir(), 'dm-outcomes-'));
  });
  beforeEach(() => {
    logFrom = a.logLines().length;
  });
  afterEach(() => admin('DELETE', 'faults'));
  after(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  describe('commands', () => {
    it('a delete whose answer is lost says it may or may not have happened, offers Refresh Tags, and is sent once', async () => {
      const { items } = await group(a, 'Tags');
      const node = items.find((t) => t.label === 'weekly-digest');
      assert.ok(node, `tags shown: ${items.map((t) => t.label).join(', ')}`);
      await admin('DELETE', 'requests');
      await fault({ kind: 'resetAfter', actions: ['DeleteTag'] });
      // "Delete" for the question, then the notification's "Refresh Tags".
      const { result, notice } = await notified('deleteTag', node.node, ['Delete', 'Refresh Tags']);
      assert.equal(result, undefined);
      assert.equal(notice.text, 'Deleting the tag “weekly-digest” may or may not have happened: the connection broke after the request was sent. Refresh Tags to check before trying again.');
      assert.deepEqual(notice.choices, ['Refresh Tags', 'Show log']);
      assert.doesNotMatch(notice.text, /DeleteTag|failed|try again\./);
      const { text, details } = shown('deleteTag');
      assert.equal(text, notice.text);
      assert.match(details, /DeleteTag · delivery unknown · offered: Refresh Tags, Show log · .*NetworkError/);
      // Sent once, never again by a retry; and it did happen (the emulator carried it out).
      assert.equal(await countOf('DeleteTag'), 1);
      assert.ok(!(await emulatorState()).demo.tags.some((t) => t.name === 'weekly-digest'));
      // "Refresh Tags" asks Direct Mail for the tags again, after the delete.
      await until('the tags to be read again', async () => {
        const actions = (await requests()).map((r) => r.action);
        return actions.slice(actions.indexOf('DeleteTag')).includes('QueryTagByParam');
      });
    });

    it('a recipient added over a connection that broke after sending is reported as maybe added, stored once', async () => {
      const beta = String((await emulatorState()).demo.receivers.find((r) => r.name === 'Beta testers')!.id);
      await admin('DELETE', 'requests');
      await fault({ kind: 'resetAfter', actions: ['SaveReceiverDetail'] });
      const { result, notice } = await notified('addRecipient', { recipientListId: beta, email: 'late@example.com' }, [undefined]);
      assert.equal(result, undefined);
      assert.equal(notice.text,
        'Adding the recipient “late@example.com” may or may not have happened: the connection broke after the request was sent. Refresh Recipient Lists to check before trying again.');
      assert.deepEqual(notice.choices, ['Refresh Recipient Lists', 'Show log']);
      assert.equal(await countOf('SaveReceiverDetail'), 1);
      const stored = (await emulatorState()).demo.receivers.find((r) => r.name === 'Beta testers')!.recipients.filter((r) => r.email === 'late@example.com');
      assert.equal(stored.length, 1);
    });

    it('a delete that times out after sending is unknown too, and the late answer does not bring a second request', async () => {
      const domainId = String((await emulatorState()).demo.domains.find((d) => d.name === 'mail.example.org')!.id);
      await admin('DELETE', 'requests');
      await fault({ kind: 'latency', latencyMs: 2500, actions: ['DeleteDomain'] });
      // The domain's name typed to confirm, then the notification dismissed.
      const { result, notice } = await withSetting('requestTimeoutMs', 1000, () =>
        notified('deleteDomain', { domainId, domainName: 'mail.example.org' }, ['mail.example.org', undefined]));
      assert.equal(result, undefined);
      assert.equal(notice.text,
        'Deleting the domain “mail.example.org” may or may not have happened: Direct Mail did not answer in time after the request was sent. Refresh Domains to check before trying again.');
      // The emulator finishes the delayed delete after the client gave up: it happened, once.
      await until('the delayed delete to be carried out', async () => !(await emulatorState()).demo.domains.some((d) => d.name === 'mail.example.org'));
      assert.equal(await countOf('DeleteDomain'), 1);
    });

    it('a request that never left the machine says nothing changed and it is safe to try again', async () => {
      const tagId = String((await emulatorState()).demo.tags.find((t) => t.name === 'weekly-digest')!.id);
      const port = await closedPort();
      await admin('DELETE', 'requests');
      await useEndpoint(`http://127.0.0.1:${port}`);
      let result: unknown;
      try {
        result = (await answering(a, ['Delete'], async () => vscode.commands.executeCommand('directMail.deleteTag', { tagId }))).result;
      } finally {
        await useEndpoint(emulatorUrl());
      }
      assert.equal(result, undefined);
      const { text } = shown('deleteTag');
      assert.match(text, new RegExp(`^Deleting the tag “${tagId}” failed: Could not reach Direct Mail at 127\\.0\\.0\\.1:${port} \\(ECONNREFUSED.*\\)\\. Nothing was sent\\. .* Nothing changed; it is safe to try again\\.$`));
      assert.equal(text.split('Nothing was sent').length, 2, 'said once');
      assert.doesNotMatch(text, /may or may not/);
      assert.equal(await countOf('DeleteTag'), 0);
      assert.ok((await emulatorState()).demo.tags.some((t) => t.name === 'weekly-digest'));
    });
  });

  describe('CSV import', () => {
    const csv = (name: string, emails: string[]): string => {
      const path = join(dir, name);
      writeFileSync(path, ['email,UserName', ...emails.map((e, i) => `${e},Person ${i + 1}`)].join('\n'));
      return path;
    };
    const betaId = async (): Promise<string> => String((await emulatorState()).demo.receivers.find((r) => r.name === 'Beta testers')!.id);
    /** What the report page is shown. */
    async function reportView(reportId: string): Promise<ImportReportView> {
      const host = a.panels.find({ panel: 'importReport', reportId });
      assert.ok(host, 'the import report panel is not open');
      const show = (await exchange(host, { type: 'ready' })).find((m) => m.type === 'show');
      assert.ok(show?.type === 'show' && show.view.panel === 'importReport', JSON.stringify(show));
      return show.view;
    }
    const emails = ['r1@example.com', 'r2@example.com', 'r3@example.com'];

    it('a batch whose answer was lost after Direct Mail added it ends "added" once the list is read back', async () => {
      const beta = await betaId();
      await admin('DELETE', 'requests');
      await fault({ kind: 'resetAfter', actions: ['SaveReceiverDetail'] });
      const result = await vscode.commands.executeCommand<ImportResult>('directMail.importRecipients', { recipientListId: beta, file: csv('lost.csv', emails) });
      assert.ok(result, `import failed: ${a.logLines().slice(-3).join(' | ')}`);
      assert.deepEqual(result.run.added.map((r) => [r.row, r.email]), [[2, emails[0]], [3, emails[1]], [4, emails[2]]]);
      assert.deepEqual([result.run.rejected, result.run.unknown], [[], []]);
      // One write, never repeated; one read per row of the lost batch.
      assert.equal(await countOf('SaveReceiverDetail'), 1);
      const reads = (await requests()).filter((r) => r.action === 'QueryReceiverDetail' && r.params.KeyWord !== undefined);
      assert.deepEqual(reads.map((r) => r.params.KeyWord).sort(), emails);
      assert.equal(result.run.readBackRequests, 3);
      const view = await reportView(result.reportId);
      assert.deepEqual([view.addedCount, view.rejectedCount, view.unknownCount], [3, 0, 0]);
      assert.equal(view.notes.length, 1);
      assert.equal(view.notes[0], 'Batch 1 (rows 2–4): the connection broke after the request was sent, so its answer was lost; read back from the list: 3 found, 0 not found, 0 still unknown.');
      const stored = (await emulatorState()).demo.receivers.find((r) => r.name === 'Beta testers')!.recipients.map((r) => r.email);
      for (const e of emails) assert.equal(stored.filter((s) => s === e).length, 1, e);
    });

    it('a batch whose read-back fails too ends "unknown": its own count, reasons and copy button', async () => {
      const beta = await betaId();
      await admin('DELETE', 'requests');
      await fault({ kind: 'resetAfter', actions: ['SaveReceiverDetail'] });
      await fault({ kind: 'http503', count: 0, actions: ['QueryReceiverDetail'] });
      const result = await vscode.commands.executeCommand<ImportResult>('directMail.importRecipients', { recipientListId: beta, file: csv('unknown.csv', emails) });
      assert.ok(result, `import failed: ${a.logLines().slice(-3).join(' | ')}`);
      await admin('DELETE', 'faults');
      assert.deepEqual([result.run.added, result.run.rejected], [[], []]);
      assert.deepEqual(result.run.unknown.map((r) => r.row), [2, 3, 4]);
      assert.equal(await countOf('SaveReceiverDetail'), 1);
      const view = await reportView(result.reportId);
      assert.deepEqual([view.addedCount, view.rejectedCount, view.unknownCount], [0, 0, 3]);
      assert.equal(view.unknown[0].email, emails[0]);
      assert.match(view.unknown[0].reason ?? '',
        /^Unknown: the connection broke after the batch with rows 2–4 was sent, so Direct Mail may have added it, and reading the list back failed too \(.*ServiceUnavailable.*\)\. Look for the address in the list before importing it again\.$/);
      // Its own copy button gives the unknown rows (not mixed with rejected ones), with their original values.
      const host = a.panels.find({ panel: 'importReport', reportId: result.reportId })!;
      const copied = resultOf(await exchange(host, { type: 'copyUnknown', id: 1 }));
      assert.equal(copied.message, 'Copied 3 rows with an unknown outcome as CSV (row, reason, then the columns of the file). Check the list before importing them again.');
      const lines = (await vscode.env.clipboard.readText()).split('\r\n');
      assert.equal(lines[0], 'row,reason,email,UserName');
      assert.match(lines[1], /^2,"?Unknown: .*,r1@example\.com,Person 1$/);
      assert.equal(resultOf(await exchange(host, { type: 'copyRejected', id: 2 })).message, 'No row was rejected; nothing to copy.');
    });
  });

  describe('test email', () => {
    const MAIL = { toAddress: 'dev@example.net', subject: 'Outcome check', bodyFormat: 'text', body: 'Hello', tagName: '', fromAlias: '' };

    async function openForm(accountName: string): Promise<PanelHost> {
      const opened = await vscode.commands.executeCommand<string | undefined>('directMail.sendTestEmail', { accountName });
      assert.equal(opened, accountName);
      const host = a.panels.find({ panel: 'testEmail', accountName } satisfies PanelKey);
      assert.ok(host, `no test-email panel for ${accountName}`);
      await exchange(host, { type: 'ready' });
      return host;
    }
    const submit = async (host: PanelHost, values: Record<string, string>): Promise<{ result: Result; posted: ToView[] }> => {
      const posted = await exchange(host, { type: 'submit', id: ++id, values });
      return { result: resultOf(posted), posted };
    };

    it('a send whose answer is lost says it may or may not have been sent, with what to check, and is not sent twice', async () => {
      const host = await openForm('noreply@example.com');
      await admin('DELETE', 'requests');
      await fault({ kind: 'resetAfter', actions: ['SingleSendMail'] });
      const { result } = await submit(host, MAIL);
      assert.equal(result.ok, false);
      assert.equal(result.unknownOutcome, true);
      assert.equal(result.sent, undefined);
      assert.match(result.message ?? '', /^The test email may or may not have been sent: the request went out to Direct Mail, but the connection broke or timed out before the answer came, so no EnvId came back\. Do not send it again blindly: first look for it in the delivery log in the Direct Mail console \(sender, recipient and the time .+\) or in the recipient's inbox\.$/);
      assert.equal(await countOf('SingleSendMail'), 1);
      assert.equal((await sentMails()).length, 1, 'the emulator carried the send out');
      // The same mail again is refused without a request, with the reason; a changed field sends.
      const again = (await submit(host, MAIL)).result;
      assert.equal(again.ok, false);
      assert.equal(again.unknownOutcome, true);
      assert.match(again.message ?? '', /^Not sent again: this exact mail was sent at .+ and its outcome is unknown\. Check the delivery log \(or the recipient's inbox\) first; to send it anyway, change any field\.$/);
      assert.equal(await countOf('SingleSendMail'), 1);
      const changed = (await submit(host, { ...MAIL, subject: 'Outcome check 2' })).result;
      assert.equal(changed.ok, true, changed.message);
      assert.equal(await countOf('SingleSendMail'), 2);
    });

    it('after a send, the same values are "Sent" until a field changes: a second click sends nothing', async () => {
      const host = await openForm('noreply@example.com');
      await admin('DELETE', 'requests');
      const first = (await submit(host, MAIL)).result;
      assert.equal(first.ok, true, first.message);
      const envId = first.sent?.envId;
      assert.ok(envId);
      const again = (await submit(host, MAIL)).result;
      assert.equal(again.ok, false);
      assert.match(again.message ?? '', new RegExp(`^Not sent again: this exact mail was sent at .+ \\(EnvId ${envId}\\)\\. Change any field to send another\\.$`));
      assert.equal(await countOf('SingleSendMail'), 1);
      assert.deepEqual((await sentMails()).map((m) => m.envId), [envId]);
      const other = (await submit(host, { ...MAIL, toAddress: 'qa@example.net' })).result;
      assert.equal(other.ok, true, other.message);
      assert.equal(await countOf('SingleSendMail'), 2);
    });
  });
});
