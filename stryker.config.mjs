// Mutation testing of the client (src/api) and the model (src/model) against the unit and emulator
// layers: a surviving mutant is a change to the product that no test notices. Run with
// `npm run test:mutation` (add `-- --incremental` to re-test only what changed since the last run).
// Not part of `npm test`: a full run takes minutes of both cores.
/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  mutate: ['src/api/**/*.ts', 'src/model/**/*.ts', '!src/**/*.d.ts'],
  testRunner: 'mocha',
  // Mocha runs inside Stryker's worker process, so the `node-option: import=tsx` of the mocharc files
  // does not apply: the worker itself loads tsx.
  testRunnerNodeArgs: ['--import', 'tsx'],
  mochaOptions: {
    spec: ['test/unit/**/*.test.ts', 'test/emulator/**/*.test.ts'],
    // That test reads the sources' text for l10n keys; instrumented sources are not what it checks.
    ignore: ['test/unit/l10n-bundle.test.ts'],
    // Likewise these tests read client.ts's action names and validation.ts's messages out of the source text, which
    // instrumentation rewrites.
    grep: '^(?!.*(covers every action the client implements|words every message and every part of it through the translator))',
    extension: ['ts'],
    'no-config': true,
    'no-package': true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  coverageAnalysis: 'perTest',
  // Two cores shared with other work: one test worker, one checker.
  concurrency: 1,
  // A mutant that makes a test hang (an endless paging loop) is killed by this timeout, beyond the test's own time.
  timeoutMS: 5000,
  // Mutants of module-level initialisers (schemas, rule tables) need every test for each one; they are left out
  // to keep a run within minutes. The report lists them as ignored.
  ignoreStatic: true,
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: 'test-results/mutation/index.html' },
  jsonReporter: { fileName: 'test-results/mutation/mutation.json' },
  incrementalFile: 'test-results/mutation/incremental.json',
  tempDirName: '.stryker-tmp',
  cleanTempDir: 'always',
  thresholds: { high: 90, low: 85, break: null },
};
