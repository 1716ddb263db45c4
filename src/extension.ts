// Entry point. activate() only wires things up: it sends no request and creates no client (the client is made on
// the first request, which happens when the Direct Mail view becomes visible or a command runs).
//
// Exported API (returned by activate; for tests, nothing secret in it):
//   client()                 the DirectMailClient of the current connection, or undefined when signed out
//   session                  Session: connection() → { profile, region, endpoint }, onDidChange
//   tree                     ResourceTree (the TreeDataProvider): getChildren(node?) / getTreeItem(node) give
//                            exactly what the view shows; group(kind), account(), refresh(), refreshGroup(kind)
//   view                     the vscode.TreeView of `directMail.resources`
//   profiles                 ProfileStore: list(), active(), stored(), secretMatches(name, secret),
//                            hasSecret(name) — proves where a secret is without reading it out
//   globalState()            a snapshot of this extension's globalState (keys and values)
//   logLines()               the lines written to the "Direct Mail" log so far
//   statusBarText()          the text of the profile status-bar item
//   autoVerifyActive()       whether the re-check of pending domains is scheduled
//   activationMs             how long activate() took
//   services                 { context, session, tree, log }: the extension context and the parts built from it
//   panels                   the webview PanelManager
//   usePrompts(prompts)      replaces every question the extension asks with scripted answers (tests)
//   store                    ResourceStore: what the tree and the panels show per resource (one state)
//   treeRequests(id)         how many times the children of the node with this id were asked for (VS Code asks
//                            again after a refresh for the nodes it keeps expanded)
import * as vscode from 'vscode';
import type { DirectMailClient } from './api';
import { registerCopyCommands } from './commands/copyCommands';
import type { CommandContext } from './commands/context';
import { registerDomainCommands } from './commands/domainCommands';
import { trackLocalEndpoint } from './commands/endpointContext';
import { registerImportCommand } from './commands/importRecipients';
import { registerProfileCommands } from './commands/profileCommands';
import { registerRecipientCommands } from './commands/recipientCommands';
import { registerRenamedCommands } from './commands/renamedCommands';
import { CommandRunner } from './commands/runCommand';
import { registerSenderCommands } from './commands/senderCommands';
import { registerTagCommands } from './commands/tagCommands';
import { registerTestEmailCommand } from './commands/testEmailCommand';
import { registerTreeCommands } from './commands/treeCommands';
import { refreshAndReveal } from './commands/treeUpdate';
import { registerEndpointTrust } from './credentials/endpointTrust';
import { ProfileStore } from './credentials/profileStore';
import { Session } from './credentials/session';
import { ProfileStatusBar } from './credentials/statusBar';
import { ResourceStore } from './model/resourceStore';
import { Log } from './util/log';
import { setPagingNoteSink } from './model/pagedLoader';
import { usePrompts, type Prompts } from './util/prompts';
import { AutoVerifier } from './views/autoVerify';
import type { TreeNode } from './views/node';
import { ResourceTree, VIEW_ID } from './views/resourceTree';
import { registerWebviews, type PanelManager } from './webviews';

/** The extension context and the parts activate() builds from it (tests read globalState and write log lines). */
export interface DirectMailServices {
  context: vscode.ExtensionContext;
  session: Session;
  tree: ResourceTree;
  log: Log;
}

export interface DirectMailTestApi {
  client(): DirectMailClient | undefined;
  session: Session;
  tree: ResourceTree;
  view: vscode.TreeView<TreeNode>;
  profiles: ProfileStore;
  globalState(): Record<string, unknown>;
  logLines(): readonly string[];
  statusBarText(): string;
  autoVerifyActive(): boolean;
  services: DirectMailServices;
  panels: PanelManager;
  store: ResourceStore;
  treeRequests(id: string): number;
  /** Replaces every question the extension asks with scripted answers (tests); undefined restores VS Code's window. */
  usePrompts(prompts: Prompts | undefined): void;
  /** How long activate() took (reported by the tests; no request is made during it). */
  activationMs: number;
}

const SIGNED_IN_CONTEXT = 'directMail.signedIn';

export function activate(context: vscode.ExtensionContext): DirectMailTestApi {
  const started = performance.now();
  const version = String((context.extension.packageJSON as { version?: string }).version ?? '0.0.0');
  const userAgent = `DirectMailVSCode/${version} VSCode/${vscode.version}`;
  const log = new Log();
  setPagingNoteSink((message) => log.warn(message));
  const profiles = new ProfileStore(context.globalState, context.secrets);
  const session = new Session(profiles, log, userAgent);
  const store = new ResourceStore((error) => log.error(`A view failed to update: ${String(error)}`));
  // The store loads through the current connection's client (each call asks the session).
  store.setSources({
    account: () => session.requireClient().descAccountSummary(),
    domain: (domainId, realTime) => session.requireClient().descDomain(domainId, { realTime }),
  });
  const scopeOf = (): string | undefined => {
    const c = session.connection();
    return c && JSON.stringify([c.profile.name, c.region, c.endpoint]);
  };
  store.reset(scopeOf());
  // A resource gone (deleted here or elsewhere) changes the account's counts.
  context.subscriptions.push({ dispose: store.onDidChange((change) => change.type === 'gone' && void store.accountChanged()).dispose });
  const tree = new ResourceTree(session, store);
  const view = vscode.window.createTreeView(VIEW_ID, { treeDataProvider: tree, showCollapseAll: true });
  const runner = new CommandRunner(log);
  const statusBar = new ProfileStatusBar(session);
  const autoVerifier = new AutoVerifier(tree, session, view as vscode.TreeView<unknown>, log);
  context.subscriptions.push(log, profiles, session, tree, view, statusBar, autoVerifier, store);

  const setSignedIn = (): void => void vscode.commands.executeCommand('setContext', SIGNED_IN_CONTEXT, !!session.connection());
  setSignedIn();
  context.subscriptions.push(
    session.onDidChange(() => {
      setSignedIn();
      // Facts of the old profile or region must not show as the new one's: the store starts over first.
      store.reset(scopeOf());
      tree.refresh();
    }),
  );

  const register = (id: string, handler: (...args: unknown[]) => unknown, options?: { progress?: string }): void => {
    context.subscriptions.push(runner.register(id, handler, options));
  };
  const commands: CommandContext = { session, profiles, tree, store, view, log, runner, userAgent, register };
  context.subscriptions.push(trackLocalEndpoint(), registerRenamedCommands());
  registerEndpointTrust(commands, context.globalState);
  registerProfileCommands(commands);
  registerTreeCommands(commands);
  registerCopyCommands(commands);
  registerDomainCommands(commands);
  registerSenderCommands(commands);
  registerTagCommands(commands);
  registerRecipientCommands(commands);

  const panels = registerWebviews(commands, context, {
    client: () => session.client(),
    log,
    store,
    connection: () => {
      const c = session.connection();
      return c && { profile: c.profile.name, region: c.region };
    },
    switchTo: async ({ profile, region }) => {
      if (session.connection()?.profile.name !== profile) await vscode.commands.executeCommand('directMail.switchProfile', { name: profile });
      if (session.connection()?.region !== region) await vscode.commands.executeCommand('directMail.selectRegion', { region });
    },
    // The new item's node id ends with its key (domain, sender, list or tag ID), which the create returned.
    onCreated: (item) => {
      // The account's resource counts changed too.
      void store.accountChanged();
      return refreshAndReveal(commands, item.kind, item.id);
    },
  });
  registerTestEmailCommand(commands, panels);
  registerImportCommand(commands, (key) => panels.open(key));
  const services: DirectMailServices = { context, session, tree, log };
  const activationMs = performance.now() - started;
  log.info(`Activated in ${activationMs.toFixed(1)} ms`);

  return {
    activationMs,
    usePrompts,
    client: () => session.client(),
    session,
    tree,
    view,
    profiles,
    globalState: () => Object.fromEntries(context.globalState.keys().map((k) => [k, context.globalState.get(k)])),
    logLines: () => log.recent(),
    statusBarText: () => statusBar.text,
    autoVerifyActive: () => autoVerifier.active,
    services,
    panels,
    store,
    treeRequests: (id) => tree.childrenRequests(id),
  };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
