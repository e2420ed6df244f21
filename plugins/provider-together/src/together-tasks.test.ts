import { describe, expect, it } from 'vitest';
import { togetherPlugin } from './together-plugin.js';

const context = (providerModelId: string) => ({
  requestId: 'req-1',
  providerId: 'together',
  hfModelId: providerModelId,
  providerModelId,
});

function syncTask(task: string) {
  const handler = togetherPlugin.tasks[task];
  if (handler?.kind !== 'sync') throw new Error(`${task} must be a sync task`);
  return handler;
}

describe('Together non-chat tasks', () => {
  it('declares every task Together serves', () => {
    expect(Object.keys(togetherPlugin.tasks).sort()).toEqual([
      'automatic-speech-recognition',
      'conversational',
      'feature-extraction',
      'image-to-video',
      'text-generation',
      'text-to-image',
      'text-to-speech',
      'text-to-video',
    ]);
  });

  it('asks FLUX for base64 with steps, width and height', () => {
    const request = syncTask('text-to-image').mapRequest({
      input: {
        inputs: 'A lighthouse at dawn',
        parameters: { width: 768, height: 512, num_inference_steps: 4 },
      },
      context: context('black-forest-labs/FLUX.1-schnell'),
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "height": 512,
            "model": "black-forest-labs/FLUX.1-schnell",
            "prompt": "A lighthouse at dawn",
            "response_format": "base64",
            "steps": 4,
            "width": 768,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/v1/images/generations",
      }
    `);
  });

  it('meters FLUX by the megapixels it is billed by, defaulting to 1024x1024', () => {
    const result = syncTask('text-to-image').mapResponse({
      input: { inputs: 'x' },
      context: context('black-forest-labs/FLUX.1-dev'),
      response: {
        status: 200,
        headers: {},
        body: { data: [{ index: 0, url: 'https://api.together.ai/shrt/a' }] },
      },
    });
    expect(result.usage).toEqual({ milliMegapixels: 1049 });
  });

  it("sends Orpheus its default voice and WAV, and Kokoro Kokoro's voice", () => {
    const speech = syncTask('text-to-speech');
    expect(
      speech.mapRequest({ input: { inputs: 'Hello' }, context: context('canopylabs/orpheus-3b-0.1-ft') })
        .body,
    ).toEqual({
      kind: 'json',
      value: { model: 'canopylabs/orpheus-3b-0.1-ft', input: 'Hello', voice: 'tara', response_format: 'wav' },
    });
    expect(
      speech.mapRequest({ input: { inputs: 'Hello' }, context: context('hexgrad/Kokoro-82M') }).body,
    ).toMatchObject({
      value: { voice: 'af_alloy' },
    });
  });

  it('completes prompts on /v1/completions and transcribes with verbose_json', async () => {
    expect(
      syncTask('text-generation').mapRequest({
        input: { inputs: 'Once', parameters: { max_new_tokens: 5 } },
        context: context('meta-llama/Llama-3.3-70B-Instruct-Turbo'),
      }),
    ).toMatchObject({ path: '/v1/completions', body: { value: { prompt: 'Once', max_tokens: 5 } } });
    const request = syncTask('automatic-speech-recognition').mapRequest({
      input: { inputs: { kind: 'url', url: 'https://cdn.example/talk.mp3' } },
      context: context('openai/whisper-large-v3'),
    });
    if (request.body.kind !== 'bytes') throw new Error('expected a multipart body');
    const form = await new Response(request.body.value, {
      headers: { 'content-type': request.body.contentType },
    }).formData();
    expect(Object.fromEntries(form)).toEqual({
      model: 'openai/whisper-large-v3',
      response_format: 'verbose_json',
      file: 'https://cdn.example/talk.mp3',
    });
  });
});
