// Every question the extension asks the user (warnings with buttons, input boxes, quick picks, notices with
// buttons) goes through this one seam. In use it is VS Code's own window API; the extension-host tests replace
// it through the extension's test API with scripted answers, so a test drives the same code path a person does
// (the question is asked, cancelling it sends nothing) instead of passing a bypass argument to a command.
import * as vscode from 'vscode';

export interface Prompts {
  showWarningMessage(message: string, options: vscode.MessageOptions, ...items: string[]): Thenable<string | undefined>;
  showInformationMessage(message: string, ...items: string[]): Thenable<string | undefined>;
  showInputBox(options: vscode.InputBoxOptions): Thenable<string | undefined>;
  showQuickPick<T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions): Thenable<T | undefined>;
}

/** VS Code's window: what a person sees. */
export const windowPrompts: Prompts = {
  showWarningMessage: (message, options, ...items) => vscode.window.showWarningMessage(message, options, ...items),
  showInformationMessage: (message, ...items) => vscode.window.showInformationMessage(message, ...items),
  showInputBox: (options) => vscode.window.showInputBox(options),
  showQuickPick: <T extends vscode.QuickPickItem>(items: readonly T[] | Thenable<readonly T[]>, options: vscode.QuickPickOptions) =>
    vscode.window.showQuickPick(items as T[] | Thenable<T[]>, options),
};

let current: Prompts = windowPrompts;

/** The prompts in use. Read at each question (not captured), so a replacement applies to the next question. */
export function prompts(): Prompts {
  return current;
}

/** Replaces the prompts (the extension-host tests' scripted answers); undefined restores VS Code's window. */
export function usePrompts(replacement: Prompts | undefined): void {
  current = replacement ?? windowPrompts;
}
