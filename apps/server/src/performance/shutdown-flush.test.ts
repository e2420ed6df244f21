/** A graceful shutdown merges what the instance measured since its last flush: no sample is lost to a restart. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import groqPlugin from '@tollgate/provider-groq';
import { afterAll, describe, expect, it } from 'vitest';
import { openGatewayStore } from '../store/open-gateway-store.js';
import { CHAT_MODEL, startTestGateway } from '../test-gateway.test-helpers.js';
import { streamOnce } from './live-performance.test-helpers.js';

describe('graceful shutdown', () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-shutdown-flush-'));
  afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

  it('merges the samples still in memory before the store closes', async () => {
    const test = await startTestGateway({
      plugins: [groqPlugin],
      // Never flushed on a timer within the test: only the shutdown can have written the figures.
      config: { dataDir, performance: { flushIntervalMs: 600_000 } },
    });
    test.simulator.setLatency('groq', { firstTokenMs: 60, tokensPerSecond: 300 });
    expect(await streamOnce(test, `${CHAT_MODEL}:groq`)).toBe('groq');
    expect(await test.gateway.kernel.store.performance.list()).toEqual([]);
    await test.close();

    const store = openGatewayStore({ dataDir });
    try {
      const [record] = await store.performance.list();
      expect(record).toMatchObject({
        providerId: 'groq',
        providerModelId: 'openai/gpt-oss-120b',
        sampleCount: 1,
      });
      expect(record?.firstTokenLatencyMs).toBeGreaterThanOrEqual(50);
      expect(record?.outputTokensPerSecond).toBeGreaterThan(0);
    } finally {
      await store.close();
    }
  });
});
