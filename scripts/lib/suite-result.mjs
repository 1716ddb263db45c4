// What both extension-host launchers (code-server and @vscode/test-electron) share: the host's
// environment and the verdict from the suite's result file (see test/suite/index.ts).
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './code-server.mjs';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './emulator.mjs';

export function newResultFile() {
  return join(tempDir('dm-result-'), 'result.json');
}

/** Environment the suite's tests read. No ALIBABA_CLOUD_*: tests set the environment profile themselves. */
export function suiteEnv(emulatorUrl, resultFile) {
  return {
    DM_TEST_EMULATOR_URL: emulatorUrl,
    DM_EMULATOR_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID,
    DM_EMULATOR_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET,
    DM_TEST_RESULT_FILE: resultFile,
    // Runs only the tests whose full title matches (while working on one file); the full run leaves it unset.
    ...(process.env.DM_TEST_GREP ? { DM_TEST_GREP: process.env.DM_TEST_GREP } : {}),
  };
}

/** Prints failures and "<label>: N passed, N failed"; returns the process exit code (0 only if all is well). */
export function reportSuite(label, exitCode, resultFile) {
  let result;
  try {
    result = existsSync(resultFile) ? JSON.parse(readFileSync(resultFile, 'utf8')) : undefined;
  } catch {
    result = undefined;
  }
  if (!result) {
    console.error(`${label}: no result file (VS Code exited with ${exitCode} without running the suite)`);
    console.log(`${label}: 0 passed, 1 failed`);
    return 1;
  }
  for (const f of result.failures) console.error(`  failed: ${f.title}: ${f.message}`);
  const pending = result.pending ? `, ${result.pending} pending` : '';
  console.log(`${label}: ${result.passed} passed, ${result.failed} failed${pending}`);
  return exitCode === 0 && result.failed === 0 && result.passed > 0 && !result.pending ? 0 : 1;
}
