import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadServerConfig } from './load-server-config.js';
import { ServerConfigError } from './server-config-error.js';
import { useTemporaryDirectories } from './temporary-directory.test-helpers.js';

describe('loadServerConfig: provider-reported costs', () => {
  const temporaryDirectory = useTemporaryDirectories();

  function configFile(content: unknown): string {
    const file = path.join(temporaryDirectory(), 'tollgate.config.json');
    writeFileSync(file, JSON.stringify(content));
    return file;
  }

  it('reads the reconciler schedule and a provider billing API, for the kernel as they are', async () => {
    const billingApi = {
      url: 'https://billing.vllm.internal/costs',
      requestIdHeader: 'Inference-Id',
      delayMs: 0,
    };
    const file = configFile({
      billing: { providerCosts: { enabled: true, intervalMs: 30_000, deadlineMs: 600_000, batchSize: 500 } },
      providers: {
        'openai-compatible': { baseUrl: 'http://vllm.internal:8000', billingApi },
        groq: { billingApi: false },
      },
    });

    const config = await loadServerConfig({ options: { config: file }, env: {} });

    expect(config.billing?.providerCosts).toEqual({
      enabled: true,
      intervalMs: 30_000,
      deadlineMs: 600_000,
      batchSize: 500,
    });
    expect(config.providers['openai-compatible']?.billingApi).toEqual(billingApi);
    expect(config.providers.groq?.billingApi).toBe(false);
  });

  it.each<[unknown, string]>([
    [{ billing: { providerCosts: { deadlineMs: 0 } } }, 'billing.providerCosts.deadlineMs'],
    [{ billing: { providerCosts: { every: 5 } } }, 'billing.providerCosts.every'],
    [
      { providers: { groq: { billingApi: { url: 'billing', requestIdHeader: 'x' } } } },
      'providers.groq.billingApi',
    ],
  ])('refuses %j naming the field', async (file, field) => {
    const error = await loadServerConfig({ options: { config: configFile(file) }, env: {} }).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ServerConfigError);
    expect((error as ServerConfigError).field).toContain(field);
  });
});
