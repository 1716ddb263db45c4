// Everything the extension puts on the clipboard goes through here, so the same thing copied from the tree or from a
// panel is the same text. Copies from the tree also say so in the status bar for a few seconds, as the AWS and Azure
// tools do (a panel says so on the page itself).
import * as vscode from 'vscode';
import { zoneLine, type DnsRecord } from '../model/dnsRecords';

const SHOW_MS = 5000;

/** Puts the text on the clipboard without saying so (the caller shows its own confirmation). */
export async function writeClipboard(text: string): Promise<string> {
  await vscode.env.clipboard.writeText(text);
  return text;
}

export async function copyToClipboard(text: string, what: string): Promise<string> {
  await writeClipboard(text);
  vscode.window.setStatusBarMessage(`$(clippy) ${vscode.l10n.t('Copied {0} to the clipboard', what)}`, SHOW_MS);
  return text;
}

/**
 * One DNS record as copied by "Copy Whole DNS Record" in the tree and by the DNS setup panel's record copy: a single
 * zone-file line with the absolute owner name, no line break after it (pasted into a provider's form, a trailing
 * newline becomes part of the value).
 */
export function dnsRecordText(record: DnsRecord): string {
  return zoneLine(record);
}
