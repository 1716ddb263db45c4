// Copy a name, an ID, an address, or a DNS record's value, host or whole record (as a zone-file line).
import * as vscode from 'vscode';
import { copyToClipboard, dnsRecordText } from '../util/clipboard';
import { DnsRecordNode } from '../views/domainNodes';
import { ErrorNode, resourceOf } from '../views/node';
import type { CommandContext } from './context';
import { pickDnsRecord, pickResource } from './pickers';

export function registerCopyCommands(c: CommandContext): void {
  c.register('directMail.copyName', async (node?: unknown) => {
    node ??= await pickResource(c.tree, ['domain', 'sender', 'recipientList', 'tag'], vscode.l10n.t('Choose what to copy the name of'));
    const text = resourceOf(node)?.name;
    return text === undefined ? undefined : copyToClipboard(text, vscode.l10n.t('the name'));
  });
  c.register('directMail.copyId', async (node?: unknown) => {
    node ??= await pickResource(c.tree, ['domain', 'sender', 'recipientList', 'tag'], vscode.l10n.t('Choose what to copy the ID of'));
    const text = resourceOf(node)?.id;
    return text === undefined ? undefined : copyToClipboard(text, vscode.l10n.t('the ID'));
  });
  c.register('directMail.copyAddress', async (node?: unknown) => {
    node ??= await pickResource(c.tree, ['sender'], vscode.l10n.t('Choose the sender address to copy'));
    const text = resourceOf(node)?.address;
    return text === undefined ? undefined : copyToClipboard(text, vscode.l10n.t('the address'));
  });

  const dns = (id: string, text: (n: DnsRecordNode) => string, what: string): void =>
    c.register(id, async (node?: unknown) => {
      const record = node instanceof DnsRecordNode ? node : await pickDnsRecord(c.tree);
      return record ? copyToClipboard(text(record), what) : undefined;
    });
  dns('directMail.copyDnsValue', (n) => n.record.value, vscode.l10n.t('the record value'));
  dns('directMail.copyDnsHost', (n) => n.record.host, vscode.l10n.t('the record host'));
  dns('directMail.copyDnsRecord', (n) => dnsRecordText(n.record), vscode.l10n.t('the record as a zone-file line'));

  c.register('directMail.copyRequestId', async (node?: unknown) => {
    const id = node instanceof ErrorNode ? node.details.requestId : undefined;
    return id ? copyToClipboard(id, vscode.l10n.t('the request ID')) : undefined;
  });
}
