// Recipient lists and recipients: delete a list (type its name when it still has recipients), add one recipient
// (address, then optional details), remove one recipient. Creating a list is the webview form's job; importing
// a CSV file is importRecipients.ts. Commands take a tree node, an argument object
// ({ recipientListId, email, fields }) or ask with quick picks.
import * as vscode from 'vscode';
import { prompts } from '../util/prompts';
import type { RecipientInput } from '../api/types';
import { checkField } from '../api/validation';
import { DETAIL_FIELD_NAMES, detailProblem, fieldOfName, type DetailField } from '../model/recipientImport';
import { describeError, errorDetails, isAbort, mayHaveHappened } from '../util/errors';
import { hinted } from './askAndSend';
import { confirmDestructive } from './confirm';
import type { CommandContext } from './context';
import { listRef, recipientRef, type ListRef } from './recipientTargets';
import { refreshAndReveal } from './treeUpdate';

const notFoundHints = (name: string): Record<string, string> => ({
  'InvalidReceiver.NotFound': vscode.l10n.t('Direct Mail has no {0} in this account and region (it may have been deleted); refresh the view and pick it again.', name),
});

export function registerRecipientCommands(c: CommandContext): void {
  c.register('directMail.deleteRecipientList', (arg?: unknown) => deleteRecipientList(c, arg));
  c.register('directMail.addRecipient', (arg?: unknown) => addRecipient(c, arg));
  c.register('directMail.deleteRecipient', (arg?: unknown) => deleteRecipient(c, arg));
}

async function deleteRecipientList(c: CommandContext, arg: unknown): Promise<string | undefined> {
  // An unknown ID is left for the service to refuse (with its code), after the question.
  const list = await listRef(c, arg, true);
  if (!list) return undefined;
  const count = list.count ?? 0;
  const ok = await confirmDestructive({
    what: vscode.l10n.t('recipient list'),
    name: list.name,
    typeName: count > 0,
    detail: count > 0 ? vscode.l10n.t('Its {0} recipients are deleted with it; this cannot be undone.', count) : vscode.l10n.t('The list is empty.'),
  });
  if (!ok) return undefined;
  const key = { kind: 'recipientList', id: list.recipientListId } as const;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Deleting {0}…', list.name) }, () =>
    hinted(c.store.track(key, c.session.requireClient().deleteRecipientList(list.recipientListId)), notFoundHints(list.name)),
  );
  c.log.info(`DeleteReceiver ${list.recipientListId} (${list.name}) done`);
  c.store.markGone(key);
  return list.recipientListId;
}

/** Fields from an argument object ({ UserName: 'Ann', mobile: '138…' }), checked like typed ones. */
function fieldsFromArg(raw: unknown): Partial<Record<DetailField, string>> {
  const out: Partial<Record<DetailField, string>> = {};
  if (raw === undefined) return out;
  if (typeof raw !== 'object' || raw === null) throw new Error(vscode.l10n.t('"fields" must be an object such as {"UserName": "Ann"}.'));
  for (const [key, value] of Object.entries(raw)) {
    const field = fieldOfName(key);
    if (!field || field === 'email') throw new Error(vscode.l10n.t('Unknown recipient field "{0}"; use {1}.', key, Object.values(DETAIL_FIELD_NAMES).join(', ')));
    const text = String(value ?? '').trim();
    const problem = detailProblem(field, text, vscode.l10n.t);
    if (problem) throw new Error(problem);
    if (text) out[field] = text;
  }
  return out;
}

/** Sends one recipient; a refusal of the row (already in the list, bad address) becomes an error. */
async function saveOne(c: CommandContext, list: ListRef, input: RecipientInput): Promise<void> {
  const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Adding {0} to {1}…', input.email, list.name) }, () =>
    hinted(c.session.requireClient().addRecipients(list.recipientListId, [input]), notFoundHints(list.name)),
  );
  const refusal = result.errors[0];
  if (refusal || result.successCount < 1) {
    const why = refusal?.message ?? vscode.l10n.t('Direct Mail did not add it and gave no reason');
    throw new Error(/duplicate/i.test(why) ? vscode.l10n.t('{0} is already in {1} ({2}).', input.email, list.name, why) : vscode.l10n.t('Direct Mail refused {0}: {1}.', input.email, why));
  }
}

async function addRecipient(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const list = await listRef(c, arg, false);
  if (!list) return undefined;
  const given = arg as { email?: unknown; fields?: unknown } | undefined;
  if (typeof given?.email === 'string') {
    const email = given.email.trim();
    const problem = checkField('emailAddress', email, vscode.l10n.t);
    if (problem) throw new Error(problem);
    await saveOne(c, list, { email, ...fieldsFromArg(given.fields) });
    return added(c, list, email);
  }
  // Typed: the address, then optional details; a refusal re-opens the address prefilled, with the reason shown.
  let input: RecipientInput = { email: '' };
  let failure: string | undefined;
  for (;;) {
    const email = await askEmail(list, input.email, failure);
    if (email === undefined) return undefined;
    const details = await askDetails(email, email === input.email ? input : { email });
    if (!details) return undefined;
    input = details;
    try {
      await saveOne(c, list, input);
      return added(c, list, input.email);
    } catch (error) {
      if (isAbort(error)) return undefined;
      // An add that may have happened is reported by the command wrapper (outcome unknown, Refresh), not re-asked.
      if (mayHaveHappened(errorDetails(error))) throw error;
      failure = describeError(errorDetails(error));
      c.log.error(`directMail.addRecipient: ${failure}`);
    }
  }
}

async function added(c: CommandContext, list: ListRef, email: string): Promise<string> {
  c.log.info(`SaveReceiverDetail ${list.recipientListId}: added ${email}`);
  await refreshAndReveal(c, 'recipientList', list.recipientListId);
  void vscode.window.showInformationMessage(vscode.l10n.t('Added {0} to {1}.', email, list.name));
  return email;
}

function askEmail(list: ListRef, value: string, failure: string | undefined): Thenable<string | undefined> {
  return vscode.window
    .showInputBox({
      title: vscode.l10n.t('Add a recipient to {0}', list.name),
      prompt: vscode.l10n.t('The recipient\'s email address'),
      placeHolder: 'name@example.com',
      value,
      ignoreFocusOut: true,
      validateInput: (v) => {
        const problem = checkField('emailAddress', v.trim(), vscode.l10n.t);
        if (problem) return problem;
        return failure && v === value ? { message: vscode.l10n.t('{0} Change it and press Enter to try again, or Escape to cancel.', failure), severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
      },
    })
    .then((v) => v?.trim());
}

/** "Add now" or one optional input per detail field (Escape cancels, an empty value skips the field). */
async function askDetails(email: string, previous: RecipientInput): Promise<RecipientInput | undefined> {
  const now = { label: vscode.l10n.t('$(check) Add {0}', email), details: false };
  const more = { label: vscode.l10n.t('$(edit) Add details first…'), description: Object.values(DETAIL_FIELD_NAMES).join(', '), details: true };
  const choice = await prompts().showQuickPick([now, more], { title: vscode.l10n.t('Add {0}', email), ignoreFocusOut: true });
  if (!choice) return undefined;
  const input: RecipientInput = { ...previous, email };
  if (!choice.details) return input;
  const fields = Object.keys(DETAIL_FIELD_NAMES) as DetailField[];
  for (const [i, field] of fields.entries()) {
    const value = await prompts().showInputBox({
      title: vscode.l10n.t('Details of {0} ({1}/{2})', email, i + 1, fields.length),
      prompt: vscode.l10n.t('{0} (optional: leave empty to skip)', DETAIL_FIELD_NAMES[field]),
      value: previous[field] ?? '',
      ignoreFocusOut: true,
      validateInput: (v) => detailProblem(field, v.trim(), vscode.l10n.t),
    });
    if (value === undefined) return undefined;
    if (value.trim()) input[field] = value.trim();
    else delete input[field];
  }
  return input;
}

async function deleteRecipient(c: CommandContext, arg: unknown): Promise<string | undefined> {
  const target = await recipientRef(c, arg);
  if (!target) return undefined;
  const { list, email } = target;
  const problem = checkField('emailAddress', email, vscode.l10n.t);
  if (problem) throw new Error(problem);
  const ok = await confirmDestructive({ what: vscode.l10n.t('recipient'), name: email, detail: vscode.l10n.t('It is removed from {0}.', list.name) });
  if (!ok) return undefined;
  await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: vscode.l10n.t('Removing {0}…', email) }, () =>
    hinted(c.session.requireClient().deleteRecipient(list.recipientListId, email), {
      ...notFoundHints(list.name),
      'InvalidReceiverDetail.NotFound': vscode.l10n.t('{0} is not in {1} (it may have been removed already); refresh the list.', email, list.name),
    }),
  );
  c.log.info(`DeleteReceiverDetail ${list.recipientListId}: removed ${email}`);
  await refreshAndReveal(c, 'recipientList', list.recipientListId);
  return email;
}
