import { describe, expect, it } from 'vitest';
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
