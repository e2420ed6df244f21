import type { StreamEventV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { pipeStream, type StreamEventMapper, type StreamPipelineState } from './stream-pipeline.js';

const freshState = (): StreamPipelineState => ({
  usage: {},
  outcome: 'client_aborted',
  firstChunkAt: undefined,
  errorKind: undefined,
});

async function* upstream(batches: readonly string[][]): AsyncGenerator<readonly StreamEventV1[]> {
  for (const batch of batches) yield batch.map((data) => ({ data }));
}

/** `[DONE]` ends the stream, `usage` reports usage without emitting, `boom` is an upstream error event. */
const mapChunk: StreamEventMapper = (event) => {
  if (event.data === '[DONE]') return { done: true };
  if (event.data === 'usage') return { usage: { inputTokens: 3, outputTokens: 5 } };
  if (event.data === 'boom') return { error: { message: 'overloaded' } };
  return { emit: event.data };
};

async function collect(batches: readonly string[][], state: StreamPipelineState) {
  const out: unknown[][] = [];
  for await (const batch of pipeStream(upstream(batches), mapChunk, 'groq', state)) {
    out.push(batch.map((item) => (item.type === 'chunk' ? item.data : item.error.message)));
  }
  return out;
}

describe('pipeStream', () => {
  it('maps the events of one upstream read into one batch and meters usage without emitting it', async () => {
    const state = freshState();
    expect(
      await collect(
        [
          ['a', 'b'],
          ['c', 'usage', '[DONE]'],
        ],
        state,
      ),
    ).toEqual([['a', 'b'], ['c']]);
    expect(state.outcome).toBe('completed');
    expect(state.usage).toEqual({ inputTokens: 3, outputTokens: 5 });
    expect(state.firstChunkAt).toBeTypeOf('number');
  });

  it('skips a read whose events emit nothing', async () => {
    const state = freshState();
    expect(await collect([['a'], ['usage'], ['[DONE]']], state)).toEqual([['a']]);
    expect(state.outcome).toBe('completed');
  });

  it('keeps the chunks before an error event of the same read, then ends with the error', async () => {
    const state = freshState();
    expect(await collect([['a', 'boom', 'never']], state)).toEqual([['a', 'overloaded']]);
    expect(state).toMatchObject({ outcome: 'upstream_failed', errorKind: 'stream' });
  });

  it('ends a stream that closed without its end marker with an error, never silently', async () => {
    const state = freshState();
    const out = await collect([['a']], state);
    expect(out[0]).toEqual(['a']);
    expect(String(out[1]?.[0])).toMatch(/ended before it was complete/);
    expect(state.outcome).toBe('upstream_failed');
  });
});
