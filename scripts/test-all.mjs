// `npm test`: every test layer in order, continuing past failures, then one line per layer and a
// final "N passed, N failed". Exits non-zero if anything failed, any test is pending/skipped, or a
// layer ran no tests. Typecheck, lint and the bundle sizes count as one check each.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { installCodeServer, isCodeServerInstalled } from './install-code-server.mjs';
import { repoRoot } from './lib/paths.mjs';

const bin = (name) => join(repoRoot, 'node_modules', '.bin', name);
const mocha = (config) => ({ command: bin('mocha'), args: ['--config', config], parse: parseMocha });
const check = (command, args) => ({ command, args, parse: (_out, code) => ({ passed: code === 0 ? 1 : 0, failed: code === 0 ? 0 : 1, pending: 0 }) });

const LAYERS = [
  ['typecheck', check(bin('tsc'), ['-p', '.', '--noEmit'])],
  ['lint', check(bin('eslint'), ['.'])],
  // The production build fails when a bundle is over its size budget (esbuild.mjs).
  ['bundle sizes', check(process.execPath, ['esbuild.mjs', '--production'])],
  ['unit', mocha('test/unit/.mocharc.json')],
  ['emulator', mocha('test/emulator/.mocharc.json')],
  ['extension-host', { command: process.execPath, args: ['scripts/test-extension-host.mjs'], parse: parseSummaryLine }],
  ['e2e', mocha('test/e2e/.mocharc.json')],
];

/** Counts from mocha's spec epilogue ("N passing", "N failing", "N pending"). */
function parseMocha(output) {
  const count = (word) => Number(new RegExp(`^\\s*(\\d+) ${word}`, 'm').exec(output)?.[1] ?? 0);
  return { passed: count('passing'), failed: count('failing'), pending: count('pending') };
}

/** Counts from a launcher's last line "<label>: N passed, N failed[, N pending]". */
function parseSummaryLine(output) {
  const m = /(\d+) passed, (\d+) failed(?:, (\d+) pending)?\s*$/.exec(output.trimEnd());
  return { passed: Number(m?.[1] ?? 0), failed: Number(m?.[2] ?? 0), pending: Number(m?.[3] ?? 0) };
}

/** Runs one layer with its output shown live and captured for counting. */
function runLayer({ command, args }) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: repoRoot, stdio: ['ignore', 'pipe', 'inherit'] });
    let output = '';
    child.stdout.on('data', (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    });
    child.on('error', (error) => resolve({ code: 1, output: `${output}\n${error.message}` }));
    child.on('close', (code) => resolve({ code: code ?? 1, output }));
  });
}

const results = [];
if (!isCodeServerInstalled()) {
  const started = Date.now();
  try {
    installCodeServer();
  } catch (error) {
    console.error(error instanceof Error ? error.message : error);
  }
  console.log(`code-server install: ${((Date.now() - started) / 1000).toFixed(1)} s`);
}
for (const [name, layer] of LAYERS) {
  console.log(`\n=== ${name} ===`);
  const started = Date.now();
  const { code, output } = await runLayer(layer);
  const counts = layer.parse(output, code);
  const problems = [];
  if (code !== 0 && counts.failed === 0) problems.push(`exit code ${code}`);
  if (counts.passed + counts.failed + counts.pending === 0) problems.push('no tests ran');
  // A crash or an empty layer counts as one failure and each pending test as one, so the total never hides them.
  const failedTotal = counts.failed + (problems.length ? 1 : 0) + counts.pending;
  if (counts.pending) problems.push(`${counts.pending} pending (not allowed)`);
  results.push({ name, ...counts, failedTotal, problems, seconds: (Date.now() - started) / 1000 });
}

console.log('\n=== summary ===');
let passed = 0;
let failed = 0;
for (const r of results) {
  passed += r.passed;
  failed += r.failedTotal;
  const verdict = r.failedTotal ? `FAIL${r.problems.length ? ` (${r.problems.join('; ')})` : ''}` : 'ok';
  console.log(`${r.name.padEnd(15)} ${String(r.passed).padStart(4)} passed ${String(r.failed).padStart(3)} failed ${String(r.pending).padStart(3)} pending ${r.seconds.toFixed(1).padStart(7)} s  ${verdict}`);
}
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
