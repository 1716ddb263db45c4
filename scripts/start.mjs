// `npm start`: a production build packaged as .vsix, installed into code-server (a persistent dev
// profile under .vscode-test/dev/), signed in to the local emulator with demo data through the
// environment profile. Ctrl+C stops everything.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { installVsix, startCodeServer } from './lib/code-server.mjs';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET, startEmulator } from './lib/emulator.mjs';
import { repoRoot, vscodeTestDir } from './lib/paths.mjs';
import { stopAllAsync, stopEverythingOnExit } from './lib/processes.mjs';
import { cleanEnv } from './lib/workbench.mjs';

const VSIX = join(repoRoot, 'dist-vsix', 'direct-mail-vscode.vsix'); // as written by `npm run package`
const devDir = join(vscodeTestDir, 'dev');
const dirs = { userDataDir: join(devDir, 'user-data'), extensionsDir: join(devDir, 'extensions'), workspace: join(devDir, 'workspace') };

/** The user's own settings from earlier runs (a file VS Code rewrote may hold comments: then start afresh). */
function previousSettings() {
  try {
    return JSON.parse(readFileSync(join(dirs.userDataDir, 'User', 'settings.json'), 'utf8'));
  } catch {
    return {};
  }
}

async function main() {
  stopEverythingOnExit({ label: 'start' });
  const packaged = spawnSync('npm', ['run', 'package', '--silent'], { cwd: repoRoot, stdio: 'inherit' });
  if (packaged.status !== 0 || !existsSync(VSIX)) throw new Error('building or packaging the extension failed');
  for (const dir of Object.values(dirs)) mkdirSync(dir, { recursive: true });
  await installVsix(VSIX, dirs);

  const emulator = await startEmulator({ seed: 'demo' });
  const port = Number(process.env.PORT) || undefined;
  const server = await startCodeServer({
    ...dirs,
    port,
    // Credentials only in the environment (the extension's environment profile), never in settings.
    env: cleanEnv({ ALIBABA_CLOUD_ACCESS_KEY_ID: DEMO_ACCESS_KEY_ID, ALIBABA_CLOUD_ACCESS_KEY_SECRET: DEMO_ACCESS_KEY_SECRET }),
    settings: { ...previousSettings(), 'directMail.endpoint': emulator.url },
  });
  // The demo key pair is the emulator's own (it is accepted nowhere else), so it is printed for signing in by hand.
  console.log(`Direct Mail emulator (demo data): ${emulator.url}`);
  console.log(`Signed in with the emulator's demo key: AccessKey ID ${DEMO_ACCESS_KEY_ID}, secret ${DEMO_ACCESS_KEY_SECRET} (emulator only, not an Alibaba Cloud key)`);
  console.log(`Open http://127.0.0.1:${server.port}/ in your browser`);
  console.log('Ctrl+C stops everything.');
  const code = await new Promise((resolve) => server.child.on('exit', resolve));
  throw new Error(`code-server exited with code ${code}`);
}

main().catch(async (error) => {
  console.error(`start: ${error instanceof Error ? error.message : error}`);
  await stopAllAsync();
  process.exit(1);
});
