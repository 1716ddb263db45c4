// Command ids and argument fields of the previous release, which said "mail address" and "receiver" where the
// extension now says "sender address" and "recipient list" everywhere. Key bindings, tasks and scripts that use
// the old names keep working for one more release; the old ids are not in the Command Palette.
import * as vscode from 'vscode';

export const RENAMED_COMMANDS: Readonly<Record<string, string>> = {
  'directMail.createMailAddress': 'directMail.createSenderAddress',
  'directMail.deleteMailAddress': 'directMail.deleteSenderAddress',
  'directMail.setMailAddressPassword': 'directMail.setSenderPassword',
  'directMail.createReceiver': 'directMail.createRecipientList',
  'directMail.deleteReceiver': 'directMail.deleteRecipientList',
};

/** Argument fields by their new name, with the name the previous release read. */
export const RENAMED_ARGUMENT_FIELDS: Readonly<Record<string, string>> = {
  senderAddressId: 'mailAddressId',
  recipientListId: 'receiverId',
};

/** Create-form kinds of the previous release, in the saved state of a form left open across the update. */
export const RENAMED_FORM_KINDS: Readonly<Record<string, string>> = {
  mailAddress: 'sender',
  receiver: 'recipientList',
};

/** Each old id runs the new command with the same arguments (old argument fields are read by argString). */
export function registerRenamedCommands(): vscode.Disposable {
  return vscode.Disposable.from(
    ...Object.entries(RENAMED_COMMANDS).map(([old, now]) => vscode.commands.registerCommand(old, (...args: unknown[]) => vscode.commands.executeCommand(now, ...args))),
  );
}
