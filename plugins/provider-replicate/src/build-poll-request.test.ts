import { describe, expect, it } from 'vitest';
import { buildPollRequest } from './build-poll-request.js';

describe('buildPollRequest', () => {
  it('polls the urls.get link Replicate returned', () => {
    const request = buildPollRequest({
      id: '4bzv3trbxdeyon73ve6itzvycq',
      state: { getUrl: 'https://api.replicate.com/v1/predictions/4bzv3trbxdeyon73ve6itzvycq' },
    });
    expect(request).toEqual({
      method: 'GET',
      path: '/v1/predictions/4bzv3trbxdeyon73ve6itzvycq',
      absoluteUrl: 'https://api.replicate.com/v1/predictions/4bzv3trbxdeyon73ve6itzvycq',
      body: { kind: 'none' },
      expect: 'json',
    });
  });

  it('falls back to the prediction path when no link came back', () => {
    const request = buildPollRequest({ id: 'abc', state: { getUrl: '' } });
    expect(request.absoluteUrl).toBeUndefined();
    expect(request.path).toBe('/v1/predictions/abc');
  });
});
