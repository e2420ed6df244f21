import type { NativeRequestV1, NativeRouteV1 } from '@tollgate/provider-spec';
import { matchNativeRoute } from '@tollgate/provider-test-kit';
import { describe, expect, it } from 'vitest';
import { replicateModels, WHISPER_VERSION } from '../replicate-models.js';
import { replicateRates } from '../replicate-rates.js';
import { callContext, fixture } from '../test-context.test-helpers.js';
import { createReplicateNativeRoutes } from './replicate-native-routes.js';

const routes = createReplicateNativeRoutes(replicateModels, replicateRates);

function request(
  method: NativeRequestV1['method'],
  path: string,
  body: NativeRequestV1['body'] = { kind: 'none' },
  headers: Record<string, string> = {},
): { route: NativeRouteV1; request: NativeRequestV1 } {
  const match = matchNativeRoute(routes, method, path);
  if (!match) throw new Error(`no route for ${method} ${path}`);
  return { route: match.route, request: { method, path, query: {}, params: match.params, headers, body } };
}

const answer = (body: unknown) => ({ status: 201, headers: {}, body });
const schnell = callContext('black-forest-labs/FLUX.1-schnell', 'black-forest-labs/flux-schnell');

describe('replicate native routes', () => {
  it('names an official model by its path and forwards the create call with Prefer: wait', () => {
    const body = { kind: 'json' as const, value: { input: { prompt: 'A fox' } } };
    const { route, request: create } = request(
      'POST',
      '/v1/models/black-forest-labs/flux-schnell/predictions',
      body,
      {
        prefer: 'wait',
        'x-hf-bill-to': 'acme',
      },
    );
    expect(route.role).toBe('start');
    expect(route.modelOf?.(create)).toBe('black-forest-labs/flux-schnell');
    expect(route.mapRequest({ request: create, context: schnell })).toEqual({
      method: 'POST',
      path: '/v1/models/black-forest-labs/flux-schnell/predictions',
      headers: { prefer: 'wait' },
      body,
      expect: 'json',
    });
  });

  it('names a versioned model by the mapping its body version pins', () => {
    const { route, request: create } = request('POST', '/v1/predictions', {
      kind: 'json',
      value: { version: WHISPER_VERSION, input: { audio: 'https://example.com/a.wav' } },
    });
    expect(route.modelOf?.(create)).toBe(`openai/whisper:${WHISPER_VERSION}`);
    const { request: unknown } = request('POST', '/v1/predictions', {
      kind: 'json',
      value: { version: 'abc' },
    });
    expect(route.modelOf?.(unknown)).toBe('abc');
  });

  it('bills a create answer that succeeded at once, and names an unfinished one as the operation', () => {
    const { route, request: create } = request(
      'POST',
      '/v1/models/black-forest-labs/flux-schnell/predictions',
    );
    expect(
      route.meterResponse?.({
        request: create,
        context: schnell,
        response: answer(fixture('replicate-flux-schnell-succeeded')),
      }),
    ).toEqual({ usage: { images: 2 } });
    const whisper = callContext('openai/whisper-large-v3', `openai/whisper:${WHISPER_VERSION}`);
    const { route: versioned, request: createVersioned } = request('POST', '/v1/predictions');
    expect(
      versioned.meterResponse?.({
        request: createVersioned,
        context: whisper,
        response: answer(fixture('replicate-whisper-processing')),
      }),
    ).toEqual({ operationId: '4bzv3trbxdeyon73ve6itzvycq' });
  });

  it('follows a prediction up by the id in its path, billing a read that shows it succeeded', () => {
    const { route, request: get } = request('GET', '/v1/predictions/k3q8v5m1yhrma0cm2h9aekn0bw');
    expect(route.role).toBe('follow-up');
    expect(route.operationOf?.(get)).toBe('k3q8v5m1yhrma0cm2h9aekn0bw');
    expect(route.mapRequest({ request: get, context: schnell })).toMatchObject({
      method: 'GET',
      path: '/v1/predictions/k3q8v5m1yhrma0cm2h9aekn0bw',
      body: { kind: 'none' },
    });
    expect(
      route.meterResponse?.({
        request: get,
        context: schnell,
        response: answer(fixture('replicate-flux-schnell-succeeded')),
      }),
    ).toEqual({ usage: { images: 2 } });
    expect(
      route.meterResponse?.({
        request: get,
        context: schnell,
        response: answer(fixture('replicate-whisper-processing')),
      }),
    ).toEqual({});
  });

  it('cancels by the id in its path and bills nothing, even for a prediction that had finished', () => {
    const { route, request: cancel } = request('POST', '/v1/predictions/9yxd2w6s7hrm80cm2hbtq1f6tr/cancel');
    expect(route.role).toBe('follow-up');
    expect(route.operationOf?.(cancel)).toBe('9yxd2w6s7hrm80cm2hbtq1f6tr');
    expect(
      route.meterResponse?.({
        request: cancel,
        context: schnell,
        response: answer(fixture('replicate-wan-canceled')),
      }),
    ).toEqual({});
    expect(
      route.meterResponse?.({
        request: cancel,
        context: schnell,
        response: answer(fixture('replicate-flux-schnell-succeeded')),
      }),
    ).toEqual({});
  });
});
