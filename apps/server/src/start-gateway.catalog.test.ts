import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Store } from '@tollgate/core';
import { openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelInfo } from './models/model-schema.js';
import { CHAT_MODEL, startTestGateway, type TestGateway } from './test-gateway.test-helpers.js';

// Another gateway instance on the same store, as far as this one can tell: a second connection to its database.
describe('the gateway routes from the catalog in its store', () => {
  const newModel = 'acme/chat-model-registered-elsewhere';
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-catalog-'));
  let test: TestGateway;
  let otherInstance: Store;
  beforeAll(async () => {
    test = await startTestGateway({ config: { dataDir } });
    otherInstance = openSqliteStoreInDataDir(dataDir);
    await otherInstance.migrate();
  });
  afterAll(async () => {
    await otherInstance.close();
    await test.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const chat = (model: string) => test.chat({ model, messages: [{ role: 'user', content: 'Hello' }] });

  it("seeds the store with the plugins' mappings at start-up", async () => {
    const stored = await otherInstance.catalog.list({ providerId: 'groq', hfModelId: CHAT_MODEL });

    expect(stored).toEqual([expect.objectContaining({ origin: 'plugin', status: 'live' })]);
    expect(test.gateway.kernel.catalog.entriesFor(CHAT_MODEL, 'conversational')).toContainEqual(
      expect.objectContaining({ id: stored[0]?.id, providerId: 'groq' }),
    );
  });

  it('routes to a mapping another instance wrote once its catalog refreshed, and stops when it is set to error', async () => {
    const { record } = await otherInstance.catalog.upsert({
      type: 'single',
      hfModelId: newModel,
      providerId: 'groq',
      providerModelId: 'openai/gpt-oss-120b',
      task: 'conversational',
      status: 'live',
      origin: 'partner',
      metadata: { contextLength: 65_536 },
    });
    expect((await chat(`${newModel}:groq`)).status).toBe(400);

    // What the poller does every few seconds, done now.
    await test.gateway.kernel.catalog.refresh();

    const answer = await chat(`${newModel}:groq`);
    expect(answer.status).toBe(200);
    expect(answer.headers.get('x-inference-provider')).toBe('groq');
    const models = (await (await test.request('/v1/models')).json()) as { data: ModelInfo[] };
    expect(models.data.find((model) => model.id === newModel)?.providers).toEqual([
      expect.objectContaining({ provider: 'groq', status: 'live', context_length: 65_536 }),
    ]);

    await otherInstance.catalog.setStatus(record.id, 'error');
    await test.gateway.kernel.catalog.refresh();
    const refused = await chat(`${newModel}:groq`);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ error: { code: 'model_not_supported' } });
  });

  it('serves its own catalog writes at once', async () => {
    const { record } = await test.gateway.kernel.catalog.upsert({
      type: 'single',
      hfModelId: 'acme/written-here',
      providerId: 'groq',
      providerModelId: 'openai/gpt-oss-120b',
      task: 'conversational',
      status: 'live',
      origin: 'partner',
    });

    expect((await chat('acme/written-here')).status).toBe(200);
    expect(await otherInstance.catalog.findById(record.id)).toEqual(record);
  });
});
