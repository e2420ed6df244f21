import { describe, expect, it } from 'vitest';
import {
  chargedAnswerUsage,
  chargedStreamUsage,
  chatStreamLimit,
  LingeringStreams,
  LingeringUpstreamSignal,
} from './charged-stream.js';
import type { StreamPipelineState } from './stream-pipeline.js';

const limits = { baseUsage: { inputTokens: 100 }, maxOutputTokens: 10, sequences: 1 };
const state = (overrides: Partial<StreamPipelineState>): StreamPipelineState => ({
  usage: {},
  outcome: 'completed',
  firstChunkAt: undefined,
  errorKind: undefined,
  ...overrides,
});

describe('chargedStreamUsage', () => {
  it('keeps the provider’s usage, an explicit zero included', () => {
    expect(chargedStreamUsage(state({ usage: { inputTokens: 7, outputTokens: 0 } }), limits)).toEqual({
      inputTokens: 7,
      outputTokens: 0,
    });
  });

  it('meters a stream cut at its limit at the hold’s worth, with the provider’s input count if known', () => {
    expect(chargedStreamUsage(state({ limitReached: true }), limits)).toEqual({
      inputTokens: 100,
      outputTokens: 10,
    });
    expect(chargedStreamUsage(state({ limitReached: true, usage: { inputTokens: 9 } }), limits)).toEqual({
      inputTokens: 9,
      outputTokens: 10,
    });
  });

  it('meters a stream without usage by the input’s worst case and the chunks emitted', () => {
    // Six chunks: a role chunk and a finish chunk carry no token.
    expect(chargedStreamUsage(state({ emittedChunks: 6 }), limits)).toEqual({
      inputTokens: 100,
      outputTokens: 4,
    });
    expect(chargedStreamUsage(state({ emittedChunks: 6 }), undefined)).toEqual({});
  });
});

describe('chargedAnswerUsage', () => {
  it('keeps the provider’s usage, and estimates high only when there is none', () => {
    expect(chargedAnswerUsage({ inputTokens: 0 }, { text: 'x' }, limits)).toEqual({ inputTokens: 0 });
    // The answer's JSON is 16 bytes, more than the cap of 10; "hi" as JSON is 4.
    expect(chargedAnswerUsage({}, { text: 'hello' }, limits)).toEqual({ inputTokens: 100, outputTokens: 10 });
    expect(chargedAnswerUsage({}, 'hi', limits)).toEqual({ inputTokens: 100, outputTokens: 4 });
    expect(chargedAnswerUsage({}, 'hi', { ...limits, maxOutputTokens: undefined })).toEqual({
      inputTokens: 100,
    });
    expect(chargedAnswerUsage({}, 'hi', undefined)).toEqual({});
  });
});

describe('chatStreamLimit', () => {
  it('allows the cap plus the chunks that carry no token, and ends with length and the cost', () => {
    const limit = chatStreamLimit({ limits, includeUsage: true, chargeFor: () => 1_500n })!;
    expect(limit.maxChunks).toBe(13);
    const [finish, usage] = limit.end('{"id":"c1","created":5,"model":"m","choices":[]}');
    expect(finish).toEqual({
      type: 'chunk',
      data: {
        id: 'c1',
        object: 'chat.completion.chunk',
        created: 5,
        model: 'm',
        choices: [{ index: 0, delta: {}, finish_reason: 'length' }],
      },
    });
    expect(usage).toMatchObject({
      data: {
        choices: [],
        usage: { prompt_tokens: 100, completion_tokens: 10, total_tokens: 110, cost: 0.0000015 },
      },
    });
    expect(
      chatStreamLimit({ limits, includeUsage: false, chargeFor: () => 0n })!.end(undefined),
    ).toHaveLength(1);
    expect(chatStreamLimit({ limits: undefined, includeUsage: true, chargeFor: () => 0n })).toBeUndefined();
  });
});

describe('LingeringUpstreamSignal', () => {
  it('aborts with the client before the stream began, and after the grace once it had', async () => {
    const early = new AbortController();
    const before = new LingeringUpstreamSignal(early.signal, 10_000);
    early.abort();
    expect(before.signal.aborted).toBe(true);

    const late = new AbortController();
    const after = new LingeringUpstreamSignal(late.signal, 20);
    after.began();
    late.abort();
    expect(after.signal.aborted).toBe(false);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(after.signal.aborted).toBe(true);
  });

  it('ends every lingering stream at once when its kernel closes them', () => {
    const streams = new LingeringStreams();
    const client = new AbortController();
    const lingering = new LingeringUpstreamSignal(client.signal, 60_000, streams);
    lingering.began();
    client.abort();
    expect(lingering.signal.aborted).toBe(false);
    streams.close();
    expect(lingering.signal.aborted).toBe(true);
    expect(new LingeringUpstreamSignal(new AbortController().signal, 60_000, streams).signal.aborted).toBe(
      true,
    );
  });
});
