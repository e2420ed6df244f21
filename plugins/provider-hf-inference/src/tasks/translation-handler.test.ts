import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { translationHandler } from './translation-handler.js';

const context = contextFor('google-t5/t5-base');
const input = { inputs: 'My name is Wolfgang and I live in Berlin', parameters: { tgt_lang: 'de' } };

describe('translation on hf-inference', () => {
  it('posts the text and the languages', () => {
    expect(translationHandler.mapRequest({ input, context })).toMatchObject({
      path: '/models/google-t5/t5-base',
      body: { kind: 'json', value: input },
    });
  });

  it('returns the translation', () => {
    expect(translationHandler.mapResponse({ input, response: fixture('translation'), context })).toEqual({
      output: { translation_text: 'Mein Name ist Wolfgang und ich lebe in Berlin' },
      usage: { computeMilliseconds: 318 },
    });
  });
});
