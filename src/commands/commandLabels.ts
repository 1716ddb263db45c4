// What each command does, in words for its failure notification ("Deleting the tag “news” failed: …"), and the
// tree group where its result shows (the "Refresh" of an outcome-unknown notification refreshes that group).
// The subject ("news") comes from the command's argument: a tree node's label, or the name or ID in an argument
// object. Commands without an entry keep the error's own message.
import * as vscode from 'vscode';
import type { FailureSubject } from '../model/failureText';
import type { ResourceKind } from '../model/resourceStore';

interface CommandLabel {
  /** With the subject when the argument names one, else the general words. */
  doing(subject: string | undefined): string;
  group?: ResourceKind;
}

const t = vscode.l10n.t;

const LABELS: Readonly<Record<string, CommandLabel>> = {
  'directMail.createDomain': { group: 'domain', doing: (s) => (s ? t('Creating the domain “{0}”', s) : t('Creating the domain')) },
  'directMail.verifyDomain': { group: 'domain', doing: (s) => (s ? t('Verifying the domain “{0}”', s) : t('Verifying the domain')) },
  'directMail.deleteDomain': { group: 'domain', doing: (s) => (s ? t('Deleting the domain “{0}”', s) : t('Deleting the domain')) },
  'directMail.setDomainPassword': { group: 'domain', doing: (s) => (s ? t('Setting the SMTP password of “{0}”', s) : t('Setting the domain\'s SMTP password')) },
  'directMail.createSenderAddress': { group: 'sender', doing: (s) => (s ? t('Creating the sender address “{0}”', s) : t('Creating the sender address')) },
  'directMail.deleteSenderAddress': { group: 'sender', doing: (s) => (s ? t('Deleting the sender address “{0}”', s) : t('Deleting the sender address')) },
  'directMail.setSenderPassword': { group: 'sender', doing: (s) => (s ? t('Setting the SMTP password of “{0}”', s) : t('Setting the sender address\'s SMTP password')) },
  'directMail.setReplyAddress': { group: 'sender', doing: (s) => (s ? t('Setting the reply-to address of “{0}”', s) : t('Setting the reply-to address')) },
  'directMail.sendReplyVerification': { group: 'sender', doing: (s) => (s ? t('Sending the reply-to verification mail of “{0}”', s) : t('Sending the reply-to verification mail')) },
  'directMail.approveReplyAddress': { group: 'sender', doing: () => t('Approving the reply-to address') },
  'directMail.sendTestEmail': { doing: (s) => (s ? t('Opening the test email form of “{0}”', s) : t('Opening the test email form')) },
  'directMail.createRecipientList': { group: 'recipientList', doing: (s) => (s ? t('Creating the recipient list “{0}”', s) : t('Creating the recipient list')) },
  'directMail.deleteRecipientList': { group: 'recipientList', doing: (s) => (s ? t('Deleting the recipient list “{0}”', s) : t('Deleting the recipient list')) },
  'directMail.addRecipient': { group: 'recipientList', doing: (s) => (s ? t('Adding the recipient “{0}”', s) : t('Adding the recipient')) },
  'directMail.importRecipients': { group: 'recipientList', doing: (s) => (s ? t('Importing recipients into “{0}”', s) : t('Importing recipients')) },
  'directMail.deleteRecipient': { group: 'recipientList', doing: (s) => (s ? t('Removing the recipient “{0}”', s) : t('Removing the recipient')) },
  'directMail.createTag': { group: 'tag', doing: (s) => (s ? t('Creating the tag “{0}”', s) : t('Creating the tag')) },
  'directMail.renameTag': { group: 'tag', doing: (s) => (s ? t('Renaming the tag “{0}”', s) : t('Renaming the tag')) },
  'directMail.deleteTag': { group: 'tag', doing: (s) => (s ? t('Deleting the tag “{0}”', s) : t('Deleting the tag')) },
  'directMail.addProfile': { doing: () => t('Adding the profile') },
  'directMail.importAliyunCliProfile': { doing: () => t('Importing the aliyun CLI profile') },
  'directMail.useEnvironmentProfile': { doing: () => t('Using the credentials from the environment') },
  'directMail.switchProfile': { doing: () => t('Switching the profile') },
  'directMail.removeProfile': { doing: () => t('Removing the profile') },
  'directMail.selectRegion': { doing: () => t('Switching the region') },
};

/** The shown names of the tree's groups (the same words as the tree); the account is a row, not a group. */
export function groupName(kind: ResourceKind): string | undefined {
  switch (kind) {
    case 'account':
      return undefined;
    case 'domain':
      return t('Domains');
    case 'sender':
      return t('Sender Addresses');
    case 'recipientList':
      return t('Recipient Lists');
    case 'tag':
      return t('Tags');
  }
}

/** Argument fields that name what a command acts on, best first (a new name, like renameTag's, is not one). */
const NAME_FIELDS = ['domainName', 'accountName', 'email', 'name', 'domainId', 'senderAddressId', 'recipientListId', 'tagId'] as const;

/** What the command acts on, as the user knows it: a tree node's label, or a name or ID from the argument. */
export function subjectOf(args: readonly unknown[]): string | undefined {
  const arg = args[0];
  if (typeof arg === 'string') return arg.trim() || undefined;
  if (!arg || typeof arg !== 'object') return undefined;
  const node = arg as { treeItem?: () => vscode.TreeItem };
  if (typeof node.treeItem === 'function') {
    const label = node.treeItem().label;
    const text = typeof label === 'string' ? label : label?.label;
    return text || undefined;
  }
  for (const field of NAME_FIELDS) {
    const value = (arg as Record<string, unknown>)[field];
    if (typeof value === 'string' && value.trim()) return value.trim();
  }
  return undefined;
}

export interface CommandFailureSubject extends FailureSubject {
  group?: ResourceKind;
}

/** The failure subject of a command run with these arguments, or undefined for commands without words. */
export function commandSubject(id: string, args: readonly unknown[]): CommandFailureSubject | undefined {
  const label = LABELS[id];
  if (!label) return undefined;
  let subject: string | undefined;
  try {
    subject = subjectOf(args);
  } catch {
    subject = undefined;
  }
  return { doing: label.doing(subject?.slice(0, 120)), group: label.group, groupName: label.group ? groupName(label.group) : undefined };
}
