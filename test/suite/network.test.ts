// Networks in the real extension host: the tree loads through the proxy named in VS Code's http.proxy (a real
// tinyproxy) and follows a change of it without a reload; an HTTPS endpoint whose certificate is not trusted shows the
// certificate error in the tree, and loads once directMail.caCertificates names the CA.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { freePort, startProxy } from '../emulator/proxy';
import type { TestProxy } from '../emulator/proxy';
import { startEmulator } from '../emulator/server';
import type { Emulator } from '../emulator/server';
import { DEMO_KEY, emulatorState, emulatorUrl, group, signedInDemo, sorted, type Api, type Shown } from './treeHelpers';

async function until<T>(what: string, probe: () => T | undefined | Promise<T | undefined>): Promise<T> {
  const end = Date.now() + 25_000;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > end) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

const everything = (s: Shown): string => `${s.label} | ${s.description} | ${s.tooltip}`;

describe('Networks: proxy and certificates', function () {
  this.timeout(90_000);
  let a: Api;
  let proxy: TestProxy;
  const http = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('http');
  const directMail = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('directMail');

  /** Sets a setting and waits until the session has rebuilt its client (the tree starts over). */
  async function set(config: vscode.WorkspaceConfiguration, key: string, value: unknown): Promise<void> {
    let rebuilt = false;
    const sub = a.session.onDidChange(() => {
      rebuilt = true;
    });
    try {
      await config.update(key, value, vscode.ConfigurationTarget.Global);
      await until(`the connection to start over after ${key} changed (no reload)`, () => rebuilt);
    } finally {
      sub.dispose();
    }
  }

  /** The Tags group once loaded (items or an error node). */
  const tags = async (): Promise<Shown[]> => (await group(a, 'Tags')).items;

  before(async () => {
    a = await signedInDemo();
    // The endpoint setting is machine-scoped: written from the extension host, as other suites do.
    await directMail().update('endpoint', emulatorUrl(), vscode.ConfigurationTarget.Global);
    await until('the connection to use the emulator', () => a.session.connection()?.endpoint === emulatorUrl());
    proxy = await startProxy();
  });
  after(async () => {
    await http().update('proxy', undefined, vscode.ConfigurationTarget.Global);
    await directMail().update('caCertificates', undefined, vscode.ConfigurationTarget.Global);
    await directMail().update('endpoint', emulatorUrl(), vscode.ConfigurationTarget.Global);
    await proxy.close();
  });

  it('loads the tree through the proxy of http.proxy, and follows a change of it without a reload', async () => {
    const expected = sorted((await emulatorState()).demo.tags.map((t) => t.name));
    const emulatorAuthority = new URL(emulatorUrl()).host;
    await set(http(), 'proxy', proxy.url);
    const before = proxy.tunnels().length;
    assert.deepEqual(sorted((await tags()).map((t) => t.label)), expected, `tinyproxy:\n${proxy.log().slice(-2000)}`);
    assert.ok(proxy.tunnels().slice(before).includes(emulatorAuthority), `tinyproxy saw no CONNECT to ${emulatorAuthority}:\n${proxy.log().slice(-2000)}`);

    // A proxy that is not running: the tree says so (and that nothing was sent).
    const deadPort = await freePort();
    await set(http(), 'proxy', `http://127.0.0.1:${deadPort}`);
    const failed = await tags();
    assert.equal(failed.length, 1);
    assert.match(everything(failed[0]), new RegExp(`proxy at 127\\.0\\.0\\.1:${deadPort}`));
    // The key check of a new profile goes the same way: refused before anything reaches Direct Mail.
    const from = a.logLines().length;
    const saved = await vscode.commands.executeCommand('directMail.addProfile', { name: 'through-dead-proxy', ...DEMO_KEY, region: 'cn-hangzhou' });
    assert.equal(saved, undefined);
    assert.ok(a.logLines().slice(from).some((l) => l.includes(`proxy at 127.0.0.1:${deadPort}`)), a.logLines().slice(from).join('\n'));
    assert.ok(!a.profiles.stored().some((p) => p.name === 'through-dead-proxy'));

    // Back to no proxy: loads directly, the proxy sees nothing more.
    await set(http(), 'proxy', '');
    const seen = proxy.tunnels().length;
    assert.deepEqual(sorted((await tags()).map((t) => t.label)), expected);
    assert.equal(proxy.tunnels().length, seen);
  });

  describe('with an HTTPS endpoint', () => {
    let secure: Emulator;
    before(async () => {
      secure = await startEmulator({ tls: true });
    });
    after(() => secure.close());

    it('shows the refused certificate in the tree, then loads once directMail.caCertificates names the CA', async () => {
      await set(directMail(), 'endpoint', secure.url);
      const failed = await tags();
      assert.equal(failed.length, 1);
      const shown = everything(failed[0]);
      assert.match(shown, /certificate/i);
      assert.match(shown, /Direct Mail Emulator Test CA/);
      assert.match(shown, /directMail\.caCertificates/);
      assert.equal(secure.stats.requests, 0, 'a request reached a server whose certificate was refused');

      await set(directMail(), 'caCertificates', secure.certificates!.caFile);
      const loaded = await until('the tags over HTTPS', async () => {
        const items = await tags();
        return items.length > 1 ? items : undefined;
      });
      assert.deepEqual(sorted(loaded.map((t) => t.label)), sorted([...secure.core.accounts.demo.tags.values()].map((t) => t.name)));
      assert.ok(secure.stats.requests > 0);
    });
  });
});
