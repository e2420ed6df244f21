import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  CHAT_MODEL,
  startTestGateway,
  TASK_PLUGINS,
  type TestGateway,
} from '../test-gateway.test-helpers.js';

interface ModelInfo {
  _id: string;
  id: string;
  pipeline_tag?: string;
  inferenceProviderMapping?: Record<string, Record<string, unknown>>;
}

describe('GET /api/models/{id}', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ plugins: TASK_PLUGINS });
  });
  afterAll(async () => {
    await test.close();
  });

  const anonymous = (path: string) => fetch(`${test.url}${path}`);
  const mapping = `/api/models/${CHAT_MODEL}?expand[]=inferenceProviderMapping`;

  it('answers the mapping keyed by provider in catalog order, without a token, as the Hub shapes it', async () => {
    const response = await anonymous(mapping);
    expect(response.status).toBe(200);
    const body = (await response.json()) as ModelInfo;
    expect(body._id).toMatch(/^[0-9a-f]{24}$/);
    expect(body.id).toBe(CHAT_MODEL);
    expect(Object.keys(body)).toEqual(['_id', 'id', 'inferenceProviderMapping']);
    expect(Object.keys(body.inferenceProviderMapping ?? {})).toEqual(['groq', 'together', 'cerebras']);
    expect(body.inferenceProviderMapping?.groq).toEqual({
      status: 'live',
      providerId: 'openai/gpt-oss-120b',
      task: 'conversational',
      isModelAuthor: false,
      type: 'single-model',
    });
    // The same `_id` on every call: derived from the model id.
    expect(((await (await anonymous(mapping)).json()) as ModelInfo)._id).toBe(body._id);
  });

  it('accepts `expand=` as well as `expand[]=`, and answers `pipeline_tag` in Hub spelling', async () => {
    const response = await anonymous(`/api/models/${CHAT_MODEL}?expand=pipeline_tag`);
    expect(await response.json()).toEqual({
      _id: expect.any(String),
      id: CHAT_MODEL,
      pipeline_tag: 'text-generation',
    });
    const both = (await (
      await anonymous(
        '/api/models/sentence-transformers/all-MiniLM-L6-v2?expand[]=pipeline_tag&expand[]=inferenceProviderMapping',
      )
    ).json()) as ModelInfo;
    expect(both.pipeline_tag).toBe('sentence-similarity');
    // Mapped for both embedding tasks; the one the model's pipeline tag names is shown.
    expect(both.inferenceProviderMapping?.['hf-inference']).toMatchObject({
      task: 'sentence-similarity',
      providerId: 'sentence-transformers/all-MiniLM-L6-v2',
    });
  });

  it('shows LoRA adapters with their weights path', async () => {
    const body = (await (
      await anonymous('/api/models/openfree/flux-chatgpt-ghibli-lora?expand[]=inferenceProviderMapping')
    ).json()) as ModelInfo;
    expect(body.inferenceProviderMapping?.['fal-ai']).toEqual({
      status: 'live',
      providerId: 'fal-ai/flux-lora',
      task: 'text-to-image',
      isModelAuthor: false,
      adapter: 'lora',
      adapterWeightsPath: 'flux-chatgpt-ghibli-lora.safetensors',
      type: 'single-model',
    });
  });

  it("orders by the caller's provider order and leaves out the providers it disabled", async () => {
    const saved = await test.request('/api/settings/inference-providers', {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ providerOrder: ['cerebras'], disabledProviders: ['together'] }),
    });
    expect(saved.status).toBe(200);
    try {
      const mine = (await (await test.request(mapping)).json()) as ModelInfo;
      expect(Object.keys(mine.inferenceProviderMapping ?? {})).toEqual(['cerebras', 'groq']);
      // Anonymous callers keep the default order.
      const theirs = (await (await anonymous(mapping)).json()) as ModelInfo;
      expect(Object.keys(theirs.inferenceProviderMapping ?? {})).toEqual(['groq', 'together', 'cerebras']);
    } finally {
      await test.request('/api/settings/inference-providers', {
        method: 'PUT',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
    }
  });

  it('answers 404 with a Hub-style body for a model no provider serves', async () => {
    const response = await anonymous('/api/models/nobody/nothing?expand[]=inferenceProviderMapping');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    expect(await response.json()).toEqual({
      error: expect.stringMatching(/^Model nobody\/nothing is not served by any provider/),
    });
  });

  it('refuses an unknown token with 401 rather than answering as if anonymous', async () => {
    const response = await fetch(`${test.url}${mapping}`, { headers: { authorization: 'Bearer hf_nope' } });
    expect(response.status).toBe(401);
    expect(await response.json()).toEqual({ error: expect.stringMatching(/Invalid credentials/) });
  });
});

describe('GET /api/models', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ plugins: TASK_PLUGINS });
  });
  afterAll(async () => {
    await test.close();
  });

  const list = async (query: string) => {
    const response = await fetch(`${test.url}/api/models?${query}`);
    expect(response.status).toBe(200);
    return (await response.json()) as ModelInfo[];
  };

  it('lists the models a provider serves for a pipeline tag, in the Hub list shape', async () => {
    const images = await list('inference_provider=fal-ai&pipeline_tag=text-to-image');
    expect(images.map((model) => model.id)).toEqual([
      'black-forest-labs/FLUX.1-dev',
      'black-forest-labs/FLUX.1-schnell',
      'openfree/flux-chatgpt-ghibli-lora',
    ]);
    expect(images[0]).toEqual({
      _id: expect.stringMatching(/^[0-9a-f]{24}$/),
      id: 'black-forest-labs/FLUX.1-dev',
      modelId: 'black-forest-labs/FLUX.1-dev',
      private: false,
      pipeline_tag: 'text-to-image',
    });
  });

  it('takes several providers, `all`, a limit and expand', async () => {
    const both = await list('inference_provider=fal-ai,replicate&pipeline_tag=text-to-image');
    const all = await list('inference_provider=all&pipeline_tag=text-to-image');
    expect(all.map((model) => model.id)).toEqual(expect.arrayContaining(both.map((model) => model.id)));
    expect(all.map((model) => model.id)).toContain('stabilityai/stable-diffusion-xl-base-1.0');
    expect(both.map((model) => model.id)).not.toContain('stabilityai/stable-diffusion-xl-base-1.0');
    expect(await list('inference_provider=all&limit=2')).toHaveLength(2);
    const [expanded] = await list(
      'inference_provider=replicate&pipeline_tag=text-to-image&limit=1&expand[]=inferenceProviderMapping',
    );
    expect(Object.keys(expanded ?? {})).toEqual(['_id', 'id', 'inferenceProviderMapping']);
    expect(expanded?.inferenceProviderMapping?.replicate).toMatchObject({ task: 'text-to-image' });
  });

  it('finds chat models by their Hub pipeline tag or by the `conversational` task', async () => {
    const byTag = await list(`inference_provider=groq&pipeline_tag=text-generation&search=gpt-oss-120b`);
    const byTask = await list(`inference_provider=groq&pipeline_tag=conversational&search=gpt-oss-120b`);
    expect(byTag.map((model) => model.id)).toEqual([CHAT_MODEL]);
    expect(byTask.map((model) => model.id)).toEqual([CHAT_MODEL]);
    expect(await list('inference_provider=nobody')).toEqual([]);
  });
});
