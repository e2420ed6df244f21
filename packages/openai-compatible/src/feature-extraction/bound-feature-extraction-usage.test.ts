import { countTextTokens } from '@tollgate/provider-test-kit';
import { describe, expect, it } from 'vitest';
import { boundFeatureExtractionUsage } from './bound-feature-extraction-usage.js';

describe('boundFeatureExtractionUsage', () => {
  it('bounds each text’s tokens by its bytes plus special tokens', () => {
    const inputs = ['a', 'bc', 'Zażółć gęślą jaźń 日本語 🚀', 'plain words '.repeat(50)];
    const bound = boundFeatureExtractionUsage({ inputs })!.usage.inputTokens!;
    const real = inputs.reduce((sum, text) => sum + countTextTokens(text), 0);
    expect(bound).toBeGreaterThanOrEqual(real);
    expect(boundFeatureExtractionUsage({ inputs: 'abc' })).toEqual({ usage: { inputTokens: 11 } });
  });
});
