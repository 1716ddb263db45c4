// Create forms: one page for every form kind, built from the shared field specs (src/webviews/forms.ts),
// so the checks while typing are the client's own.
import '@vscode-elements/elements/dist/vscode-button/index.js';
import '@vscode-elements/elements/dist/vscode-label/index.js';
import '@vscode-elements/elements/dist/vscode-option/index.js';
import '@vscode-elements/elements/dist/vscode-single-select/index.js';
import '@vscode-elements/elements/dist/vscode-textarea/index.js';
import '@vscode-elements/elements/dist/vscode-textfield/index.js';
import '../common/base.css';
import './form.css';
import { h, icon, render } from '../common/dom';
import { loadState, request, saveState, start } from '../common/host';
import { checkFormField, FORMS, type FieldSpec, type FormValues } from '../../src/webviews/forms';
import type { FormKind, FormView, PanelKey } from '../../src/webviews/protocol';

/** A vscode-elements control: all of them have a string `value`. */
type Control = HTMLElement & { value: string; invalid?: boolean; disabled?: boolean };

interface Built {
  kind: FormKind;
  key: PanelKey;
  controls: Map<string, Control>;
  errors: Map<string, HTMLElement>;
  touched: Set<string>;
  submit: HTMLElement & { disabled: boolean };
  status: HTMLElement;
  /** Errors the extension reported for the last submit, shown until the field changes. */
  serverErrors: Map<string, string>;
  submitting: boolean;
}

let built: Built | undefined;

const values = (b: Built): FormValues => Object.fromEntries([...b.controls].map(([k, c]) => [k, c.value ?? '']));

function control(field: FieldSpec, view: FormView, saved: string | undefined): Control {
  const id = `field-${field.key}`;
  const describedBy = `${id}-help ${id}-error`;
  if (field.control === 'select' || field.control === 'domainSelect') {
    const choices =
      field.control === 'select'
        ? (field.options ?? []).map((o) => ({ value: o.value, label: o.label }))
        : (view.domains ?? []).map((d) => ({ value: d, label: d }));
    const select = h('vscode-single-select', { id, 'aria-describedby': describedBy }, ...choices.map((c) => h('vscode-option', { value: c.value }, c.label))) as Control;
    const initial = saved && choices.some((c) => c.value === saved) ? saved : (choices[0]?.value ?? '');
    // Options are upgraded asynchronously; set the value once the element has rendered them.
    queueMicrotask(() => (select.value = initial));
    select.value = initial;
    return select;
  }
  const tag = field.control === 'textarea' ? 'vscode-textarea' : 'vscode-textfield';
  const input = h(tag, { id, placeholder: field.placeholder, 'aria-describedby': describedBy }) as Control;
  input.value = saved ?? '';
  return input;
}

/** Updates every message and the Submit button; messages show once a field was touched or has text. */
function check(b: Built): void {
  const current = values(b);
  let valid = true;
  for (const field of FORMS[b.kind].fields) {
    const problem = b.serverErrors.get(field.key) ?? checkFormField(field, current);
    if (problem) valid = false;
    const visible = problem && (b.touched.has(field.key) || (current[field.key] ?? '') !== '' || b.serverErrors.has(field.key));
    const errorLine = b.errors.get(field.key) as HTMLElement;
    errorLine.replaceChildren(...(visible ? [icon('error'), ' ', problem] : []));
    const c = b.controls.get(field.key) as Control;
    c.invalid = Boolean(visible);
  }
  b.submit.disabled = !valid || b.submitting;
}

function showStatus(b: Built, text: string, kind: 'success' | 'error' | 'info'): void {
  b.status.className = `notice ${kind}`;
  b.status.setAttribute('role', kind === 'error' ? 'alert' : 'status');
  b.status.replaceChildren(icon(kind === 'success' ? 'pass' : kind === 'error' ? 'error' : 'info'), ' ', text);
  b.status.hidden = false;
}

async function submit(b: Built): Promise<void> {
  check(b);
  if (b.submit.disabled) return;
  b.submitting = true;
  check(b);
  showStatus(b, 'Creating\u2026', 'info');
  const result = await request({ type: 'submit', values: values(b) });
  b.submitting = false;
  b.serverErrors = new Map(Object.entries(result.fieldErrors ?? {}));
  if (result.ok) {
    // Start a fresh form for the next one; what was created is named in the message.
    for (const field of FORMS[b.kind].fields) {
      if (field.control === 'text' || field.control === 'textarea') (b.controls.get(field.key) as Control).value = '';
    }
    b.touched.clear();
    saveState({ key: b.key, values: values(b) });
    showStatus(b, result.message ?? 'Created.', 'success');
  } else {
    // Everything typed stays in place so it can be corrected and sent again.
    showStatus(b, result.message ?? 'The request failed.', 'error');
  }
  check(b);
}

function build(key: PanelKey, view: FormView): void {
  const spec = FORMS[view.form];
  const saved = loadState()?.values ?? {};
  const controls = new Map<string, Control>();
  const errors = new Map<string, HTMLElement>();
  const rows = spec.fields.map((field) => {
    const c = control(field, view, built?.kind === view.form ? built.controls.get(field.key)?.value : saved[field.key]);
    controls.set(field.key, c);
    const error = h('div', { class: 'field-error', id: `field-${field.key}-error`, 'aria-live': 'polite' });
    errors.set(field.key, error);
    return h(
      'div',
      { class: 'field' },
      h('vscode-label', { for: `field-${field.key}` }, field.label),
      c,
      field.help && h('div', { class: 'field-help muted', id: `field-${field.key}-help` }, field.help),
      error,
    );
  });
  const submitButton = h('vscode-button', { id: 'submit' }, spec.submitLabel) as HTMLElement & { disabled: boolean };
  const status = h('p', { id: 'form-status', class: 'notice', hidden: true });
  const b: Built = { kind: view.form, key, controls, errors, touched: new Set(), submit: submitButton, status, serverErrors: new Map(), submitting: false };
  for (const [fieldKey, c] of controls) {
    const onEdit = (): void => {
      b.touched.add(fieldKey);
      b.serverErrors.delete(fieldKey);
      saveState({ key, values: values(b) });
      check(b);
    };
    c.addEventListener('input', onEdit);
    c.addEventListener('change', onEdit);
  }
  submitButton.addEventListener('click', () => void submit(b));
  const form = h('form', { novalidate: true }, ...rows, h('div', { class: 'toolbar' }, submitButton), status);
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    void submit(b);
  });
  const empty = view.form === 'mailAddress' && (view.domains ?? []).length === 0;
  render(
    h('h1', {}, spec.title),
    h('p', { class: 'muted' }, spec.intro),
    empty && h('p', { class: 'notice error', role: 'alert' }, icon('warning'), ' ', 'This account has no verified domain yet. Create a domain, publish its DNS records and verify it first.'),
    form,
  );
  built = b;
  check(b);
}

start({
  show: (key, view) => {
    if (view.panel !== 'form') return;
    // Rebuild only when the form changes (first show, or new domain choices), keeping typed values.
    build(key, view);
  },
  error: (text) => {
    if (built) showStatus(built, text, 'error');
    else render(h('p', { class: 'notice error', role: 'alert' }, icon('error'), ' ', text));
  },
});
