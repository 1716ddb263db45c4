// Entry of the extension-host test suite. VS Code (code-server via scripts/test-extension-host.mjs,
// or @vscode/test-electron via scripts/test-electron.mjs) requires the bundled out/suite/index.js
// inside the extension host and awaits run(). Every test/suite/**/*.test.ts is bundled beside it
// as out/suite/**/*.test.js and added here.
//
// A crashed extension host also ends the run with exit code 0, so run() writes a result file
// (env DM_TEST_RESULT_FILE) that the launcher requires: { passed, failed, pending, failures[] }.
import Mocha from 'mocha';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export interface SuiteResult {
  passed: number;
  failed: number;
  pending: number;
  failures: { title: string; message: string }[];
}

function findTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return findTests(path);
    return entry.name.endsWith('.test.js') ? [path] : [];
  });
}

function writeResult(result: SuiteResult): void {
  const file = process.env.DM_TEST_RESULT_FILE;
  if (!file) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(result, null, 2));
}

export function run(): Promise<void> {
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 30000, reporter: 'spec', grep: process.env.DM_TEST_GREP || undefined });
  for (const file of findTests(__dirname).sort()) mocha.addFile(file);
  const result: SuiteResult = { passed: 0, failed: 0, pending: 0, failures: [] };

  return new Promise((resolve, reject) => {
    try {
      const runner = mocha.run((failures) => {
        writeResult(result);
        if (failures > 0) reject(new Error(`${failures} extension-host test(s) failed`));
        else resolve();
      });
      runner.on('pass', () => result.passed++);
      runner.on('pending', () => result.pending++);
      runner.on('fail', (test, error: unknown) => {
        result.failed++;
        result.failures.push({ title: test.fullTitle(), message: error instanceof Error ? error.message : String(error) });
      });
    } catch (error) {
      // A test file that throws while loading: report it as a failure, not as a silent crash.
      const message = error instanceof Error ? error.message : String(error);
      writeResult({ ...result, failed: result.failed + 1, failures: [...result.failures, { title: 'loading the test files', message }] });
      reject(error instanceof Error ? error : new Error(message));
    }
  });
}
