// Copies text and says so in the status bar for a few seconds, as the AWS and Azure tools do.
import * as vscode from 'vscode';

const SHOW_MS = 5000;

export async function copyToClipboard(text: string, what: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  vscode.window.setStatusBarMessage(`$(clippy) ${vscode.l10n.t('Copied {0} to the clipboard', what)}`, SHOW_MS);
  return text;
}
