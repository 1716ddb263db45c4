// The test-email form's own page behaviour, kept apart from the shared form page (main.ts calls in):
// - the note next to the sender for a batch address, before anything is sent;
// - after a send (whose result main.ts brings into view), the button reads "Sent" (or "Outcome unknown"), disabled,
//   with the reason beside it, until any field changes: a second click cannot send the same mail twice by accident.
//   The extension refuses the same values again as well, so this is the visible half of one rule.
import { h, icon } from '../common/dom';
import { l10n, translate } from '../common/l10n';
import type { ResultMessage } from '../../src/shared/protocol';
import { senderNote } from '../../src/shared/testEmailSpec';

/** The batch-address note for the sender field, or nothing for a trigger address. */
export function senderNoteElement(sendType: string): HTMLElement | undefined {
  const text = senderNote(sendType, translate);
  return text ? h('div', { class: 'field-help', id: 'sender-note', role: 'note' }, icon('warning'), ' ', text) : undefined;
}

export interface SendLock {
  /** Shown beside the button: why it is disabled. */
  readonly reason: HTMLElement;
  locked(): boolean;
  /** After a submit's result: lock on a send that went out (or may have). */
  afterResult(result: ResultMessage): void;
  /** Any field changed: the button sends again. */
  release(): void;
}

export function sendLock(button: HTMLElement, label: string): SendLock {
  const reason = h('span', { class: 'muted', id: 'send-lock-reason', role: 'status' });
  let state: 'open' | 'sent' | 'unknown' = 'open';
  const set = (next: typeof state): void => {
    state = next;
    button.textContent = next === 'sent' ? l10n.t('Sent') : next === 'unknown' ? l10n.t('Outcome unknown') : label;
    const at = new Date().toLocaleTimeString();
    reason.replaceChildren(
      next === 'sent'
        ? l10n.t('Sent at {0}. Change any field to send another mail.', at)
        : next === 'unknown'
          ? l10n.t('Check the delivery log before sending again; change any field to send anyway.')
          : '',
    );
  };
  return {
    reason,
    locked: () => state !== 'open',
    afterResult(result) {
      if (result.ok && result.sent) set('sent');
      else if (result.unknownOutcome) set('unknown');
    },
    release() {
      if (state !== 'open') set('open');
    },
  };
}
