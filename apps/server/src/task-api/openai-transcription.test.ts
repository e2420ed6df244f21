import { describe, expect, it } from 'vitest';
import { openAiTranscription } from './openai-transcription.js';

const output = {
  text: 'Ships at dawn.',
  chunks: [
    { text: 'Ships', timestamp: [0, 0.6] as const },
    { text: ' at dawn.', timestamp: [0.6, 1.4] as const },
  ],
};

describe('openAiTranscription', () => {
  it('answers json with the text, and the metered duration as usage', () => {
    expect(
      openAiTranscription({
        output,
        usage: { audioMilliseconds: 1_450 },
        format: 'json',
        language: undefined,
      }),
    ).toEqual({
      contentType: 'application/json; charset=utf-8',
      body: { text: 'Ships at dawn.', usage: { type: 'duration', seconds: 1.45 } },
    });
  });

  it('answers text as plain text', () => {
    expect(openAiTranscription({ output, usage: {}, format: 'text', language: 'en' })).toEqual({
      contentType: 'text/plain; charset=utf-8',
      body: 'Ships at dawn.',
    });
  });

  it("answers verbose_json with a segment per chunk, the client's language, and the last chunk's end as duration", () => {
    expect(openAiTranscription({ output, usage: {}, format: 'verbose_json', language: 'en' }).body).toEqual({
      task: 'transcribe',
      language: 'en',
      duration: 1.4,
      text: 'Ships at dawn.',
      segments: [
        { id: 0, start: 0, end: 0.6, text: 'Ships' },
        { id: 1, start: 0.6, end: 1.4, text: ' at dawn.' },
      ],
      usage: { type: 'duration', seconds: 1.4 },
    });
  });

  it('leaves out what is not known rather than guessing it', () => {
    expect(
      openAiTranscription({ output: { text: 'Hi' }, usage: {}, format: 'verbose_json', language: undefined })
        .body,
    ).toEqual({ task: 'transcribe', text: 'Hi', segments: [] });
    expect(
      openAiTranscription({ output: { text: 'Hi' }, usage: {}, format: 'json', language: undefined }).body,
    ).toEqual({ text: 'Hi' });
  });
});
