// Sender addresses: delete, the SMTP password and the reply-to address (ModifyMailAddress), the reply-to
// verification mail (CheckReplyToMailAddress) and its ticket (ApproveReplyMailAddress). Creating one is the
// webview form's job. Each command takes a tree node, an argument object
// ({ senderAddressId, replyAddress }) or asks with a quick pick.
import * as vscode from 'vscode';
import { ReplyStatus } from '../api/types';
import { checkField, tokenProblem } from '../api/validation';
import { resourceOf } from '../views/node';
import { SenderNode } from '../views/senderNodes';
import { askAndSend, hinted } from './askAndSend';
import { confirmDestructive } from './confirm';
import { argString, type CommandContext } from './context';
import { pickSender } from './pickers';
import { refreshAndReveal } from './treeUpdate';

interface SenderRef {
  senderAddressId: string;
  /** The address when known (from the tree); otherwise the ID stands in for it in messages. */
  accountName: string;
  /** True when it came from the tree, so the reply-to fields below are known. */
  fromTree: boolean;
  replyAddress?: string;
  replyVerified?: boolean;
}

async function senderRef(c: CommandContext, arg: unknown): Promise<SenderRef | undefined> {
  const node = arg instanceof SenderNode ? arg : argString(arg, 'senderAddressId') === undefined ? await pickSender(c.tree) : undefined;
  if (node) {
    const a = node.address;
    return { senderAddressId: a.senderAddressId, accountName: a.accountName, fromTree: true, replyAddress: a.replyAddress || undefined, replyVerified: a.replyStatus === ReplyStatus.Verified };
  }
  const senderAddressId = argString(arg, 'senderAddressId');
  return senderAddressId === undefined ? undefined : { senderAddressId, accountName: vscode.l10n.t('sender address {0}', senderAddressId), fromTree: false };
}

const notFoundHint = (s: SenderRef): string =>
  vscode.l10n.t('Direct Mail has no {0} in this account and region (it may have been deleted); refresh the view and pick it again.', s.accountName);

const PASSWORD_RULE = (): string => vscode.l10n.t('10 to 20 letters and digits, with at least two digits, two upper-case and two lower-case letters');

export function registerSenderCommands(c: CommandContext): void {
  c.register('directMail.deleteSenderAddress', (arg?: unknown) => deleteSender(c, arg));
  c.register('directMail.setSenderPassword', (arg?: unknown) => setPassword(c, arg));
  c.register('directMail.setReplyAddress', (arg?: unknown) => setReplyAddress(c, arg));
  c.register('directMail.sendReplyVerification', (arg?: unknown) => sendVerification(c, arg));
  c.register('directMail.approveReplyAddress', (arg?: unknown) => approve(c, arg));
}

async function deleteSender(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const s = await senderRef(c, arg);
  if (!s) return undefined;
  const confirmed = await confirmDestructive({
    what: vscode.l10n.t('sender address'),
    name: s.accountName,
    detail: vscode.l10n.t('Mail can no longer be sent from this address, and SMTP clients using its password stop working.'),
  });
  if (!confirmed) return undefined;
  const key = { kind: 'sender', id: s.senderAddressId } as const;
  await hinted(c.store.track(key, c.session.requireClient().deleteSenderAddress(s.senderAddressId)), { 'InvalidMailAddress.NotFound': notFoundHint(s) });
  c.log.info(`Sender address ${s.accountName} (${s.senderAddressId}) deleted`);
  c.store.markGone(key);
  void vscode.window.showInformationMessage(vscode.l10n.t('Deleted the sender address {0}.', s.accountName));
  return s.senderAddressId;
}

async function setPassword(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const s = await senderRef(c, arg);
  if (!s) return undefined;
  const done = await askAndSend(c, 'directMail.setSenderPassword', undefined, {
    title: vscode.l10n.t('SMTP password for {0}', s.accountName),
    prompt: vscode.l10n.t('Password SMTP clients sign in with as {0}: {1}.', s.accountName, PASSWORD_RULE()),
    password: true,
    check: (v) => checkField('smtpPassword', v, vscode.l10n.t),
    retype: vscode.l10n.t('Type the same password again to confirm it.'),
    progress: vscode.l10n.t('Setting the SMTP password of {0}…', s.accountName),
  }, (password) => hinted(c.store.track({ kind: 'sender', id: s.senderAddressId }, c.session.requireClient().modifySenderAddress({ senderAddressId: s.senderAddressId, password })), {
    'InvalidMailAddress.NotFound': notFoundHint(s),
    'InvalidPassword.equalcurrent': vscode.l10n.t('This is already the SMTP password of {0}; choose a different one.', s.accountName),
  }).then(() => s.senderAddressId));
  if (done === undefined) return undefined;
  c.log.info(`SMTP password of ${s.accountName} set`);
  void vscode.window.showInformationMessage(vscode.l10n.t('Set the SMTP password of {0}.', s.accountName));
  return done;
}

const replyCheck = (v: string): string | undefined =>
  v === '' ? vscode.l10n.t('Enter the reply-to address, such as support@example.com.') : checkField('replyAddress', v, vscode.l10n.t);

async function setReplyAddress(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const s = await senderRef(c, arg);
  if (!s) return undefined;
  const given = argString(arg, 'replyAddress');
  const done = await askAndSend(c, 'directMail.setReplyAddress', given === undefined ? undefined : given.trim(), {
    title: vscode.l10n.t('Reply-to address of {0}', s.accountName),
    prompt: vscode.l10n.t('Replies to mail from {0} go to this address. It must then be verified: Direct Mail sends it a verification mail.', s.accountName),
    value: s.replyAddress,
    check: (v) => replyCheck(v.trim()),
    progress: vscode.l10n.t('Setting the reply-to address of {0}…', s.accountName),
  }, async (typed) => {
    const replyAddress = typed.trim();
    await hinted(c.store.track({ kind: 'sender', id: s.senderAddressId }, c.session.requireClient().modifySenderAddress({ senderAddressId: s.senderAddressId, replyAddress })), { 'InvalidMailAddress.NotFound': notFoundHint(s) });
    return replyAddress;
  });
  if (done === undefined) return undefined;
  c.log.info(`Reply-to address of ${s.accountName} set to ${done}`);
  await refreshAndReveal(c, 'sender', s.senderAddressId);
  const send = vscode.l10n.t('Send Verification Mail');
  void vscode.window.showInformationMessage(vscode.l10n.t('Replies to {0} now go to {1}, which is not verified yet. Send it the verification mail and open the link in it.', s.accountName, done), send)
    .then((choice) => (choice === send ? vscode.commands.executeCommand('directMail.sendReplyVerification', { senderAddressId: s.senderAddressId }) : undefined));
  return done;
}

async function sendVerification(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const s = await senderRef(c, arg);
  if (!s) return undefined;
  const noReply = vscode.l10n.t('{0} has no reply-to address to verify. Set one first with "Set Reply-To Address".', s.accountName);
  // Known from the tree: refuse without a request.
  if (s.fromTree && s.replyAddress === undefined) throw new Error(noReply);
  if (s.replyVerified) void vscode.window.showInformationMessage(vscode.l10n.t('{0} is already verified; sending the mail again does no harm.', s.replyAddress ?? ''));
  const lang = vscode.env.language.toLowerCase().startsWith('zh') ? undefined : 'en';
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Sending the verification mail…') }, () =>
    hinted(c.session.requireClient().checkReplyToAddress(s.senderAddressId, { lang }), {
      'InvalidMailAddress.NotFound': notFoundHint(s),
      'InvalidReplyAddress.Malformed': noReply,
    }),
  );
  c.log.info(`Reply-to verification mail sent for ${s.accountName}`);
  await refreshAndReveal(c, 'sender', s.senderAddressId);
  const approveNow = vscode.l10n.t('Enter Ticket…');
  void vscode.window.showInformationMessage(
    vscode.l10n.t('Sent the verification mail to {0}. Its owner opens the link in it; or copy the ticket from that link and run "Approve Reply-To Address".', s.replyAddress ?? vscode.l10n.t('the reply-to address of {0}', s.accountName)),
    approveNow,
  ).then((choice) => (choice === approveNow ? vscode.commands.executeCommand('directMail.approveReplyAddress') : undefined));
  return s.senderAddressId;
}

const ticketCheck = (v: string): string | undefined => {
  const problem = tokenProblem(vscode.l10n.t('the ticket'), v.trim(), vscode.l10n.t);
  return problem ? `${problem} ${vscode.l10n.t('Copy it from the link in the verification mail (the value after "ticket=").')}` : undefined;
};

async function approve(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const done = await askAndSend(c, 'directMail.approveReplyAddress', undefined, {
    title: vscode.l10n.t('Approve Reply-To Address'),
    prompt: vscode.l10n.t('Paste the ticket from the link in the verification mail (the value after "ticket=").'),
    check: ticketCheck,
    progress: vscode.l10n.t('Approving the reply-to address…'),
  }, async (ticket) => {
    await hinted(c.session.requireClient().approveReplyAddress(ticket.trim()), {
      'InvalidMailAddress.NotFound': vscode.l10n.t('No sender address waits for a reply-to verification with this ticket. Copy the ticket from the newest verification mail: sending a new mail replaces the old ticket.'),
    });
    return ticket.trim();
  });
  if (done === undefined) return undefined;
  c.log.info('Reply-to address approved with a ticket');
  void vscode.window.showInformationMessage(vscode.l10n.t('The reply-to address is verified.'));
  const node = resourceOf(arg);
  await refreshAndReveal(c, 'sender', node?.kind === 'sender' ? node.id : undefined);
  return done;
}
