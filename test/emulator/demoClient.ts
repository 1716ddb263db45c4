// One demo-seeded emulator and a client signed with the demo key, for a describe block of client tests.
import { DirectMailClient } from '../../src/api';
import { DEMO_ACCESS_KEY_ID, DEMO_ACCESS_KEY_SECRET } from './credentials';
import { startEmulator, type Emulator } from './server';

/** Registers the hooks that start both before the block's tests and close both after them; `set` receives them. */
export function useDemoClient(set: (emulator: Emulator, client: DirectMailClient) => void): void {
  let emulator: Emulator | undefined;
  let client: DirectMailClient | undefined;
  before(async () => {
    emulator = await startEmulator({ seed: 'demo' });
    client = new DirectMailClient({ region: 'cn-hangzhou', endpoint: emulator.url, credentials: { accessKeyId: DEMO_ACCESS_KEY_ID, accessKeySecret: DEMO_ACCESS_KEY_SECRET } });
    set(emulator, client);
  });
  after(async () => {
    await client?.close();
    await emulator?.close();
  });
}
