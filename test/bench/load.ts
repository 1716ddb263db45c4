// Runs a bounded number of requests at a fixed concurrency and measures wall time and this process's CPU.
export interface LoadResult {
  requests: number;
  concurrency: number;
  wallMs: number;
  requestsPerSecond: number;
  clientCpuMicrosPerRequest: number;
  /** Emulator CPU per request when the caller can read it. */
  emulatorCpuMicrosPerRequest?: number;
}

export async function runLoad(
  call: () => Promise<unknown>, requests: number, concurrency: number, emulatorCpu: () => number | undefined,
): Promise<LoadResult> {
  let issued = 0;
  const worker = async (): Promise<void> => {
    while (issued < requests) {
      issued++;
      await call();
    }
  };
  const emuBefore = emulatorCpu();
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(cpuBefore);
  const emuAfter = emulatorCpu();
  return {
    requests,
    concurrency,
    wallMs,
    requestsPerSecond: (requests / wallMs) * 1000,
    clientCpuMicrosPerRequest: (cpu.user + cpu.system) / requests,
    emulatorCpuMicrosPerRequest: emuBefore !== undefined && emuAfter !== undefined ? (emuAfter - emuBefore) / requests : undefined,
  };
}
