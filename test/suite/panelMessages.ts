// Drives a webview panel as its page would: one message into the panel's own handler, and what it posted back.
import * as assert from 'node:assert/strict';
import type { PanelHost } from '../../src/webviews/panelHost';
import type { ToView } from '../../src/shared/protocol';

export type Result = Extract<ToView, { type: 'result' }>;

/** Sends one message to the panel and returns what the panel posted back while handling it. */
export async function exchange(host: PanelHost, message: unknown): Promise<ToView[]> {
  const posted: ToView[] = [];
  const listener = host.onDidPost((m) => posted.push(m));
  try {
    await host.receive(message);
  } finally {
    listener.dispose();
  }
  return posted;
}

/** The one `result` message among what the panel posted (fails the test when there is none). */
export function resultOf(posted: ToView[]): Result {
  const result = posted.find((m): m is Result => m.type === 'result');
  assert.ok(result, `no result among ${JSON.stringify(posted)}`);
  return result;
}
