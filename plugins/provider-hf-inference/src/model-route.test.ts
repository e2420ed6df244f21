import { describe, expect, it } from 'vitest';
import { modelRoute } from './model-route.js';

describe('modelRoute', () => {
  it('puts the Hub id in the path, keeping its slash', () => {
    expect(modelRoute('google-bert/bert-base-uncased')).toBe('/models/google-bert/bert-base-uncased');
    expect(modelRoute('sentence-transformers/all-MiniLM-L6-v2', '/pipeline/sentence-similarity')).toBe(
      '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity',
    );
  });

  it('percent-encodes characters a path segment cannot hold', () => {
    expect(modelRoute('owner/name with space?')).toBe('/models/owner/name%20with%20space%3F');
  });
});
