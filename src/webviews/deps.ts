// What the panels need from the rest of the extension. Kept narrow so the panels do not depend on how the
// tree or the credentials are built, and so tests can hand in a client pointed at the emulator.
import type { DirectMailClient } from '../api/client';
import type { ResourceKind, ResourceStore } from '../model/resourceStore';
import type { PanelLog } from './panelHost';

/** The client methods the panels call: a DirectMailClient, or in tests anything with these methods. */
export type PanelClient = Pick<
  DirectMailClient,
  | 'descAccountSummary' | 'queryDomains' | 'descDomain' | 'checkDomain' | 'createDomain' | 'createSenderAddress'
  | 'createRecipientList' | 'createTag' | 'querySenderAddresses' | 'queryTags' | 'singleSendMail'
>;

/** A resource a form just created (a form never creates the account). */
export interface CreatedItem {
  kind: Exclude<ResourceKind, 'account'>;
  id: string;
  /** Domain name, sender address, list name or tag name. */
  name: string;
}

export interface WebviewDeps {
  /** The signed-in client, or undefined when no profile is signed in. */
  client(): PanelClient | undefined | Promise<PanelClient | undefined>;
  /** The extension's log channel (a vscode.LogOutputChannel fits). */
  log?: PanelLog;
  /**
   * After a create succeeded: refresh the tree and reveal the new item. Without it the panels run the
   * `directMail.refresh` command.
   */
  onCreated?(item: CreatedItem): Promise<void> | void;
  /**
   * What the extension knows per resource, shared with the tree: panels read and write it, so a verify here shows
   * in the tree and a send elsewhere shows here. Without it (tests of the panels alone) the panels share their own.
   */
  store?: ResourceStore;
  /** The active profile and region (undefined when signed out); panels show it and follow a switch. */
  connection?(): ConnectionRef | undefined;
  /** Makes a profile and region active again ("Switch back" in a panel of another profile or region). */
  switchTo?(owner: ConnectionRef): Promise<void>;
}

/** A profile and region, as panels show them. */
export interface ConnectionRef {
  profile: string;
  region: string;
}

export const sameConnection = (a: ConnectionRef | undefined, b: ConnectionRef | undefined): boolean =>
  !!a && !!b && a.profile === b.profile && a.region === b.region;

export const NOT_SIGNED_IN = 'Sign in to Direct Mail first: add or select a profile in the Direct Mail view.';

export async function requireClient(deps: WebviewDeps): Promise<PanelClient> {
  const client = await deps.client();
  if (!client) throw new Error(NOT_SIGNED_IN);
  return client;
}
