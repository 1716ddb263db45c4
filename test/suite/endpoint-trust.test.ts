// Before signed requests go to a host outside *.aliyuncs.com and this computer, the user is asked once per host and
// profile; "Don't Send" means no connection is made and the tree says why. The "other host" is this machine's own
// host name (a name, not localhost or a loopback literal, so it needs consent) with a plain TCP listener on the
// address it resolves to: the listener counts connection attempts, which is what "no request was sent" means.
import * as assert from 'node:assert/strict';
import { lookup } from 'node:dns/promises';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { hostname } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { answering, ScriptedPrompts, type Answer } from './scriptedPrompts';
import { children, DEMO_KEY, group, signedInDemo, type Api } from './treeHelpers';

const TRUST_KEY = 'directMail.endpointTrust';

async function waitFor(what: string, condition: () => boolean): Promise<void> {
  for (let i = 0; i < 600 && !condition(); i++) await new Promise((r) => setTimeout(r, 100));
  assert.ok(condition(), `waited in vain for ${what}`);
}

describe('Endpoint trust', function () {
  let a: Api;
  let server: Server;
  let connections = 0;
  let host = '';
  const sockets = new Set<Socket>();

  const decisions = (): unknown => a.services.context.globalState.get(TRUST_KEY);
  const loadTree = async (): Promise<void> => {
    a.tree.refresh();
    const root = await children(a);
    await Promise.all(root.map((r) => a.tree.getChildren(r.node)));
  };
  const tagsError = async (): Promise<string> => {
    const { items } = await group(a, 'Tags');
    assert.equal(items.length, 1, `one error node expected, got ${items.map((i) => i.label).join(' | ')}`);
    assert.match(items[0].contextValue, /^error/);
    return items[0].label;
  };

  before(async () => {
    a = await signedInDemo('trusty');
    const name = hostname();
    const { address } = await lookup(name);
    server = createServer((socket) => {
      connections++;
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.destroy();
    });
    await new Promise<void>((resolve) => server.listen(0, address, resolve));
    host = `${name}:${(server.address() as { port: number }).port}`;
  });
  after(async () => {
    for (const s of sockets) s.destroy();
    if (server) await new Promise((resolve) => server.close(resolve));
    await a?.services.context.globalState.update(TRUST_KEY, undefined);
  });
  beforeEach(async () => {
    await a.services.context.globalState.update(TRUST_KEY, undefined);
    connections = 0;
  });

  /** Runs `work` with another endpoint in the user settings, then puts the previous one (the emulator's) back. */
  async function atEndpoint(endpoint: string, work: () => Promise<void>): Promise<void> {
    const config = vscode.workspace.getConfiguration('directMail');
    const previous = config.inspect<string>('endpoint')?.globalValue;
    await config.update('endpoint', endpoint, vscode.ConfigurationTarget.Global);
    try {
      await work();
    } finally {
      await config.update('endpoint', previous, vscode.ConfigurationTarget.Global);
    }
  }

  /**
   * Runs `work` with the endpoint set to the listener and the scripted answers installed for the whole time (the
   * setting change itself may start loads), then checks every answer was used.
   */
  async function atOtherHost(answers: Answer[], work: (scripted: ScriptedPrompts) => Promise<void>): Promise<void> {
    const scripted = new ScriptedPrompts(answers);
    a.usePrompts(scripted);
    try {
      await atEndpoint(`https://${host}`, () => work(scripted));
      assert.equal(scripted.unanswered, 0, `answers left over; asked: ${JSON.stringify(scripted.asked)}`);
    } finally {
      a.usePrompts(undefined);
    }
  }

  it('asks once, naming host and profile; "Don\'t Send" connects nowhere, is remembered, and the tree says why', async () => {
    await atOtherHost(["Don't Send"], async (scripted) => {
      await loadTree();
      // One question although the account and the four groups asked for credentials at once.
      assert.equal(scripted.asked.length, 1, JSON.stringify(scripted.asked));
      const [question] = scripted.asked;
      assert.equal(question.kind, 'warning');
      assert.match(question.text, new RegExp(`profile "trusty" to ${host}\\?`));
      assert.match(question.text, /not an Alibaba Cloud endpoint/);
      assert.deepEqual(question.choices, [`Send to ${host}`, "Don't Send"]);
      assert.equal(connections, 0, 'a connection was made after "Don\'t Send"');
      assert.match(await tagsError(), new RegExp(`You chose not to send requests signed with profile "trusty" to ${host}, so nothing was sent`));
      assert.deepEqual(decisions(), { [`trusty\n${host}`]: false });

      // Remembered: no second question, still nothing sent.
      await loadTree();
      assert.equal(scripted.asked.length, 1);
      assert.equal(connections, 0);
    });
  });

  it('"Send" is remembered per host and profile: requests go there without asking again', async () => {
    await atOtherHost([/^Send to /], async (scripted) => {
      await loadTree();
      assert.equal(scripted.asked.length, 1);
      assert.ok(connections > 0, 'no connection was attempted after "Send"');
      // The listener is not Direct Mail: the tree shows a network failure, not the refusal.
      assert.doesNotMatch(await tagsError(), /chose not to send/);
      assert.deepEqual(decisions(), { [`trusty\n${host}`]: true });
      const before = connections;
      await loadTree();
      assert.equal(scripted.asked.length, 1);
      assert.ok(connections > before);
    });
  });

  it('closing the question sends nothing, remembers nothing, and asks again next time', async () => {
    await atOtherHost([undefined, "Don't Send"], async (scripted) => {
      await loadTree();
      assert.equal(connections, 0);
      assert.match(await tagsError(), /closed without an answer, so nothing was sent/);
      assert.equal(decisions(), undefined);
      await loadTree();
      assert.equal(scripted.asked.length, 2);
    });
  });

  it('asks before a new key is checked against such a host, and saves nothing when refused', async () => {
    await atOtherHost(["Don't Send"], async (scripted) => {
      const result = await vscode.commands.executeCommand('directMail.addProfile', { name: 'second', ...DEMO_KEY, region: 'cn-hangzhou' });
      assert.equal(result, undefined);
      assert.equal(scripted.asked.length, 1);
      assert.match(scripted.asked[0].text, /to check the key\?/);
      assert.equal(connections, 0);
      assert.equal(a.profiles.stored().some((p) => p.name === 'second'), false);
    });
  });

  it('"Reset Endpoint Decisions" forgets the answers, so the next request asks again', async () => {
    await atOtherHost(["Don't Send", "Don't Send"], async (scripted) => {
      await loadTree();
      assert.notEqual(decisions(), undefined);
      await vscode.commands.executeCommand('directMail.resetEndpointTrust');
      assert.equal(decisions(), undefined);
      await loadTree();
      assert.equal(scripted.asked.filter((q) => q.kind === 'warning').length, 2);
      assert.equal(connections, 0);
    });
  });

  it('a workspace cannot set the endpoint, signature, certificates or delete confirmation (only user settings count)', async () => {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the test workbench opens a folder');
    const config = (): vscode.WorkspaceConfiguration => vscode.workspace.getConfiguration('directMail');
    const userEndpoint = config().get<string>('endpoint');
    await assert.rejects(Promise.resolve(config().update('endpoint', 'https://evil.example', vscode.ConfigurationTarget.Workspace)));
    await assert.rejects(Promise.resolve(config().update('confirmDelete', false, vscode.ConfigurationTarget.Workspace)));
    // A settings file shipped in the repository: VS Code reads it (pageSize applies) but ignores the restricted ones.
    const dir = join(folder.uri.fsPath, '.vscode');
    mkdirSync(dir, { recursive: true });
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify({
      'directMail.pageSize': 7, 'directMail.endpoint': 'https://evil.example', 'directMail.signatureVersion': 'v1',
      'directMail.confirmDelete': false, 'directMail.caCertificates': '/tmp/evil-ca.pem',
    }));
    try {
      await waitFor('the workspace settings file to be read', () => config().get<number>('pageSize') === 7);
      assert.equal(config().get('endpoint'), userEndpoint);
      assert.equal(config().get('signatureVersion'), 'v3');
      assert.equal(config().get('confirmDelete'), true);
      assert.equal(config().get('caCertificates') ?? '', '');
      assert.equal(a.session.connection()?.endpoint, userEndpoint);
    } finally {
      rmSync(file);
      await waitFor('the workspace settings file to be forgotten', () => config().get<number>('pageSize') !== 7);
    }
  });

  it('asks nothing for the emulator on this computer', async () => {
    const { asked } = await answering(a, [], loadTree);
    assert.deepEqual(asked, []);
    const { items } = await group(a, 'Tags');
    assert.ok(items.length > 0 && !items.some((i) => /^error/.test(i.contextValue)), items.map((i) => i.label).join(' | '));
  });
});
