// SaveReceiverDetail takes at most 500 recipients per call (reference §4.5). A caller asking for bigger batches
// still gets batches of 500: 1,001 rows go out as 500, 500 and 1, and every row is accounted for.
import * as assert from 'node:assert/strict';
import type { RecipientInput, AddRecipientsResult } from '../../src/api/types';
import { parseCsv } from '../../src/model/csv';
import { batches, planImport, runImport } from '../../src/model/recipientImport';

function csv(rows: number): string {
  const lines = ['email'];
  for (let i = 1; i <= rows; i++) lines.push(`user${i}@example.com`);
  return lines.join('\n');
}

async function sentBatches(rows: number, batchSize?: number): Promise<{ sizes: number[]; added: number; first: string[] }> {
  const sizes: number[] = [];
  const first: string[] = [];
  const send = async (batch: RecipientInput[]): Promise<AddRecipientsResult> => {
    sizes.push(batch.length);
    first.push(batch[0].email);
    return { successCount: batch.length, errorCount: 0, errors: [] };
  };
  const run = await runImport(planImport(parseCsv(csv(rows))), send, batchSize === undefined ? {} : { batchSize });
  return { sizes, added: run.added.length, first };
}

describe('Recipient import batches are capped at 500', () => {
  it('a caller batch size above 500 is capped: 1,001 rows → 500, 500, 1', async () => {
    for (const batchSize of [501, 1000, 5000, Infinity]) {
      const { sizes, added, first } = await sentBatches(1001, batchSize);
      assert.deepEqual(sizes, [500, 500, 1], `batchSize ${batchSize}`);
      assert.deepEqual(first, ['user1@example.com', 'user501@example.com', 'user1001@example.com']);
      assert.equal(added, 1001);
    }
  });

  it('without a batch size, 500 per batch; 500 rows are one batch', async () => {
    assert.deepEqual((await sentBatches(1001)).sizes, [500, 500, 1]);
    assert.deepEqual((await sentBatches(500)).sizes, [500]);
  });

  it('a smaller batch size is used as given, and a size below 1 becomes 1', async () => {
    assert.deepEqual((await sentBatches(5, 2)).sizes, [2, 2, 1]);
    assert.deepEqual(batches([1, 2, 3], 0), [[1], [2], [3]]);
    assert.deepEqual(batches([1, 2, 3], 2.7), [[1, 2], [3]]);
    assert.deepEqual(batches([], 10), []);
  });
});
