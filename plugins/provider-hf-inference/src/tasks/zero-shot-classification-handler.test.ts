import { InputError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture } from '../fixtures.test-helpers.js';
import { zeroShotClassificationHandler } from './zero-shot-classification-handler.js';

const context = contextFor('facebook/bart-large-mnli');
const input = {
  inputs: 'Hi, I recently bought a device from your company but it is not working as advertised',
  parameters: { candidate_labels: ['refund', 'legal', 'faq'] },
};
const expected = [
  { label: 'refund', score: 0.8777875304222107 },
  { label: 'faq', score: 0.10522652417421341 },
  { label: 'legal', score: 0.01698593609035015 },
];

describe('zero-shot-classification on hf-inference', () => {
  it('sends the candidate labels as parameters and requires them', () => {
    expect(zeroShotClassificationHandler.mapRequest({ input, context }).body).toEqual({
      kind: 'json',
      value: input,
    });
    expect(() =>
      zeroShotClassificationHandler.mapRequest({ input: { inputs: 'x', parameters: {} } as never, context }),
    ).toThrow(InputError);
    expect(() =>
      zeroShotClassificationHandler.mapRequest({
        input: { inputs: 'x', parameters: { candidate_labels: [] } },
        context,
      }),
    ).toThrow(InputError);
  });

  it('turns transformers’ parallel labels and scores into {label, score} pairs', () => {
    const result = zeroShotClassificationHandler.mapResponse({
      input,
      response: fixture('zero-shot-classification'),
      context,
    });
    expect(result).toEqual({ output: expected, usage: { computeMilliseconds: 412 } });
  });

  it('reads the same answer wrapped in a list, and the {label, score} list of newer servers', () => {
    const wrapped = { ...fixture('zero-shot-classification') };
    wrapped.body = [wrapped.body];
    expect(zeroShotClassificationHandler.mapResponse({ input, response: wrapped, context }).output).toEqual(
      expected,
    );
    const pairs = { status: 200, headers: {}, body: expected };
    expect(zeroShotClassificationHandler.mapResponse({ input, response: pairs, context }).output).toEqual(
      expected,
    );
  });

  it('refuses labels and scores that do not line up', () => {
    expect(() =>
      zeroShotClassificationHandler.mapResponse({
        input,
        response: { status: 200, headers: {}, body: { sequence: 'x', labels: ['a', 'b'], scores: [1] } },
        context,
      }),
    ).toThrow(UpstreamOutputError);
  });
});
