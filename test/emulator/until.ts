// Waiting for something another process does (the emulator acting after a delay, VS Code rendering): polls until the
// probe holds, and fails naming what it waited for after a generous limit, so a slow machine only waits longer.
export async function until(what: string, probe: () => boolean | Promise<boolean>, limitMs = 30_000): Promise<void> {
  const end = Date.now() + limitMs;
  while (!(await probe())) {
    if (Date.now() > end) throw new Error(`waited in vain for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
