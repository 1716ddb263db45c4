// Command line: `tsx test/emulator/main.ts [--port 0] [--seed demo|empty|scale:<n>] [--state-file path] [--latency ms] [--tls]
// [--clock-offset-minutes n]`.
import { OTHER_ACCESS_KEY_ID, OTHER_ACCESS_KEY_SECRET } from './credentials';
import type { SeedName } from './seeds';
import { isSeedName } from './seeds';
import { startEmulator } from './server';

const USAGE = 'Usage: tsx test/emulator/main.ts [--port <n>] [--seed demo|empty|scale:<n>] [--state-file <path>] [--latency <ms>] [--tls] [--clock-offset-minutes <n>]\n' +
  '  --tls                     serve HTTPS with a certificate issued by a CA made at start (its file is printed)\n' +
  '  --clock-offset-minutes n  move the emulator clock (request time checks, Date header), e.g. -20';

interface Args { port: number; seed: SeedName; stateFile?: string; latencyMs: number; tls: boolean; clockOffsetMs: number }

function parseArgs(argv: string[]): Args {
  const out: Args = { port: 0, seed: 'demo', stateFile: undefined, latencyMs: 0, tls: false, clockOffsetMs: 0 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].split(/=(.*)/s, 2);
    const value = (): string => {
      const v = inline ?? argv[++i];
      if (v === undefined) fail(`${flag} needs a value.`);
      return v;
    };
    const int = (name: string): number => {
      const v = value();
      if (!/^\d+$/.test(v)) fail(`${name} must be a whole number, got "${v}".`);
      return Number(v);
    };
    switch (flag) {
      case '--port': out.port = int('--port'); break;
      case '--seed': {
        const seed = value();
        if (!isSeedName(seed)) fail(`--seed must be demo, empty or scale:<n>, got "${seed}".`);
        out.seed = seed as SeedName;
        break;
      }
      case '--state-file': out.stateFile = value(); break;
      case '--latency': out.latencyMs = int('--latency'); break;
      case '--tls': out.tls = true; break;
      case '--clock-offset-minutes': {
        const v = value();
        if (!/^[+-]?\d+$/.test(v)) fail(`--clock-offset-minutes must be a whole number, got "${v}".`);
        out.clockOffsetMs = Number(v) * 60_000;
        break;
      }
      case '--help': console.log(USAGE); process.exit(0); break;
      default: fail(`Unknown option ${argv[i]}.`);
    }
  }
  return out;
}

function fail(message: string): never {
  console.error(`${message}\n${USAGE}`);
  process.exit(2);
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const emulator = await startEmulator(args);
  const demo = emulator.core.keys.find((k) => k.account === 'demo' && !k.securityToken)!;
  // The first line is a contract: scripts wait for it and take the URL from it.
  console.log(`Direct Mail emulator listening on ${emulator.url}`);
  console.log(`Demo AccessKey ID:     ${demo.accessKeyId}`);
  console.log(`Demo AccessKey secret: ${demo.accessKeySecret}   (emulator-only demo value)`);
  console.log(`Other account:         ${OTHER_ACCESS_KEY_ID} / ${OTHER_ACCESS_KEY_SECRET}`);
  if (emulator.certificates) console.log(`TLS: trust the CA in ${emulator.certificates.caFile} (directMail.caCertificates or NODE_EXTRA_CA_CERTS)`);
  if (args.clockOffsetMs) console.log(`Clock moved by ${args.clockOffsetMs / 60_000} minutes.`);
  console.log(`Seed: ${emulator.core.seed}${args.stateFile ? `, state file ${args.stateFile}` : ''}. Press Ctrl+C to stop.`);
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    emulator.close().then(() => process.exit(0), () => process.exit(1));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
