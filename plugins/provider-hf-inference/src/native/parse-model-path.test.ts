import { describe, expect, it } from 'vitest';
import { parseModelPath } from './parse-model-path.js';

describe('parseModelPath', () => {
  it('splits off the endpoint of an owner/name or legacy id', () => {
    expect(parseModelPath('sentence-transformers/all-MiniLM-L6-v2/pipeline/sentence-similarity')).toEqual({
      modelId: 'sentence-transformers/all-MiniLM-L6-v2',
      suffix: '/pipeline/sentence-similarity',
      endpoint: { kind: 'pipeline', task: 'sentence-similarity' },
    });
    expect(parseModelPath('gpt2/v1/chat/completions')).toEqual({
      modelId: 'gpt2',
      suffix: '/v1/chat/completions',
      endpoint: { kind: 'chat' },
    });
    expect(parseModelPath('gpt2')).toEqual({ modelId: 'gpt2', suffix: '', endpoint: { kind: 'model' } });
  });

  it('names no model for more than one slash in the id, an empty segment, or an endpoint alone', () => {
    expect(parseModelPath('a/b/c')).toBeUndefined();
    expect(parseModelPath('a/b/pipeline/token-classification')).toBeUndefined();
    expect(parseModelPath('a//b')).toBeUndefined();
    expect(parseModelPath('')).toBeUndefined();
    expect(parseModelPath('/v1/completions')).toBeUndefined();
  });
});
