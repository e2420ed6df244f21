import { describe, expect, it } from 'vitest';
import { WHISPER_VERSION } from './replicate-models.js';
import { replicatePlugin } from './replicate-plugin.js';
import { callContext, fixture } from './test-context.test-helpers.js';

const task = replicatePlugin.tasks['automatic-speech-recognition'];
if (task?.kind !== 'queued') throw new Error('automatic-speech-recognition must be a queued task');
const context = callContext('openai/whisper-large-v3', `openai/whisper:${WHISPER_VERSION}`);
const audio = {
  kind: 'bytes' as const,
  bytes: new Uint8Array([0x52, 0x49, 0x46, 0x46]),
  contentType: 'audio/wav',
};

describe('Replicate automatic-speech-recognition', () => {
  it('sends the audio as a data URL to the pinned whisper version', () => {
    const request = task.start.mapRequest({
      input: { inputs: audio, parameters: { language: 'en' } },
      context,
    });
    expect(request).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "input": {
              "audio": "data:audio/wav;base64,UklGRg==",
              "language": "en",
              "transcription": "plain text",
              "translate": false,
            },
            "version": "8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e",
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

  it('returns the text, timed chunks when asked, and meters whisper by its run time', () => {
    const started = task.start.mapResponse({
      input: { inputs: audio, parameters: { return_timestamps: true } },
      context,
      response: { status: 201, headers: {}, body: fixture('replicate-whisper-succeeded') },
    });
    expect(started).toEqual({
      result: {
        output: {
          text: 'The birch canoe slid on the smooth planks. Glue the sheet to the dark blue background.',
          chunks: [
            { text: 'The birch canoe slid on the smooth planks.', timestamp: [0, 4.26] },
            { text: 'Glue the sheet to the dark blue background.', timestamp: [4.26, 7.9] },
          ],
        },
        usage: { computeMilliseconds: 8903 },
      },
    });
  });

  it('reads speech models that answer a bare string', () => {
    const body = { ...fixture('replicate-whisper-succeeded'), output: ' Hello.' };
    const started = task.start.mapResponse({
      input: { inputs: audio },
      context,
      response: { status: 201, headers: {}, body },
    });
    expect(started).toMatchObject({ result: { output: { text: 'Hello.' } } });
  });
});
