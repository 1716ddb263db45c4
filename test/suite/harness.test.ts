// Proves the extension-host test environment itself: the extension under development is loaded,
// the emulator the harness started answers, and the harness passes no real-looking credentials.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID } from './treeHelpers';

describe('Extension-host test environment', () => {
  it('has the Direct Mail extension under development', () => {
    const extension = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(extension, `${EXTENSION_ID} is not loaded`);
    assert.equal(extension.packageJSON.displayName, 'Direct Mail for VS Code');
  });

  it('reaches the emulator at DM_TEST_EMULATOR_URL', async () => {
    const url = process.env.DM_TEST_EMULATOR_URL;
    assert.ok(url, 'DM_TEST_EMULATOR_URL is not set');
    const response = await fetch(`${url}/__emulator/state`);
    assert.equal(response.status, 200);
    assert.ok(process.env.DM_EMULATOR_ACCESS_KEY_ID, 'DM_EMULATOR_ACCESS_KEY_ID is not set');
  });

  it('points directMail.endpoint at the emulator in the user settings', () => {
    const endpoint = vscode.workspace.getConfiguration('directMail').get<string>('endpoint');
    assert.equal(endpoint, process.env.DM_TEST_EMULATOR_URL);
  });

  it('starts without an environment profile (tests opt in by setting it)', () => {
    assert.equal(process.env.ALIBABA_CLOUD_ACCESS_KEY_ID, undefined);
    assert.equal(process.env.ALIBABA_CLOUD_ACCESS_KEY_SECRET, undefined);
  });
});
