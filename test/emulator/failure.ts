// The DirectMailError a call ends with, checked to be one (and, when given, to carry the expected fields).
import { strict as assert } from 'node:assert';
import { DirectMailError } from '../../src/api';

export async function failure(promise: Promise<unknown>, expected: Partial<DirectMailError> = {}): Promise<DirectMailError> {
  try {
    await promise;
  } catch (e) {
    assert.ok(e instanceof DirectMailError, `expected a DirectMailError, got ${String(e)}`);
    for (const [k, v] of Object.entries(expected)) assert.deepEqual((e as unknown as Record<string, unknown>)[k], v, `error.${k} (message: ${e.message})`);
    return e;
  }
  return assert.fail('expected the call to fail');
}
