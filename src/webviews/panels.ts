// Opens panels (one per domain, one account overview, one per form kind) and revives them after a
// window reload from the state the page saved.
import * as vscode from 'vscode';
import { RENAMED_FORM_KINDS } from '../commands/renamedCommands';
import { ResourceStore } from '../model/resourceStore';
import { AccountPanelController } from './accountPanel';
import { requireClient, type WebviewDeps } from './deps';
import { DnsPanelController } from './dnsPanel';
import { FormPanelController } from './formPanel';
import { webviewOptions } from './html';
import { ImportReportController } from './importReport';
import { PanelHost, type PanelController, type PanelLog } from './panelHost';
import { webviewStateSchema, type PanelKey } from '../shared/protocol';
import { TestEmailController } from './testEmailPanel';

/** A form saved under its previous kind name comes back as the same form (the name changed, the form did not). */
function withCurrentFormKind(state: unknown): unknown {
  const key = (state as { key?: { panel?: unknown; form?: unknown } } | undefined)?.key;
  const renamed = key?.panel === 'form' && typeof key.form === 'string' ? RENAMED_FORM_KINDS[key.form] : undefined;
  return renamed ? { ...(state as object), key: { ...key, form: renamed } } : state;
}

/** View type and front-end bundle (media/<frontEnd>/main.ts) of each kind of panel. */
export const PANEL_TYPES = {
  dns: { viewType: 'directMail.dnsSetup', frontEnd: 'dns' },
  account: { viewType: 'directMail.accountOverview', frontEnd: 'account' },
  form: { viewType: 'directMail.createForm', frontEnd: 'form' },
  importReport: { viewType: 'directMail.importReport', frontEnd: 'importReport' },
  testEmail: { viewType: 'directMail.testEmail', frontEnd: 'form' },
} as const satisfies Record<PanelKey['panel'], { viewType: string; frontEnd: string }>;

const consoleLog: PanelLog = { warn: (m) => console.warn(m), error: (m) => console.error(m) };

export class PanelManager implements vscode.Disposable {
  private readonly hosts = new Map<string, PanelHost>();
  /** The extension's store (shared with the tree), or the panels' own when none was handed in. */
  readonly store: ResourceStore;

  constructor(
    private readonly extensionUri: vscode.Uri,
    private readonly deps: WebviewDeps,
  ) {
    if (deps.store) {
      this.store = deps.store;
    } else {
      this.store = new ResourceStore();
      this.store.setSources({
        account: async () => (await requireClient(deps)).descAccountSummary(),
        domain: async (domainId, realTime) => (await requireClient(deps)).descDomain(domainId, { realTime }),
      });
    }
  }

  private get log(): PanelLog {
    return this.deps.log ?? consoleLog;
  }

  private controllerFor(key: PanelKey): PanelController {
    switch (key.panel) {
      case 'dns':
        return new DnsPanelController(key.domainId, this.deps, this.store);
      case 'account':
        return new AccountPanelController(this.deps, this.store);
      case 'form':
        return new FormPanelController(key.form, this.deps, async (domainId) => {
          this.open({ panel: 'dns', domainId });
        });
      case 'importReport':
        return new ImportReportController(key.reportId);
      case 'testEmail':
        return new TestEmailController(key.accountName, this.deps);
    }
  }

  /** The open panel for `key`, if any. */
  find(key: PanelKey): PanelHost | undefined {
    const host = this.hosts.get(JSON.stringify(key));
    return host && !host.isDisposed ? host : undefined;
  }

  /** Shows the panel for `key`, reusing an open one; `revived` is a panel VS Code restored after a reload. */
  open(key: PanelKey, revived?: vscode.WebviewPanel): PanelHost {
    const id = JSON.stringify(key);
    const existing = this.hosts.get(id);
    if (existing && !existing.isDisposed && !revived) {
      existing.panel.reveal();
      return existing;
    }
    const type = PANEL_TYPES[key.panel];
    const controller = this.controllerFor(key);
    const panel =
      revived ?? vscode.window.createWebviewPanel(type.viewType, controller.title, vscode.ViewColumn.Active, webviewOptions(this.extensionUri));
    const host = new PanelHost(panel, key, controller, this.extensionUri, type.frontEnd, this.log);
    this.hosts.set(id, host);
    panel.onDidDispose(() => {
      if (this.hosts.get(id) === host) this.hosts.delete(id);
    });
    return host;
  }

  /**
   * Rebuilds a panel VS Code restored after a reload from the state its page saved. The state came from the
   * page, so it is checked; a panel whose state does not fit its kind is closed.
   */
  revive(kind: PanelKey['panel'], panel: vscode.WebviewPanel, state: unknown): PanelHost | undefined {
    const parsed = webviewStateSchema.safeParse(withCurrentFormKind(state));
    if (!parsed.success || parsed.data.key.panel !== kind) {
      this.log.warn(`Closed a restored ${kind} panel whose saved state was not usable.`);
      panel.dispose();
      return undefined;
    }
    return this.open(parsed.data.key, panel);
  }

  /** Serializers so open panels come back after a window reload (activation event onWebviewPanel:<viewType>). */
  registerSerializers(): vscode.Disposable[] {
    return (Object.keys(PANEL_TYPES) as PanelKey['panel'][]).map((kind) =>
      vscode.window.registerWebviewPanelSerializer(PANEL_TYPES[kind].viewType, {
        deserializeWebviewPanel: async (panel: vscode.WebviewPanel, state: unknown) => {
          this.revive(kind, panel, state);
        },
      }),
    );
  }

  dispose(): void {
    for (const host of this.hosts.values()) host.panel.dispose();
    this.hosts.clear();
  }
}
