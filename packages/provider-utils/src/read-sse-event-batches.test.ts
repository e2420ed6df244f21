import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSseEventBatches } from './read-sse-event-batches.js';

const encoder = new TextEncoder();

async function batchesOf(chunks: readonly string[]): Promise<string[][]> {
  const body = Readable.from(chunks.map((chunk) => encoder.encode(chunk)));
  const batches: string[][] = [];
  for await (const batch of readSseEventBatches(body, { providerId: 'groq' })) {
    batches.push(batch.map((event) => event.data));
  }
  return batches;
}

describe('readSseEventBatches', () => {
  it('hands over the events one body read completed as one batch', async () => {
    expect(await batchesOf(['data: 1\n\ndata: 2\n\ndata: 3\n\n', 'data: 4\n\n'])).toEqual([
      ['1', '2', '3'],
      ['4'],
    ]);
  });

  it('yields no empty batch for a read that completed no event, and the event with the read that ends it', async () => {
    expect(await batchesOf(['data: 1\n\ndata: par', 'tial', '\n\ndata: [DONE]\n'])).toEqual([
      ['1'],
      ['partial'],
      ['[DONE]'],
    ]);
  });
});
