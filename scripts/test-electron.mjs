// The extension-host suite through @vscode/test-electron, for machines that can download VS Code
// (this project's machines cannot: there `npm test` runs the same suite in code-server instead).
// Same bundled suite, same emulator and environment as scripts/test-extension-host.mjs.
import { runTests } from '@vscode/test-electron';
import { buildExtension, bundleSuite } from './lib/build.mjs';
import { tempDir, writeUserSettings } from './lib/code-server.mjs';
import { startEmulator } from './lib/emulator.mjs';
import { repoRoot } from './lib/paths.mjs';
import { stopAllAsync, stopEverythingOnExit } from './lib/processes.mjs';
import { newResultFile, reportSuite, suiteEnv } from './lib/suite-result.mjs';

const LABEL = 'extension-host (electron)';

async function main() {
  stopEverythingOnExit({ timeoutMs: 15 * 60 * 1000, label: LABEL });
  buildExtension();
  const extensionTestsPath = await bundleSuite();
  const emulator = await startEmulator({ seed: 'demo' });
  const resultFile = newResultFile();
  const userDataDir = tempDir('dm-electron-user-');
  writeUserSettings(userDataDir, { 'directMail.endpoint': emulator.url });

  let code;
  try {
    code = await runTests({
      extensionDevelopmentPath: repoRoot,
      extensionTestsPath,
      extensionTestsEnv: suiteEnv(emulator.url, resultFile),
      launchArgs: [tempDir('dm-workspace-'), '--user-data-dir', userDataDir, '--extensions-dir', tempDir('dm-ext-'),
        '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    });
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    // runTests rejects both when VS Code cannot be downloaded and when the suite fails.
    if (!/Test run failed|exit code/i.test(why)) {
      console.error(`${LABEL}: could not download or start VS Code (${why}).\n` +
        'This needs access to update.code.visualstudio.com; offline, run the same suite with `npm test` (code-server).');
      return 1;
    }
    code = 1;
  }
  return reportSuite(LABEL, code, resultFile);
}

main().then(
  async (code) => {
    await stopAllAsync();
    process.exit(code);
  },
  async (error) => {
    console.error(`${LABEL}: ${error instanceof Error ? error.message : error}`);
    await stopAllAsync();
    process.exit(1);
  },
);
