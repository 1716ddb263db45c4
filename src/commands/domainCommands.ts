// Verify a domain (CheckDomain, then the records explained one by one), open the console, show the log.
import * as vscode from 'vscode';
import { consoleUrl } from '../api/regions';
import { isDomainUsable, type DomainStatus } from '../api/types';
import type { DnsRecord } from '../model/dnsRecords';
import { deriveDnsRecords } from '../model/dnsRecords';
import { DomainNode } from '../views/domainNodes';
import type { CommandContext } from './context';
import { pickDomain } from './pickers';

export interface VerifyResult {
  domainName: string;
  domainStatus: DomainStatus;
  records: DnsRecord[];
}

export function registerDomainCommands(c: CommandContext): void {
  c.register('directMail.verifyDomain', async (node?: unknown) => {
    const domain = node instanceof DomainNode ? node : await pickDomain(c.tree);
    if (!domain) return undefined;
    return vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Verifying {0}…', domain.domain.domainName) },
      () => verify(c, domain),
    );
  });

  c.register('directMail.openInConsole', async () => {
    const region = c.session.connection()?.region ?? 'cn-hangzhou';
    const url = consoleUrl(region);
    await vscode.env.openExternal(vscode.Uri.parse(url));
    return url;
  });

  c.register('directMail.showLog', () => c.log.show());
}

async function verify(c: CommandContext, domain: DomainNode): Promise<VerifyResult> {
  const client = c.session.requireClient();
  const { domainId, domainName } = domain.domain;
  const { domainStatus } = await client.checkDomain(domainId);
  const detail = await client.descDomain(domainId, { realTime: true });
  const records = deriveDnsRecords(detail, vscode.l10n.t);
  const missing = records.filter((r) => r.state === 'fail');
  const named = (list: DnsRecord[]): string => list.map((r) => `${kindName(r)} (${r.type} ${r.host})`).join(', ');
  if (isDomainUsable(domainStatus)) {
    const extra = missing.length ? ' ' + vscode.l10n.t('Still missing (recommended): {0}.', named(missing)) : '';
    void vscode.window.showInformationMessage(vscode.l10n.t('{0} is verified: Direct Mail can send from it.', domainName) + extra);
  } else {
    const passing = records.filter((r) => r.state === 'pass');
    void vscode.window.showWarningMessage(
      vscode.l10n.t('{0} is not verified yet.', domainName) +
        (passing.length ? ' ' + vscode.l10n.t('Found: {0}.', passing.map(kindName).join(', ')) : '') +
        (missing.length ? ' ' + vscode.l10n.t('Missing or different: {0}. Publish these at your DNS provider; DNS changes can take a while to appear.', named(missing)) : ''),
    );
  }
  c.log.info(`CheckDomain ${domainName}: status ${domainStatus}; ${records.map((r) => `${r.kind} ${r.state}`).join(', ')}`);
  c.tree.refreshGroup('domains');
  return { domainName, domainStatus, records };
}

function kindName(r: DnsRecord): string {
  switch (r.kind) {
    case 'ownership':
      return vscode.l10n.t('ownership TXT');
    case 'spf':
      return 'SPF';
    case 'mx':
      return 'MX';
    case 'dkim':
      return 'DKIM';
    case 'dmarc':
      return 'DMARC';
    default:
      return vscode.l10n.t('tracking CNAME');
  }
}
