// Domains: verify (CheckDomain, then the records explained one by one), delete (type-the-name; refused while
// sender addresses use it), the domain SMTP password (ModifyPWByDomain); open the console, show the log.
// Each command takes a tree node, an argument object ({ domainId }) or asks with a quick pick.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import { consoleUrl } from '../api/regions';
import { isDomainUsable, type DomainStatus } from '../api/types';
import { checkField } from '../api/validation';
import type { DnsRecord } from '../model/dnsRecords';
import { deriveDnsRecords, recordPurpose } from '../model/dnsRecords';
import { DomainNode } from '../views/domainNodes';
import { askAndSend, hinted } from './askAndSend';
import { confirmDestructive } from './confirm';
import { argString, type CommandContext } from './context';
import { pickDomain, pickUnverifiedDomain } from './pickers';
import { reveal } from './treeUpdate';

export interface VerifyResult {
  domainName: string;
  domainStatus: DomainStatus;
  records: DnsRecord[];
}

interface DomainRef {
  domainId: string;
  /** Unknown when only an ID was passed and nothing asked the service yet. */
  domainName?: string;
}

/** The domain a command is about: the tree node, `{ domainId }` / `{ domainName }`, or a quick pick. */
async function domainRef(c: CommandContext, arg: unknown): Promise<DomainRef | undefined> {
  if (arg instanceof DomainNode) return arg.domain;
  const domainId = argString(arg, 'domainId');
  if (domainId !== undefined) return { domainId, domainName: argString(arg, 'domainName') };
  return (await pickDomain(c.tree))?.domain;
}

export function registerDomainCommands(c: CommandContext): void {
  c.register('directMail.verifyDomain', async (arg?: unknown) => {
    // From the palette: only the domains that still need it (and a word when none does).
    const domain = arg === undefined ? (await pickUnverifiedDomain(c.tree))?.domain : await domainRef(c, arg);
    if (!domain) return undefined;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying {0}…', domain.domainName ?? domain.domainId) },
      () => verify(c, domain.domainId),
    );
  });
  c.register('directMail.deleteDomain', (arg?: unknown) => deleteDomain(c, arg));
  c.register('directMail.setDomainPassword', (arg?: unknown) => setDomainPassword(c, arg));

  c.register('directMail.openInConsole', async () => {
    const region = c.session.connection()?.region ?? 'cn-hangzhou';
    const url = consoleUrl(region);
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  });

  c.register('directMail.showLog', () => c.log.show());
}

/** Sender addresses on this domain (the service keeps a domain while any exists). */
async function sendersOn(client: DirectMailClient, domainName: string): Promise<string[]> {
  const page = await client.querySenderAddresses({ keyword: domainName, pageSize: 50 });
  return page.items.map((m) => m.accountName).filter((name) => name.endsWith(`@${domainName}`));
}

const sendersStayText = (domainName: string, senders: readonly string[]): string =>
  vscode.l10n.t(
    '{0} still has sender addresses ({1}). Direct Mail deletes a domain only when no sender address uses it: delete those addresses first (right-click → Delete Sender Address), then delete the domain.',
    domainName,
    senders.length ? senders.join(', ') : vscode.l10n.t('see Sender Addresses'),
  );

async function deleteDomain(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const ref = await domainRef(c, arg);
  if (!ref) return undefined;
  const client = c.session.requireClient();
  const domainName = ref.domainName ?? (await c.store.track({ kind: 'domain', id: ref.domainId }, client.descDomain(ref.domainId))).domainName;
  // Asked before the question: nobody should type the name of a domain that cannot be deleted yet.
  const senders = await sendersOn(client, domainName);
  if (senders.length) throw new Error(sendersStayText(domainName, senders));
  const confirmed = await confirmDestructive({
    what: vscode.l10n.t('domain'),
    name: domainName,
    typeName: true,
    detail: vscode.l10n.t('Direct Mail stops sending from {0}; adding it again means publishing and verifying its DNS records again.', domainName),
  });
  if (!confirmed) return undefined;
  const key = { kind: 'domain', id: ref.domainId } as const;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}…', domainName) }, () =>
    hinted(c.store.track(key, client.deleteDomain(ref.domainId)), { 'InvalidDomainStatus.Malformed': sendersStayText(domainName, []) }),
  );
  c.log.info(`Domain ${domainName} (${ref.domainId}) deleted`);
  // The row goes and an open DNS panel of the domain says it is gone.
  c.store.markGone(key);
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the domain {0}.', domainName));
  return ref.domainId;
}

async function setDomainPassword(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const ref = await domainRef(c, arg);
  if (!ref) return undefined;
  const shown = ref.domainName ?? ref.domainId;
  const done = await askAndSend(c, 'directMail.setDomainPassword', undefined, {
    title: vscode.l10n.t('SMTP password for {0}', shown),
    prompt: vscode.l10n.t('Password for SMTP sign-in with the domain {0}: 10 to 20 letters and digits, with at least two digits, two upper-case and two lower-case letters.', shown),
    password: true,
    check: (v) => checkField('smtpPassword', v, vscode.l10n.t),
    retype: vscode.l10n.t('Type the same password again to confirm it.'),
    progress: vscode.l10n.t('Setting the SMTP password of {0}…', shown),
  }, async (password) => {
    // The service names the domain, not its ID; asked only once the password passed its check.
    const client = c.session.requireClient();
    const domainName = ref.domainName ?? (await client.descDomain(ref.domainId)).domainName;
    await hinted(client.modifyDomainPassword(domainName, password), {
      'InvalidDomainStatus.Malformed': vscode.l10n.t('{0} is not verified yet, and Direct Mail sets an SMTP password only for a verified domain. Publish its DNS records, run "Verify Domain", then set the password.', domainName),
      'InvalidDomain.NotFound': vscode.l10n.t('Direct Mail has no domain {0} in this account and region; refresh the view and pick it again.', domainName),
      'InvalidDomainPassword.equalcurrent': vscode.l10n.t('This is already the SMTP password of {0}; choose a different one.', domainName),
    });
    return domainName;
  });
  if (done === undefined) return undefined;
  // Never the password itself: only that it changed.
  c.log.info(`SMTP password of the domain ${done} set`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Set the SMTP password of {0}. SMTP clients signing in with the domain use it from now on.', done));
  return ref.domainId;
}

async function verify(c: CommandContext, domainId: string): Promise<VerifyResult> {
  const client = c.session.requireClient();
  const { domainStatus } = await c.store.track({ kind: 'domain', id: domainId }, client.checkDomain(domainId));
  // Through the store: the tree row and an open DNS panel show the new state at once.
  const detail = await c.store.loadDomain(domainId, { realTime: true, force: true });
  const domainName = detail.domainName;
  const records = deriveDnsRecords(detail, vscode.l10n.t);
  const missing = records.filter((r) => r.state === 'fail');
  const named = (list: DnsRecord[]): string => list.map((r) => `${kindName(r)} (${r.type} ${r.host})`).join(', ');
  const openSetup = vscode.l10n.t('Open DNS Setup');
  let shown: Thenable<string | undefined>;
  if (isDomainUsable(domainStatus)) {
    const extra = missing.length ? ' ' + vscode.l10n.t('Still missing (recommended): {0}.', named(missing)) : '';
    shown = vscode.window.showInformationMessage(vscode.l10n.t('{0} is verified: Direct Mail can send from it.', domainName) + extra, ...(missing.length ? [openSetup] : []));
  } else {
    const passing = records.filter((r) => r.state === 'pass');
    shown = vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not verified yet.', domainName) +
        (passing.length ? ' ' + vscode.l10n.t('Found: {0}.', passing.map(kindName).join(', ')) : '') +
        (missing.length ? ' ' + vscode.l10n.t('Missing or different: {0}. Publish these at your DNS provider; DNS changes can take a while to appear.', named(missing)) : ''),
      openSetup,
    );
  }
  // The DNS setup panel explains every record with its value; the log keeps one line per record.
  void shown.then((choice) => (choice === openSetup ? vscode.commands.executeCommand('directMail.openDnsPanel', { domainId }) : undefined));
  c.log.info(`CheckDomain ${domainName}: status ${domainStatus}`);
  for (const r of records) c.log.info(`  ${kindName(r)} ${r.type} ${r.host}: ${r.state}${r.state === 'fail' ? ` — ${r.explanation}` : ''}`);
  await reveal(c, 'domain', domainId);
  return { domainName, domainStatus, records };
}

const kindName = (r: DnsRecord): string => recordPurpose(r.kind, vscode.l10n.t);
