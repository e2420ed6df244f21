import { describe, expect, it } from 'vitest';
import { createOpenAICompatibleTasks } from './create-openai-compatible-tasks.js';

const context = {
  requestId: 'r',
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'openai/gpt-oss-120b',
};

describe('createOpenAICompatibleTasks', () => {
  it('serves the conversational task with the configured path', () => {
    const tasks = createOpenAICompatibleTasks({ providerId: 'groq', path: '/openai/v1/chat/completions' });
    expect(Object.keys(tasks)).toEqual(['conversational']);
    const request = tasks.conversational.mapRequest({
      input: { messages: [{ role: 'user', content: 'Hi' }] },
      context,
    });
    expect(request.path).toBe('/openai/v1/chat/completions');
    expect(request.expect).toBe('json');
  });

  it('declares each other task whose knobs are given, with the provider id and its own path', () => {
    const tasks = createOpenAICompatibleTasks({
      providerId: 'deepinfra',
      path: '/v1/openai/chat/completions',
      textGeneration: { path: '/v1/openai/completions' },
      featureExtraction: { path: '/v1/openai/embeddings' },
      textToImage: {},
      textToSpeech: { path: '/v1/openai/audio/speech' },
      automaticSpeechRecognition: { path: '/v1/openai/audio/transcriptions' },
    });
    expect(Object.keys(tasks)).toEqual([
      'conversational',
      'text-generation',
      'feature-extraction',
      'text-to-image',
      'text-to-speech',
      'automatic-speech-recognition',
    ]);
    expect(tasks['text-generation']?.mapRequest({ input: { inputs: 'Hi' }, context }).path).toBe(
      '/v1/openai/completions',
    );
    expect(tasks['feature-extraction']?.mapRequest({ input: { inputs: 'Hi' }, context }).path).toBe(
      '/v1/openai/embeddings',
    );
    expect(tasks['text-to-image']?.mapRequest({ input: { inputs: 'Hi' }, context }).path).toBe(
      '/v1/images/generations',
    );
    // The provider id reaches the task handlers: their errors name it.
    expect(() =>
      tasks['text-generation']?.mapResponse({
        input: { inputs: 'Hi' },
        context,
        response: { status: 200, headers: {}, body: {} },
      }),
    ).toThrow(/^deepinfra returned a completion/);
  });
});
