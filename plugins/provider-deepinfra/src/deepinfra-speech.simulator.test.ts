// The speech round trips through the kit's hosts, which conformance skips because speech cannot be priced yet.
import {
  createProviderSimulator,
  type ProviderSimulator,
  runNativeRoute,
  runTask,
  wavDurationMs,
} from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import plugin from './index.js';

describe('DeepInfra speech against the simulator', () => {
  let simulator: ProviderSimulator;

  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: ['deepinfra'],
      models: { deepinfra: plugin.models.map((mapping) => mapping.providerModelId) },
    });
  });
  afterAll(() => simulator.close());

  it('asks for WAV under /v1/openai and meters the duration of the file it gets', async () => {
    const result = await runTask({
      plugin,
      task: 'text-to-speech',
      input: { inputs: 'Good evening', parameters: { voice: 'af_bella' } },
      providerModelId: 'hexgrad/Kokoro-82M',
      baseUrl: simulator.baseUrlFor('deepinfra'),
      apiKey: simulator.apiKeyFor('deepinfra'),
    });
    const { audio } = result.output as { audio: { bytes: Uint8Array; contentType: string } };
    expect(audio.contentType).toBe('audio/wav');
    expect(result.usage).toEqual({ audioMilliseconds: wavDurationMs(audio.bytes) });
    const call = simulator.calls.at(-1)!;
    expect(call.path).toBe('/v1/openai/audio/speech');
    expect(JSON.parse(call.rawBody.toString())).toEqual({
      model: 'hexgrad/Kokoro-82M',
      input: 'Good evening',
      voice: 'af_bella',
      response_format: 'wav',
    });
  });

  it('serves speech natively at /v1/openai/audio/speech, metered by the WAV it gets, once Kokoro is live', async () => {
    // Kokoro is staging (priced per character), so the native route refuses it like any unmapped model; a copy
    // of the manifest with it live shows what the route does once it can be billed.
    const live = {
      ...plugin,
      models: plugin.models.map((mapping) => ({ ...mapping, status: 'live' as const })),
    };
    const request = {
      method: 'POST' as const,
      path: '/v1/openai/audio/speech',
      body: {
        kind: 'json' as const,
        value: { model: 'hexgrad/Kokoro-82M', input: 'Good evening', voice: 'af_bella' },
      },
    };
    await expect(
      runNativeRoute({
        plugin,
        request,
        baseUrl: simulator.baseUrlFor('deepinfra'),
        apiKey: simulator.apiKeyFor('deepinfra'),
      }),
    ).rejects.toThrow(/Model not supported by provider deepinfra/);
    const result = await runNativeRoute({
      plugin: live,
      request,
      baseUrl: simulator.baseUrlFor('deepinfra'),
      apiKey: simulator.apiKeyFor('deepinfra'),
    });
    const audio = result.response!.body as Uint8Array;
    expect(result.response!.headers['content-type']).toBe('audio/wav');
    expect(result.usage).toEqual({ audioMilliseconds: wavDurationMs(audio) });
    expect(JSON.parse(simulator.calls.at(-1)!.rawBody.toString())).toEqual({
      ...request.body.value,
      response_format: 'wav',
    });
  });
});
