// Round trips through the kit's hosts for the two tasks Tollgate cannot bill yet (see the conformance skips).
import {
  createProviderSimulator,
  type ProviderSimulator,
  runNativeRoute,
  runTask,
  wavDurationMs,
} from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './index.js';

describe('Together embeddings and speech against the simulator', () => {
  let simulator: ProviderSimulator;
  const run = (task: string, input: unknown, providerModelId: string) =>
    runTask({
      plugin,
      task,
      input,
      providerModelId,
      baseUrl: simulator.baseUrlFor('together'),
      apiKey: simulator.apiKeyFor('together'),
    });

  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: ['together'],
      models: { together: plugin.models.map((mapping) => mapping.providerModelId) },
    });
  });
  afterAll(() => simulator.close());

  it('embeds two texts as two 1024-dimension vectors, metering nothing since Together reports no usage', async () => {
    const result = await run(
      'feature-extraction',
      { inputs: ['a', 'b'] },
      'intfloat/multilingual-e5-large-instruct',
    );
    expect((result.output as { embeddings: number[][] }).embeddings.map((vector) => vector.length)).toEqual([
      1024, 1024,
    ]);
    expect(result.usage).toEqual({});
  });

  it('speaks WAV with the default voice and meters its duration', async () => {
    const result = await run('text-to-speech', { inputs: 'Hello there' }, 'canopylabs/orpheus-3b-0.1-ft');
    const audio = (result.output as { audio: { kind: string; bytes: Uint8Array; contentType: string } })
      .audio;
    expect(audio.contentType).toBe('audio/wav');
    expect(result.usage).toEqual({ audioMilliseconds: wavDurationMs(audio.bytes) });
    const sent = simulator.calls.at(-1)!;
    expect(JSON.parse(sent.rawBody.toString())).toMatchObject({ voice: 'tara', response_format: 'wav' });
  });

  it('speaks natively at /v1/audio/speech with the voice the client names, metered by the WAV, once live', async () => {
    // The speech models are staging (priced per character), so the native route refuses them like any unmapped
    // model; a copy of the manifest with them live shows what the route does once they can be billed.
    const live = {
      ...plugin,
      models: plugin.models.map((mapping) => ({ ...mapping, status: 'live' as const })),
    };
    const request = {
      method: 'POST' as const,
      path: '/v1/audio/speech',
      body: {
        kind: 'json' as const,
        value: { model: 'hexgrad/Kokoro-82M', input: 'Hello there', voice: 'af_bella' },
      },
    };
    const target = { baseUrl: simulator.baseUrlFor('together'), apiKey: simulator.apiKeyFor('together') };
    await expect(runNativeRoute({ plugin, request, ...target })).rejects.toThrow(
      /Model not supported by provider together/,
    );
    const result = await runNativeRoute({ plugin: live, request, ...target });
    const audio = result.response!.body as Uint8Array;
    expect(result.response!.headers['content-type']).toBe('audio/wav');
    expect(result.usage).toEqual({ audioMilliseconds: wavDurationMs(audio) });
    // WAV asked for, as routed calls ask, since only a WAV's length can be metered.
    expect(JSON.parse(simulator.calls.at(-1)!.rawBody.toString())).toEqual({
      ...request.body.value,
      response_format: 'wav',
    });
  });
});
