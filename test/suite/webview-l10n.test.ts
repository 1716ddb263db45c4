// How a panel's page gets its translations, in a real extension host: the HTML carries the display language's
// bundle as an inert JSON data block that the page parses back exactly (even text with "<" or "</script>"),
// and carries none in English, where the pages use their own words. The host runs in English, so the Chinese
// case passes the shipped zh-cn bundle explicitly, as vscode.l10n.bundle would hold it in a Chinese VS Code.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { panelHtml } from '../../src/webviews/html';
import { L10N_BUNDLE_ELEMENT, l10nBundleSchema } from '../../src/shared/protocol';
import { EXTENSION_ID } from './treeHelpers';

const BLOCK = new RegExp(`<script type="application/json" id="${L10N_BUNDLE_ELEMENT}">([^<]*)</script>`, 'g');

describe('Webview translations', () => {
  let panel: vscode.WebviewPanel;
  let extensionUri: vscode.Uri;

  before(() => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not installed in the test host`);
    extensionUri = extension.extensionUri;
    panel = vscode.window.createWebviewPanel('directMail.l10nTest', 'l10n test', vscode.ViewColumn.Active, { enableScripts: true });
  });
  after(() => panel.dispose());

  /** The bundles the page would read from this HTML (what JSON.parse of each data block gives). */
  const blocksOf = (html: string): unknown[] => [...html.matchAll(BLOCK)].map((m) => JSON.parse(m[1]) as unknown);

  it('writes no translations into the page when VS Code runs in English', () => {
    assert.match(vscode.env.language, /^en/, 'this suite expects an English extension host');
    assert.equal(vscode.l10n.bundle, undefined);
    const html = panelHtml(panel.webview, extensionUri, 'dns', 'DNS setup');
    assert.deepEqual(blocksOf(html), []);
    assert.ok(!html.includes(L10N_BUNDLE_ELEMENT));
  });

  it('hands the page the shipped zh-cn bundle unchanged, in a block the CSP does not run', async () => {
    const bytes = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(extensionUri, 'l10n', 'bundle.l10n.zh-cn.json'));
    const zhCn = l10nBundleSchema.parse(JSON.parse(new TextDecoder().decode(bytes)));
    const html = panelHtml(panel.webview, extensionUri, 'form', '创建域名', zhCn);
    const blocks = blocksOf(html);
    assert.equal(blocks.length, 1);
    assert.deepEqual(blocks[0], zhCn);
    assert.equal(l10nBundleSchema.safeParse(blocks[0]).success, true);
    // Its text includes "<selector>": written as \u003c so the block cannot end early.
    assert.equal((zhCn['Names the DKIM key record: <selector>._domainkey. Leave empty unless you rotate keys yourself.'] ?? '').includes('<selector>'), true);
    // The only script that runs is the nonce-tagged front end; the data block has no nonce.
    assert.equal((html.match(/<script nonce=/g) ?? []).length, 1);
    assert.match(html, /script-src 'nonce-[^']+'/);
  });

  it('keeps a translation that tries to close the block as text', () => {
    const hostile = { Verify: '</script><script>alert(1)</script>验证' };
    const html = panelHtml(panel.webview, extensionUri, 'dns', 'DNS', hostile);
    assert.ok(!html.includes('<script>alert(1)'));
    assert.deepEqual(blocksOf(html), [hostile]);
  });
});
