// End-to-end harness: the real VS Code workbench (code-server) in Chromium, with the extension under
// development loaded (extensionDevelopmentPath, no tests path) and signed in to a demo emulator
// through the environment profile (ALIBABA_CLOUD_ACCESS_KEY_ID/_SECRET in code-server's environment;
// `directMail.endpoint` in the user settings). Tests start with the dark theme applied and the
// Direct Mail view open, showing its tree.
//
// How to use: test/e2e/.mocharc.json loads this file with `require`, so its `mochaHooks` start
// everything ONCE per e2e run (beforeAll) and stop it all at the end (afterAll). Test files
// (test/e2e/*.e2e.ts) import the helpers below; call them inside tests/hooks, not at load time.
import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Frame, Locator, Page } from 'playwright-core';
import type { Workbench } from '../../scripts/lib/workbench.mjs' with { 'resolution-mode': 'import' };
import type { AccountJson } from '../emulator/stateJson';

// Kept on globalThis so the hooks and the test files share one workbench even if the module loads twice.
const state = globalThis as typeof globalThis & { directMailE2e?: Workbench };

function workbench(): Workbench {
  if (!state.directMailE2e) throw new Error('The e2e workbench is not running: load test/e2e/harness.ts with mocha --require');
  return state.directMailE2e;
}

const DIRECT_MAIL_VIEW = '.part.sidebar [id="workbench.view.extension.directMail"]';

// Built-in themes: the setting value, the label in the theme picker, and the class the workbench gets once applied.
const THEMES = {
  dark: { setting: 'Default Dark Modern', label: 'Dark Modern', applied: '.monaco-workbench.vscode-theme-defaults-themes-dark_modern-json' },
  light: { setting: 'Default Light Modern', label: 'Light Modern', applied: '.monaco-workbench.vscode-theme-defaults-themes-light_modern-json' },
};

export const mochaHooks = {
  async beforeAll(this: Mocha.Context): Promise<void> {
    this.timeout(900_000); // a busy shared machine can take minutes to load the workbench; timing is not what is tested
    const { buildExtension, startWorkbench, DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } = await import('../../scripts/lib/workbench.mjs');
    buildExtension();
    state.directMailE2e = await startWorkbench({
      env: () => ({ ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET }),
      settings: { 'workbench.colorTheme': THEMES.dark.setting },
    });
    // Waits are bounds, not expectations: on a busy machine the workbench can take a minute to react.
    state.directMailE2e.page.setDefaultTimeout(120_000);
    // A theme applies once the built-in extensions are scanned: until then the page is half-styled.
    // The setting alone is not enough: with the extension loaded the workbench sometimes starts in Light+.
    await page().locator('.monaco-workbench[class*="vscode-theme-"]').waitFor({ state: 'visible', timeout: 300_000 });
    await setTheme('dark');
    // Opening the view activates the extension; a tree row (not the signed-out welcome) means signed in,
    // so the palette's Direct Mail commands are available to every test.
    await openDirectMailView();
    await page().locator(`${DIRECT_MAIL_VIEW} .monaco-list-row`).first().waitFor({ state: 'visible', timeout: 300_000 });
  },
  // A failed test leaves a picture of what the workbench showed: test-results/failed-<test title>.png.
  async afterEach(this: Mocha.Context): Promise<void> {
    const test = this.currentTest;
    if (test?.state !== 'failed' || !state.directMailE2e) return;
    const name = `failed-${test.fullTitle().replace(/[^A-Za-z0-9-]+/g, '-').slice(0, 100)}`;
    await screenshot(name).catch(() => undefined);
  },
  async afterAll(): Promise<void> {
    await state.directMailE2e?.stop();
    state.directMailE2e = undefined;
  },
};

/** The Playwright page showing the loaded workbench. */
export function page(): Page {
  return workbench().page;
}

/** Base URL of the demo emulator the extension talks to (admin routes under /__emulator/). */
export function emulatorUrl(): string {
  return workbench().emulatorUrl;
}

/** The demo account as the emulator holds it now (its state types, not a copy). */
export async function demoAccount(): Promise<AccountJson> {
  const response = await fetch(`${emulatorUrl()}/__emulator/state`);
  return ((await response.json()) as { accounts: Record<string, AccountJson> }).accounts.demo;
}

/**
 * Puts the shared emulator back to a seed. Every e2e file shares one emulator, so a file that counts
 * things should call this in its before() (then refresh the tree: the extension caches what it showed).
 */
export async function resetEmulator(seed: 'demo' | 'empty' = 'demo'): Promise<void> {
  const response = await fetch(`${emulatorUrl()}/__emulator/reset`, {
    method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ seed }),
  });
  if (!response.ok) throw new Error(`emulator reset failed: HTTP ${response.status}`);
}

/** Calls an admin route of the emulator (/__emulator/<path>) and fails unless it answers 200; returns its JSON. */
export async function emulatorAdmin(method: string, path: string, body?: unknown): Promise<unknown> {
  const response = await fetch(`${emulatorUrl()}/__emulator/${path}`, {
    method, headers: body === undefined ? undefined : { 'content-type': 'application/json' }, body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (response.status !== 200) throw new Error(`${method} /__emulator/${path} answered HTTP ${response.status}`);
  return response.json();
}

/**
 * The demo data in the Direct Mail view: the emulator back at its demo seed, the view open and its tree reloaded (the
 * extension caches what it showed).
 */
export async function showDemoData(): Promise<void> {
  await resetEmulator('demo');
  await openDirectMailView();
  await runCommand('Direct Mail: Refresh');
}

/** Lets the page read and write the clipboard (to check what a copy button put there). */
export async function allowClipboard(): Promise<void> {
  await page().context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(page().url()).origin });
}

/** What the clipboard holds now, as a paste would read it. */
export async function clipboardText(): Promise<string> {
  return page().evaluate(() => navigator.clipboard.readText());
}

/** Saves a screenshot of the whole window as test-results/<name>.png and returns its path. */
export async function screenshot(name: string): Promise<string> {
  const dir = join(__dirname, '..', '..', 'test-results');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page().screenshot({ path });
  return path;
}

/** Filters the open quick input with `filter` and picks the row labelled exactly `label`. */
export async function pickQuickInput(filter: string, label: string): Promise<void> {
  const p = page();
  const input = p.locator('.quick-input-widget input');
  await input.waitFor({ state: 'visible' });
  await input.fill(filter);
  const exact = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`);
  const row = p.locator('.quick-input-list .monaco-list-row', { has: p.locator('.label-name', { hasText: exact }) }).first();
  await row.waitFor({ state: 'visible' });
  await row.click();
}

/** Runs a command by its palette title (e.g. "Direct Mail: Refresh") through F1, as a user would. */
export async function runCommand(title: string): Promise<void> {
  await page().keyboard.press('F1');
  await pickQuickInput(`>${title}`, title);
}

/** Runs "Import Recipients from CSV…" for `list` and answers code-server's file dialog (a quick input holding a path) with `file`. */
export async function importCsvThroughPalette(list: string, file: string): Promise<void> {
  const p = page();
  await runCommand('Direct Mail: Import Recipients from CSV…');
  await pickQuickInput(list, list);
  const input = p.locator('.quick-input-widget input');
  await p.locator('.quick-input-widget', { hasText: `Import recipients into ${list}` }).waitFor({ state: 'visible' });
  // The dialog fills in its start folder once it has listed it; a path typed before that is overwritten.
  await p.locator('.quick-input-widget .quick-input-list .monaco-list-row').first().waitFor({ state: 'visible' });
  await input.fill(file);
  await p.waitForFunction((expected) => (document.querySelector('.quick-input-widget input') as HTMLInputElement | null)?.value === expected, file);
  // The dialog then lists the typed path's folder and selects the file; Enter pressed while it is still updating is
  // dropped, so wait for the file's row and press again while the dialog stays open.
  await p.locator('.quick-input-widget .quick-input-list .monaco-list-row', { hasText: basename(file) }).first().waitFor({ state: 'visible' });
  const dialog = p.locator('.quick-input-widget', { hasText: `Import recipients into ${list}` });
  for (let attempt = 1; ; attempt++) {
    await input.press('Enter');
    try {
      await dialog.waitFor({ state: 'hidden', timeout: 5_000 });
      return;
    } catch (error) {
      if (attempt === 3) throw error;
    }
  }
}

/**
 * Reloads the window as a person does: the command shuts the window down properly, so the workbench saves its open
 * editors (and the panels' saved state) first; a bare page reload can cut that short.
 */
export async function reloadWindow(): Promise<void> {
  const p = page();
  const reloaded = p.waitForEvent('load');
  await runCommand('Developer: Reload Window');
  await reloaded;
  await p.locator('.monaco-workbench[class*="vscode-theme-"]').waitFor({ state: 'visible' });
}

/** Closes whatever quick input or toast is open, then every editor (panels included). */
export async function closeEditors(): Promise<void> {
  await page().keyboard.press('Escape');
  await runCommand('View: Close All Editors');
}

/** Opens the Direct Mail view container from the activity bar and waits for its sidebar. */
export async function openDirectMailView(): Promise<void> {
  const p = page();
  const sidebar = p.locator(DIRECT_MAIL_VIEW);
  if (await sidebar.isVisible()) return;
  await p.locator('.part.activitybar [aria-label^="Direct Mail"]').first().click();
  await sidebar.waitFor({ state: 'visible' });
}

/** The row of the Direct Mail tree whose label starts with `label` (the description after it is ignored). */
export function treeRow(label: string): Locator {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return page().locator(`${DIRECT_MAIL_VIEW} .monaco-list-row`).filter({ has: page().locator('.label-name', { hasText: new RegExp(`^${escaped}`) }) }).first();
}

/**
 * Waits until the Direct Mail view has shown no loading progress for a moment. While the tree reloads, the items it
 * re-fetches cannot be resolved, so an inline action clicked then reaches its command without the item.
 */
export async function waitForTreeIdle(timeoutMs = 120_000): Promise<void> {
  const progress = page().locator(`${DIRECT_MAIL_VIEW} .monaco-progress-container.active`);
  const end = Date.now() + timeoutMs;
  let quiet = 0;
  while (quiet < 3) {
    if (Date.now() > end) throw new Error('The Direct Mail tree kept loading');
    quiet = (await progress.count()) === 0 ? quiet + 1 : 0;
    await new Promise((r) => setTimeout(r, 200));
  }
}

/**
 * Expands a tree row and waits until it shows as expanded. A refresh re-renders the tree, and a click that lands
 * while it does is lost, so the row is looked up again and clicked again until it stays expanded.
 */
export async function expandTreeRow(label: string, timeoutMs = 120_000): Promise<Locator> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const row = treeRow(label);
    await row.waitFor({ state: 'visible', timeout: Math.max(1_000, end - Date.now()) });
    if ((await row.getAttribute('aria-expanded')) === 'true') {
      await waitForTreeIdle(Math.max(1_000, end - Date.now()));
      return row;
    }
    // The twistie, not the label: a click on a domain's label runs its command (opens the DNS setup).
    await row.locator('.monaco-tl-twistie').click();
    try {
      await page().waitForFunction((el) => el?.getAttribute('aria-expanded') === 'true', await row.elementHandle(), { timeout: 3_000 });
      await waitForTreeIdle(Math.max(1_000, end - Date.now()));
      return row;
    } catch (error) {
      if (Date.now() > end) throw error;
    }
  }
}

/** Runs the palette command `title` that opens a panel, and returns the frame of the panel headed `heading`. */
export async function openPanel(title: string, heading: string | RegExp): Promise<Frame> {
  await runCommand(title);
  return webviewFrame(heading);
}

/** Clicks the inline action `action` (its tooltip) of the row `label` in the expanded tree group `group`, as a user does. */
export async function clickTreeAction(group: string, label: string, action: string): Promise<void> {
  await openDirectMailView();
  await expandTreeRow(group);
  const row = treeRow(label);
  await row.hover();
  await row.locator(`.action-label[aria-label="${action}"]`).click();
}

/** Switches the color theme (Preferences: Color Theme, which writes the setting) and waits until it shows. */
export async function setTheme(kind: 'dark' | 'light'): Promise<void> {
  await runCommand('Preferences: Color Theme');
  await pickQuickInput(THEMES[kind].label, THEMES[kind].label);
  await page().locator(THEMES[kind].applied).waitFor({ state: 'visible' });
  await page().locator('.quick-input-widget').waitFor({ state: 'hidden' });
}

/** The frame of the visible webview panel whose page heading (#app h1) has `heading` (webviews are nested iframes). */
export async function webviewFrame(heading: string | RegExp, timeoutMs = 120_000): Promise<Frame> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page().frames()) {
      try {
        const h1 = frame.locator('#app h1', { hasText: heading });
        if ((await h1.count()) > 0 && (await h1.first().isVisible())) return frame;
      } catch {
        // the frame navigated away while probing
      }
    }
    if (Date.now() > end) throw new Error(`Timed out waiting for the panel "${heading}"`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
