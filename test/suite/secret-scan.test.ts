// Runs the extension with a known AccessKey secret, STS token and SMTP password (the emulator's scan key pair, whose
// values hold "+", "/" and "=") through sign-in, a refused sign-in, service errors that echo the values back in
// several encodings, setting SMTP passwords, the tree and the DNS panel; then reads every place the extension could
// leave them: the user-data folder on disk (settings.json, settings history, the log channel's file, storage,
// caches), the workspace folder, globalState and workspaceState, the log lines, the webview's HTML and messages,
// every error text, the tree's texts, the clipboard and test-results/. None may hold any value in any spelling:
// plain, percent-encoded once or twice (RFC 3986, encodeURIComponent, form with "+"), JSON-escaped or base64.
import * as assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as vscode from 'vscode';
import { SCAN_STS_ACCESS_KEY_ID, SCAN_STS_ACCESS_KEY_SECRET, SCAN_STS_SECURITY_TOKEN } from '../emulator/credentials';
import type { PanelKey } from '../../src/shared/protocol';
import { exchange } from './panelMessages';
import { answering } from './scriptedPrompts';
import { admin, api, children, DEMO_KEY, emulatorState, EXTENSION_ID, removeAllProfiles, resetEmulator, type Api } from './treeHelpers';

const SMTP_PASSWORD = 'ScanPw2025Xy';
const SENDER_SMTP_PASSWORD = 'Mail78ScanQz';
const WRONG_SECRET = 'WrongScan+Secret/Value=0001';
/** A recipient's address: personal data that the log must not hold in full (the tree may show it). */
const RECIPIENT = 'privacy.person@contoso-mail.cn';

const VALUES: Record<string, string> = {
  'AccessKey secret': SCAN_STS_ACCESS_KEY_SECRET,
  'STS token': SCAN_STS_SECURITY_TOKEN,
  'domain SMTP password': SMTP_PASSWORD,
  'sender SMTP password': SENDER_SMTP_PASSWORD,
  'mistyped secret': WRONG_SECRET,
  'demo AccessKey secret': DEMO_KEY.accessKeySecret,
};

// Encoders written here, independently of the extension's redaction code.
const rfc3986 = (s: string): string => encodeURIComponent(s).replace(/[!'()*]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase());
const form = (s: string): string => encodeURIComponent(s).replace(/[!'()~]/g, (c) => '%' + c.charCodeAt(0).toString(16).toUpperCase()).replace(/%20/g, '+');
const ENCODERS: Record<string, (s: string) => string> = { 'RFC 3986': rfc3986, encodeURIComponent, form };

/** base64 text that appears whenever the value's bytes appear, at each of the three byte alignments. */
function base64Cores(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const cores: string[] = [];
  for (let shift = 0; shift < 3; shift++) {
    const encoded = Buffer.concat([Buffer.alloc(shift), bytes]).toString('base64');
    const whole = Math.floor((shift + bytes.length) / 3) * 4;
    const core = encoded.slice(shift === 0 ? 0 : 4, whole);
    if (core.length >= 8) cores.push(core, core.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return cores;
}

/** Every spelling of a value the scan looks for, with its name. */
function spellings(value: string): [string, string][] {
  const out: [string, string][] = [['plain', value], ['JSON-escaped', JSON.stringify(value).slice(1, -1)], ['JSON-escaped twice', JSON.stringify(JSON.stringify(value)).slice(2, -2)]];
  for (const [once, encodeOnce] of Object.entries(ENCODERS)) {
    out.push([once, encodeOnce(value)], [`${once}, lower-case hex`, encodeOnce(value).replace(/%[0-9A-F]{2}/g, (h) => h.toLowerCase())]);
    for (const [twice, encodeTwice] of Object.entries(ENCODERS)) out.push([`${once} then ${twice}`, encodeTwice(encodeOnce(value))]);
  }
  for (const core of base64Cores(value)) out.push(['base64', core]);
  return out;
}

interface Sink { name: string; bytes: Buffer }

const text = (name: string, content: string): Sink => ({ name, bytes: Buffer.from(content, 'utf8') });

/** What each sink holds of which value in which spelling (UTF-8 and UTF-16 bytes both searched). */
function findings(sinks: readonly Sink[]): string[] {
  const found: string[] = [];
  for (const [what, value] of Object.entries(VALUES)) {
    for (const [spelling, needle] of spellings(value)) {
      const utf8 = Buffer.from(needle, 'utf8');
      const utf16 = Buffer.from(needle, 'utf16le');
      for (const sink of sinks) if (sink.bytes.includes(utf8) || sink.bytes.includes(utf16)) found.push(`${sink.name}: ${what} (${spelling})`);
    }
  }
  return [...new Set(found)];
}

/** Every file below a folder, as a sink each (files that vanish while reading are skipped). */
function filesBelow(root: string, label: string): Sink[] {
  if (!existsSync(root)) return [];
  const sinks: Sink[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      try {
        if (entry.isDirectory()) walk(path);
        else if (entry.isFile() && statSync(path).size < 64 * 1024 * 1024) sinks.push({ name: `${label}/${path.slice(root.length + 1)}`, bytes: readFileSync(path) });
      } catch {
        // a log rotated or a lock file removed while walking
      }
    }
  };
  walk(root);
  return sinks;
}

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(condition(), `waited in vain for ${what}`);
}

describe('Secret scan', function () {
  this.timeout(180_000);
  let a: Api;
  const errors: string[] = [];
  const webview: Sink[] = [];
  const shown: string[] = [];
  const clipboards: string[] = [];

  const expectFailure = async (what: string, work: () => Thenable<unknown> | Promise<unknown>): Promise<void> => {
    try {
      await work();
    } catch (e) {
      errors.push(`${what}: ${(e as Error).message}`);
      return;
    }
    assert.fail(`${what} should have failed`);
  };

  /**
   * An answer that echoes back the values a call sent, in several spellings, as a badly behaved gateway might: the
   * client knows those values (the key's secret and token, the call's SMTP password) and must mask every spelling.
   */
  const echoFault = (actions: string[], values: string[]): Promise<unknown> => {
    const echo = values.map((v) => `${v} ${rfc3986(v)} ${encodeURIComponent(encodeURIComponent(v))} ${form(v)} ${Buffer.from(v).toString('base64')} ${JSON.stringify(v)}`).join(' | ');
    return admin('POST', 'faults', { kind: 'answer', body: { Code: 'InvalidParameter', Message: `Parameter check failed: ${echo}` }, actions, count: 0 });
  };
  const KEY = [SCAN_STS_ACCESS_KEY_SECRET, SCAN_STS_SECURITY_TOKEN];

  before(async () => {
    a = await api();
    await resetEmulator();
    await removeAllProfiles(a);
  });
  after(async () => {
    await admin('DELETE', 'faults');
  });

  it('the scan finds every spelling of every value (so a clean result means something)', () => {
    for (const value of Object.values(VALUES)) {
      for (const [spelling, needle] of spellings(value)) {
        const planted = [text('planted', `before ${needle} after`), { name: 'planted utf-16', bytes: Buffer.from(`x${needle}y`, 'utf16le') }];
        assert.equal(findings(planted).length > 0, true, `${spelling} of ${value} not found`);
      }
      // base64 of a longer text that contains the value at any offset.
      for (const prefix of ['', 'a', 'ab']) assert.ok(findings([text('b64', Buffer.from(`${prefix}token=${value};`).toString('base64'))]).length > 0, `base64 with prefix "${prefix}"`);
    }
  });

  it('signs in with an STS key, refuses a wrong secret, and every service echo is redacted', async () => {
    const signedIn = await vscode.commands.executeCommand('directMail.addProfile', {
      name: 'scan', accessKeyId: SCAN_STS_ACCESS_KEY_ID, accessKeySecret: SCAN_STS_ACCESS_KEY_SECRET, securityToken: SCAN_STS_SECURITY_TOKEN, region: 'cn-hangzhou',
    });
    assert.equal(signedIn, 'scan', a.logLines().slice(-3).join(' | '));
    assert.equal(await a.profiles.secretMatches('scan', SCAN_STS_ACCESS_KEY_SECRET), true, 'the secret is in SecretStorage');
    const wrong = await vscode.commands.executeCommand('directMail.addProfile', { name: 'wrong', accessKeyId: SCAN_STS_ACCESS_KEY_ID, accessKeySecret: WRONG_SECRET, securityToken: SCAN_STS_SECURITY_TOKEN });
    assert.equal(wrong, undefined);
    await echoFault(['DescAccountSummary'], [WRONG_SECRET, SCAN_STS_SECURITY_TOKEN]);
    const echoed = await vscode.commands.executeCommand('directMail.addProfile', { name: 'wrong', accessKeyId: SCAN_STS_ACCESS_KEY_ID, accessKeySecret: WRONG_SECRET, securityToken: SCAN_STS_SECURITY_TOKEN });
    assert.equal(echoed, undefined);
    assert.match(a.logLines().join('\n'), /not saved: .*Parameter check failed: \*\*\*/);
    await admin('DELETE', 'faults');

    await echoFault(['DescAccountSummary', 'QueryTagByParam'], KEY);
    const client = a.client();
    assert.ok(client);
    await expectFailure('DescAccountSummary with an echo', () => client.descAccountSummary());
    assert.match(errors.at(-1) ?? '', /Parameter check failed: \*\*\*/);
    a.tree.refresh();
    for (const node of await children(a)) {
      for (const child of await children(a, node.node)) shown.push(child.label, child.description, child.tooltip);
      shown.push(node.label, node.description, node.tooltip);
    }
    assert.ok(shown.some((s) => /Parameter check failed/.test(s)), 'the echo reached the tree as an error node');
    await admin('DELETE', 'faults');
  });

  it('sets the domain and sender SMTP passwords, once refused with an echo', async () => {
    const state = await emulatorState();
    const domain = state.demo.domains.find((d) => d.name === 'example.com');
    const sender = state.demo.mailAddresses.find((m) => m.accountName === 'noreply@example.com');
    assert.ok(domain && sender, 'the demo seed changed');
    await echoFault(['ModifyPWByDomain'], [...KEY, SMTP_PASSWORD]);
    await answering(a, [SMTP_PASSWORD, SMTP_PASSWORD, undefined], () => vscode.commands.executeCommand('directMail.setDomainPassword', { domainId: String(domain.id) }));
    await admin('DELETE', 'faults');
    const set = await answering(a, [SMTP_PASSWORD, SMTP_PASSWORD], () => vscode.commands.executeCommand('directMail.setDomainPassword', { domainId: String(domain.id) }));
    assert.equal(set.result, String(domain.id), a.logLines().slice(-4).join(' | '));
    await echoFault(['ModifyMailAddress'], [...KEY, SENDER_SMTP_PASSWORD]);
    await expectFailure('ModifyMailAddress with an echo', () => a.client()!.modifySenderAddress({ senderAddressId: String(sender.id), password: SENDER_SMTP_PASSWORD }));
    await admin('DELETE', 'faults');
    const senderSet = await answering(a, [SENDER_SMTP_PASSWORD, SENDER_SMTP_PASSWORD], () => vscode.commands.executeCommand('directMail.setSenderPassword', { senderAddressId: String(sender.id) }));
    assert.equal(senderSet.result, String(sender.id), a.logLines().slice(-4).join(' | '));
    assert.ok(a.logLines().some((l) => /ModifyPWByDomain failed: Parameter check failed: \*\*\*/.test(l)), 'the refused change was logged (redacted)');
  });

  it('adds a recipient: the log names it by first letter and domain only', async () => {
    const list = (await emulatorState()).demo.receivers[0];
    const added = await vscode.commands.executeCommand('directMail.addRecipient', { recipientListId: String(list.id), email: RECIPIENT });
    assert.equal(added, RECIPIENT, a.logLines().slice(-3).join(' | '));
    assert.ok(a.logLines().some((l) => l.includes('p***@contoso-mail.cn')), 'the masked address is not in the log');
  });

  it('opens the DNS panel, the account overview, a create form and the test-email form; copies records', async () => {
    const domain = (await emulatorState()).demo.domains.find((d) => d.name === 'example.com')!;
    const talk = async (key: PanelKey, messages: Record<string, unknown>[]): Promise<void> => {
      const host = a.panels.open(key);
      webview.push(text(`${key.panel} panel HTML`, host.panel.webview.html));
      for (const message of [{ type: 'ready' }, ...messages]) {
        webview.push(text(`${key.panel} panel answer to ${String(message.type)}`, JSON.stringify(await exchange(host, message))));
        if (message.type === 'copy') clipboards.push(await vscode.env.clipboard.readText());
      }
      host.panel.dispose();
    };
    await talk({ panel: 'dns', domainId: String(domain.id) }, [
      { type: 'copy', id: 1, target: 'zone' }, { type: 'copy', id: 2, target: 'table' }, { type: 'copy', id: 3, target: 'value', index: 0 },
      { type: 'verify', id: 4 }, { type: 'refresh', id: 5 },
    ]);
    await talk({ panel: 'account' }, [{ type: 'refresh', id: 1 }]);
    await talk({ panel: 'form', form: 'tag' }, [{ type: 'submit', id: 1, values: { tagName: 'scan_tag', tagDescription: 'scan' } }]);
    await talk({ panel: 'testEmail', accountName: 'noreply@example.com' }, [
      { type: 'submit', id: 1, values: { toAddress: 'you@example.net', subject: 'Scan', bodyFormat: 'text', body: 'Hello', tagName: '', fromAlias: '' } },
    ]);
    assert.ok(webview.some((s) => s.bytes.toString().includes(domain.name)), 'the DNS panel showed the domain');
    assert.ok(clipboards.some((c) => c.startsWith('$ORIGIN example.com.')), 'the zone was copied');
  });

  it('leaves none of the values in any sink', async () => {
    const context = a.services.context;
    assert.equal(context.globalStorageUri.scheme, 'file', 'the user-data folder is on this machine');
    const userData = resolve(context.globalStorageUri.fsPath, '..', '..', '..');
    const logFolder = context.logUri.fsPath;

    // The log channel writes its file asynchronously: wait until a marker written last is in it.
    const marker = `secret-scan marker ${Date.now()}`;
    a.services.log.info(marker);
    const logFile = join(logFolder, 'Direct Mail.log');
    await waitFor('the log file to hold the last line', () => existsSync(logFile) && readFileSync(logFile, 'utf8').includes(marker));

    const repo = vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath;
    const stateOf = (memento: vscode.Memento): string => JSON.stringify(Object.fromEntries(memento.keys().map((k) => [k, memento.get(k)])));
    const sinks: Sink[] = [
      ...filesBelow(userData, 'user-data'),
      ...(vscode.workspace.workspaceFolders ?? []).flatMap((f) => filesBelow(f.uri.fsPath, 'workspace')),
      ...filesBelow(join(repo, 'test-results'), 'test-results'),
      text('globalState', stateOf(context.globalState)),
      text('workspaceState', stateOf(context.workspaceState)),
      text('settings (as VS Code reads them)', JSON.stringify(vscode.workspace.getConfiguration('directMail'))),
      text('log lines', a.logLines().join('\n')),
      text('error texts', errors.join('\n')),
      text('tree texts', shown.join('\n')),
      text('clipboard now', await vscode.env.clipboard.readText()),
      ...clipboards.map((c, i) => text(`clipboard after copy ${i + 1}`, c)),
      ...webview,
    ];
    const names = sinks.map((s) => s.name);
    assert.ok(names.includes('user-data/User/settings.json'), `settings.json not scanned: ${names.join(', ')}`);
    assert.ok(names.some((n) => n.endsWith('/Direct Mail.log')), 'the log file was not scanned');
    assert.ok(errors.length >= 2 && webview.length >= 14 && clipboards.length === 3);
    const leaks = findings(sinks);
    const logSinks = sinks.filter((sink) => sink.name === 'log lines' || sink.name.endsWith('/Direct Mail.log'));
    assert.equal(logSinks.length, 2);
    for (const sink of logSinks) assert.ok(!sink.bytes.includes(Buffer.from('privacy.person')), `${sink.name} holds the recipient's address`);
    console.log(`secret scan: ${sinks.length} sinks (${sinks.filter((s) => s.name.startsWith('user-data/')).length} files of the user-data folder, ${sinks.filter((s) => s.name.startsWith('test-results/')).length} of test-results/), ${Object.keys(VALUES).length} values, ${spellings(SMTP_PASSWORD).length}+ spellings each, ${leaks.length} findings`);
    console.log(`secret scan: user-data files: ${names.filter((n) => n.startsWith('user-data/')).join(', ')}`);
    assert.deepEqual(leaks, []);
  });
});
