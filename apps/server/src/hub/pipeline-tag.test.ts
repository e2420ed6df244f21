import type { CatalogEntry } from '@tollgate/core';
import { describe, expect, it } from 'vitest';
import { pipelineTagOf } from './pipeline-tag.js';

const entry = (task: string, inputModalities?: string[]) =>
  ({
    id: task,
    providerId: 'p',
    hfModelId: 'org/model',
    providerModelId: 'm',
    task,
    status: 'live',
    origin: 'plugin',
    ...(inputModalities ? { metadata: { inputModalities } } : {}),
  }) as CatalogEntry;

describe('pipelineTagOf', () => {
  it("names a model's Hub pipeline tag from the tasks it is mapped for", () => {
    expect(pipelineTagOf([entry('text-generation'), entry('conversational')])).toBe('text-generation');
    expect(pipelineTagOf([entry('conversational', ['text', 'image'])])).toBe('image-text-to-text');
    expect(pipelineTagOf([entry('feature-extraction'), entry('sentence-similarity')])).toBe(
      'sentence-similarity',
    );
    expect(pipelineTagOf([entry('text-to-image')])).toBe('text-to-image');
    expect(pipelineTagOf([])).toBeUndefined();
  });
});
