// The speech round trip through the kit's host, which conformance skips because speech cannot be priced yet.
import {
  createProviderSimulator,
  type ProviderSimulator,
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
});
