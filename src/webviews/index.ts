// Webview panels: DNS setup, account overview and the create forms.
//
// activate() calls `registerWebviews(context, deps)` once; it registers these commands and the panel
// serializers and returns the PanelManager (tests open panels through it):
//   directMail.openDnsPanel        (domain tree node | domain id | nothing → quick pick)
//   directMail.openAccountOverview
//   directMail.createDomain, directMail.createMailAddress, directMail.createReceiver, directMail.createTag
// `deps.onCreated` is called after a form created something, to refresh the tree and reveal the item;
// without it the forms run `directMail.refresh`.
import * as vscode from 'vscode';
import { noneYet, sayNothingToDo } from '../commands/pickers';
import { domainStateOfSummary } from '../model/domainState';
import { prompts } from '../util/prompts';
import { domainStateText } from '../views/domainNodes';
import { requireClient, type WebviewDeps } from './deps';
import { PanelManager } from './panels';
import type { FormKind } from './protocol';

export type { CreatedItem, PanelClient, WebviewDeps } from './deps';
export { PanelManager } from './panels';

/** A domain id from whatever a command was given: an id, or a tree node carrying one. */
export function domainIdOf(arg: unknown): string | undefined {
  if (typeof arg === 'string' && arg.trim()) return arg.trim();
  if (typeof arg === 'number' && Number.isFinite(arg)) return String(arg);
  if (typeof arg !== 'object' || arg === null) return undefined;
  const node = arg as { domainId?: unknown; domain?: unknown; detail?: unknown };
  return domainIdOf(node.domainId) ?? domainIdOf(node.domain) ?? domainIdOf(node.detail);
}

async function pickDomainId(deps: WebviewDeps): Promise<string | undefined> {
  const client = await requireClient(deps);
  const page = await client.queryDomains({ pageSize: 50 });
  if (page.items.length === 0) {
    await sayNothingToDo(noneYet('domains'));
    return undefined;
  }
  // By name with its state, as the tree shows it; the ID means nothing to a person.
  const picked = await prompts().showQuickPick(
    page.items.map((d) => ({ label: d.domainName, description: domainStateText(domainStateOfSummary(d)), domainId: d.domainId })),
    { title: vscode.l10n.t('Open the DNS setup of which domain?'), placeHolder: vscode.l10n.t('Type to filter domains') },
  );
  return picked?.domainId;
}

const FORM_COMMANDS: Record<string, FormKind> = {
  'directMail.createDomain': 'domain',
  'directMail.createMailAddress': 'mailAddress',
  'directMail.createReceiver': 'receiver',
  'directMail.createTag': 'tag',
};

export function registerWebviews(context: vscode.ExtensionContext, deps: WebviewDeps): PanelManager {
  const panels = new PanelManager(context.extensionUri, deps);
  // Commands fail with a message, never silently.
  const guarded =
    (run: (...args: unknown[]) => Promise<unknown>) =>
    async (...args: unknown[]): Promise<void> => {
      try {
        await run(...args);
      } catch (error) {
        void vscode.window.showErrorMessage(error instanceof Error ? error.message : String(error));
      }
    };
  context.subscriptions.push(
    panels,
    ...panels.registerSerializers(),
    vscode.commands.registerCommand(
      'directMail.openDnsPanel',
      guarded(async (arg) => {
        const domainId = domainIdOf(arg) ?? (await pickDomainId(deps));
        if (domainId) panels.open({ panel: 'dns', domainId });
      }),
    ),
    vscode.commands.registerCommand(
      'directMail.openAccountOverview',
      guarded(async () => panels.open({ panel: 'account' })),
    ),
    ...Object.entries(FORM_COMMANDS).map(([command, form]) =>
      vscode.commands.registerCommand(command, guarded(async () => panels.open({ panel: 'form', form }))),
    ),
  );
  return panels;
}
