// The one question every destructive command asks before it sends anything. Ordinary deletes get a modal warning
// (skipped when directMail.confirmDelete is off); deletes whose loss is large (a domain stops sending, a list
// loses its recipients) make the user type the exact name, whatever the setting says. There is no argument that
// skips the question: tests answer it through the prompts seam (util/prompts.ts), as a person would.
import * as vscode from 'vscode';
import { prompts } from '../util/prompts';
import { readSettings } from '../util/settings';

export interface ConfirmRequest {
  /** What is being deleted, already localized (e.g. vscode.l10n.t('domain')). */
  what: string;
  /** The item's name as the user knows it; with typeName it must be typed exactly. */
  name: string;
  /** Ask for the name instead of a button: for deletes whose loss is large. */
  typeName?: boolean;
  /** One more sentence on the consequences, shown under the question. */
  detail?: string;
}

/** True when the caller may go ahead. Nothing is sent before this resolves. */
export async function confirmDestructive(request: ConfirmRequest): Promise<boolean> {
  const { what, name, detail } = request;
  if (request.typeName) {
    const mismatch = vscode.l10n.t('Type the name exactly as shown: {0}', name);
    // Enter on a partial name re-opens the box with it and says why, instead of silently not deleting.
    let accepted: string | undefined;
    for (;;) {
      const typed = await prompts().showInputBox({
        title: vscode.l10n.t('Delete {0} "{1}"', what, name),
        prompt: (detail ? detail + ' ' : '') + (accepted === undefined ? vscode.l10n.t('Type "{0}" to confirm.', name) : mismatch),
        placeHolder: name,
        value: accepted,
        valueSelection: accepted === undefined ? undefined : [accepted.length, accepted.length],
        ignoreFocusOut: true,
        // Quiet while what is typed so far still leads to the name (unless Enter was already pressed on it).
        validateInput: (value) => (value === name || (name.startsWith(value) && value !== accepted) ? undefined : mismatch),
      });
      if (typed === undefined) return false;
      if (typed === name) return true;
      accepted = typed;
    }
  }
  if (!readSettings().confirmDelete) return true;
  const remove = vscode.l10n.t('Delete');
  const answer = await prompts().showWarningMessage(vscode.l10n.t('Delete {0} "{1}"?', what, name), { modal: true, detail }, remove);
  return answer === remove;
}
