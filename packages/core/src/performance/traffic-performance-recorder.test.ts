import { describe, expect, it, vi } from 'vitest';
import type { UpstreamCallReport } from '../execution/execution-observer.js';
import type { PerformanceRepository } from '../store/performance-repository.js';
import { createInMemoryPerformanceRepository } from '../store/testing/in-memory-performance-repository.js';
import { TrafficPerformanceRecorder } from './traffic-performance-recorder.js';

const report = (firstChunkMs: number): UpstreamCallReport => ({
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'gpt-oss',
  task: 'conversational',
  streaming: true,
  outcome: 'ok',
  durationMs: firstChunkMs + 1_000,
  firstChunkMs,
  usage: { outputTokens: 51 },
});

/** A repository whose every call is counted, so a test can tell that requests never touch the store. */
function countingRepository() {
  const inner = createInMemoryPerformanceRepository();
  const calls: string[] = [];
  let failMerges = 0;
  const repository: PerformanceRepository = {
    merge: async (batches, now) => {
      calls.push('merge');
      if (failMerges > 0) {
        failMerges -= 1;
        throw new Error('store unavailable');
      }
      return inner.merge(batches, now);
    },
    recordProbe: (result) => inner.recordProbe(result),
    claimProbe: (claim) => inner.claimProbe(claim),
    find: (key) => inner.find(key),
    list: () => inner.list(),
    revision: () => inner.revision(),
  };
  return { repository, calls, failNextMerges: (times: number) => (failMerges = times) };
}

describe('TrafficPerformanceRecorder', () => {
  it('keeps samples in memory until it flushes, then merges one batch per key', async () => {
    const { repository, calls } = countingRepository();
    const recorder = new TrafficPerformanceRecorder({ repository, flushIntervalMs: 0 });
    recorder.upstreamCallFinished(report(100));
    recorder.upstreamCallFinished(report(300));
    expect(calls).toEqual([]);

    await recorder.flush();

    expect(calls).toEqual(['merge']);
    expect(await repository.find({ providerId: 'groq', providerModelId: 'gpt-oss' })).toMatchObject({
      sampleCount: 2,
      firstTokenLatencyMs: 200,
      outputTokensPerSecond: 50,
    });
    await recorder.flush();
    expect(calls).toEqual(['merge']);
  });

  it('merges on its interval and tells the host', async () => {
    const { repository } = countingRepository();
    const onFlushed = vi.fn(async () => {});
    const recorder = new TrafficPerformanceRecorder({ repository, flushIntervalMs: 20, onFlushed });
    recorder.start();
    recorder.upstreamCallFinished(report(120));
    await vi.waitFor(() => expect(onFlushed).toHaveBeenCalledTimes(1));
    expect((await repository.list())[0]?.firstTokenLatencyMs).toBe(120);
    await recorder.close();
  });

  it('keeps the samples of a failed merge for the next one', async () => {
    const { repository, failNextMerges } = countingRepository();
    const warnings: string[] = [];
    const recorder = new TrafficPerformanceRecorder({
      repository,
      flushIntervalMs: 0,
      logger: { debug() {}, info() {}, error() {}, warn: (_object, message) => warnings.push(message ?? '') },
    });
    failNextMerges(1);
    recorder.upstreamCallFinished(report(100));
    await recorder.flush();
    expect(warnings).toEqual(['Merging measured performance failed']);
    expect(await repository.list()).toEqual([]);

    recorder.upstreamCallFinished(report(300));
    await recorder.flush();
    expect(await repository.list()).toMatchObject([{ sampleCount: 2, firstTokenLatencyMs: 200 }]);
  });

  it('merges what is left when it is closed, and measures nothing after', async () => {
    const { repository } = countingRepository();
    const recorder = new TrafficPerformanceRecorder({ repository, flushIntervalMs: 60_000 });
    recorder.start();
    recorder.upstreamCallFinished(report(80));
    await recorder.close();
    expect(await repository.list()).toMatchObject([{ sampleCount: 1, firstTokenLatencyMs: 80 }]);
    await recorder.close();
    expect((await repository.list())[0]?.sampleCount).toBe(1);
  });
});
