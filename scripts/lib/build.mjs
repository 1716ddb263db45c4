// Builds shared by the test scripts: the extension (esbuild.mjs) and the extension-host suite.
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';
import { repoRoot } from './paths.mjs';

export const suiteOutDir = join(repoRoot, 'out', 'suite');
export const suiteEntry = join(suiteOutDir, 'index.js');

/** Runs esbuild.mjs (development build unless production); throws if it fails. */
export function buildExtension({ production = false } = {}) {
  const args = ['esbuild.mjs', ...(production ? ['--production'] : [])];
  const result = spawnSync(process.execPath, args, { cwd: repoRoot, stdio: 'inherit' });
  if (result.status !== 0) throw new Error(`extension build failed (esbuild.mjs exit ${result.status})`);
}

/**
 * Bundles test/suite/index.ts and every test/suite/**\/*.test.ts into out/suite/ (one CommonJS file
 * each, `vscode` and `mocha` left to the extension host). index.js finds the *.test.js files at run time.
 */
export async function bundleSuite() {
  rmSync(suiteOutDir, { recursive: true, force: true });
  await esbuild.build({
    absWorkingDir: repoRoot,
    entryPoints: ['test/suite/index.ts', 'test/suite/**/*.test.ts'],
    outdir: suiteOutDir,
    outbase: 'test/suite',
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: ['vscode', 'mocha'],
    sourcemap: 'inline',
    logLevel: 'warning',
  });
  return suiteEntry;
}
