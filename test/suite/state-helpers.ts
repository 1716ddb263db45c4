// Shared by the one-state suites (test/suite/state-*.test.ts): waiting for what the user would see, the tree item
// of a resource as VS Code gets it (with its accessible label), and driving an open panel like its page.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { DirectMailClient } from '../../src/api';
import type { PanelHost } from '../../src/webviews/panelHost';
import type { PanelKey, PanelView, ToView } from '../../src/shared/protocol';
import { exchange } from './panelMessages';
import { children, DEMO_KEY, emulatorUrl, type Api, type Node } from './treeHelpers';

/** The one polling helper, kept importable from here for the state suites. */
export { until } from './treeHelpers';

export interface Row {
  node: Node;
  label: string;
  description: string;
  contextValue: string;
  icon: string;
  accessible: string;
  command?: string;
}

/** A node as VS Code renders it: label, description, icon id, context value, accessible label, Enter command. */
export function row(a: Api, node: Node): Row {
  const item = a.tree.getTreeItem(node) as vscode.TreeItem;
  const text = (v: unknown): string => (typeof v === 'string' ? v : v && typeof v === 'object' && 'label' in v ? String((v as { label: unknown }).label) : '');
  return {
    node,
    label: text(item.label),
    description: text(item.description),
    contextValue: item.contextValue ?? '',
    icon: item.iconPath instanceof vscode.ThemeIcon ? item.iconPath.id : '',
    accessible: item.accessibilityInformation?.label ?? '',
    command: item.command?.command,
  };
}

/** The rows under a group (by label) as the tree shows them now. */
export async function rowsOf(a: Api, groupLabel: string): Promise<Row[]> {
  const root = await children(a);
  const found = root.find((s) => s.label === groupLabel);
  assert.ok(found, `no group ${groupLabel}`);
  return (await a.tree.getChildren(found.node)).map((n) => row(a, n));
}

export async function rowNamed(a: Api, groupLabel: string, label: string): Promise<Row> {
  const found = (await rowsOf(a, groupLabel)).find((r) => r.label === label);
  assert.ok(found, `no row ${label} under ${groupLabel}`);
  return found;
}

/** The panel for `key` (opened by a command before), after the page's ready handshake. */
export async function readyPanel(a: Api, key: PanelKey): Promise<{ host: PanelHost; view: PanelView }> {
  const host = a.panels.find(key);
  assert.ok(host, `no open panel ${JSON.stringify(key)}`);
  const posted = await exchange(host, { type: 'ready' });
  const shown = posted.find((m): m is Extract<ToView, { type: 'show' }> => m.type === 'show');
  assert.ok(shown, `the panel showed nothing: ${JSON.stringify(posted)}`);
  return { host, view: shown.view };
}

/** Records every view a panel shows from now on (what its page would draw). */
export function watchViews(host: PanelHost): { views: PanelView[]; errors: string[]; last(): PanelView | undefined; dispose(): void } {
  const views: PanelView[] = [];
  const errors: string[] = [];
  const listener = host.onDidPost((m) => {
    if (m.type === 'show') views.push(m.view);
    if (m.type === 'error') errors.push(m.message);
  });
  return { views, errors, last: () => views.at(-1), dispose: () => listener.dispose() };
}

/** A client of the demo account outside the extension: "someone else" (the console, a script) changing things. */
export function outsideClient(): DirectMailClient {
  return new DirectMailClient({ credentials: DEMO_KEY, region: 'cn-hangzhou', endpoint: emulatorUrl(), maxRetries: 0 });
}
