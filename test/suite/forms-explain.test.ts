// Create forms that explain themselves, in a real extension host against the emulator: a refused submit names the
// field that blocks it (the words the page shows beside its disabled button), a full address typed into "Local part"
// is answered with what to type instead, every create form empties itself after a success and keeps saying what it
// created when the page comes back (hidden behind the new domain's DNS panel, or reloaded), and the saved state a
// reloaded page restores itself from keeps its values and its result. Messages go through the panel's own handler,
// as the page sends them; what the service received is read back from the emulator's request log.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DirectMailClient } from '../../src/api';
import type { WebviewDeps } from '../../src/webviews/deps';
import { splitTypedAddress } from '../../src/shared/formSpecs';
import type { PanelHost } from '../../src/webviews/panelHost';
import { PanelManager } from '../../src/webviews/panels';
import { webviewStateSchema, type FormKind, type PanelKey, type ToView } from '../../src/shared/protocol';
import { exchange, resultOf } from './panelMessages';
import { admin, emulatorState, emulatorUrl, EXTENSION_ID, requests } from './treeHelpers';

type FormShow = Extract<ToView, { type: 'show' }>['view'] & { panel: 'form' };

/** The form view the panel showed among what it posted. */
function formViewOf(posted: ToView[]): FormShow {
  const show = posted.find((m) => m.type === 'show');
  assert.ok(show && show.type === 'show' && show.view.panel === 'form', `no form view among ${JSON.stringify(posted)}`);
  return show.view as FormShow;
}

const CREATE_ACTIONS = ['CreateDomain', 'CreateMailAddress', 'CreateReceiver', 'CreateTag'];

describe('Forms explain themselves', function () {
  this.timeout(30000);
  let client: DirectMailClient;
  let manager: PanelManager;
  let verified: string[];

  before(async () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, 'the extension is not loaded');
    client = new DirectMailClient({
      credentials: { accessKeyId: process.env.DM_EMULATOR_ACCESS_KEY_ID ?? '', accessKeySecret: process.env.DM_EMULATOR_ACCESS_KEY_SECRET ?? '' },
      region: 'cn-hangzhou',
      endpoint: emulatorUrl(),
      maxRetries: 0,
    });
    const deps: WebviewDeps = { client: () => client, log: { warn: () => undefined, error: () => undefined }, onCreated: () => undefined };
    manager = new PanelManager(extension.extensionUri, deps);
  });

  beforeEach(async () => {
    await admin('POST', 'reset', { seed: 'demo' });
    await admin('DELETE', 'requests');
    verified = (await emulatorState()).demo.domains.filter((d) => d.status === 0).map((d) => d.name).sort();
    assert.ok(verified.length > 0, 'the demo account has a verified domain');
  });

  afterEach(() => manager.dispose());

  after(async () => {
    manager?.dispose();
    await client?.close();
  });

  const open = async (key: PanelKey): Promise<{ host: PanelHost; view: FormShow }> => {
    const host = manager.open(key);
    return { host, view: formViewOf(await exchange(host, { type: 'ready' })) };
  };

  const createsSent = async (): Promise<string[]> => (await requests()).filter((r) => CREATE_ACTIONS.includes(r.action)).map((r) => r.action);

  it('refuses a submit by naming the field that blocks it, in words, before any request', async () => {
    const cases: { form: FormKind; values: Record<string, string>; says: string; field: string }[] = [
      { form: 'domain', values: {}, says: 'Fill in "Domain name" to continue.', field: 'domainName' },
      { form: 'recipientList', values: { listName: 'Weekly' }, says: 'Fill in "Alias address" to continue.', field: 'listAlias' },
      { form: 'tag', values: { tagName: '' }, says: 'Fill in "Tag name" to continue.', field: 'tagName' },
      { form: 'sender', values: { domain: 'example.com', localPart: '', sendType: 'trigger' }, says: 'Fill in "Local part" to continue.', field: 'localPart' },
    ];
    for (const c of cases) {
      const { host } = await open({ panel: 'form', form: c.form });
      const result = resultOf(await exchange(host, { type: 'submit', id: 1, values: c.values }));
      assert.equal(result.ok, false, c.form);
      assert.equal(result.message, c.says, c.form);
      assert.ok(result.fieldErrors?.[c.field], `${c.form}: ${JSON.stringify(result.fieldErrors)}`);
    }
    const bad = await open({ panel: 'form', form: 'domain' });
    const result = resultOf(await exchange(bad.host, { type: 'submit', id: 2, values: { domainName: 'not a domain' } }));
    assert.match(result.message ?? '', /^Fix "Domain name" to continue: ./);
    assert.deepEqual(await createsSent(), []);
  });

  it('answers a full address typed into "Local part" with the part to type, and can split it into the two fields', async () => {
    const { host, view } = await open({ panel: 'form', form: 'sender' });
    assert.deepEqual(view.domains, verified);
    const typed = `digest@${verified[0].toUpperCase()}`;
    const result = resultOf(await exchange(host, { type: 'submit', id: 1, values: { domain: verified[0], localPart: typed, sendType: 'batch' } }));
    assert.equal(result.ok, false);
    assert.equal(result.fieldErrors?.localPart, 'Type only the part before the @ ("digest"); the domain is picked under "Domain".');
    assert.match(result.message ?? '', /^Fix "Local part" to continue: Type only the part before the @/);
    assert.deepEqual(await createsSent(), []);
    // The page's split offer: only for a domain the form offers, never for one it does not.
    assert.deepEqual(splitTypedAddress(typed, view.domains ?? []), { localPart: 'digest', domain: verified[0] });
    assert.equal(splitTypedAddress('digest@elsewhere.example', view.domains ?? []), undefined);
    // After the split the same submit goes through.
    const split = resultOf(await exchange(host, { type: 'submit', id: 2, values: { domain: verified[0], localPart: 'digest', sendType: 'batch' } }));
    assert.equal(split.ok, true, split.message);
    assert.deepEqual(await createsSent(), ['CreateMailAddress']);
  });

  it('empties every create form alike after a success and keeps saying what was created when the page comes back', async () => {
    const cases: { form: FormKind; values: () => Record<string, string>; says: RegExp }[] = [
      { form: 'domain', values: () => ({ domainName: 'mail.fresh-domain.example' }), says: /^Created domain mail\.fresh-domain\.example\./ },
      { form: 'sender', values: () => ({ domain: verified[0], localPart: 'hello', sendType: 'trigger' }), says: new RegExp(`^Created sender address hello@${verified[0].replace(/\./g, '\\.')}\\.$`) },
      { form: 'recipientList', values: () => ({ listName: 'Launch', listAlias: 'launch@example.com' }), says: /^Created recipient list Launch\.$/ },
      { form: 'tag', values: () => ({ tagName: 'launch-day' }), says: /^Created tag launch-day\.$/ },
    ];
    for (const c of cases) {
      const { host, view } = await open({ panel: 'form', form: c.form });
      assert.equal(view.lastResult, undefined, `${c.form}: a new form shows no result`);
      const posted = await exchange(host, { type: 'submit', id: 1, values: c.values() });
      const result = resultOf(posted);
      assert.equal(result.ok, true, `${c.form}: ${result.message}`);
      assert.match(result.message ?? '', c.says);
      // The view that comes with the answer tells the page to empty itself and what to say.
      const after = formViewOf(posted).lastResult;
      assert.deepEqual(after && { ok: after.ok, reset: after.reset, message: after.message }, { ok: true, reset: true, message: result.message }, c.form);
      // A page that was hidden when the answer came (a new domain's DNS panel opens over the form) asks again when
      // shown, and gets the same result to apply.
      const again = formViewOf(await exchange(host, { type: 'ready' })).lastResult;
      assert.deepEqual(again, after, `${c.form}: the result after the page came back`);
    }
    assert.deepEqual(await createsSent(), ['CreateDomain', 'CreateMailAddress', 'CreateReceiver', 'CreateTag']);
  });

  it('keeps what a reloaded page restores itself from: its values and its result', async () => {
    const saved = {
      key: { panel: 'form', form: 'tag' },
      values: { tagName: 'kept-tag', tagDescription: 'typed before the reload' },
      result: { ok: false, message: 'InvalidTagName.Duplicate: the tag exists', at: 1_700_000_000_000, reset: false },
    };
    // The page reads its saved state through this schema (media/common/host.ts): whatever it drops is lost on reload.
    const parsed = webviewStateSchema.parse(saved);
    assert.deepEqual(parsed.values, saved.values);
    assert.deepEqual(parsed.result, saved.result);
    const panel = vscode.window.createWebviewPanel('directMail.createForm', 'restored', vscode.ViewColumn.Active);
    const host = manager.revive('form', panel, saved);
    assert.ok(host, 'the panel is revived from its saved state');
    assert.deepEqual(formViewOf(await exchange(host, { type: 'ready' })), { panel: 'form', form: 'tag' });
    // A result the page sent itself is never overridden by the extension when nothing new happened.
    assert.equal(formViewOf(await exchange(host, { type: 'ready' })).lastResult, undefined);
  });
});
