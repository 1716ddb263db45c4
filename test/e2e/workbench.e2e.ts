// The workbench itself: it loads with the Direct Mail icon in the activity bar and switches themes.
import * as assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { page, screenshot, setTheme } from './harness';

describe('Workbench', () => {
  it('shows the Direct Mail icon in the activity bar once the extension is loaded', async () => {
    const icon = page().locator('.part.activitybar [aria-label^="Direct Mail"]').first();
    await icon.waitFor({ state: 'visible', timeout: 30000 });
    assert.ok(existsSync(await screenshot('workbench-dark')));
  });

  it('switches to the light theme and back', async () => {
    await setTheme('light');
    assert.ok(await page().locator('.monaco-workbench.vs').isVisible());
    assert.ok(existsSync(await screenshot('workbench-light')));
    await setTheme('dark');
    assert.ok(await page().locator('.monaco-workbench.vs-dark').isVisible());
  });
});
