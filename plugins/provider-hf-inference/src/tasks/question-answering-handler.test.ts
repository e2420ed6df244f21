import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { questionAnsweringHandler } from './question-answering-handler.js';

const context = contextFor('deepset/roberta-base-squad2');
const input = {
  inputs: { question: 'What is the capital of France?', context: 'The capital of France is Paris.' },
};

describe('question-answering on hf-inference', () => {
  it('posts the question and context', () => {
    expect(questionAnsweringHandler.mapRequest({ input, context })).toMatchObject({
      path: '/models/deepset/roberta-base-squad2',
      body: { kind: 'json', value: input },
    });
    expect(() =>
      questionAnsweringHandler.mapRequest({ input: { inputs: 'What?' } as never, context }),
    ).toThrow(InputError);
  });

  it('returns the single answer as a list of one', () => {
    expect(
      questionAnsweringHandler.mapResponse({ input, response: fixture('question-answering'), context }),
    ).toEqual({
      output: [{ answer: 'Paris', score: 0.9703431725502014, start: 25, end: 30 }],
      usage: { computeMilliseconds: 41 },
    });
  });

  it('keeps the list top_k asks for', () => {
    const answers = [
      { answer: 'Paris', score: 0.97, start: 25, end: 30 },
      { answer: 'France is Paris', score: 0.01, start: 15, end: 30 },
    ];
    const response = { status: 200, headers: {}, body: answers };
    expect(questionAnsweringHandler.mapResponse({ input, response, context }).output).toEqual(answers);
  });

  it('refuses an answer without offsets', () => {
    expect(() =>
      questionAnsweringHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: { answer: 'Paris', score: 0.9 } },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
