import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { textClassificationHandler } from './text-classification-handler.js';

const context = contextFor('distilbert/distilbert-base-uncased-finetuned-sst-2-english');

describe('text-classification on hf-inference', () => {
  it('posts {inputs, parameters} to the model route', () => {
    expect(
      textClassificationHandler.mapRequest({
        input: { inputs: 'I like you. I love you.', parameters: { top_k: 1 } },
        context,
      }),
    ).toEqual({
      method: 'POST',
      path: '/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english',
      body: { kind: 'json', value: { inputs: 'I like you. I love you.', parameters: { top_k: 1 } } },
      expect: 'json',
    });
  });

  it('leaves parameters out when the caller sends none', () => {
    const request = textClassificationHandler.mapRequest({ input: { inputs: 'Fine.' }, context });
    expect(request.body).toEqual({ kind: 'json', value: { inputs: 'Fine.' } });
  });

  it('unwraps the nested list of one text and meters the compute time', () => {
    const result = textClassificationHandler.mapResponse({
      input: { inputs: 'I like you. I love you.' },
      response: fixture('text-classification'),
      context,
    });
    expect(result).toEqual({
      output: [
        { label: 'POSITIVE', score: 0.9998763799667358 },
        { label: 'NEGATIVE', score: 0.00012365408474579453 },
      ],
      usage: { computeMilliseconds: 21 },
    });
  });

  it('accepts a flat list too', () => {
    const result = textClassificationHandler.mapResponse({
      input: { inputs: 'x' },
      response: { status: 200, headers: {}, body: [{ label: 'LABEL_0', score: 1 }] },
      context,
    });
    expect(result).toEqual({ output: [{ label: 'LABEL_0', score: 1 }], usage: {} });
  });

  it('refuses an empty text and an answer that is not a list of labels', () => {
    expect(() => textClassificationHandler.mapRequest({ input: { inputs: '' }, context })).toThrow(
      InputError,
    );
    expect(() =>
      textClassificationHandler.mapRequest({ input: { inputs: 'x', parameters: 'top' } as never, context }),
    ).toThrow(InputError);
    expect(() =>
      textClassificationHandler.mapResponse({
        input: { inputs: 'x' },
        response: { status: 200, headers: {}, body: { label: 'POSITIVE' } },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
