// The webview panels in a real extension host: the message protocol (valid and malformed messages), each
// create form's path to the emulator (success and a rejected create), the DNS panel's copy and verify, and
// the account overview. Messages go through the panel's own handler, as the page would send them; what the
// service received is read back from the emulator's request log.
import * as assert from 'node:assert/strict';
import { countsInExtensionWords } from '../emulator/stateJson';
import * as vscode from 'vscode';
import { DirectMailClient } from '../../src/api';
import type { CreatedItem, WebviewDeps } from '../../src/webviews/deps';
import type { PanelHost } from '../../src/webviews/panelHost';
import { PanelManager } from '../../src/webviews/panels';
import { toHostSchema, toViewSchema, type PanelKey, type ToView } from '../../src/shared/protocol';
import { exchange, resultOf } from './panelMessages';
import { admin, emulatorState, emulatorUrl, EXTENSION_ID, requests, type StateAccount } from './treeHelpers';

const url = emulatorUrl;
const demoAccount = async (): Promise<StateAccount> => (await emulatorState()).demo;

const send = exchange;

const viewOf = (posted: ToView[]): Extract<ToView, { type: 'show' }>['view'] => {
  const show = posted.find((m) => m.type === 'show');
  assert.ok(show && show.type === 'show', `no show among ${JSON.stringify(posted)}`);
  return show.view;
};

describe('Webview panels', function () {
  this.timeout(30000);
  let client: DirectMailClient;
  let manager: PanelManager;
  const warnings: string[] = [];
  const created: CreatedItem[] = [];

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is not loaded');
    client = new DirectMailClient({
      credentials: {
        accessKeyId: process.env.DM_EMULATOR_ACCESS_KEY_ID ?? '',
        accessKeySecret: process.env.DM_EMULATOR_ACCESS_KEY_SECRET ?? '',
      },
      region: 'cn-hangzhou',
      endpoint: url(),
      maxRetries: 0,
    });
    const deps: WebviewDeps = {
      client: () => client,
      log: { warn: (m) => warnings.push(m), error: (m) => warnings.push(m) },
      onCreated: (item) => void created.push(item),
    };
    manager = new PanelManager(extension.extensionUri, deps);
  });

  beforeEach(async () => {
    await admin('POST', 'reset', { seed: 'demo' });
    await admin('DELETE', 'requests');
    warnings.length = 0;
    created.length = 0;
  });

  after(async () => {
    manager?.dispose();
    await client?.close();
  });

  const open = async (key: PanelKey): Promise<{ host: PanelHost; view: ToView[] }> => {
    const host = manager.open(key);
    return { host, view: await send(host, { type: 'ready' }) };
  };

  describe('message protocol', () => {
    it('accepts each kind of page message and rejects malformed ones', () => {
      for (const good of [
        { type: 'ready' },
        { type: 'refresh', id: 1 },
        { type: 'verify', id: 2 },
        { type: 'copy', id: 3, target: 'zone' },
        { type: 'copy', id: 4, target: 'value', index: 0 },
        { type: 'submit', id: 5, values: { tagName: 'x' } },
      ]) {
        assert.ok(toHostSchema.safeParse(good).success, JSON.stringify(good));
      }
      for (const bad of [
        null,
        'ready',
        { type: 'launch', id: 1 },
        { type: 'refresh' },
        { type: 'refresh', id: -1 },
        { type: 'refresh', id: 1.5 },
        { type: 'copy', id: 1, target: 'secret' },
        { type: 'copy', id: 1, target: 'value', index: -2 },
        { type: 'submit', id: 1, values: { tagName: 42 } },
        { type: 'submit', id: 1, values: { tagName: 'x'.repeat(65_537) } }, // over the 64 KiB a test email's body may have
      ]) {
        assert.equal(toHostSchema.safeParse(bad).success, false, JSON.stringify(bad));
      }
      assert.equal(toViewSchema.safeParse({ type: 'result', id: 1 }).success, false);
      assert.equal(toViewSchema.safeParse({ type: 'show', key: { panel: 'form', form: 'nope' }, view: { panel: 'form', form: 'tag' } }).success, false);
    });

    it('answers ready with the panel data', async () => {
      const { view } = await open({ panel: 'form', form: 'tag' });
      assert.deepEqual(viewOf(view), { panel: 'form', form: 'tag' });
    });

    it('ignores and logs malformed messages without calling the service', async () => {
      const { host } = await open({ panel: 'form', form: 'tag' });
      await admin('DELETE', 'requests');
      for (const bad of ['hello', 42, null, { type: 'submit', id: 'x', values: {} }, { type: 'deleteEverything', id: 1 }, { type: 'copy', id: 1, target: 'secret' }]) {
        assert.deepEqual(await send(host, bad), [], `answered ${JSON.stringify(bad)}`);
      }
      assert.equal(warnings.length, 6);
      assert.match(warnings[3], /malformed message \(type submit\)/);
      assert.deepEqual(await requests(), []);
    });

    it('revives a panel from the state its page saved, and closes one with unusable state', async () => {
      const revived = vscode.window.createWebviewPanel('directMail.createForm', 'restored', vscode.ViewColumn.Active);
      const host = manager.revive('form', revived, { key: { panel: 'form', form: 'recipientList' }, values: { listName: 'kept' } });
      assert.ok(host);
      assert.equal(host.panel, revived);
      assert.deepEqual(viewOf(await send(host, { type: 'ready' })), { panel: 'form', form: 'recipientList' });
      // A form left open across the update that renamed its kind comes back as the same form.
      const previous = vscode.window.createWebviewPanel('directMail.createForm', 'restored', vscode.ViewColumn.Active);
      const senderForm = manager.revive('form', previous, { key: { panel: 'form', form: 'mailAddress' }, values: {} });
      assert.deepEqual(senderForm?.key, { panel: 'form', form: 'sender' });
      senderForm?.panel.dispose();
      assert.match(host.panel.webview.html, /Content-Security-Policy" content="default-src 'none'; script-src 'nonce-/);
      assert.ok(host.panel.webview.options.localResourceRoots?.every((root) => root.path.endsWith('/dist/webviews')));

      const broken = vscode.window.createWebviewPanel('directMail.dnsSetup', 'restored', vscode.ViewColumn.Active);
      let closed = false;
      broken.onDidDispose(() => (closed = true));
      assert.equal(manager.revive('dns', broken, { key: { panel: 'dns', domainId: '' } }), undefined);
      assert.equal(closed, true);
      assert.equal(manager.revive('dns', vscode.window.createWebviewPanel('directMail.dnsSetup', 'x', vscode.ViewColumn.Active), { key: { panel: 'account' } }), undefined);
    });

    it('answers each request exactly once, with its id', async () => {
      const { host } = await open({ panel: 'account' });
      const posted = await send(host, { type: 'refresh', id: 77 });
      const results = posted.filter((m) => m.type === 'result');
      assert.equal(results.length, 1);
      assert.equal(resultOf(posted).id, 77);
    });
  });

  describe('create forms', () => {
    it('creates a tag and reports it', async () => {
      const { host } = await open({ panel: 'form', form: 'tag' });
      const result = resultOf(await send(host, { type: 'submit', id: 1, values: { tagName: 'onboarding', tagDescription: 'Sent after sign-up' } }));
      assert.equal(result.ok, true, result.message);
      assert.match(result.message ?? '', /onboarding/);
      const sent = (await requests()).filter((r) => r.action === 'CreateTag');
      assert.equal(sent.length, 1);
      assert.equal(sent[0].params.TagName, 'onboarding');
      assert.equal(sent[0].params.TagDescription, 'Sent after sign-up');
      assert.deepEqual(created.map((c) => [c.kind, c.name]), [['tag', 'onboarding']]);
    });

    it('shows the service\'s message when a tag create is rejected, and does not reset the form', async () => {
      const { host } = await open({ panel: 'form', form: 'tag' });
      const posted = await send(host, { type: 'submit', id: 2, values: { tagName: 'welcome' } });
      const result = resultOf(posted);
      assert.equal(result.ok, false);
      const sent = (await requests()).filter((r) => r.action === 'CreateTag');
      assert.deepEqual(sent.map((r) => [r.params.TagName, r.code]), [['welcome', 'InvalidTagName.Duplicate']]);
      // The reason the user reads: what they did, the service's words and its code (the API action is for the log).
      assert.match(result.message ?? '', /^Creating the tag “welcome” failed: A tag with this name already exists\. \(Code: InvalidTagName\.Duplicate, RequestId: [0-9A-F-]{36}\)$/);
      assert.equal(result.unknownOutcome, undefined);
      // No new form data is pushed, so the page keeps every typed value.
      assert.deepEqual(posted.filter((m) => m.type === 'show'), []);
      assert.deepEqual(created, []);
    });

    it('a create whose answer was lost says it may or may not have happened, and a form shown again keeps that', async () => {
      await admin('POST', 'faults', { kind: 'resetAfter', actions: ['CreateTag'] });
      try {
        const { host } = await open({ panel: 'form', form: 'tag' });
        const result = resultOf(await send(host, { type: 'submit', id: 2, values: { tagName: 'lost_answer' } }));
        assert.equal(result.ok, false);
        assert.equal(result.unknownOutcome, true);
        assert.match(result.message ?? '', /^Creating the tag “lost_answer” may or may not have happened: .+\. Refresh Tags to check before trying again\.$/);
        // The emulator did create it: the words are right not to say "failed".
        assert.ok((await emulatorState()).demo.tags.some((t) => t.name === 'lost_answer'));
        // A page that missed the answer (hidden, reloaded) gets it with the next view.
        const shown = viewOf(await send(host, { type: 'ready' }));
        assert.ok(shown.panel === 'form');
        assert.deepEqual([shown.lastResult?.ok, shown.lastResult?.unknown, shown.lastResult?.reset, shown.lastResult?.message], [false, true, false, result.message]);
        assert.deepEqual(created, []);
      } finally {
        await admin('DELETE', 'faults');
      }
    });

    it('refuses invalid values before any request, naming the field', async () => {
      const { host } = await open({ panel: 'form', form: 'tag' });
      const result = resultOf(await send(host, { type: 'submit', id: 3, values: { tagName: '' } }));
      assert.equal(result.ok, false);
      assert.ok(result.fieldErrors?.tagName, 'tagName has a message');
      assert.deepEqual((await requests()).filter((r) => r.action === 'CreateTag'), []);
    });

    it('offers only verified domains for a sender address and creates it', async () => {
      const { host, view } = await open({ panel: 'form', form: 'sender' });
      const verified = (await demoAccount()).domains.filter((d) => d.status === 0).map((d) => d.name).sort();
      const shown = viewOf(view);
      assert.ok(shown.panel === 'form');
      assert.deepEqual(shown.domains, verified);
      const result = resultOf(
        await send(host, { type: 'submit', id: 4, values: { domain: verified[0], localPart: 'alerts', sendType: 'trigger', replyAddress: '' } }),
      );
      assert.equal(result.ok, true, result.message);
      const sent = (await requests()).filter((r) => r.action === 'CreateMailAddress');
      assert.equal(sent.length, 1);
      assert.equal(sent[0].params.AccountName, `alerts@${verified[0]}`);
      assert.equal(sent[0].params.Sendtype, 'trigger');
      assert.equal(sent[0].params.ReplyAddress, undefined);
    });

    it('refuses a sender address whose local part the client would reject, before any request', async () => {
      const { host } = await open({ panel: 'form', form: 'sender' });
      const result = resultOf(await send(host, { type: 'submit', id: 10, values: { domain: 'example.com', localPart: 'no reply', sendType: 'trigger' } }));
      assert.equal(result.ok, false);
      assert.ok(result.fieldErrors?.localPart, JSON.stringify(result.fieldErrors));
      const bad = resultOf(await send(host, { type: 'submit', id: 11, values: { domain: 'example.com', localPart: 'ok', sendType: 'sometimes' } }));
      assert.ok(bad.fieldErrors?.sendType, JSON.stringify(bad.fieldErrors));
      assert.deepEqual((await requests()).filter((r) => r.action === 'CreateMailAddress'), []);
    });

    it('keeps a rejected sender address (already exists) as an error', async () => {
      const { host } = await open({ panel: 'form', form: 'sender' });
      const result = resultOf(await send(host, { type: 'submit', id: 5, values: { domain: 'example.com', localPart: 'noreply', sendType: 'trigger' } }));
      assert.equal(result.ok, false);
      const sent = (await requests()).filter((r) => r.action === 'CreateMailAddress');
      assert.deepEqual(sent.map((r) => [r.params.AccountName, r.code]), [['noreply@example.com', 'InvalidMailAddress.Duplicate']]);
      assert.match(result.message ?? '', /InvalidMailAddress\.Duplicate/);
    });

    it('creates a recipient list, and reports a rejected duplicate', async () => {
      const { host } = await open({ panel: 'form', form: 'recipientList' });
      const ok = resultOf(await send(host, { type: 'submit', id: 6, values: { listName: 'VIP', listAlias: 'vip@example.com', desc: 'Top customers' } }));
      assert.equal(ok.ok, true, ok.message);
      const failed = resultOf(await send(host, { type: 'submit', id: 7, values: { listName: 'Newsletter', listAlias: 'news2@example.com' } }));
      assert.equal(failed.ok, false);
      const sent = (await requests()).filter((r) => r.action === 'CreateReceiver');
      assert.deepEqual(sent.map((r) => [r.params.ReceiversName, r.params.ReceiversAlias, r.params.Desc]), [
        ['VIP', 'vip@example.com', 'Top customers'],
        ['Newsletter', 'news2@example.com', undefined],
      ]);
      assert.deepEqual(sent.map((r) => r.code), [undefined, 'InvalidReceiverName.Duplicate']);
      assert.match(failed.message ?? '', /InvalidReceiverName\.Duplicate/);
    });

    it('creates a domain and opens its DNS setup panel', async () => {
      const { host } = await open({ panel: 'form', form: 'domain' });
      const result = resultOf(await send(host, { type: 'submit', id: 8, values: { domainName: 'shop.example.dev', dkimSelector: '' } }));
      assert.equal(result.ok, true, result.message);
      const sent = (await requests()).filter((r) => r.action === 'CreateDomain');
      assert.equal(sent.length, 1);
      assert.equal(sent[0].params.DomainName, 'shop.example.dev');
      const domain = (await demoAccount()).domains.find((d) => d.name === 'shop.example.dev');
      assert.ok(domain);
      assert.ok(manager.find({ panel: 'dns', domainId: String(domain.id) }), 'the DNS panel of the new domain is open');
      assert.deepEqual(created.map((c) => [c.kind, c.id]), [['domain', String(domain.id)]]);
    });

    it('reports a rejected domain (already registered)', async () => {
      const { host } = await open({ panel: 'form', form: 'domain' });
      const result = resultOf(await send(host, { type: 'submit', id: 9, values: { domainName: 'example.com' } }));
      assert.equal(result.ok, false);
      const sent = (await requests()).filter((r) => r.action === 'CreateDomain');
      assert.deepEqual(sent.map((r) => [r.params.DomainName, r.code]), [['example.com', 'InvalidDomainName.Duplicate']]);
      assert.match(result.message ?? '', /InvalidDomainName\.Duplicate/);
    });
  });

  describe('DNS setup panel', () => {
    const domainNamed = async (name: string) => {
      const domain = (await demoAccount()).domains.find((d) => d.name === name);
      assert.ok(domain, `${name} is in the demo seed`);
      return domain;
    };

    it('lists every record the emulator expects, with host, type and value', async () => {
      const domain = await domainNamed('mail.example.org');
      const { view } = await open({ panel: 'dns', domainId: String(domain.id) });
      const shown = viewOf(view);
      assert.ok(shown.panel === 'dns');
      assert.equal(shown.verified, false);
      const expected = Object.values(domain.dns).map((r) => [r.type, r.host, r.value]).sort();
      assert.deepEqual(shown.records.map((r) => [r.type, r.host, r.value]).sort(), expected);
      assert.ok(shown.records.every((r) => r.state === 'fail'), 'nothing is published for this domain');
    });

    it('copies all records as zone-file lines and a single value', async () => {
      const domain = await domainNamed('example.com');
      const { host } = await open({ panel: 'dns', domainId: String(domain.id) });
      const result = resultOf(await send(host, { type: 'copy', id: 1, target: 'zone' }));
      assert.equal(result.ok, true, result.message);
      const text = await vscode.env.clipboard.readText();
      assert.ok(text.startsWith('$ORIGIN example.com.\n'), text);
      assert.ok(text.includes(`@\tIN\tMX\t10 ${domain.dns.mx.value}.\n`), text);
      assert.ok(text.includes(`${domain.dns.cname.host}\tIN\tCNAME\t${domain.dns.cname.value}.\n`), text);
      // TXT strings joined back give the value (long ones are split into 255-byte strings).
      const dkimLine = text.split('\n').find((l) => l.startsWith(`${domain.dns.dkim.host}\t`));
      assert.ok(dkimLine);
      assert.equal(dkimLine.split('\tTXT\t')[1].replace(/^"|"$/g, '').split('" "').join(''), domain.dns.dkim.value);

      const ownership = viewOf(await send(host, { type: 'ready' }));
      assert.ok(ownership.panel === 'dns');
      const index = ownership.records.findIndex((r) => r.host === domain.dns.ownership.host);
      resultOf(await send(host, { type: 'copy', id: 2, target: 'value', index }));
      assert.equal(await vscode.env.clipboard.readText(), domain.dns.ownership.value);
      resultOf(await send(host, { type: 'copy', id: 3, target: 'host', index }));
      assert.equal(await vscode.env.clipboard.readText(), domain.dns.ownership.host);
      resultOf(await send(host, { type: 'copy', id: 4, target: 'record', index }));
      assert.equal(await vscode.env.clipboard.readText(), `${domain.dns.ownership.host}.example.com.\tIN\tTXT\t"${domain.dns.ownership.value}"`);
      resultOf(await send(host, { type: 'copy', id: 5, target: 'table' }));
      const table = await vscode.env.clipboard.readText();
      assert.ok(table.startsWith('| Purpose | Type | Host | FQDN | Value | Priority |\n'), table);
      assert.ok(table.includes(`| MX | @ | example.com. | ${domain.dns.mx.value} | 10 |`), table);
      const stale = resultOf(await send(host, { type: 'copy', id: 6, target: 'value', index: 99 }));
      assert.equal(stale.ok, false);
    });

    it('verifies through CheckDomain and updates the states in place', async () => {
      const domain = await domainNamed('mail.example.org');
      const { host } = await open({ panel: 'dns', domainId: String(domain.id) });
      await admin('POST', 'publish', { domainName: 'mail.example.org' });
      const posted = await send(host, { type: 'verify', id: 5 });
      const result = resultOf(posted);
      assert.equal(result.ok, true, result.message);
      const shown = viewOf(posted);
      assert.ok(shown.panel === 'dns');
      assert.equal(shown.verified, true);
      assert.ok(shown.records.filter((r) => r.required).every((r) => r.state === 'pass'), JSON.stringify(shown.records.map((r) => r.state)));
      assert.ok(shown.checkedAt);
      assert.ok((await requests()).some((r) => r.action === 'CheckDomain' && r.params.DomainId === String(domain.id)));
    });

    it('after a verify, names the different value public DNS has under a record that does not verify', async () => {
      const domain = await domainNamed('mail.example.org');
      const { host } = await open({ panel: 'dns', domainId: String(domain.id) });
      const oldSpf = 'v=spf1 include:spf.old-provider.example -all';
      // Everything published, SPF with an old value: verification fails on SPF only.
      await admin('POST', 'publish', { domainName: 'mail.example.org' });
      await admin('POST', 'publish', { domainName: 'mail.example.org', records: ['spf'], value: oldSpf });
      const shown = viewOf(await send(host, { type: 'verify', id: 7 }));
      assert.ok(shown.panel === 'dns');
      assert.equal(shown.verified, false);
      assert.deepEqual(shown.records.filter((r) => r.state === 'fail' || r.seen !== undefined).map((r) => [r.purpose, r.state, r.seen]), [['SPF', 'fail', oldSpf]]);
      assert.equal(shown.records.find((r) => r.purpose === 'SPF')?.value, domain.dns.spf.value, 'the value to publish is still the expected one');
    });
  });

  describe('account overview panel', () => {
    it('shows the counts the account has and refreshes them', async () => {
      const totals = countsInExtensionWords((await demoAccount()).totals);
      const { host, view } = await open({ panel: 'account' });
      const shown = viewOf(view);
      assert.ok(shown.panel === 'account');
      assert.deepEqual(shown.counts, totals);
      assert.equal(shown.statusOk, true);

      const tagHost = manager.open({ panel: 'form', form: 'tag' });
      resultOf(await send(tagHost, { type: 'submit', id: 1, values: { tagName: 'fresh-tag' } }));
      const refreshed = viewOf(await send(host, { type: 'refresh', id: 2 }));
      assert.ok(refreshed.panel === 'account');
      assert.equal(refreshed.counts.tags, totals.tags + 1);
    });
  });
});
