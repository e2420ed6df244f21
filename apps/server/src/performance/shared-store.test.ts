/**
 * Two gateway instances on one store (a SQLite file, and a PostgreSQL schema) agree on measured figures: what one
 * measured from its traffic the other shows and routes by, and the probe lease has each mapping probed once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { baseUrlEnvVar } from '@tollgate/core';
import cerebrasPlugin from '@tollgate/provider-cerebras';
import groqPlugin from '@tollgate/provider-groq';
import type { ProviderPluginV1 } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import togetherPlugin from '@tollgate/provider-together';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_CONFIG_DEFAULTS, type ServerConfig } from '../config/server-config.js';
import { createGatewayLogger } from '../logging/create-gateway-logger.js';
import { type RunningGateway, startGateway } from '../start-gateway.js';
import { CHAT_MODEL, captureLogs } from '../test-gateway.test-helpers.js';
import { figuresOf, messages } from './live-performance.test-helpers.js';

const plugins: readonly ProviderPluginV1[] = [groqPlugin, togetherPlugin, cerebrasPlugin];
const postgres = await findTestPostgres();

function sharedStoreScenarios(storeConfig: () => Promise<Partial<ServerConfig>>) {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function simulator(): Promise<ProviderSimulator> {
    const models = Object.fromEntries(
      plugins.map((plugin) => [plugin.id, plugin.models.map((m) => m.providerModelId)]),
    );
    const started = await createProviderSimulator({ models });
    cleanups.push(() => started.close());
    started.setLatency('groq', { firstTokenMs: 100, tokensPerSecond: 80 });
    started.setLatency('together', { tokensPerSecond: 500 });
    started.setLatency('cerebras', { tokensPerSecond: 100 });
    return started;
  }

  async function instance(sim: ProviderSimulator, store: Partial<ServerConfig>): Promise<RunningGateway> {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-shared-store-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const env: NodeJS.ProcessEnv = {};
    for (const plugin of plugins) {
      env[baseUrlEnvVar(plugin.id)] = sim.baseUrlFor(plugin.id);
      env[plugin.settings.apiKeyEnvVars[0]!] = sim.apiKeyFor(plugin.id);
    }
    const config: ServerConfig = {
      ...SERVER_CONFIG_DEFAULTS,
      port: 0,
      dataDir,
      root: dataDir,
      sandbox: false,
      providers: {},
      upstream: { headersTimeoutMs: 5_000, bodyTimeoutMs: 5_000 },
      performance: {
        flushIntervalMs: 100,
        refreshIntervalMs: 100,
        prober: { enabled: true, checkIntervalMs: 100, capabilities: false, timeoutMs: 2_000 },
      },
      ...store,
    };
    const gateway = await startGateway(config, {
      logger: createGatewayLogger({ level: 'warn', destination: captureLogs().destination }),
      env,
      plugins,
    });
    cleanups.push(() => gateway.close());
    return gateway;
  }

  it('shows on both what either measured, routes both by it, and probes each mapping once', async () => {
    const sim = await simulator();
    const store = await storeConfig();
    const first = await instance(sim, store);
    const second = await instance(sim, store);
    const user = await first.kernel.store.users.create({ name: 'alice' });
    const { token } = await first.kernel.tokens.issue(user.id, 'tests');
    const stream = async (url: string, model: string) => {
      const response = await fetch(`${url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ model, messages, stream: true, max_tokens: 24 }),
      });
      expect(response.status).toBe(200);
      await response.text();
      return response.headers.get('x-inference-provider');
    };

    // Traffic on the first instance only.
    for (const provider of ['groq', 'together', 'groq', 'together'])
      await stream(first.url, `${CHAT_MODEL}:${provider}`);

    await expect
      .poll(
        async () => {
          const [mine, theirs] = await Promise.all([figuresOf(first.url), figuresOf(second.url)]);
          return { same: JSON.stringify(mine) === JSON.stringify(theirs), mine };
        },
        { timeout: 10_000, interval: 100 },
      )
      .toMatchObject({
        same: true,
        mine: { groq: { throughput: expect.any(Number) }, together: { throughput: expect.any(Number) } },
      });
    const figures = await figuresOf(second.url);
    expect(figures.together!.throughput!).toBeGreaterThan(figures.groq!.throughput!);
    // The second instance routes by what the first measured.
    expect(await stream(second.url, `${CHAT_MODEL}:fastest`)).toBe('together');

    // Each live chat mapping was probed by one instance, once: the other found it leased or not due.
    const mappings = first.kernel.catalog
      .allEntries()
      .filter((entry) => entry.task === 'conversational' && entry.status === 'live');
    await expect
      .poll(
        async () =>
          (await first.kernel.store.performance.list()).filter((record) => record.lastProbeAt).length,
        {
          timeout: 10_000,
        },
      )
      .toBe(new Set(mappings.map((entry) => `${entry.providerId}/${entry.providerModelId}`)).size);
    const probeStreams = sim.calls.filter(
      (call) => (call.body as { stream?: boolean; max_tokens?: number } | undefined)?.max_tokens === 32,
    );
    expect(probeStreams).toHaveLength(mappings.length);
  });
}

describe('two gateway instances on one SQLite file', () => {
  let dataDir: string | undefined;
  afterEach(() => {
    if (dataDir) rmSync(dataDir, { recursive: true, force: true });
  });
  sharedStoreScenarios(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-shared-sqlite-'));
    return { dataDir };
  });
});

describeWithPostgres(postgres, 'two gateway instances on one PostgreSQL database', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  sharedStoreScenarios(async () => ({ databaseUrl: (await schemas.createSchema()).connectionString }));
});
