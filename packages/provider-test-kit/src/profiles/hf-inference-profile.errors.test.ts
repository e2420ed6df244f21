import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { hfPost, startHfInferenceSimulator } from './hf-inference-profile.test-helpers.js';

describe('hf-inference errors', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await startHfInferenceSimulator();
  });
  beforeEach(() => simulator.clearFaults());
  afterAll(() => simulator.close());

  it('answers a bad or missing token with HF’s 401 body', async () => {
    const wrong = await hfPost(simulator, 'ProsusAI/finbert', { inputs: 'x' }, { key: 'hf_wrong' });
    expect(wrong).toMatchObject({
      status: 401,
      json: { error: 'Invalid credentials in Authorization header' },
    });
    const missing = await hfPost(simulator, 'ProsusAI/finbert', { inputs: 'x' }, { key: null });
    expect(missing.status).toBe(401);
  });

  it('answers a model it does not serve as the router does', async () => {
    const answer = await hfPost(simulator, 'someone/not-a-model', { inputs: 'x' });
    expect(answer).toMatchObject({
      status: 400,
      json: { error: 'Model not supported by provider hf-inference' },
    });
  });

  it('answers a body without inputs, and a pipeline the model does not run, with 400 {error}', async () => {
    expect(await hfPost(simulator, 'ProsusAI/finbert', { text: 'x' })).toMatchObject({
      status: 400,
      json: { error: 'Body needs to provide a inputs key' },
    });
    const wrongPipeline = await hfPost(simulator, 'ProsusAI/finbert/pipeline/feature-extraction', {
      inputs: 'x',
    });
    expect(wrongPipeline.status).toBe(400);
  });

  it('answers a cold model with the loading 503 and its estimated time, then serves it once loaded', async () => {
    const body = { inputs: 'My name is Wolfgang and I live in Berlin' };
    const cold = await hfPost(simulator, 'google-t5/t5-large', body);
    expect(cold.status).toBe(503);
    expect(cold.json).toEqual({
      error: 'Model google-t5/t5-large is currently loading',
      estimated_time: expect.any(Number),
    });
    const estimated = (cold.json as { estimated_time: number }).estimated_time;
    expect(estimated).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, estimated * 1000 + 20));
    const warm = await hfPost(simulator, 'google-t5/t5-large', body);
    expect(warm.status).toBe(200);
    expect(warm.json).toEqual([{ translation_text: 'Mein Name ist Wolfgang und ich lebe in Berlin' }]);
  });

  it('sends HF’s bodies for injected statuses: unknown error for a 500, the loading body for a 503', async () => {
    simulator.injectFault('hf-inference', { kind: 'status', status: 500, times: 1 });
    expect(await hfPost(simulator, 'ProsusAI/finbert', { inputs: 'x' })).toMatchObject({
      status: 500,
      json: { error: 'unknown error' },
    });
    simulator.injectFault('hf-inference', { kind: 'status', status: 503, times: 1 });
    const loading = await hfPost(simulator, 'ProsusAI/finbert', { inputs: 'x' });
    expect(loading.status).toBe(503);
    expect(loading.json).toMatchObject({
      error: expect.stringMatching(/is currently loading$/),
      estimated_time: 20,
    });
  });
});
