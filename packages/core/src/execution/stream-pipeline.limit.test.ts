import type { StreamEventV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { pipeStream, type StreamPipelineState } from './stream-pipeline.js';

const freshState = (): StreamPipelineState => ({
  usage: {},
  outcome: 'client_aborted',
  firstChunkAt: undefined,
  errorKind: undefined,
});

describe('pipeStream with an output limit', () => {
  it('ends the stream at the limit with the limit’s items, and closes the upstream', async () => {
    let closed = false;
    async function* upstream(): AsyncGenerator<readonly StreamEventV1[]> {
      try {
        for (let index = 0; index < 100; index += 1) yield [{ data: `c${index}` }];
      } finally {
        closed = true;
      }
    }
    const state = freshState();
    const seen: unknown[] = [];
    const limit = {
      maxChunks: 3,
      end: (last: unknown) => [{ type: 'chunk' as const, data: `end after ${last}` }],
    };
    for await (const batch of pipeStream(
      upstream(),
      (event) => ({ emit: event.data }),
      'groq',
      state,
      limit,
    )) {
      for (const item of batch) if (item.type === 'chunk') seen.push(item.data);
    }
    expect(seen).toEqual(['c0', 'c1', 'c2', 'end after c2']);
    expect(state).toMatchObject({ outcome: 'completed', limitReached: true, emittedChunks: 4 });
    expect(closed).toBe(true);
  });

  it('never cuts a stream that ends within its limit, and counts what it emitted', async () => {
    async function* upstream(): AsyncGenerator<readonly StreamEventV1[]> {
      yield [{ data: 'a' }, { data: 'b' }, { data: '[DONE]' }];
    }
    const state = freshState();
    const limit = { maxChunks: 2, end: () => [{ type: 'chunk' as const, data: 'cut' }] };
    const out: unknown[] = [];
    const map = (event: StreamEventV1) => (event.data === '[DONE]' ? { done: true } : { emit: event.data });
    for await (const batch of pipeStream(upstream(), map, 'groq', state, limit)) out.push(...batch);
    expect(out).toEqual([
      { type: 'chunk', data: 'a' },
      { type: 'chunk', data: 'b' },
    ]);
    expect(state.limitReached).toBeUndefined();
    expect(state.emittedChunks).toBe(2);
  });
});
