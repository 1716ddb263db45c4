// The page every panel loads: a strict Content-Security-Policy, one nonce-tagged script, and only
// assets from dist/webviews (the bundled front ends and the copied codicons) through asWebviewUri.
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { L10N_BUNDLE_ELEMENT, type L10nBundle } from '../shared/protocol';

/** Folder of the bundled front ends, relative to the extension root. */
export const WEBVIEW_ASSETS = ['dist', 'webviews'] as const;

export function assetsRoot(extensionUri: vscode.Uri): vscode.Uri {
  return vscode.Uri.joinPath(extensionUri, ...WEBVIEW_ASSETS);
}

/** Options for a panel's webview: scripts on, and nothing readable outside the built assets. */
export function webviewOptions(extensionUri: vscode.Uri): vscode.WebviewOptions & vscode.WebviewPanelOptions {
  return { enableScripts: true, localResourceRoots: [assetsRoot(extensionUri)] };
}

export function contentSecurityPolicy(cspSource: string, nonce: string): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${nonce}'`,
    `style-src ${cspSource}`,
    `font-src ${cspSource}`,
    `img-src ${cspSource}`,
  ].join('; ');
}

const escapeAttr = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * The translations as a JSON data block (not a script: the CSP does not run it, the page parses it). `<` is escaped
 * so no translated text can close the element early. Nothing in English, where the pages show their own words.
 */
export function l10nBlock(bundle: L10nBundle | undefined): string {
  if (!bundle) return '';
  const json = JSON.stringify(bundle).replace(/</g, '\\u003c');
  return `<script type="application/json" id="${L10N_BUNDLE_ELEMENT}">${json}</script>\n`;
}

/** The HTML of a panel whose front end is media/<frontEnd>/main.ts; `bundle` is the display language's translations. */
export function panelHtml(
  webview: vscode.Webview,
  extensionUri: vscode.Uri,
  frontEnd: string,
  title: string,
  bundle: L10nBundle | undefined = vscode.l10n.bundle,
): string {
  const nonce = randomBytes(16).toString('base64');
  const asset = (...path: string[]): string =>
    webview.asWebviewUri(vscode.Uri.joinPath(assetsRoot(extensionUri), ...path)).toString();
  return `<!DOCTYPE html>
<html lang="${escapeAttr(vscode.env.language)}">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy(webview.cspSource, nonce)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link id="vscode-codicon-stylesheet" rel="stylesheet" href="${escapeAttr(asset('codicons', 'codicon.css'))}">
<link rel="stylesheet" href="${escapeAttr(asset(`${frontEnd}.css`))}">
<title>${escapeAttr(title)}</title>
</head>
<body>
<main id="app" aria-live="polite"></main>
${l10nBlock(bundle)}<script nonce="${nonce}" src="${escapeAttr(asset(`${frontEnd}.js`))}"></script>
</body>
</html>`;
}
