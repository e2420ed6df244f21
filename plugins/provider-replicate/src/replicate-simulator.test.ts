// The plugin against the Replicate simulator through the kit's host: the answer-within-the-wait path, and the
// request each creation path sends.
import type { ImageGenerationOutputV1 } from '@tollgate/provider-spec';
import {
  createProviderSimulator,
  createReplicateProfile,
  NativeOperations,
  type ProviderSimulator,
  runNativeRoute,
  runTask,
} from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { WHISPER_VERSION } from './replicate-models.js';
import { replicatePlugin } from './replicate-plugin.js';

describe('the Replicate plugin against the simulator', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: ['replicate'],
      profiles: [createReplicateProfile()],
    });
  });
  beforeEach(() => simulator.resetCalls());
  afterAll(() => simulator.close());

  const run = (task: string, providerModelId: string, input: unknown) =>
    runTask({
      plugin: replicatePlugin,
      task,
      input,
      providerModelId,
      baseUrl: simulator.baseUrlFor('replicate'),
      apiKey: simulator.apiKeyFor('replicate'),
    });

  it('gets a prediction that finished within the wait from the create call alone, with no polling', async () => {
    const result = await run('text-to-image', 'black-forest-labs/flux-schnell', { inputs: 'A fox in snow' });
    expect(result.polls).toBe(0);
    expect((result.output as ImageGenerationOutputV1).images).toHaveLength(1);
    expect(result.usage).toEqual({ images: 1 });
    const calls = simulator.calls.filter((call) => call.providerId === 'replicate');
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/v1/models/black-forest-labs/flux-schnell/predictions',
      status: 201,
      headers: { prefer: 'wait', authorization: `Bearer ${simulator.apiKeyFor('replicate')}` },
    });
  });

  it('sends a versioned model to /v1/predictions and meters its run time', async () => {
    const result = await run('automatic-speech-recognition', `openai/whisper:${WHISPER_VERSION}`, {
      inputs: { kind: 'url', url: 'https://example.com/unreachable.wav' },
    });
    expect(result.polls).toBe(0);
    expect(result.usage.computeMilliseconds).toBeGreaterThan(0);
    expect(simulator.calls.find((call) => call.providerId === 'replicate')).toMatchObject({
      path: '/v1/predictions',
      body: { version: WHISPER_VERSION, input: { audio: 'https://example.com/unreachable.wav' } },
    });
  });

  it('surfaces a 422 from Replicate as a client error with its detail', async () => {
    const failure = await run('text-to-video', 'wan-video/wan-2.2-5b-fast', {
      inputs: 'A cat',
      parameters: { num_frames: 500 },
    }).catch((error: unknown) => error);
    expect(failure).toMatchObject({ status: 422, upstreamStatus: 422 });
    expect(String((failure as Error).message)).toContain('Must be less than or equal to 121');
  });

  const native = (
    request: Parameters<typeof runNativeRoute>[0]['request'],
    operations = new NativeOperations(),
  ) =>
    runNativeRoute({
      plugin: replicatePlugin,
      request,
      baseUrl: simulator.baseUrlFor('replicate'),
      apiKey: simulator.apiKeyFor('replicate'),
      operations,
    });

  it('bills a native create call that finished within its Prefer: wait at once, leaving nothing to follow up', async () => {
    const created = await native({
      method: 'POST',
      path: '/v1/models/black-forest-labs/flux-schnell/predictions',
      headers: { prefer: 'wait' },
      body: { kind: 'json', value: { input: { prompt: 'A fox in snow', num_outputs: 3 } } },
    });
    expect((created.response!.body as { status: string }).status).toBe('succeeded');
    expect(created.usage).toEqual({ images: 3 });
    expect(created.operationId).toBeUndefined();
    const id = (created.response!.body as { id: string }).id;
    await expect(native({ method: 'GET', path: `/v1/predictions/${id}` })).rejects.toMatchObject({
      code: 'unknown_request',
    });
  });

  it('takes owner/name:version in a native body, and answers without a wait as soon as the prediction is made', async () => {
    const operations = new NativeOperations();
    const created = await native(
      {
        method: 'POST',
        path: '/v1/predictions',
        body: {
          kind: 'json',
          value: {
            version: `openai/whisper:${WHISPER_VERSION}`,
            input: { audio: 'https://example.com/a.wav' },
          },
        },
      },
      operations,
    );
    expect(created.mapping.hfModelId).toBe('openai/whisper-large-v3');
    expect((created.response!.body as { status: string }).status).toBe('starting');
    expect(created.operationId).toBe((created.response!.body as { id: string }).id);
    expect(simulator.calls.at(-1)?.headers.prefer).toBeUndefined();
  });
});
