import { describe, expect, it } from 'vitest';
import { readExpand } from './read-expand.js';

describe('readExpand', () => {
  it('reads `expand[]` repeated or single, `expand` comma-separated, and says when none was asked', () => {
    expect(readExpand({ 'expand[]': ['inferenceProviderMapping', 'pipeline_tag'] })).toEqual([
      'inferenceProviderMapping',
      'pipeline_tag',
    ]);
    expect(readExpand({ 'expand[]': 'pipeline_tag' })).toEqual(['pipeline_tag']);
    expect(readExpand({ expand: 'pipeline_tag, inference' })).toEqual(['pipeline_tag', 'inference']);
    expect(readExpand({ search: 'x' })).toBeUndefined();
  });
});
