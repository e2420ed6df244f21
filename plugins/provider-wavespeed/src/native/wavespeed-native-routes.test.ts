import {
  type CallContextV1,
  InputError,
  type NativeRequestV1,
  type NativeRouteV1,
  UpstreamApiError,
} from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { fixture } from '../wavespeed-fixtures.test-helpers.js';
import { wavespeedModelOfPath, wavespeedNativeRoutes } from './wavespeed-native-routes.js';

const [submit, result, newerResult] = wavespeedNativeRoutes as [NativeRouteV1, NativeRouteV1, NativeRouteV1];

const contextFor = (hfModelId: string, providerModelId: string): CallContextV1 => ({
  requestId: 'req-1',
  providerId: 'wavespeed',
  hfModelId,
  providerModelId,
});
const fluxDev = contextFor('black-forest-labs/FLUX.1-dev', 'wavespeed-ai/flux-dev');

function native(
  method: NativeRequestV1['method'],
  path: string,
  params: Record<string, string>,
  body: NativeRequestV1['body'] = { kind: 'none' },
): NativeRequestV1 {
  return { method, path, query: {}, params, headers: {}, body };
}

const ok = (body: unknown) => ({ status: 200, headers: { 'content-type': 'application/json' }, body });
const predictionId = '4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a';

describe('WaveSpeed native routes', () => {
  it('submits at /api/v3/{model} and reads results at both documented result paths', () => {
    expect(wavespeedNativeRoutes.map(({ method, path, role, task }) => [method, path, role, task])).toEqual([
      ['POST', '/api/v3/*', 'start', undefined],
      ['GET', '/api/v3/predictions/:id/result', 'follow-up', undefined],
      ['GET', '/api/v3/predictions/:id', 'follow-up', undefined],
    ]);
  });

  it('takes the model from the rest of the path, never from predictions/...', () => {
    const modelOf = (rest: string) =>
      wavespeedModelOfPath(native('POST', `/api/v3/${rest}`, { '*': rest }, { kind: 'json', value: {} }));
    expect(modelOf('wavespeed-ai/wan-2.1/t2v-480p')).toBe('wavespeed-ai/wan-2.1/t2v-480p');
    expect(modelOf('predictions/abc/result')).toBeUndefined();
    expect(modelOf('predictions')).toBeUndefined();
  });

  it('forwards the submission as sent and ties the created prediction to its id', () => {
    const body = { prompt: 'A cat in space', size: '1024*1024', num_images: 2 };
    const request = native(
      'POST',
      '/api/v3/wavespeed-ai/flux-dev',
      { '*': 'wavespeed-ai/flux-dev' },
      {
        kind: 'json',
        value: body,
      },
    );
    expect(submit.mapRequest({ request, context: fluxDev })).toEqual({
      method: 'POST',
      path: '/api/v3/wavespeed-ai/flux-dev',
      body: { kind: 'json', value: body },
      expect: 'json',
    });
    expect(submit.meterResponse!({ request, context: fluxDev, response: ok(fixture('submit')) })).toEqual({
      operationId: predictionId,
    });
  });

  it('bills a prediction that finished inside the submission (sync mode) there, without an operation', () => {
    const request = native('POST', '/api/v3/wavespeed-ai/flux-dev', { '*': 'wavespeed-ai/flux-dev' });
    expect(
      submit.meterResponse!({ request, context: fluxDev, response: ok(fixture('completed-images')) }),
    ).toEqual({ usage: { images: 2 } });
  });

  it('bills nothing for a status poll, and the images returned once the result is completed', () => {
    const request = native('GET', `/api/v3/predictions/${predictionId}/result`, { id: predictionId });
    expect(result.operationOf!(request)).toBe(predictionId);
    expect(result.mapRequest({ request, context: fluxDev })).toEqual({
      method: 'GET',
      path: `/api/v3/predictions/${predictionId}/result`,
      body: { kind: 'none' },
      expect: 'json',
    });
    expect(result.meterResponse!({ request, context: fluxDev, response: ok(fixture('processing')) })).toEqual(
      {},
    );
    expect(
      newerResult.meterResponse!({ request, context: fluxDev, response: ok(fixture('completed-images')) }),
    ).toEqual({ usage: { images: 2 } });
  });

  it('bills a per-clip video model one clip, and nothing for a failed prediction', () => {
    const wan22 = contextFor('Wan-AI/Wan2.2-TI2V-5B', 'wavespeed-ai/wan-2.2/t2v-5b-720p');
    const request = native('GET', '/api/v3/predictions/b81e/result', { id: 'b81e' });
    expect(
      result.meterResponse!({ request, context: wan22, response: ok(fixture('completed-video')) }),
    ).toEqual({ usage: { requests: 1 } });
    expect(result.meterResponse!({ request, context: wan22, response: ok(fixture('failed')) })).toEqual({});
  });

  it('refuses a per-second video model, whose clip length no result states', () => {
    const wan21 = contextFor('Wan-AI/Wan2.1-T2V-14B', 'wavespeed-ai/wan-2.1/t2v-480p');
    const request = native('POST', '/api/v3/wavespeed-ai/wan-2.1/t2v-480p', {
      '*': 'wavespeed-ai/wan-2.1/t2v-480p',
    });
    expect(() => submit.mapRequest({ request, context: wan21 })).toThrow(InputError);
    expect(() => submit.mapRequest({ request, context: wan21 })).toThrow(/by the second of video/);
  });

  it("turns an envelope whose code is not 200 into WaveSpeed's error", () => {
    const request = native('POST', '/api/v3/wavespeed-ai/flux-dev', { '*': 'wavespeed-ai/flux-dev' });
    const response = ok({ code: 400, message: 'size must be at most 1536*1536', data: null });
    expect(() => submit.meterResponse!({ request, context: fluxDev, response })).toThrow(UpstreamApiError);
  });
});
