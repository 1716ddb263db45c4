// "Send Test Email": opens the test-email form of a sender address. Takes a sender tree node, an argument object
// ({ accountName }) or the address itself, or asks with a quick pick of the account's sender addresses.
import * as vscode from 'vscode';
import { checkField } from '../api/validation';
import { resourceOf } from '../views/node';
import type { PanelManager } from '../webviews/panels';
import { argString, type CommandContext } from './context';
import { pickSender } from './pickers';

export function registerTestEmailCommand(c: CommandContext, panels: PanelManager): void {
  c.register('directMail.sendTestEmail', async (arg?: unknown) => {
    const node = resourceOf(arg);
    const accountName = (node?.kind === 'sender' ? node.address : argString(arg, 'accountName')) ?? (await pickSender(c.tree))?.address.accountName;
    if (accountName === undefined) return undefined;
    const problem = checkField('accountName', accountName.trim(), vscode.l10n.t);
    if (problem) throw new Error(vscode.l10n.t('Cannot send a test email from "{0}": {1}', accountName.slice(0, 80), problem));
    panels.open({ panel: 'testEmail', accountName: accountName.trim().toLowerCase() });
    return accountName.trim().toLowerCase();
  });
}
