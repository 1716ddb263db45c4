// Debian's Chromium driven by playwright-core (never `playwright install`: it would download a browser).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { onStop } from './processes.mjs';

export const CHROMIUM_PATH = process.env.DM_CHROMIUM_PATH || '/usr/bin/chromium';

/** Launches headless Chromium; closed by stopAllAsync() if the caller does not close it first. */
export async function launchChromium({ headless = true } = {}) {
  if (!existsSync(CHROMIUM_PATH)) throw new Error(`Chromium not found at ${CHROMIUM_PATH}: sudo apt-get install -y chromium`);
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
      '--disable-sync', '--no-first-run'],
  });
  onStop(() => browser.close());
  return browser;
}

/** The workbench URL that opens `folder` and passes a payload (extensionDevelopmentPath, ...). */
export function workbenchUrl({ host, folder, payload = {} }) {
  const pairs = Object.entries({ skipWelcome: 'true', skipReleaseNotes: 'true', ...payload });
  return `http://${host}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(pairs))}`;
}

/** A path on the server as the workbench addresses it (same host string as the page URL). */
export function remoteUri(host, absolutePath) {
  return `vscode-remote://${host}${absolutePath}`;
}
