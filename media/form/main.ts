// Create forms and the test-email form: one page built from the shared field specs (src/shared/formSpecs.ts,
// src/shared/testEmailSpec.ts), so the checks while typing are the client's own.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../common/base.css';
import './form.css';
import { h, icon, render } from '../common/dom';
import { loadState, request, saveState, start } from '../common/host';
import { l10n, translate } from '../common/l10n';
import { checkFormField, formSpecs, splitTypedAddress, submitBlocker, type FieldSpec, type FormSpec, type FormValues } from '../../src/shared/formSpecs';
import type { FormResult, FormView, PanelKey, ResultMessage, TestEmailView } from '../../src/shared/protocol';
import { rememberResult, reasonLine, revealResult, savedResult, showReason, splitOffer } from './explain';
import { testEmailForm } from '../../src/shared/testEmailSpec';
import { senderNoteElement, sendLock, type SendLock } from './testEmailResult';

/** The views this page shows. */
type AnyFormView = FormView | TestEmailView;
/** The specs in the display language (the bundle is configured before this module runs). */
const FORMS = formSpecs(translate);
const TEST_EMAIL_FORM = testEmailForm(translate);
const specOf = (view: AnyFormView): FormSpec => (view.panel === 'form' ? FORMS[view.form] : TEST_EMAIL_FORM);
/** Which form a view is, to keep typed values when the same form is shown again. */
const formIdOf = (view: AnyFormView): string => (view.panel === 'form' ? view.form : `testEmail:${view.from}`);

/**
 * A field's control: vscode-elements' text field, or a native select or textarea styled with the theme's colours
 * (form.css). The select and textarea elements of vscode-elements would take this page over its size budget (about
 * 50 KB of the 150 KB it had), and the native ones are what assistive technology knows best.
 */
type Control = HTMLElement & { value: string; invalid?: boolean; disabled?: boolean };

interface Built {
  formId: string;
  spec: FormSpec;
  key: PanelKey;
  controls: Map<string, Control>;
  errors: Map<string, HTMLElement>;
  touched: Set<string>;
  submit: HTMLElement & { disabled: boolean };
  status: HTMLElement;
  /** The accepted test email's IDs. */
  sent: HTMLElement;
  /** Errors the extension reported for the last submit, shown until the field changes. */
  serverErrors: Map<string, string>;
  submitting: boolean;
  /** Why the submit button is disabled, in words, beside it. */
  reason: HTMLElement;
  /** The view the form shows (its choices and the extension's last result). */
  view: AnyFormView;
  /** Under "Local part": the offer to split a full address typed there. */
  split: HTMLElement;
  /** Test email: "Sent" until a field changes (testEmailResult.ts). */
  lock?: SendLock;
}

let built: Built | undefined;

const values = (b: Built): FormValues => Object.fromEntries([...b.controls].map(([k, c]) => [k, c.value ?? '']));

function choicesOf(field: FieldSpec, view: AnyFormView): { value: string; label: string }[] {
  if (field.control === 'select') return (field.options ?? []).map((o) => ({ value: o.value, label: o.label }));
  if (field.control === 'tagSelect') return [{ value: '', label: l10n.t('(no tag)') }, ...(view.panel === 'testEmail' ? view.tags : []).map((t) => ({ value: t, label: t }))];
  return (view.panel === 'form' ? (view.domains ?? []) : []).map((d) => ({ value: d, label: d }));
}

function control(field: FieldSpec, view: AnyFormView, saved: string | undefined): Control {
  const id = `field-${field.key}`;
  const describedBy = `${id}-help ${id}-error`;
  if (field.control === 'readonly') {
    const shown = h('vscode-textfield', { id, readonly: true, 'aria-describedby': describedBy }) as Control;
    shown.value = view.panel === 'testEmail' ? view.from : '';
    return shown;
  }
  if (field.control === 'select' || field.control === 'domainSelect' || field.control === 'tagSelect') {
    const choices = choicesOf(field, view);
    const select = h('select', { id, class: 'control', 'aria-describedby': describedBy }, ...choices.map((c) => h('option', { value: c.value }, c.label)));
    select.value = saved && choices.some((c) => c.value === saved) ? saved : (choices[0]?.value ?? '');
    return select;
  }
  const input: Control =
    field.control === 'textarea'
      ? h('textarea', { id, class: 'control', rows: '4', placeholder: field.placeholder, 'aria-describedby': describedBy })
      : (h('vscode-textfield', { id, placeholder: field.placeholder, 'aria-describedby': describedBy }) as Control);
  input.value = saved ?? '';
  return input;
}

/** Updates every message and the Submit button; messages show once a field was touched or has text. */
function check(b: Built): void {
  const current = values(b);
  let valid = true;
  const problems: Record<string, string> = {};
  for (const field of b.spec.fields) {
    const problem = b.serverErrors.get(field.key) ?? checkFormField(field, current, translate);
    if (problem) valid = false;
    if (problem) problems[field.key] = problem;
    const visible = problem && (b.touched.has(field.key) || (current[field.key] ?? '') !== '' || b.serverErrors.has(field.key));
    const errorLine = b.errors.get(field.key) as HTMLElement;
    errorLine.replaceChildren(...(visible ? [icon('error'), ' ', problem] : []));
    const c = b.controls.get(field.key) as Control;
    c.invalid = Boolean(visible);
    c.setAttribute('aria-invalid', String(Boolean(visible)));
  }
  // A disabled button always says why: the first field that blocks it, by name. While a request runs, the status
  // line says what is happening instead.
  showReason(b.reason, b.submitting ? undefined : submitBlocker(b.spec, current, problems, translate));
  updateSplit(b, current);
  b.submit.disabled = !valid || b.submitting || Boolean(b.lock?.locked());
}

/** Under "Local part" of the sender-address form: offers to split a full address whose domain is a choice. */
function updateSplit(b: Built, current: FormValues): void {
  if (b.view.panel !== 'form' || b.view.form !== 'sender') return;
  const split = splitTypedAddress(current.localPart ?? '', b.view.domains ?? []);
  // The same offer stays the same button: leaving the field (a change event) must not swap it under a click.
  const offered = split ? `${split.localPart}@${split.domain}` : '';
  if (b.split.dataset.offered === offered) return;
  b.split.dataset.offered = offered;
  const offer = splitOffer(split, () => {
    if (!split) return;
    const localPart = b.controls.get('localPart') as Control;
    localPart.value = split.localPart;
    (b.controls.get('domain') as Control).value = split.domain;
    b.serverErrors.delete('localPart');
    b.serverErrors.delete('domain');
    saveState({ key: b.key, values: values(b) });
    check(b);
    localPart.focus();
  });
  b.split.replaceChildren(...(offer ? [offer] : []));
}

/** Empties what was typed (the choices stay) for the next item after a create. */
function clearTyped(b: Built): void {
  for (const field of b.spec.fields) {
    if (field.control === 'text' || field.control === 'textarea') (b.controls.get(field.key) as Control).value = '';
  }
  b.touched.clear();
  b.serverErrors.clear();
  saveState({ key: b.key, values: values(b) });
}

/**
 * Shows the kept result again after a hide/show or reload; a result the extension has and the page missed (it was
 * hidden when the answer came, e.g. behind a new domain's DNS panel) is applied now: a create empties the form.
 */
function restoreResult(b: Built): void {
  const saved = savedResult();
  const fromHost = b.view.panel === 'form' ? b.view.lastResult : undefined;
  if (fromHost && fromHost.at > (saved?.at ?? 0)) {
    if (fromHost.reset) clearTyped(b);
    showStatus(b, fromHost.message, resultKind(fromHost));
    rememberResult(b.key, fromHost, values(b));
    revealResult(b.status);
    // The emptied fields block the button again: say so.
    check(b);
  } else if (saved) {
    showStatus(b, saved.message, resultKind(saved));
    showSent(b, saved.sent);
  }
}

const resultKind = (r: FormResult): 'success' | 'error' | 'warning' => (r.ok ? 'success' : r.unknown ? 'warning' : 'error');

/** Resolves once every control has rendered (custom elements upgrade after the page builds them). */
async function settled(b: Built): Promise<void> {
  await Promise.all(
    [...b.controls.values()].filter((c) => c.localName.includes('-')).map(async (c) => {
      await customElements.whenDefined(c.localName);
      await (c as Control & { updateComplete?: Promise<unknown> }).updateComplete;
    }),
  );
}

/** Same form and same choices: only a result is new, so the form is kept as it is (typed values, focus). */
const sameForm = (a: AnyFormView, b: AnyFormView): boolean =>
  JSON.stringify({ ...a, lastResult: undefined }) === JSON.stringify({ ...b, lastResult: undefined });

function showStatus(b: Built, text: string, kind: 'success' | 'error' | 'info' | 'warning'): void {
  b.status.className = `notice ${kind}`;
  b.status.setAttribute('role', kind === 'error' || kind === 'warning' ? 'alert' : 'status');
  b.status.replaceChildren(icon(kind === 'success' ? 'pass' : kind === 'error' ? 'error' : kind === 'warning' ? 'warning' : 'info'), ' ', text);
  b.status.hidden = false;
}

async function submit(b: Built): Promise<void> {
  check(b);
  if (b.submit.disabled) return;
  b.submitting = true;
  check(b);
  showStatus(b, b.spec.busyText ?? l10n.t('Creating\u2026'), 'info');
  showSent(b, undefined);
  const result = await request({ type: 'submit', values: values(b) });
  b.submitting = false;
  b.serverErrors = new Map(Object.entries(result.fieldErrors ?? {}));
  if (result.ok) {
    // A create form starts fresh for the next one (what was created is named in the message); a test email keeps
    // its values, since it is often sent again.
    if (!b.spec.keepValues) {
      clearTyped(b);
    }
    showStatus(b, result.message ?? l10n.t('Created.'), 'success');
    showSent(b, result.sent);
  } else {
    // Everything typed stays in place so it can be corrected and sent again.
    showStatus(b, result.message ?? l10n.t('The request failed.'), result.unknownOutcome ? 'warning' : 'error');
  }
  b.lock?.afterResult(result);
  // Kept with the values it left (so a hidden and re-shown form shows it again), and brought into view and focus.
  const fromHost = result.ok && b.view.panel === 'form' ? b.view.lastResult : undefined;
  rememberResult(b.key, fromHost ?? {
    ok: result.ok, message: b.status.textContent?.trim() ?? '', at: Date.now(), reset: result.ok && !b.spec.keepValues,
    ...(result.unknownOutcome ? { unknown: true } : {}), ...(result.sent ? { sent: result.sent } : {}),
  }, values(b));
  revealResult(b.status);
  check(b);
}

/** The IDs of an accepted test email, each with a copy button (the extension copies, so no clipboard access here). */
function showSent(b: Built, sent: ResultMessage['sent']): void {
  b.sent.hidden = !sent;
  if (!sent) return b.sent.replaceChildren();
  const copyLine = h('p', { class: 'muted', id: 'sent-copied', role: 'status' });
  const row = (what: 'envId' | 'requestId', label: string, value: string): HTMLElement => {
    const copyLabel = l10n.t('Copy the {0}', label);
    const button = h('button', { class: 'icon-button', type: 'button', title: copyLabel, 'aria-label': copyLabel, 'data-copy': what }, icon('copy'));
    button.addEventListener('click', () => {
      void request({ type: 'copySent', what }).then((r) => copyLine.replaceChildren(r.message ?? ''));
    });
    return h('div', { class: 'sent-row' }, h('span', { class: 'sent-label' }, label), h('code', { class: 'mono', 'data-sent': what }, value), button);
  };
  b.sent.replaceChildren(row('envId', 'EnvId', sent.envId), row('requestId', 'RequestId', sent.requestId), copyLine);
}

function build(key: PanelKey, view: AnyFormView): void {
  const spec = specOf(view);
  const formId = formIdOf(view);
  const saved = loadState()?.values ?? {};
  const controls = new Map<string, Control>();
  const errors = new Map<string, HTMLElement>();
  const split = h('div', { class: 'split-offer', id: 'split-offer' });
  const rows = spec.fields.map((field) => {
    const c = control(field, view, built?.formId === formId ? built.controls.get(field.key)?.value : saved[field.key]);
    controls.set(field.key, c);
    const error = h('div', { class: 'field-error', id: `field-${field.key}-error`, 'aria-live': 'polite' });
    errors.set(field.key, error);
    return h(
      'div',
      { class: 'field' },
      h('vscode-label', { for: `field-${field.key}` }, field.label),
      c,
      field.help && h('div', { class: 'field-help muted', id: `field-${field.key}-help` }, field.help, field.control === 'readonly' && view.panel === 'testEmail' ? ` ${l10n.t('Send type: {0}.', view.sendType)}` : ''),
      field.control === 'readonly' && view.panel === 'testEmail' && senderNoteElement(view.sendType),
      error,
      field.key === 'localPart' && split,
    );
  });
  const submitButton = h('vscode-button', { id: 'submit', 'aria-describedby': 'submit-reason' }, spec.submitLabel) as HTMLElement & { disabled: boolean };
  const status = h('p', { id: 'form-status', class: 'notice', hidden: true });
  const sent = h('div', { id: 'sent', class: 'sent', hidden: true });
  const reason = reasonLine();
  const lock = view.panel === 'testEmail' ? sendLock(submitButton, spec.submitLabel) : undefined;
  const b: Built = { formId, spec, sent, key, controls, errors, touched: new Set(), submit: submitButton, status, serverErrors: new Map(), submitting: false, reason, view, split, lock };
  for (const [fieldKey, c] of controls) {
    const onEdit = (): void => {
      b.touched.add(fieldKey);
      b.serverErrors.delete(fieldKey);
      b.lock?.release();
      saveState({ key, values: values(b) });
      check(b);
    };
    c.addEventListener('input', onEdit);
    c.addEventListener('change', onEdit);
  }
  submitButton.addEventListener('click', () => void submit(b));
  const form = h('form', { novalidate: true }, ...rows, h('div', { class: 'toolbar' }, submitButton, reason, lock?.reason), status, sent);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(b);
  });
  const empty = view.panel === 'form' && view.form === 'sender' && (view.domains ?? []).length === 0;
  render(
    h('h1', {}, spec.title),
    h('p', { class: 'muted' }, spec.intro),
    empty && h('p', { class: 'notice error', role: 'alert' }, icon('warning'), ' ', l10n.t('This account has no verified domain yet. Create a domain, publish its DNS records and verify it first.')),
    form,
  );
  built = b;
  restoreResult(b);
  check(b);
  // The custom elements render after this; check again once they have, so a restored form (hidden and shown again,
  // reloaded, re-themed) is never left disabled by a choice that was not set yet.
  void settled(b).then(() => {
    if (built === b) check(b);
  });
}

start({
  show: (key, view) => {
    if (view.panel !== 'form' && view.panel !== 'testEmail') return;
    // Rebuild only when the form changes (first show, or new choices), keeping typed values; a view that differs only
    // in its last result is shown in place.
    if (built && sameForm(built.view, view)) {
      built.view = view;
      restoreResult(built);
      return;
    }
    build(key, view);
  },
  error: (text) => {
    if (built) showStatus(built, text, 'error');
    else render(h('p', { class: 'notice error', role: 'alert' }, icon('error'), ' ', text));
  },
});
