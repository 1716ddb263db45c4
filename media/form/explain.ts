// The parts of a form page that explain it: the reason next to a disabled submit button, the offer to split a full
// address typed into "Local part", and the result of the last submit, brought into view and kept across hide/show
// and window reloads (in the webview state, which VS Code keeps for the panel).
import { h, icon } from '../common/dom';
import { loadState, saveState } from '../common/host';
import { l10n } from '../common/l10n';
import type { SubmitBlocker } from '../../src/shared/formSpecs';
import type { FormResult, PanelKey } from '../../src/shared/protocol';

/** The line beside the submit button that says why it is disabled; the button points at it (aria-describedby). */
export function reasonLine(): HTMLElement {
  return h('p', { id: 'submit-reason', class: 'submit-reason', 'aria-live': 'polite', hidden: true });
}

/** Shows what blocks the submit (the field, in words), or nothing when the form can be sent. */
export function showReason(line: HTMLElement, blocker: SubmitBlocker | undefined): void {
  line.hidden = !blocker;
  line.dataset.field = blocker?.key ?? '';
  line.replaceChildren(...(blocker ? [icon('info'), ' ', blocker.text] : []));
}

/** Scrolls the result into view and moves focus to it, so screen readers read it and nobody misses it below the fold. */
export function revealResult(status: HTMLElement): void {
  status.tabIndex = -1;
  status.scrollIntoView({ block: 'nearest' });
  status.focus({ preventScroll: true });
}

/** The result the page showed last (kept in the webview state). */
export const savedResult = (): FormResult | undefined => loadState()?.result;

/** Keeps the shown result (and the values it left) so the panel shows both again after a hide/show or reload. */
export function rememberResult(key: PanelKey, result: FormResult, values: Record<string, string>): void {
  saveState({ key, result, values });
}

/**
 * The offer under "Local part" when a full address was typed there and its domain is one of the choices: a button
 * that moves the domain into the domain field and keeps the part before the @.
 */
export function splitOffer(split: { localPart: string; domain: string } | undefined, apply: () => void): HTMLElement | undefined {
  if (!split) return undefined;
  const button = h(
    'button',
    { type: 'button', class: 'link-button', id: 'split-address' },
    l10n.t('Use "{0}" here and pick {1} under "Domain"', split.localPart, split.domain),
  );
  button.addEventListener('click', apply);
  return button;
}
