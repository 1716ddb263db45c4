// Paths shared by the scripts.
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const testResultsDir = join(repoRoot, 'test-results');
export const vscodeTestDir = join(repoRoot, '.vscode-test');
