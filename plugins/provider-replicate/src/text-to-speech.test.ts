import { describe, expect, it } from 'vitest';
import { KOKORO_VERSION } from './replicate-models.js';
import { replicatePlugin } from './replicate-plugin.js';
import { callContext, fixture } from './test-context.test-helpers.js';

const task = replicatePlugin.tasks['text-to-speech'];
if (task?.kind !== 'queued') throw new Error('text-to-speech must be a queued task');
const context = callContext('hexgrad/Kokoro-82M', `jaaari/kokoro-82m:${KOKORO_VERSION}`);

describe('Replicate text-to-speech', () => {
  it('sends the text as `text` with Kokoro voice and speed', () => {
    const request = task.start.mapRequest({
      input: { inputs: 'Hello there', parameters: { voice: 'af_bella', speed: 1.2, response_format: 'mp3' } },
      context,
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "input": {
              "speed": 1.2,
              "text": "Hello there",
              "voice": "af_bella",
            },
            "version": "f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13",
          },
        },
        "expect": "json",
        "headers": {
          "prefer": "wait",
        },
        "method": "POST",
        "path": "/v1/predictions",
      }
    `);
  });

  it('returns the WAV URL and meters Kokoro by its run time', () => {
    const started = task.start.mapResponse({
      input: { inputs: 'Hello there' },
      context,
      response: { status: 201, headers: {}, body: fixture('replicate-kokoro-succeeded') },
    });
    expect(started).toEqual({
      result: {
        output: {
          audio: {
            kind: 'url',
            url: 'https://replicate.delivery/czjl/QWf0b2Xhv1S5e4oCzg7Yl9KjTnUdMa3rEiPpy8BsGwRkHFxI/output.wav',
            contentType: 'audio/wav',
          },
        },
        usage: { computeMilliseconds: 1381 },
      },
    });
  });
});
