import { describe, expect, it } from 'vitest';
import { cosineSimilarity, embedText } from './embed-text.js';

const norm = (vector: number[]) => Math.sqrt(vector.reduce((total, value) => total + value * value, 0));

describe('embedText', () => {
  it('gives unit vectors of the asked size, the same for the same text', () => {
    const vector = embedText('That is a happy person', 384);
    expect(vector).toHaveLength(384);
    expect(norm(vector)).toBeCloseTo(1, 9);
    expect(embedText('That is a happy person', 384)).toEqual(vector);
  });

  it('puts texts that share words closer than texts that do not', () => {
    const anchor = embedText('That is a happy person', 768);
    const near = cosineSimilarity(anchor, embedText('That is a very happy person', 768));
    const far = cosineSimilarity(anchor, embedText('Today is a sunny day', 768));
    expect(near).toBeGreaterThan(0.7);
    expect(near).toBeGreaterThan(far);
    expect(cosineSimilarity(anchor, anchor)).toBeCloseTo(1, 9);
  });
});
