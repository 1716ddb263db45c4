// One typed value → one request, with the rules every change command keeps: the value is checked before any
// request; a value passed as an argument (tests, scripts) is sent without a prompt; a failed request re-opens the
// input prefilled with what was typed and the service's answer shown under it, until it works or the user gives up.
import * as vscode from 'vscode';
import { DirectMailError, isDirectMailError } from '../api/errors';
import { describeError, errorDetails, isAbort, mayHaveHappened } from '../util/errors';
import { prompts } from '../util/prompts';
import type { CommandContext } from './context';

export interface AskSpec {
  title: string;
  prompt: string;
  /** Prefilled value (e.g. the current name). */
  value?: string;
  password?: boolean;
  /** Local rule: what is wrong and how to fix it, or undefined. Runs on every keystroke and before sending. */
  check(value: string): string | undefined;
  /** Ask a second time and require the same value (for passwords nobody can read back). */
  retype?: string;
  /** Notification title while the request runs. */
  progress: string;
}

/**
 * `given` (from the command's argument object) skips the prompt; a bad `given` throws before any request, and a
 * failed request then propagates to the command wrapper (notification + log line, the command resolves undefined).
 */
export async function askAndSend<T>(c: CommandContext, id: string, given: string | undefined, spec: AskSpec, send: (value: string) => Promise<T>): Promise<T | undefined> {
  const sendWithProgress = (value: string): Promise<T> =>
    Promise.resolve(vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: spec.progress }, () => send(value)));
  if (given !== undefined) {
    const problem = spec.check(given);
    if (problem) throw new Error(problem);
    return sendWithProgress(given);
  }
  let value = spec.value ?? '';
  let failure: { value: string; text: string } | undefined;
  for (;;) {
    const typed = await ask(spec, value, failure);
    if (typed === undefined) return undefined;
    try {
      return await sendWithProgress(typed);
    } catch (error) {
      if (isAbort(error)) return undefined;
      // A change that may have happened is not offered again with "try again": the command's own failure
      // report says the outcome is unknown and offers a refresh.
      if (mayHaveHappened(errorDetails(error))) throw error;
      const text = describeError(errorDetails(error));
      c.log.error(`${id}: ${text}`);
      failure = { value: typed, text: vscode.l10n.t('{0} Change the value and press Enter to try again, or Escape to cancel.', text) };
      value = typed;
    }
  }
}

async function ask(spec: AskSpec, value: string, failure: { value: string; text: string } | undefined): Promise<string | undefined> {
  const typed = await prompts().showInputBox({
    title: spec.title,
    prompt: spec.prompt,
    value,
    password: spec.password,
    ignoreFocusOut: true,
    validateInput: (v) => {
      const problem = spec.check(v);
      if (problem) return problem;
      // The last failure stays visible while the value is unchanged; a warning, so the same value can be retried.
      return failure && v === failure.value ? { message: failure.text, severity: vscode.InputBoxValidationSeverity.Warning } : undefined;
    },
  });
  if (typed === undefined || !spec.retype) return typed;
  const again = await prompts().showInputBox({
    title: spec.title,
    prompt: spec.retype,
    password: spec.password,
    ignoreFocusOut: true,
    validateInput: (v) => (v === '' || v === typed ? undefined : vscode.l10n.t('This differs from what you typed first; type the same value again.')),
  });
  return again === typed ? typed : undefined;
}

/**
 * The service's refusal with a message that says what to do, for the codes a command knows how to explain.
 * Code and RequestId are kept (they appear after the message, and "Copy request ID" still works).
 */
export function withHint(error: unknown, hints: Readonly<Record<string, string | undefined>>): unknown {
  if (!isDirectMailError(error)) return error;
  const hint = hints[error.code];
  if (!hint) return error;
  return new DirectMailError({ action: error.action, code: error.code, message: hint, requestId: error.requestId, httpStatus: error.httpStatus, recommend: error.recommend, retryable: error.retryable, delivery: error.delivery, cause: error });
}

/** Runs a request and rethrows its failure with the hint for its code. */
export async function hinted<T>(work: Promise<T>, hints: Readonly<Record<string, string | undefined>>): Promise<T> {
  try {
    return await work;
  } catch (error) {
    throw withHint(error, hints);
  }
}
