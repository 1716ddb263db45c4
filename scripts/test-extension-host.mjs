// Runs the extension-host suite (test/suite) inside a real VS Code: code-server's extension host,
// driven by Debian's Chromium. Passes only if the page reports exit code 0 AND the suite's result
// file says failed = 0 and passed > 0 (a crashed extension host also reports 0).
// Usage: node scripts/test-extension-host.mjs   → last line "extension-host: N passed, N failed"
import { format } from 'node:util';
import { buildExtension, bundleSuite } from './lib/build.mjs';
import { stopEverythingOnExit } from './lib/processes.mjs';
import { newResultFile, reportSuite, suiteEnv } from './lib/suite-result.mjs';
import { remoteUri, startWorkbench, stopAllAsync } from './lib/workbench.mjs';

const LABEL = 'extension-host';
const TIMEOUT_MS = Number(process.env.DM_EXTENSION_HOST_TIMEOUT_MS) || 10 * 60 * 1000;

// Workbench chatter that says nothing about the suite (connection set-up, the unreachable gallery).
const NOISE = /^(Resolving connection token|Resolved connection token|Creating a socket|Updating additional builtin|\[Service Worker\]|ChatSessionStore:|getaddrinfo ENOTFOUND open-vsx\.org)/;

/** The workbench forwards the host's console as (type, args); mocha's lines arrive as format strings. */
function printHostLog(_type, args) {
  const line = format(...(Array.isArray(args) ? args : [args]));
  if (!NOISE.test(line)) process.stdout.write(`${line}\n`);
}

async function main() {
  stopEverythingOnExit({ timeoutMs: TIMEOUT_MS, label: LABEL });
  buildExtension();
  const suiteEntry = await bundleSuite();
  const resultFile = newResultFile();

  let exited;
  const exitCode = new Promise((resolve) => (exited = resolve));
  await startWorkbench({
    waitForWorkbench: false,
    env: (emulatorUrl) => suiteEnv(emulatorUrl, resultFile),
    payload: (host) => ({ extensionTestsPath: remoteUri(host, suiteEntry) }),
    beforeNavigate: async (page) => {
      await page.exposeFunction('codeAutomationLog', printHostLog);
      await page.exposeFunction('codeAutomationExit', (code) => exited(code));
    },
  });
  const code = await exitCode;
  const verdict = reportSuite(LABEL, code, resultFile);
  await stopAllAsync();
  return verdict;
}

main().then(
  (code) => process.exit(code),
  async (error) => {
    console.error(`${LABEL}: ${error instanceof Error ? error.message : error}`);
    await stopAllAsync();
    console.log(`${LABEL}: 0 passed, 1 failed`);
    process.exit(1);
  },
);
