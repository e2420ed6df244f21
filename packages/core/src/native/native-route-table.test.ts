import type { NativeRouteV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { NativeRouteTable } from './native-route-table.js';

const route = (method: NativeRouteV1['method'], path: string): NativeRouteV1 => ({
  method,
  path,
  task: 'text-to-image',
  role: 'start',
  modelOf: () => undefined,
  mapRequest: () => ({ method, path, body: { kind: 'none' }, expect: 'json' }),
  meterResponse: () => ({}),
});

const table = new NativeRouteTable([
  route('POST', '/v1/predictions'),
  route('POST', '/v1/models/:owner/:name/predictions'),
  route('GET', '/v1/predictions/:id'),
  route('GET', '/*'),
]);

describe('NativeRouteTable', () => {
  it('matches literal paths and captures named segments', () => {
    expect(table.match('POST', '/v1/predictions')?.params).toEqual({});
    expect(table.match('POST', '/v1/models/black-forest-labs/flux-dev/predictions')?.params).toEqual({
      owner: 'black-forest-labs',
      name: 'flux-dev',
    });
  });

  it('takes the first route in order, and the rest of the path for a final *', () => {
    expect(table.match('GET', '/v1/predictions/abc')?.route.path).toBe('/v1/predictions/:id');
    expect(table.match('GET', '/fal-ai/flux/requests/123/status')?.params).toEqual({
      '*': 'fal-ai/flux/requests/123/status',
    });
  });

  it('decodes segments, and refuses other methods, other lengths and malformed escapes', () => {
    expect(table.match('GET', '/v1/predictions/a%20b')?.params).toEqual({ id: 'a b' });
    expect(table.match('DELETE', '/v1/predictions/abc')).toBeUndefined();
    expect(table.match('POST', '/v1/predictions/abc/extra')).toBeUndefined();
    expect(table.match('GET', '/v1/predictions/%E0%A4%A')).toBeUndefined();
  });
});
