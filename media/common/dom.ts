// A tiny element builder: text always goes in as text nodes, so nothing from the service is parsed as HTML.
import { l10n } from './l10n';
type Child = Node | string | number | false | null | undefined;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs?: Record<string, string | boolean | undefined>,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attrs?: Record<string, string | boolean | undefined>, ...children: Child[]): HTMLElement;
export function h(tag: string, attrs: Record<string, string | boolean | undefined> = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) {
    if (value === undefined || value === false) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

/** A codicon glyph (decorative: the surrounding control carries the label). */
export const icon = (name: string): HTMLElement => h('span', { class: `codicon codicon-${name}`, 'aria-hidden': 'true' });

export function render(...children: Child[]): HTMLElement {
  const app = document.getElementById('app') as HTMLElement;
  app.replaceChildren(...children.filter((c): c is Node | string | number => c !== null && c !== undefined && c !== false).map((c) => (c instanceof Node ? c : String(c))));
  return app;
}

/** A line for transient feedback ("Copied the value."), announced to screen readers. */
export function notice(text: string, kind: 'info' | 'error' = 'info'): HTMLElement {
  return h('p', { class: `notice ${kind}`, role: kind === 'error' ? 'alert' : 'status' }, icon(kind === 'error' ? 'error' : 'info'), ' ', text);
}

export const formatTime = (iso: string): string => new Date(iso).toLocaleString();

/**
 * Transient feedback ("Copied the value.") in a toast fixed to the bottom of the page: announced to screen readers,
 * gone after a few seconds, and outside the page flow, so the table under the pointer never moves.
 */
let toastTimer: ReturnType<typeof setTimeout> | undefined;
export function toast(text: string, kind: 'info' | 'error' = 'info'): void {
  let element = document.getElementById('toast');
  if (!element) {
    element = h('div', { id: 'toast', class: 'toast notice', role: 'status', 'aria-live': 'polite' });
    document.body.append(element);
  }
  element.className = `toast notice ${kind} visible`;
  element.replaceChildren(icon(kind === 'error' ? 'error' : 'check'), ' ', text);
  if (toastTimer) clearTimeout(toastTimer);
  toastTimer = setTimeout(() => element?.classList.remove('visible'), kind === 'error' ? 6000 : 2500);
}

/** Who the panel's data belongs to: a quiet line under the title. */
export function ownerLine(owner: { profile: string; region: string } | undefined): HTMLElement | undefined {
  if (!owner) return undefined;
  return h('p', { class: 'muted owner', id: 'owner' }, icon('account'), ' ', l10n.t('Profile {0} · {1}', owner.profile, owner.region));
}

/**
 * When another profile or region is active than the panel's: `text` says so (the caller words it for its resource),
 * with "Switch back" and "Close".
 */
export function ownerBanner(
  owner: { profile: string; region: string; active?: { profile: string; region: string } } | undefined,
  text: (owner: { profile: string; region: string }, active: { profile: string; region: string }) => string,
  switchBack: () => void,
  close: () => void,
): HTMLElement | undefined {
  const active = owner?.active;
  if (!owner || !active) return undefined;
  const words = active.profile ? text(owner, active) : l10n.t('This panel belongs to profile {0} in {1}; no profile is signed in now.', owner.profile, owner.region);
  const back = h('vscode-button', { icon: 'arrow-swap', id: 'switch-back' }, l10n.t('Switch back to {0}', owner.profile));
  back.addEventListener('click', switchBack);
  const closeButton = h('vscode-button', { icon: 'close', secondary: true }, l10n.t('Close'));
  closeButton.addEventListener('click', close);
  return h('div', { class: 'banner warn', role: 'alert', id: 'elsewhere' }, icon('warning'), h('span', {}, words), back, closeButton);
}
