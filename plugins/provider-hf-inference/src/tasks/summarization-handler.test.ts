import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { summarizationHandler } from './summarization-handler.js';

const context = contextFor('facebook/bart-large-cnn');
const input = {
  inputs: 'The tower is 324 metres (1,063 ft) tall, about the same height as an 81-storey building.',
  parameters: { generate_parameters: { max_length: 100 } },
};

describe('summarization on hf-inference', () => {
  it('posts the text with its generation parameters', () => {
    expect(summarizationHandler.mapRequest({ input, context })).toMatchObject({
      path: '/models/facebook/bart-large-cnn',
      body: { kind: 'json', value: input },
    });
  });

  it('takes the summary out of the list of one', () => {
    const result = summarizationHandler.mapResponse({ input, response: fixture('summarization'), context });
    expect(result.output.summary_text).toMatch(/^The tower is 324 metres/);
    expect(result.usage).toEqual({ computeMilliseconds: 1873 });
  });

  it('refuses an answer without summary_text', () => {
    expect(() =>
      summarizationHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: [{ generated_text: 'x' }] },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
