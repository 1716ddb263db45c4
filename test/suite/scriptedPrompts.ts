// Scripted answers to the questions the extension asks (src/util/prompts.ts), installed through the extension's
// test API. Each question takes the next answer in order, as a person answering them would: a button's title for a
// warning, the typed text for an input box, an item's label for a quick pick, `undefined` for Escape. Every question
// is recorded, so a test can check what was asked. A question without an answer left, or an answer that matches no
// button or item, fails the test (it would otherwise wait for a person forever).
import * as assert from 'node:assert/strict';
import type * as vscode from 'vscode';
import type { Prompts } from '../../src/util/prompts';
import type { Api } from './treeHelpers';

/** A button title, typed text or item label (a RegExp matches a title or label); `undefined` is Escape. */
export type Answer = string | RegExp | undefined;

export interface Asked {
  kind: 'warning' | 'information' | 'inputBox' | 'quickPick';
  /** The message, or the input box's title and prompt, or the quick pick's title and placeholder. */
  text: string;
  /** Buttons or item labels offered. */
  choices: string[];
  /** For an input box: what its own check said about the answer typed (undefined when it accepted it). */
  validation?: string;
}

const matches = (answer: string | RegExp, label: string): boolean => (typeof answer === 'string' ? answer === label : answer.test(label));

export class ScriptedPrompts implements Prompts {
  readonly asked: Asked[] = [];
  private readonly answers: Answer[];

  constructor(answers: readonly Answer[]) {
    this.answers = [...answers];
  }

  get unanswered(): number {
    return this.answers.length;
  }

  private next(question: Asked): Answer {
    this.asked.push(question);
    assert.ok(this.answers.length > 0, `no scripted answer left for the ${question.kind} "${question.text}"`);
    return this.answers.shift();
  }

  async showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Promise<string | undefined> {
    const answer = this.next({ kind: 'warning', text: [message, options.detail].filter(Boolean).join('\n'), choices: items });
    if (answer === undefined) return undefined;
    const button = items.find((i) => matches(answer, i));
    assert.ok(button, `no button ${String(answer)} among ${items.join(', ')} for "${message}"`);
    return button;
  }

  async showInformationMessage(message: string, ...items: string[]): Promise<string | undefined> {
    // A notice without buttons asks nothing: it is recorded and takes no answer.
    if (items.length === 0) {
      this.asked.push({ kind: 'information', text: message, choices: [] });
      return undefined;
    }
    const answer = this.next({ kind: 'information', text: message, choices: items });
    if (answer === undefined) return undefined;
    const button = items.find((i) => matches(answer, i));
    assert.ok(button, `no button ${String(answer)} among ${items.join(', ')} for "${message}"`);
    return button;
  }

  /**
   * Each answer is one attempt: text the box's own check refuses is recorded with its message and the box stays
   * open (as VS Code keeps it open: Enter does nothing on an error), so the next answer is typed into the same box.
   */
  async showInputBox(options: vscode.InputBoxOptions): Promise<string | undefined> {
    const text = [options.title, options.prompt].filter(Boolean).join('\n');
    for (;;) {
      const question: Asked = { kind: 'inputBox', text, choices: [] };
      const answer = this.next(question);
      if (answer === undefined) return undefined;
      assert.equal(typeof answer, 'string', 'an input box takes typed text, not a pattern');
      const typed = answer as string;
      const check = await options.validateInput?.(typed);
      question.validation = (typeof check === 'string' ? check : check?.message) || undefined;
      // A warning or an info lets Enter through; an error (a plain string is one) does not.
      const blocking = typeof check === 'string' ? check !== '' : !!check && check.severity === 3;
      if (!blocking) return typed;
    }
  }

  async showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Promise<T | undefined> {
    const list = await items;
    const answer = this.next({ kind: 'quickPick', text: [options.title, options.placeHolder].filter(Boolean).join('\n'), choices: list.map((i) => i.label) });
    if (answer === undefined) return undefined;
    const item = list.find((i) => i.kind !== -1 && matches(answer, i.label));
    assert.ok(item, `no item ${String(answer)} among ${list.map((i) => i.label).join(', ')}`);
    return item;
  }
}

/**
 * Runs `work` with the scripted answers installed, then restores VS Code's own prompts. Fails when an answer was
 * left over (the question it was meant for was never asked).
 */
export async function answering<T>(a: Api, answers: readonly Answer[], work: () => Thenable<T> | Promise<T>): Promise<{ result: T; asked: Asked[] }> {
  const scripted = new ScriptedPrompts(answers);
  a.usePrompts(scripted);
  try {
    const result = await work();
    assert.equal(scripted.unanswered, 0, `answers left over; asked: ${JSON.stringify(scripted.asked)}`);
    return { result, asked: scripted.asked };
  } finally {
    a.usePrompts(undefined);
  }
}
