// Sender addresses: the address, its send type (batch / trigger) and its reply-to address with its state.
import * as vscode from 'vscode';
import type { DirectMailClient } from '../api';
import { SenderAddressStatus, ReplyStatus, type SenderAddress } from '../api/types';
import { numberedGroup, type GroupSpec } from './groupNode';
import { escapeMd, icon, StoredResourceNode, type ResourceRef, type TreeHost, type TreeNode } from './node';

export function sendersSpec(client: () => DirectMailClient, host: TreeHost, pageSize: () => number): GroupSpec<SenderAddress> {
  return numberedGroup({
    kind: 'sender',
    label: vscode.l10n.t('Sender Addresses'),
    icon: 'mail',
    query: (q, options) => client().querySenderAddresses(q, options),
    key: (a) => a.senderAddressId,
    node: (a, parent) => new SenderNode(a, parent, host),
    emptyText: (keyword) => (keyword ? vscode.l10n.t('No sender address matches "{0}".', keyword) : vscode.l10n.t('No sender addresses yet.')),
  }, host, pageSize);
}

export const sendTypeText = (type: string, raw?: string): string =>
  (type === 'batch' ? vscode.l10n.t('batch') : type === 'unknown' ? vscode.l10n.t('unknown ({0})', raw ?? '') : vscode.l10n.t('trigger'));

export class SenderNode extends StoredResourceNode<'sender'> implements TreeNode {
  constructor(initial: SenderAddress, parent: TreeNode, host: TreeHost) {
    super('sender', initial, initial.senderAddressId, parent, host);
  }

  get address(): SenderAddress {
    return this.stored();
  }

  get resource(): ResourceRef {
    const { senderAddressId, accountName } = this.address;
    return { kind: 'sender', id: senderAddressId, name: accountName, address: accountName };
  }

  replyText(): string {
    const a = this.address;
    if (!a.replyAddress) return '';
    const state = a.replyStatus === ReplyStatus.Verified ? vscode.l10n.t('verified') : vscode.l10n.t('not verified');
    return vscode.l10n.t('reply-to {0} ({1})', a.replyAddress, state);
  }

  treeItem(): vscode.TreeItem {
    const a = this.address;
    const item = new vscode.TreeItem(a.accountName, vscode.TreeItemCollapsibleState.None);
    item.id = this.id;
    item.description = [sendTypeText(a.sendtype, a.unknownValues?.Sendtype), this.replyText()].filter(Boolean).join(' · ');
    const frozen = a.accountStatus === SenderAddressStatus.Frozen;
    item.iconPath = frozen ? icon('lock', 'list.errorForeground') : icon(a.sendtype === 'batch' ? 'mail' : 'zap');
    item.contextValue = `sender.${a.sendtype}`;
    const typeLine = a.sendtype === 'batch'
      ? vscode.l10n.t('Batch address: for newsletters and other bulk mail.')
      : vscode.l10n.t('Trigger address: for transactional mail such as sign-up and password-reset messages.');
    const replyLine = !a.replyAddress
      ? vscode.l10n.t('No reply-to address is set.')
      : a.replyStatus === ReplyStatus.Verified
        ? vscode.l10n.t('Replies go to {0} (verified).', a.replyAddress)
        : vscode.l10n.t('Replies go to {0}, which is not verified yet: its owner must open the verification mail.', a.replyAddress);
    item.tooltip = new vscode.MarkdownString([
      `**${escapeMd(a.accountName)}**${frozen ? ` — ${vscode.l10n.t('frozen')}` : ''}`,
      '',
      escapeMd(typeLine),
      '',
      escapeMd(replyLine),
      '',
      `ID ${escapeMd(a.senderAddressId)}`,
    ].join('\n'));
    // Enter opens the test-email form of this address.
    item.command = { command: 'directMail.sendTestEmail', title: vscode.l10n.t('Send Test Email'), arguments: [this] };
    item.accessibilityInformation = {
      label: [vscode.l10n.t('Sender address {0}', a.accountName), sendTypeText(a.sendtype, a.unknownValues?.Sendtype), frozen ? vscode.l10n.t('frozen') : '', this.replyText()].filter(Boolean).join(', '),
      role: 'treeitem',
    };
    return item;
  }
}
