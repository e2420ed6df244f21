import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { buildPredictionRequest, parseModelReference } from './build-prediction-request.js';

describe('buildPredictionRequest', () => {
  it('runs an official model through its own predictions path, without a version', () => {
    expect(buildPredictionRequest('black-forest-labs/flux-dev', { prompt: 'a fox' })).toEqual({
      method: 'POST',
      path: '/v1/models/black-forest-labs/flux-dev/predictions',
      headers: { prefer: 'wait' },
      body: { kind: 'json', value: { input: { prompt: 'a fox' } } },
      expect: 'json',
    });
  });

  it('runs a versioned community model through /v1/predictions with the version in the body', () => {
    expect(
      buildPredictionRequest('openai/whisper:8099696689d2', { audio: 'data:audio/wav;base64,AA==' }),
    ).toEqual({
      method: 'POST',
      path: '/v1/predictions',
      headers: { prefer: 'wait' },
      body: {
        kind: 'json',
        value: { version: '8099696689d2', input: { audio: 'data:audio/wav;base64,AA==' } },
      },
      expect: 'json',
    });
  });

  it('refuses ids that are not owner/name or owner/name:version', () => {
    for (const id of ['flux-dev', 'a/b/c', 'a/b:', 'a/b:v1:v2', '../x/predictions', 'a/b:ver sion']) {
      expect(() => parseModelReference(id), id).toThrow(InputError);
    }
    expect(parseModelReference('wan-video/wan-2.2-5b-fast')).toEqual({
      owner: 'wan-video',
      name: 'wan-2.2-5b-fast',
    });
  });
});
