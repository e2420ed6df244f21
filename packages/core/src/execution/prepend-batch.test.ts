import { describe, expect, it } from 'vitest';
import type { StreamItem } from './execution-types.js';
import { prependBatch } from './prepend-batch.js';

const batch = (data: string): readonly StreamItem[] => [{ type: 'chunk', data }];

function tracked() {
  const state = { closed: false };
  async function* rest() {
    try {
      yield batch('b');
      yield batch('c');
    } finally {
      state.closed = true;
    }
  }
  return { state, rest: rest() };
}

describe('prependBatch', () => {
  it('yields the batch read ahead, then the rest', async () => {
    const { rest } = tracked();
    const seen: unknown[] = [];
    for await (const items of prependBatch(batch('a'), rest)) seen.push(items[0]);
    expect(seen).toEqual([
      { type: 'chunk', data: 'a' },
      { type: 'chunk', data: 'b' },
      { type: 'chunk', data: 'c' },
    ]);
  });

  it('yields only the rest when nothing was read ahead', async () => {
    const { rest } = tracked();
    const seen: unknown[] = [];
    for await (const items of prependBatch(undefined, rest)) seen.push(items[0]);
    expect(seen).toHaveLength(2);
  });

  it('closes the rest when closed before the first read', async () => {
    const { state, rest } = tracked();
    await rest.next();
    await prependBatch(batch('a'), rest).return(undefined);
    expect(state.closed).toBe(true);
  });
});
