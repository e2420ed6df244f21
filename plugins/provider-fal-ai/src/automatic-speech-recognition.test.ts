import type { AutomaticSpeechRecognitionInputV1, SyncTaskHandlerV1 } from '@tollgate/provider-spec';
import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { falAiTasks } from './fal-ai-tasks.js';
import { answer, callContext, fixture } from './test-context.test-helpers.js';

const handler = falAiTasks[
  'automatic-speech-recognition'
] as SyncTaskHandlerV1<AutomaticSpeechRecognitionInputV1>;
const context = callContext('openai/whisper-large-v3', 'fal-ai/whisper');
const input: AutomaticSpeechRecognitionInputV1 = {
  inputs: { kind: 'bytes', bytes: new Uint8Array([82, 73, 70, 70]), contentType: 'audio/wav' },
  parameters: { language: 'en', return_timestamps: true, temperature: 0 },
};

describe('fal automatic-speech-recognition (Whisper large-v3)', () => {
  it('calls fal.run synchronously with the audio as a data URL, pinned to Whisper v3', () => {
    expect(handler.mapRequest({ input, context })).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "audio_url": "data:audio/x-wav;base64,UklGRg==",
            "language": "en",
            "task": "transcribe",
            "version": "3",
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/fal-ai/whisper",
      }
    `);
  });

  it("returns the transcript with its chunks, metered by fal's compute seconds", () => {
    const result = handler.mapResponse({
      input,
      context,
      response: answer(fixture('fal-ai-whisper-result'), { 'x-fal-billable-units': '1.5' }),
    });
    expect(result).toEqual({
      output: {
        text: ' Welcome to the dinner party. Please take a seat.',
        chunks: [
          { text: ' Welcome to the dinner party.', timestamp: [0, 2.4] },
          { text: ' Please take a seat.', timestamp: [2.4, 2.4] },
        ],
      },
      usage: { computeMilliseconds: 1500 },
    });
  });

  it('reads a transcript sent as output, and refuses an answer with none', () => {
    expect(handler.mapResponse({ input, context, response: answer({ output: 'hi' }) }).output).toEqual({
      text: 'hi',
    });
    expect(() => handler.mapResponse({ input, context, response: answer({ chunks: [] }) })).toThrow(
      UpstreamOutputError,
    );
  });
});
