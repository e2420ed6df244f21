import { readFileSync } from 'node:fs';
import type { NativeRequestV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { hyperbolicNativeRoutes } from './hyperbolic-native-routes.js';

const [images] = hyperbolicNativeRoutes;
const context = {
  requestId: 'req-1',
  providerId: 'hyperbolic',
  hfModelId: 'black-forest-labs/FLUX.1-dev',
  providerModelId: 'FLUX.1-dev',
};
const body = { model_name: 'FLUX.1-dev', prompt: 'A lighthouse at dawn', width: 512, height: 512, steps: 20 };
const request: NativeRequestV1 = {
  method: 'POST',
  path: '/v1/images/generations',
  query: {},
  params: {},
  headers: {},
  body: { kind: 'json', value: body },
};
const recorded = JSON.parse(
  readFileSync(new URL('../__fixtures__/hyperbolic-flux-dev-image.json', import.meta.url), 'utf8'),
);

describe("Hyperbolic's native image route", () => {
  it("serves its image API at OpenAI's path, reading the model from model_name", () => {
    expect([images!.method, images!.path, images!.task]).toEqual([
      'POST',
      '/v1/images/generations',
      'text-to-image',
    ]);
    expect(images!.modelOf!(request)).toBe('FLUX.1-dev');
    // OpenAI's `model` is not where Hyperbolic's image API names the model.
    expect(
      images!.modelOf!({ ...request, body: { kind: 'json', value: { model: 'FLUX.1-dev' } } }),
    ).toBeUndefined();
  });

  it('passes the body on as it came', () => {
    expect(images!.mapRequest({ request, context })).toEqual({
      method: 'POST',
      path: '/v1/images/generations',
      body: { kind: 'json', value: body },
      expect: 'json',
    });
  });

  it('bills each image returned, as the routed task does, and nothing for an answer without images', () => {
    const response = { status: 200, headers: {}, body: recorded };
    expect(images!.meterResponse!({ request, context, response })).toEqual({
      usage: { images: recorded.images.length },
    });
    for (const empty of [{ images: [] }, { detail: 'model not found' }, { images: [{ url: 'x' }] }]) {
      expect(images!.meterResponse!({ request, context, response: { ...response, body: empty } })).toEqual(
        {},
      );
    }
  });
});
