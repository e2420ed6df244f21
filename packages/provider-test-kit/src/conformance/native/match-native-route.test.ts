import type { NativeRouteV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { matchNativeRoute } from './match-native-route.js';

const route = (method: NativeRouteV1['method'], path: string): NativeRouteV1 => ({
  method,
  path,
  role: 'start',
  modelOf: () => undefined,
  mapRequest: () => ({ method, path, body: { kind: 'none' }, expect: 'json' }),
});

const routes = [
  route('POST', '/v1/predictions'),
  route('POST', '/v1/models/:owner/:name/predictions'),
  route('GET', '/v1/predictions/:id'),
  route('GET', '/*'),
];

describe('matchNativeRoute (the gateway route table rules)', () => {
  it('matches literal paths and captures named segments', () => {
    expect(matchNativeRoute(routes, 'POST', '/v1/predictions')?.params).toEqual({});
    expect(
      matchNativeRoute(routes, 'POST', '/v1/models/black-forest-labs/flux-dev/predictions')?.params,
    ).toEqual({ owner: 'black-forest-labs', name: 'flux-dev' });
  });

  it('takes the first route in order, and the rest of the path for a final *', () => {
    expect(matchNativeRoute(routes, 'GET', '/v1/predictions/abc')?.route.path).toBe('/v1/predictions/:id');
    expect(matchNativeRoute(routes, 'GET', '/fal-ai/flux/requests/123/status')?.params).toEqual({
      '*': 'fal-ai/flux/requests/123/status',
    });
    // A final * needs at least one segment.
    expect(matchNativeRoute(routes, 'GET', '/')).toBeUndefined();
  });

  it('decodes segments, and refuses other methods, other lengths and malformed escapes', () => {
    expect(matchNativeRoute(routes, 'GET', '/v1/predictions/a%20b')?.params).toEqual({ id: 'a b' });
    expect(matchNativeRoute(routes, 'DELETE', '/v1/predictions/abc')).toBeUndefined();
    expect(matchNativeRoute(routes, 'POST', '/v1/predictions/abc/extra')).toBeUndefined();
    expect(matchNativeRoute(routes, 'GET', '/v1/predictions/%E0%A4%A')).toBeUndefined();
  });
});
