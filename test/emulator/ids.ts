// Identifier and time formats the service uses (reference §10).
import { randomBytes, randomUUID } from 'node:crypto';

/** Upper-case UUID, like every RequestId the service returns. */
export const newRequestId = (): string => randomUUID().toUpperCase();

/** `chars` lower-case hex characters. */
export const hexToken = (chars: number): string => randomBytes(Math.ceil(chars / 2)).toString('hex').slice(0, chars);

/** `2025-03-19T12:49Z`: minute precision, used by domains, sender addresses and tags. */
export const minuteTime = (ms: number): string => new Date(ms).toISOString().slice(0, 16) + 'Z';

/** `2021-08-13T08:58:40Z`: second precision, used by recipient lists and recipients. */
export const secondTime = (ms: number): string => new Date(ms).toISOString().slice(0, 19) + 'Z';

export const unixSeconds = (ms: number): number => Math.floor(ms / 1000);

let envCounter = 0;
/** Long digit string identifying one send (EnvId). */
export const newEnvId = (): string => `600000${Date.now()}${String(envCounter++ % 1000).padStart(3, '0')}`;
