import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { automaticSpeechRecognitionHandler } from './automatic-speech-recognition-handler.js';

const context = contextFor('openai/whisper-large-v3');
const audio = {
  kind: 'bytes' as const,
  bytes: new Uint8Array(Buffer.from('RIFF....WAVE')),
  contentType: 'audio/wav',
};

describe('automatic-speech-recognition on hf-inference', () => {
  it('posts the raw audio when only hints HF does not take are given', () => {
    expect(
      automaticSpeechRecognitionHandler.mapRequest({
        input: { inputs: audio, parameters: { language: 'en', prompt: 'Names: Tollgate' } },
        context,
      }),
    ).toEqual({
      method: 'POST',
      path: '/models/openai/whisper-large-v3',
      body: { kind: 'bytes', value: audio.bytes, contentType: 'audio/wav' },
      expect: 'json',
    });
  });

  it('sends timestamps and temperature as HF parameters in base64 JSON', () => {
    const request = automaticSpeechRecognitionHandler.mapRequest({
      input: { inputs: audio, parameters: { return_timestamps: true, temperature: 0 } },
      context,
    });
    expect(request.body).toEqual({
      kind: 'json',
      value: {
        inputs: Buffer.from(audio.bytes).toString('base64'),
        parameters: { return_timestamps: true, generation_parameters: { temperature: 0 } },
      },
    });
  });

  it('returns the text and chunks, ending an open last chunk at its start', () => {
    const result = automaticSpeechRecognitionHandler.mapResponse({
      input: { inputs: audio },
      response: fixture('automatic-speech-recognition'),
      context,
    });
    expect(result.output).toEqual({
      text: ' Going along slushy country roads and speaking to damp audiences.',
      chunks: [
        { text: ' Going along slushy country roads', timestamp: [0, 2.1] },
        { text: ' and speaking to damp audiences.', timestamp: [2.1, 2.1] },
      ],
    });
    expect(result.usage).toEqual({ computeMilliseconds: 2114 });
  });

  it('returns the text alone when there are no chunks, and refuses an answer without text', () => {
    const plain = { status: 200, headers: {}, body: { text: 'Hello.' } };
    expect(
      automaticSpeechRecognitionHandler.mapResponse({ input: { inputs: audio }, response: plain, context })
        .output,
    ).toEqual({ text: 'Hello.' });
    expect(() =>
      automaticSpeechRecognitionHandler.mapResponse({
        input: { inputs: audio },
        response: { status: 200, headers: {}, body: { transcript: 'Hello.' } },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
