import type { NativeRequestV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { forwardNativeRequest } from './forward-native-request.js';

const request: NativeRequestV1 = {
  method: 'POST',
  path: '/v1/models/black-forest-labs/flux-dev/predictions',
  query: { _subdomain: 'queue' },
  params: {},
  headers: { prefer: 'wait=60', 'content-type': 'application/json', 'user-agent': 'hf-inference-js' },
  body: { kind: 'json', value: { input: { prompt: 'a lighthouse' } } },
};

describe('forwardNativeRequest', () => {
  it('passes method, path, query, body and the headers providers act on', () => {
    expect(forwardNativeRequest(request)).toEqual({
      method: 'POST',
      path: '/v1/models/black-forest-labs/flux-dev/predictions',
      query: { _subdomain: 'queue' },
      headers: { prefer: 'wait=60' },
      body: { kind: 'json', value: { input: { prompt: 'a lighthouse' } } },
      expect: 'json',
    });
  });

  it('replaces the JSON body, the path and what to read back when asked', () => {
    const forwarded = forwardNativeRequest(
      { ...request, query: {}, headers: {} },
      { jsonBody: { stream: true }, path: '/v1/other', expect: 'sse' },
    );
    expect(forwarded).toEqual({
      method: 'POST',
      path: '/v1/other',
      body: { kind: 'json', value: { stream: true } },
      expect: 'sse',
    });
  });

  it('forwards raw bytes untouched', () => {
    const bytes = new Uint8Array([82, 73, 70, 70]);
    const forwarded = forwardNativeRequest({
      ...request,
      body: { kind: 'bytes', value: bytes, contentType: 'audio/wav' },
    });
    expect(forwarded.body).toEqual({ kind: 'bytes', value: bytes, contentType: 'audio/wav' });
  });
});
