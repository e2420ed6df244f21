import { describe, expect, it } from 'vitest';
import { KOKORO_VERSION, replicateModels, WHISPER_VERSION } from '../replicate-models.js';
import { resolveVersionModel } from './resolve-version-model.js';

describe('resolveVersionModel', () => {
  it('resolves a bare version, or owner/name:version, to the mapping that pins it', () => {
    expect(resolveVersionModel(replicateModels, WHISPER_VERSION)).toBe(`openai/whisper:${WHISPER_VERSION}`);
    expect(resolveVersionModel(replicateModels, `jaaari/kokoro-82m:${KOKORO_VERSION}`)).toBe(
      `jaaari/kokoro-82m:${KOKORO_VERSION}`,
    );
  });

  it('gives back a version no mapping pins (or pinned under another name) as it came, so it is refused', () => {
    expect(resolveVersionModel(replicateModels, 'abc123')).toBe('abc123');
    expect(resolveVersionModel(replicateModels, `someone/whisper:${WHISPER_VERSION}`)).toBe(
      `someone/whisper:${WHISPER_VERSION}`,
    );
  });

  it('names no model without a version', () => {
    expect(resolveVersionModel(replicateModels, undefined)).toBeUndefined();
    expect(resolveVersionModel(replicateModels, '')).toBeUndefined();
    expect(resolveVersionModel(replicateModels, 42)).toBeUndefined();
  });
});
