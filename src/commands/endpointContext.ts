// The `directMail.localEndpoint` context key: true while the directMail.endpoint setting points at this computer
// (the local emulator, in practice). The signed-out welcome view shows its emulator hint only then; everyone else
// signs in to Alibaba Cloud and never needs it.
import * as vscode from 'vscode';
import { isLoopbackHost } from '../api/regions';
import { readSettings, SECTION } from '../util/settings';

export const LOCAL_ENDPOINT_CONTEXT = 'directMail.localEndpoint';

/** True when `endpoint` is a URL whose host is this computer. */
export function isLocalEndpoint(endpoint: string): boolean {
  try {
    return endpoint !== '' && isLoopbackHost(new URL(endpoint).hostname);
  } catch {
    return false;
  }
}

/** Sets the context key now and whenever the endpoint setting changes. */
export function trackLocalEndpoint(): vscode.Disposable {
  const update = (): void => void vscode.commands.executeCommand('setContext', LOCAL_ENDPOINT_CONTEXT, isLocalEndpoint(readSettings().endpoint));
  update();
  return vscode.workspace.onDidChangeConfiguration((e) => {
    if (e.affectsConfiguration(`${SECTION}.endpoint`)) update();
  });
}
