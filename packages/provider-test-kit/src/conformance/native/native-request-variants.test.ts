import type { NativeRouteV1 } from '@tollgate/provider-spec';
import { encodeMultipartForm, forwardNativeRequest, readMultipartForm } from '@tollgate/provider-utils';
import { describe, expect, it } from 'vitest';
import { createFixtureTaskPlugin } from '../fixture-task-plugin.test-helpers.js';
import { createFixtureNativePlugin, FIXTURE_NATIVE } from './fixture-native-plugin.test-helpers.js';
import { unknownOperationVariant, unmappedModelVariant } from './native-request-variants.js';

describe('unmappedModelVariant', () => {
  it('changes the part of the request modelOf reads: a JSON field, or a path segment of the same route', () => {
    const plugin = createFixtureNativePlugin();
    expect(unmappedModelVariant(plugin, FIXTURE_NATIVE.images)).toEqual({
      request: {
        ...FIXTURE_NATIVE.images,
        body: {
          kind: 'json',
          value: {
            ...(FIXTURE_NATIVE.images.body as { value: object }).value,
            model: 'tollgate-unmapped-lab/flux',
          },
        },
      },
      model: 'tollgate-unmapped-lab/flux',
    });
    // Changing `queue` would leave the route; the first segment after it is the model's.
    expect(unmappedModelVariant(plugin, FIXTURE_NATIVE.video)?.request.path).toBe(
      '/queue/tollgate-unmapped-lab/video',
    );
  });

  it('changes a text field of a multipart upload, keeping the file, when modelOf reads the form', () => {
    const upload: NativeRouteV1 = {
      method: 'POST',
      path: '/v1/audio/transcriptions',
      role: 'start',
      modelOf: (request) => {
        if (request.body.kind !== 'bytes') return undefined;
        const part = readMultipartForm(request.body.value, request.body.contentType)[1];
        return part && !('bytes' in part) ? part.value : undefined;
      },
      mapRequest: ({ request }) => forwardNativeRequest(request),
      meterResponse: () => ({}),
    };
    const plugin = createFixtureTaskPlugin({ overrides: { nativeRoutes: [upload] } });
    const file = { name: 'file', filename: 'a.wav', contentType: 'audio/wav', bytes: new Uint8Array([1, 2]) };
    const form = encodeMultipartForm([
      { name: 'language', value: 'en' },
      { name: 'model', value: 'lab/tts' },
      file,
    ]);
    const variant = unmappedModelVariant(plugin, {
      method: 'POST',
      path: '/v1/audio/transcriptions',
      body: { kind: 'bytes', value: form.bytes, contentType: form.contentType },
    });
    expect(variant?.model).toBe('tollgate-unmapped-lab/tts');
    const body = variant!.request.body!;
    if (body.kind !== 'bytes') throw new Error('the variant is still a form');
    expect(readMultipartForm(body.value, body.contentType)).toEqual([
      { name: 'language', value: 'en' },
      { name: 'model', value: 'tollgate-unmapped-lab/tts' },
      file,
    ]);
  });

  it('finds none when modelOf ignores the request, or for a path no start route serves', () => {
    expect(
      unmappedModelVariant(createFixtureNativePlugin({ constantModel: true }), FIXTURE_NATIVE.video),
    ).toBeUndefined();
    expect(
      unmappedModelVariant(createFixtureNativePlugin(), { method: 'GET', path: '/nowhere' }),
    ).toBeUndefined();
  });
});

describe('unknownOperationVariant', () => {
  it('replaces the operation id wherever the request names it', () => {
    expect(unknownOperationVariant({ method: 'GET', path: '/queue/requests/abc/status' }, 'abc')).toEqual({
      method: 'GET',
      path: '/queue/requests/abc-never-started/status',
    });
    expect(
      unknownOperationVariant(
        { method: 'GET', path: '/result', query: { request_id: 'abc', logs: '1' } },
        'abc',
      ),
    ).toEqual({ method: 'GET', path: '/result', query: { request_id: 'abc-never-started', logs: '1' } });
    expect(
      unknownOperationVariant(
        { method: 'POST', path: '/cancel', body: { kind: 'json', value: { id: 'abc' } } },
        'abc',
      )?.body,
    ).toEqual({ kind: 'json', value: { id: 'abc-never-started' } });
  });

  it('finds none when the request does not name the operation', () => {
    expect(unknownOperationVariant({ method: 'GET', path: '/queue/latest' }, 'abc')).toBeUndefined();
    expect(unknownOperationVariant({ method: 'GET', path: '/queue/latest' }, '')).toBeUndefined();
  });
});
