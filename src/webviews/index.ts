// Webview panels: DNS setup, account overview and the create forms.
//
// activate() calls `registerWebviews(commands, context, deps)` once; it registers these commands through the one
// command wrapper (CommandContext.register: progress, log line, failure notification) and the panel serializers, and
// returns the PanelManager (tests open panels through it):
//   directMail.openDnsPanel        (domain tree node | domain id | nothing → the domain picker of commands/pickers.ts)
//   directMail.openAccountOverview
//   directMail.createDomain, directMail.createSenderAddress, directMail.createRecipientList, directMail.createTag
// `deps.onCreated` is called after a form created something, to refresh the tree and reveal the item;
// without it the forms run `directMail.refresh`.
import * as vscode from 'vscode';
import type { CommandContext } from '../commands/context';
import { pickDomain } from '../commands/pickers';
import { resourceOf } from '../views/node';
import type { WebviewDeps } from './deps';
import { CREATE_COMMANDS } from './formPanel';
import { PanelManager } from './panels';
import type { FormKind } from '../shared/protocol';

export type { CreatedItem, PanelClient, WebviewDeps } from './deps';
export { PanelManager } from './panels';

/** A domain id from whatever a command was given: a domain's tree node, an id, or an object with `domainId`. */
export function domainIdOf(arg: unknown): string | undefined {
  const node = resourceOf(arg);
  if (node) return node.kind === 'domain' ? node.id : undefined;
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  if (typeof arg === 'number' && Number.isFinite(arg)) return String(arg);
  if (typeof arg !== 'object' || arg === null) return undefined;
  const value = (arg as { domainId?: unknown }).domainId;
  return typeof value === 'string' || typeof value === 'number' ? domainIdOf(value) : undefined;
}


export function registerWebviews(c: CommandContext, context: vscode.ExtensionContext, deps: WebviewDeps): PanelManager {
  const panels = new PanelManager(context.extensionUri, deps);
  context.subscriptions.push(panels, ...panels.registerSerializers());
  c.register('directMail.openDnsPanel', async (arg?: unknown) => {
    const domainId = domainIdOf(arg) ?? (await pickDomain(c.tree, vscode.l10n.t('Open the DNS setup of which domain?')))?.domain.domainId;
    if (domainId) panels.open({ panel: 'dns', domainId });
  });
  c.register('directMail.openAccountOverview', () => void panels.open({ panel: 'account' }));
  for (const [form, command] of Object.entries(CREATE_COMMANDS) as [FormKind, string][]) c.register(command, () => void panels.open({ panel: 'form', form }));
  return panels;
}
