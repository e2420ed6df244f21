import { groqModels, groqRates } from '@tollgate/provider-groq';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ModelInfo } from '../models/model-schema.js';
import { startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

describe('GET /v1/models', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ config: { providers: { cerebras: { enabled: false } } } });
  });
  afterAll(async () => {
    await test.close();
  });

  const anonymous = (path: string) => fetch(`${test.url}${path}`);

  it('lists the chat models in OpenAI list shape, without authentication', async () => {
    const response = await anonymous('/v1/models');
    expect(response.status).toBe(200);
    const body = (await response.json()) as { object: string; data: ModelInfo[] };
    expect(body.object).toBe('list');
    const ids = body.data.map((model) => model.id);
    expect(ids).toEqual([...ids].sort());
    for (const hfModelId of groqModels.map((mapping) => mapping.hfModelId)) expect(ids).toContain(hfModelId);
    for (const model of body.data) {
      expect(model).toMatchObject({
        object: 'model',
        created: expect.any(Number),
        owned_by: model.id.split('/')[0],
      });
      expect(model.providers.length).toBeGreaterThan(0);
    }
  });

  it("gives each provider's status, context length, capabilities and prices per million tokens", async () => {
    const body = (await (await anonymous('/v1/models')).json()) as { data: ModelInfo[] };
    const gptOss = body.data.find((model) => model.id === 'openai/gpt-oss-120b')!;
    const groq = gptOss.providers.find((provider) => provider.provider === 'groq');
    const rates = groqRates.models['openai/gpt-oss-120b']!;
    expect(groq).toEqual({
      provider: 'groq',
      status: 'live',
      context_length: 131_072,
      pricing: { input: Number(rates.inputPerMillionTokens), output: Number(rates.outputPerMillionTokens) },
      supports_tools: true,
      supports_structured_output: true,
      is_model_author: false,
    });
    expect(gptOss.providers.map((provider) => provider.provider)).toContain('together');
    const llama = body.data.find((model) => model.id === 'meta-llama/Llama-3.3-70B-Instruct')!;
    expect(llama.providers.find((provider) => provider.provider === 'groq')?.status).toBe('error');
  });

  it('leaves out providers that are disabled on this gateway', async () => {
    const body = (await (await anonymous('/v1/models')).json()) as { data: ModelInfo[] };
    const providers = new Set(
      body.data.flatMap((model) => model.providers.map((provider) => provider.provider)),
    );
    expect(providers.has('cerebras')).toBe(false);
    expect(providers.has('groq')).toBe(true);
  });

  it('retrieves one model by its Hub id, slash included', async () => {
    const list = (await (await anonymous('/v1/models')).json()) as { data: ModelInfo[] };
    const response = await anonymous('/v1/models/openai/gpt-oss-120b');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(list.data.find((model) => model.id === 'openai/gpt-oss-120b'));
  });

  it('answers 404 model_not_found for an unknown model', async () => {
    const response = await anonymous('/v1/models/nobody/no-such-model');
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: {
        message: expect.stringContaining('nobody/no-such-model'),
        type: 'invalid_request_error',
        code: 'model_not_found',
        param: 'model',
      },
    });
  });
});
