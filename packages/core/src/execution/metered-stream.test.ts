import { describe, expect, it } from 'vitest';
import type { StreamCompletion, StreamItem } from './execution-types.js';
import { meteredStream } from './metered-stream.js';

const chunk = (n: number): StreamItem => ({ type: 'chunk', data: { n } });
const completion: StreamCompletion = { outcome: 'completed', usage: {}, costNanoUsd: 5n };

/** A pipeline of `batches`, which says it has ended once it handed out the last one. */
function pipelineOf(batches: readonly (readonly StreamItem[])[]) {
  let handedOut = 0;
  async function* pipeline() {
    for (const batch of batches) {
      handedOut += 1;
      yield batch;
    }
  }
  return { pipeline: pipeline(), ended: () => handedOut === batches.length };
}

describe('meteredStream', () => {
  it('settles once, after the last batch, when the pipeline cannot say it ended', async () => {
    const log: string[] = [];
    const { pipeline } = pipelineOf([[chunk(1)], [chunk(2)]]);
    const stream = meteredStream(pipeline, async () => {
      log.push('finish');
      return completion;
    });

    for await (const batch of stream.batches) log.push(`batch ${batch.length}`);

    expect(log).toEqual(['batch 1', 'batch 1', 'finish']);
    expect(await stream.completion).toBe(completion);
  });

  it('hands out the last batch only once finish ran, so its cost is charged before the client sees it', async () => {
    const log: string[] = [];
    const { pipeline, ended } = pipelineOf([[chunk(1)], [chunk(2), chunk(3)]]);
    const stream = meteredStream(
      pipeline,
      async () => {
        await new Promise((resolve) => setImmediate(resolve));
        log.push('finish');
        return completion;
      },
      undefined,
      ended,
    );

    for await (const batch of stream.batches) log.push(`batch ${batch.length}`);

    expect(log).toEqual(['batch 1', 'finish', 'batch 2']);
    expect(await stream.completion).toBe(completion);
  });

  it('settles once when the client abandons the stream', async () => {
    let finished = 0;
    const { pipeline } = pipelineOf([[chunk(1)], [chunk(2)]]);
    const stream = meteredStream(pipeline, async () => {
      finished += 1;
      return completion;
    });

    for await (const _batch of stream.batches) break;

    expect(await stream.completion).toBe(completion);
    expect(finished).toBe(1);
  });
});
