/**
 * The sandbox gateway as `tollgate serve --sandbox` builds it (config loaded by `loadServerConfig`, probing on by
 * default) probes its simulated providers and shows what it measured in `/v1/models`.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadServerConfig } from '../config/load-server-config.js';
import { createGatewayLogger } from '../logging/create-gateway-logger.js';
import { type RunningGateway, startGateway } from '../start-gateway.js';
import { CHAT_MODEL, captureLogs, FIRST_PARTY_PLUGINS } from '../test-gateway.test-helpers.js';
import { figuresOf } from './live-performance.test-helpers.js';

describe('the sandbox gateway measures and probes', () => {
  let gateway: RunningGateway;
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-sandbox-probing-'));
    const file = path.join(dataDir, 'tollgate.config.json');
    // Only the schedule is shortened; `enabled` is left to the default.
    writeFileSync(
      file,
      JSON.stringify({ performance: { refreshIntervalMs: 100, prober: { checkIntervalMs: 100 } } }),
    );
    const config = await loadServerConfig({
      options: { sandbox: true, port: 0, config: file, dataDir },
      env: {},
    });
    gateway = await startGateway(config, {
      logger: createGatewayLogger({ level: 'warn', destination: captureLogs().destination }),
      env: {},
      plugins: FIRST_PARTY_PLUGINS,
    });
  });
  afterAll(async () => {
    await gateway?.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('fills first-token latency and capabilities of its simulated providers from probes', async () => {
    await expect
      .poll(async () => (await figuresOf(gateway.url, CHAT_MODEL)).groq?.first_token_latency_ms, {
        timeout: 10_000,
      })
      .toBeGreaterThanOrEqual(0);
    expect((await figuresOf(gateway.url, CHAT_MODEL)).groq).toMatchObject({
      status: 'live',
      supports_tools: true,
      supports_structured_output: true,
    });
    const record = await gateway.kernel.store.performance.find({
      providerId: 'groq',
      providerModelId: 'openai/gpt-oss-120b',
    });
    expect(record).toMatchObject({ health: 'healthy', lastProbeError: null });
  });
});
