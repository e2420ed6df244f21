import { describe, expect, it, vi } from 'vitest';
import { createInMemoryPerformanceRepository } from '../store/testing/in-memory-performance-repository.js';
import { ewmaContribution } from './moving-average.js';
import { StorePerformanceView } from './store-performance-view.js';

const at = '2026-12-01T10:00:00.000Z';
const key = { providerId: 'groq', providerModelId: 'gpt-oss' };

describe('StorePerformanceView', () => {
  it('answers from the snapshot it loaded, with the store’s nulls as undefined', async () => {
    const repository = createInMemoryPerformanceRepository();
    await repository.merge([{ ...key, samples: 3, outputTokensPerSecond: ewmaContribution(250, 3) }], at);
    const view = new StorePerformanceView({ repository, refreshIntervalMs: 0 });
    expect(view.of('groq', 'gpt-oss')).toBeUndefined();
    await view.start();

    expect(view.of('groq', 'gpt-oss')).toEqual({
      firstTokenLatencyMs: undefined,
      outputTokensPerSecond: 250,
      health: 'unknown',
      supportsTools: undefined,
      supportsStructuredOutput: undefined,
      sampleCount: 3,
      updatedAt: at,
    });
    expect(view.of('groq', 'other')).toBeUndefined();
    await view.close();
  });

  it('reloads only when the revision moved', async () => {
    const repository = createInMemoryPerformanceRepository();
    const list = vi.spyOn(repository, 'list');
    const view = new StorePerformanceView({ repository, refreshIntervalMs: 0 });
    await view.start();
    await view.refresh();
    expect(list).toHaveBeenCalledTimes(1);

    await repository.recordProbe({ ...key, holder: 'h', health: 'unhealthy', probedAt: at, error: '500' });
    await view.refresh();
    expect(list).toHaveBeenCalledTimes(2);
    expect(view.of('groq', 'gpt-oss')).toMatchObject({ health: 'unhealthy', lastProbeError: '500' });
    expect(view.revision).toBe(await repository.revision());
  });

  it('follows writes of other instances by polling, so views on one store agree', async () => {
    const repository = createInMemoryPerformanceRepository();
    const views = [0, 1].map(() => new StorePerformanceView({ repository, refreshIntervalMs: 10 }));
    for (const view of views) await view.start();
    await repository.merge([{ ...key, samples: 1, firstTokenLatencyMs: ewmaContribution(321, 1) }], at);

    await vi.waitFor(() => {
      for (const view of views) expect(view.of('groq', 'gpt-oss')?.firstTokenLatencyMs).toBe(321);
    });
    for (const view of views) await view.close();
  });

  it('keeps its last snapshot when the store fails, and says so', async () => {
    const repository = createInMemoryPerformanceRepository();
    await repository.merge([{ ...key, samples: 1, firstTokenLatencyMs: ewmaContribution(90, 1) }], at);
    const warnings: string[] = [];
    const view = new StorePerformanceView({
      repository,
      refreshIntervalMs: 0,
      logger: { debug() {}, info() {}, error() {}, warn: (_object, message) => warnings.push(message ?? '') },
    });
    await view.start();
    vi.spyOn(repository, 'revision').mockRejectedValueOnce(new Error('down'));
    await view.refresh();
    expect(view.of('groq', 'gpt-oss')?.firstTokenLatencyMs).toBe(90);
    expect(warnings).toEqual(['Performance refresh failed; routing keeps the last measured figures']);
  });
});
