// Profiles: add (key checked first), wrong key (nothing saved), switch, remove (secret deleted), sign out, import
// from an aliyun CLI config file, and the environment profile. Secrets must live in SecretStorage only.
import * as assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as vscode from 'vscode';
import { answering } from './scriptedPrompts';
import { admin, api, children, DEMO_KEY, emulatorState, group, OTHER_KEY, removeAllProfiles, requests, resetEmulator, sorted, type Api } from './treeHelpers';

/** The secret must appear nowhere but SecretStorage: not in globalState, the settings or the log. */
function assertNowhere(a: Api, secret: string): void {
  assert.ok(!JSON.stringify(a.globalState()).includes(secret), 'secret found in globalState');
  assert.ok(!JSON.stringify(vscode.workspace.getConfiguration('directMail')).includes(secret), 'secret found in settings');
  assert.ok(!a.logLines().join('\n').includes(secret), 'secret found in the log');
}

describe('Direct Mail profiles', () => {
  let a: Api;
  before(async () => {
    a = await api();
    await resetEmulator();
  });
  beforeEach(async () => {
    await removeAllProfiles(a);
    await a.profiles.setActive(undefined);
  });

  it('adds a profile after DescAccountSummary accepted the key; the secret is only in SecretStorage', async () => {
    await admin('DELETE', 'requests');
    const name = await vscode.commands.executeCommand('directMail.addProfile', { name: 'work', ...DEMO_KEY, region: 'cn-hangzhou' });
    assert.equal(name, 'work');
    assert.deepEqual(a.profiles.stored(), [{ name: 'work', accessKeyId: DEMO_KEY.accessKeyId, region: 'cn-hangzhou', source: 'manual' }]);
    assert.equal(await a.profiles.secretMatches('work', DEMO_KEY.accessKeySecret), true);
    assert.equal(a.session.connection()?.profile.name, 'work');
    assert.match(a.statusBarText(), /work · cn-hangzhou/);
    assert.deepEqual((await requests()).map((r) => [r.action, r.status]), [['DescAccountSummary', 200]]);
    assertNowhere(a, DEMO_KEY.accessKeySecret);
  });

  it('refuses a wrong secret with the reason and saves nothing', async () => {
    await admin('DELETE', 'requests');
    const wrong = 'WrongSecretWrongSecret0000';
    const name = await vscode.commands.executeCommand('directMail.addProfile', { name: 'typo', accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: wrong });
    assert.equal(name, undefined);
    assert.deepEqual(a.profiles.stored(), []);
    assert.equal(await a.profiles.hasSecret('typo'), false);
    assert.deepEqual((await requests()).map((r) => r.code), ['SignatureDoesNotMatch']);
    assert.match(a.logLines().at(-1) ?? '', /not saved: The AccessKey secret does not belong to this AccessKey ID/);
    assertNowhere(a, wrong);
  });

  it('refuses an unknown key ID with its own reason', async () => {
    const name = await vscode.commands.executeCommand('directMail.addProfile', { name: 'unknown', accessKeyId: 'NobodyHasThisKeyId', accessKeySecret: DEMO_KEY.accessKeySecret });
    assert.equal(name, undefined);
    assert.deepEqual(a.profiles.stored(), []);
    assert.match(a.logLines().at(-1) ?? '', /does not know this AccessKey ID/);
  });

  it('checks every field before any request', async () => {
    await admin('DELETE', 'requests');
    for (const bad of [
      { name: '', ...DEMO_KEY },
      { name: 'bad/name', ...DEMO_KEY },
      { name: 'ok', accessKeyId: 'has space', accessKeySecret: DEMO_KEY.accessKeySecret },
      { name: 'ok', accessKeyId: DEMO_KEY.accessKeyId, accessKeySecret: 'short' },
      { name: 'ok', ...DEMO_KEY, region: 'mars-1' },
      { name: 'environment', ...DEMO_KEY },
    ]) {
      assert.equal(await vscode.commands.executeCommand('directMail.addProfile', bad), undefined, JSON.stringify(bad.name));
    }
    assert.deepEqual(await requests(), []);
    assert.deepEqual(a.profiles.stored(), []);
  });

  it('switches between profiles of two accounts and shows the other account\'s data', async () => {
    await vscode.commands.executeCommand('directMail.addProfile', { name: 'demo', ...DEMO_KEY });
    await vscode.commands.executeCommand('directMail.addProfile', { name: 'other', ...OTHER_KEY });
    assert.equal(a.session.connection()?.profile.name, 'other');
    const state = await emulatorState();
    const domainsOf = async (): Promise<string[]> => {
      const root = await children(a);
      const domains = root.find((r) => r.contextValue.startsWith('group.domains'));
      assert.ok(domains);
      return sorted((await children(a, domains.node)).map((d) => d.label));
    };
    assert.deepEqual(await domainsOf(), sorted(state.other.domains.map((d) => d.name)));
    assert.equal(await vscode.commands.executeCommand('directMail.switchProfile', 'demo'), 'demo');
    assert.deepEqual(await domainsOf(), sorted(state.demo.domains.map((d) => d.name)));
    assert.match(a.statusBarText(), /demo · /);
  });

  it('removes a profile and deletes its secret', async () => {
    await vscode.commands.executeCommand('directMail.addProfile', { name: 'gone', ...DEMO_KEY });
    assert.equal(await a.profiles.hasSecret('gone'), true);
    const { result, asked } = await answering(a, ['Remove'], () => vscode.commands.executeCommand('directMail.removeProfile', { name: 'gone' }));
    assert.equal(result, 'gone');
    assert.match(asked[0].text, /Remove the profile "gone"/);
    assert.equal(await a.profiles.hasSecret('gone'), false);
    assert.deepEqual(a.profiles.stored(), []);
    assert.equal(a.session.connection(), undefined);
    assert.deepEqual(await a.tree.getChildren(), []);
  });

  it('signs out: no connection, the tree is empty, profiles are kept', async () => {
    await vscode.commands.executeCommand('directMail.addProfile', { name: 'kept', ...DEMO_KEY });
    await vscode.commands.executeCommand('directMail.signOut');
    assert.equal(a.session.connection(), undefined);
    assert.equal(a.client(), undefined);
    assert.deepEqual(await a.tree.getChildren(), []);
    assert.equal(a.profiles.stored().length, 1);
    assert.match(a.statusBarText(), /signed out/);
    await vscode.commands.executeCommand('directMail.switchProfile', { name: 'kept' });
    assert.equal(a.session.connection()?.profile.name, 'kept');
  });

  describe('import from the aliyun CLI', () => {
    let dir: string;
    let file: string;
    const config = {
      current: 'cli-ak',
      profiles: [
        { name: 'cli-ak', mode: 'AK', access_key_id: DEMO_KEY.accessKeyId, access_key_secret: DEMO_KEY.accessKeySecret, region_id: 'cn-hangzhou', output_format: 'json', language: 'en' },
        { name: 'cli-sts', mode: 'StsToken', access_key_id: 'STS.DemoEmulatorTemporaryKey', access_key_secret: 'StsEmulatorSecretNotReal00000', sts_token: 'DemoEmulatorStsTokenNotReal', region_id: 'cn-hangzhou' },
        { name: 'cli-role', mode: 'RamRoleArn', access_key_id: 'RoleEmulatorKeyId0000', access_key_secret: 'RoleSecretNotReal000000', ram_role_arn: 'acs:ram::1:role/x' },
      ],
      meta_path: '',
    };
    before(() => {
      dir = mkdtempSync(join(tmpdir(), 'dm-aliyun-'));
      file = join(dir, 'config.json');
      writeFileSync(file, JSON.stringify(config, null, 2));
    });

    it('imports an AK profile into SecretStorage and never writes the CLI file', async () => {
      const before = { text: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs };
      const name = await vscode.commands.executeCommand('directMail.importAliyunCliProfile', { path: file, profile: 'cli-ak' });
      assert.equal(name, 'cli-ak');
      assert.deepEqual(a.profiles.stored(), [{ name: 'cli-ak', accessKeyId: DEMO_KEY.accessKeyId, region: 'cn-hangzhou', source: 'aliyun-cli' }]);
      assert.equal(await a.profiles.secretMatches('cli-ak', DEMO_KEY.accessKeySecret), true);
      assert.deepEqual({ text: readFileSync(file, 'utf8'), mtime: statSync(file).mtimeMs }, before);
      assertNowhere(a, DEMO_KEY.accessKeySecret);
    });

    it('imports a StsToken profile and uses its token', async () => {
      const name = await vscode.commands.executeCommand('directMail.importAliyunCliProfile', { path: file, profile: 'cli-sts' });
      assert.equal(name, 'cli-sts');
      // Real rows of the demo account (the token's account), not an error node in their place: an error row
      // would also make the group non-empty.
      const { demo } = await emulatorState();
      const { items } = await group(a, 'Domains');
      assert.deepEqual(items.filter((i) => i.contextValue.startsWith('error')).map((i) => i.label), []);
      assert.deepEqual(sorted(items.map((i) => i.label)), sorted(demo.domains.map((d) => d.name)));
      const calls = (await requests()).filter((r) => r.action === 'QueryDomainByParam');
      assert.ok(calls.length > 0 && calls.every((r) => r.status === 200), `domain requests: ${JSON.stringify(calls)}`);
      assertNowhere(a, 'DemoEmulatorStsTokenNotReal');
    });

    it('says other modes are not supported yet and saves nothing', async () => {
      const name = await vscode.commands.executeCommand('directMail.importAliyunCliProfile', { path: file, profile: 'cli-role' });
      assert.equal(name, undefined);
      assert.deepEqual(a.profiles.stored(), []);
      assert.match(a.logLines().at(-1) ?? '', /mode RamRoleArn, which is not supported yet/);
    });

    it('explains a missing file', async () => {
      assert.equal(await vscode.commands.executeCommand('directMail.importAliyunCliProfile', { path: join(dir, 'missing.json') }), undefined);
      assert.match(a.logLines().at(-1) ?? '', /no aliyun CLI configuration at .*missing\.json/);
    });
  });

  describe('environment profile', () => {
    afterEach(() => {
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_ID;
      delete process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET;
    });

    it('is active while no other profile is chosen, read from the environment, never stored', async () => {
      assert.equal(a.session.connection(), undefined);
      process.env.ALIBABA_CLOUD_ACCESS_KEY_ID = DEMO_KEY.accessKeyId;
      process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET = DEMO_KEY.accessKeySecret;
      assert.equal(a.session.connection()?.profile.name, 'environment');
      assert.equal(await vscode.commands.executeCommand('directMail.useEnvironmentProfile'), 'environment');
      a.tree.refresh();
      const state = await emulatorState();
      const root = await children(a);
      const tags = root.find((r) => r.contextValue.startsWith('group.tags'));
      assert.deepEqual(sorted((await children(a, tags!.node)).map((t) => t.label)), sorted(state.demo.tags.map((t) => t.name)));
      assert.deepEqual(a.profiles.stored(), []);
      assertNowhere(a, DEMO_KEY.accessKeySecret);
    });

    it('explains which variables to set when they are missing', async () => {
      assert.equal(await vscode.commands.executeCommand('directMail.useEnvironmentProfile'), undefined);
      assert.match(a.logLines().at(-1) ?? '', /ALIBABA_CLOUD_ACCESS_KEY_ID and ALIBABA_CLOUD_ACCESS_KEY_SECRET are not set/);
    });
  });
});
