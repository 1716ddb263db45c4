// One call that brings up everything a UI or extension-host run needs: the emulator, code-server
// with the given settings and environment, and a Chromium page on the workbench URL.
// Used by scripts/test-extension-host.mjs and test/e2e/harness.ts (types in workbench.d.mts).
import { buildExtension } from './build.mjs';
import { launchChromium, remoteUri, workbenchUrl } from './browser.mjs';
import { startCodeServer } from './code-server.mjs';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, startEmulator } from './emulator.mjs';
import { repoRoot } from './paths.mjs';
import { stopAllAsync, stopEverythingOnExit } from './processes.mjs';

export { buildExtension, DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, remoteUri, repoRoot, stopAllAsync };

/** process.env without any real cloud credentials, so nothing outside the emulator is ever reached. */
export function cleanEnv(extra = {}) {
  const env = { ...process.env };
  for (const key of Object.keys(env)) if (key.startsWith('ALIBABA_CLOUD_')) delete env[key];
  return { ...env, ...extra };
}

/**
 * @param {{ seed?: string, env?: (emulatorUrl: string) => object, settings?: object,
 *   payload?: (host: string) => object, beforeNavigate?: (page: import('playwright-core').Page) => Promise<void>,
 *   waitForWorkbench?: boolean, viewport?: { width: number, height: number } }} options
 */
export async function startWorkbench(options = {}) {
  stopEverythingOnExit(); // nothing started here may outlive the caller, whatever way it ends
  const emulator = await startEmulator({ seed: options.seed ?? 'demo' });
  const server = await startCodeServer({
    env: cleanEnv(options.env?.(emulator.url) ?? {}),
    settings: { 'directMail.endpoint': emulator.url, ...options.settings },
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: options.viewport ?? { width: 1400, height: 900 } });
  await options.beforeNavigate?.(page);
  const payload = {
    extensionDevelopmentPath: remoteUri(server.host, repoRoot),
    ...options.payload?.(server.host),
  };
  await page.goto(workbenchUrl({ host: server.host, folder: server.workspace, payload }));
  if (options.waitForWorkbench !== false) {
    await page.locator('.monaco-workbench').waitFor({ state: 'visible', timeout: 300_000 });
  }
  return { emulatorUrl: emulator.url, server, browser, page, stop: stopAllAsync };
}
