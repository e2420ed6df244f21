import type { NativeRequestV1, NativeRouteV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import { matchNativeRoute } from '@tollgate/provider-test-kit';
import { describe, expect, it } from 'vitest';
import { falAiRates } from '../fal-ai-rates.js';
import { callContext, fixture } from '../test-context.test-helpers.js';
import { createFalNativeRoutes } from './fal-native-routes.js';

const routes = createFalNativeRoutes(falAiRates);
const flux = callContext('black-forest-labs/FLUX.1-dev', 'fal-ai/flux/dev');

function request(
  method: NativeRequestV1['method'],
  path: string,
  query: Record<string, string> = {},
  body: NativeRequestV1['body'] = { kind: 'none' },
): { route: NativeRouteV1; request: NativeRequestV1 } {
  const match = matchNativeRoute(routes, method, path);
  if (!match) throw new Error(`no route for ${method} ${path}`);
  return {
    route: match.route,
    request: { method, path, query, params: match.params, headers: { accept: 'application/json' }, body },
  };
}

const answer = (body: unknown, headers: Record<string, string> = {}): UpstreamResponseV1 => ({
  status: 200,
  headers,
  body,
});

describe('fal native routes: starts', () => {
  const prompt = { kind: 'json' as const, value: { prompt: 'A lighthouse at dawn' } };

  it('names the model by the whole path and forwards a queue submission as it came', () => {
    const { route, request: submit } = request('POST', '/fal-ai/flux/dev', { _subdomain: 'queue' }, prompt);
    expect(route.role).toBe('start');
    expect(route.task).toBeUndefined();
    expect(route.modelOf?.(submit)).toBe('fal-ai/flux/dev');
    expect(route.mapRequest({ request: submit, context: flux })).toEqual({
      method: 'POST',
      path: '/fal-ai/flux/dev',
      query: { _subdomain: 'queue' },
      headers: { accept: 'application/json' },
      body: prompt,
      expect: 'json',
    });
  });

  it('meters a queue submission as the operation its follow-ups name, billing nothing yet', () => {
    const { route, request: submit } = request('POST', '/fal-ai/flux/dev', { _subdomain: 'queue' }, prompt);
    expect(
      route.meterResponse?.({
        request: submit,
        context: flux,
        response: answer(fixture('fal-ai-queue-submitted')),
      }),
    ).toEqual({ operationId: '764cabcf-b745-4b3e-ae38-1200304cf45b' });
  });

  it("bills a synchronous answer at once, by fal's billable units", () => {
    const whisper = callContext('openai/whisper-large-v3', 'fal-ai/whisper');
    const { route, request: run } = request(
      'POST',
      '/fal-ai/whisper',
      {},
      {
        kind: 'json',
        value: { audio_url: 'https://example.com/a.wav' },
      },
    );
    const response = answer(fixture('fal-ai-whisper-result'), { 'x-fal-billable-units': '1.5' });
    expect(route.meterResponse?.({ request: run, context: whisper, response })).toEqual({
      usage: { computeMilliseconds: 1500 },
    });
    // A queue host that ran the call at once answers with the output: it is billed, not followed up.
    const { request: queued } = request('POST', '/fal-ai/flux/dev', { _subdomain: 'queue' }, prompt);
    expect(
      route.meterResponse?.({
        request: queued,
        context: flux,
        response: answer(fixture('fal-ai-flux-dev-result')),
      }),
    ).toEqual({ usage: { milliMegapixels: 1000 } });
  });
});

describe('fal native routes: follow-ups', () => {
  const id = '764cabcf-b745-4b3e-ae38-1200304cf45b';

  it('reads the request id from the shorter app path fal names, and asks the queue host for it', () => {
    const { route, request: status } = request('GET', `/fal-ai/flux/requests/${id}/status`, {
      _subdomain: 'queue',
      logs: '1',
    });
    expect(route.role).toBe('follow-up');
    expect(route.operationOf?.(status)).toBe(id);
    expect(route.mapRequest({ request: status, context: flux })).toMatchObject({
      method: 'GET',
      path: `/fal-ai/flux/requests/${id}/status`,
      query: { _subdomain: 'queue', logs: '1' },
      body: { kind: 'none' },
    });
    // Status and result exist only on the queue host, so the subdomain is asked for when the client left it out.
    const { request: bare } = request('GET', `/fal-ai/flux/requests/${id}`);
    expect(route.mapRequest({ request: bare, context: flux }).query).toEqual({ _subdomain: 'queue' });
  });

  it("drops a prefix a simulator's or another router's response URL put before fal's path", () => {
    const { route, request: prefixed } = request('GET', `/fal-ai/fal-ai/flux/requests/${id}`, {
      _subdomain: 'queue',
    });
    expect(route.operationOf?.(prefixed)).toBe(id);
    expect(route.mapRequest({ request: prefixed, context: flux }).path).toBe(`/fal-ai/flux/requests/${id}`);
  });

  it('bills the result by its units, and nothing for status answers', () => {
    const { route, request: status } = request('GET', `/fal-ai/flux/requests/${id}/status`, {
      _subdomain: 'queue',
    });
    const completed = answer(fixture('fal-ai-queue-completed'), { 'x-fal-billable-units': '1' });
    expect(route.meterResponse?.({ request: status, context: flux, response: completed })).toEqual({});
    const { request: result } = request('GET', `/fal-ai/flux/requests/${id}`, { _subdomain: 'queue' });
    const output = answer(fixture('fal-ai-flux-dev-result'), { 'x-fal-billable-units': '2' });
    expect(route.meterResponse?.({ request: result, context: flux, response: output })).toEqual({
      usage: { milliMegapixels: 2000 },
    });
  });

  it('cancels on the queue host and bills nothing', () => {
    const { route, request: cancel } = request('PUT', `/fal-ai/flux/requests/${id}/cancel`, {
      _subdomain: 'queue',
    });
    expect(route.operationOf?.(cancel)).toBe(id);
    expect(route.mapRequest({ request: cancel, context: flux })).toMatchObject({
      method: 'PUT',
      path: `/fal-ai/flux/requests/${id}/cancel`,
    });
    expect(
      route.meterResponse?.({
        request: cancel,
        context: flux,
        response: answer(fixture('fal-ai-queue-cancellation-requested')),
      }),
    ).toEqual({});
  });

  it('names no operation for a GET that is not a queue request', () => {
    const { route, request: other } = request('GET', '/fal-ai/flux/dev');
    expect(route.operationOf?.(other)).toBeUndefined();
  });
});
