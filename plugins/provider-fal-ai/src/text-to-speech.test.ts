import type { SyncTaskHandlerV1, TextToSpeechInputV1 } from '@tollgate/provider-spec';
import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { falAiTasks } from './fal-ai-tasks.js';
import { answer, callContext, fixture } from './test-context.test-helpers.js';

const handler = falAiTasks['text-to-speech'] as SyncTaskHandlerV1<TextToSpeechInputV1>;
const context = callContext('hexgrad/Kokoro-82M', 'fal-ai/kokoro/american-english');
const input: TextToSpeechInputV1 = {
  inputs: 'Ladies and gentlemen, welcome aboard.',
  parameters: { voice: 'af_heart', speed: 1.1, response_format: 'mp3' },
};

describe('fal text-to-speech (Kokoro)', () => {
  it('calls fal.run synchronously with the text, voice and speed', () => {
    expect(handler.mapRequest({ input, context })).toEqual({
      method: 'POST',
      path: '/fal-ai/kokoro/american-english',
      body: {
        kind: 'json',
        value: { prompt: 'Ladies and gentlemen, welcome aboard.', voice: 'af_heart', speed: 1.1 },
      },
      expect: 'json',
    });
  });

  it("returns fal's WAV file, metered in 1000-character blocks", () => {
    expect(
      handler.mapResponse({
        input,
        context,
        response: answer(fixture('fal-ai-kokoro-result'), { 'x-fal-billable-units': '1' }),
      }),
    ).toEqual({
      output: {
        audio: {
          kind: 'url',
          url: 'https://v3.fal.media/files/kangaroo/4wpA60Kum6UjOVBKJoNyL_tmpxfrkn95k.wav',
          contentType: 'audio/wav',
        },
      },
      usage: { requests: 1 },
    });
  });

  it("counts blocks by fal's own rule without the header: at least one, then whole thousands", () => {
    const long = { inputs: 'é'.repeat(2999) };
    const result = handler.mapResponse({
      input: long,
      context,
      response: answer(fixture('fal-ai-kokoro-result')),
    });
    expect(result.usage).toEqual({ requests: 2 });
  });

  it('needs text to speak, and an answer with audio', () => {
    expect(() => handler.mapRequest({ input: { inputs: '' }, context })).toThrow(InputError);
    expect(() => handler.mapResponse({ input, context, response: answer({}) })).toThrow(UpstreamOutputError);
  });
});
