// The kit's native host against simulators: matching, the mapping and operation checks, withheld credentials,
// billing queued work once, and event streams.

import { setTimeout as delay } from 'node:timers/promises';
import { type NativeRouteV1, RoutingError, type UsageV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderSimulator } from '../../simulator/create-provider-simulator.js';
import {
  FIXTURE_TASK_PROFILE_ID,
  fixtureTaskProfile,
} from '../../simulator/fixture-task-profile.test-helpers.js';
import type { ProviderSimulator } from '../../simulator/simulator-types.js';
import { groqFixture } from '../fixture-plugin.test-helpers.js';
import { rejectionOf } from '../task-harness.js';
import { createFixtureNativePlugin, FIXTURE_NATIVE } from './fixture-native-plugin.test-helpers.js';
import { NativeOperations } from './native-operations.js';
import { type RunNativeRouteOptions, runNativeRoute } from './run-native-route.js';

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({
    providers: [FIXTURE_TASK_PROFILE_ID, 'groq'],
    profiles: [fixtureTaskProfile],
  });
});
beforeEach(() => simulator.resetCalls());
afterAll(() => simulator.close());

const plugin = createFixtureNativePlugin();
const run = (request: RunNativeRouteOptions['request'], extra: Partial<RunNativeRouteOptions> = {}) =>
  runNativeRoute({
    plugin,
    request,
    baseUrl: simulator.baseUrlFor(FIXTURE_TASK_PROFILE_ID),
    apiKey: simulator.apiKeyFor(FIXTURE_TASK_PROFILE_ID),
    ...extra,
  });

describe('runNativeRoute', () => {
  it("bills a synchronous answer at once, sending the plugin's auth and none of the client's credentials", async () => {
    const result = await run({
      ...FIXTURE_NATIVE.images,
      headers: { Authorization: 'Bearer hf_client', Cookie: 'session=1', Prefer: 'wait', 'X-Api-Key': 'k' },
    });
    expect(result.route.path).toBe('/v1/images');
    expect(result.mapping.hfModelId).toBe('lab/FLUX');
    expect(result.usage).toEqual({ images: 1 });
    // The plugin sees the client's headers lower-cased, without the ones the gateway withholds.
    expect(result.request.headers).toEqual({ prefer: 'wait' });
    const call = simulator.calls.at(-1)!;
    expect(call.headers.authorization).toBe(`Key ${simulator.apiKeyFor(FIXTURE_TASK_PROFILE_ID)}`);
    expect(call.headers.cookie).toBeUndefined();
  });

  it('refuses a path no route serves, and a start for a model the plugin does not map, before any call', async () => {
    await expect(run({ method: 'GET', path: '/v1/other' })).rejects.toMatchObject({
      status: 404,
      code: 'unknown_url',
    });
    const unmapped = await rejectionOf(
      run({ ...FIXTURE_NATIVE.images, body: { kind: 'json', value: { model: 'lab/other' } } }),
    );
    expect(RoutingError.isInstance(unmapped)).toBe(true);
    expect((unmapped as Error).message).toBe(
      "Model not supported by provider media-lab: 'lab/other' is not mapped for task 'text-to-image'.",
    );
    // A mapped model of another task is not mapped for this route's task.
    await expect(
      run({ ...FIXTURE_NATIVE.images, body: { kind: 'json', value: { model: 'lab/video' } } }),
    ).rejects.toThrow(/'lab\/video' is not mapped for task 'text-to-image'/);
    await expect(run({ ...FIXTURE_NATIVE.images, body: { kind: 'none' } })).rejects.toThrow(/names no model/);
    expect(simulator.calls).toEqual([]);
  });

  it('refuses a model whose mapping is not live', async () => {
    const staging = createFixtureNativePlugin({
      task: {
        overrides: {
          models: [
            { hfModelId: 'lab/FLUX', providerModelId: 'lab/flux', task: 'text-to-image', status: 'staging' },
          ],
        },
      },
    });
    await expect(run(FIXTURE_NATIVE.images, { plugin: staging })).rejects.toThrow(/not mapped/);
  });

  it('ties follow-ups to the caller who started the work, and bills the work once, at its start mapping', async () => {
    const operations = new NativeOperations();
    const started = await run(FIXTURE_NATIVE.video, { operations });
    expect(started.operationId).toMatch(/^[0-9a-f]+$/);
    expect(started.usage).toEqual({});
    const id = started.operationId!;
    const stranger = await rejectionOf(
      run({ method: 'GET', path: `/queue/requests/${id}/status` }, { operations, caller: 'someone-else' }),
    );
    expect(stranger).toMatchObject({ status: 404, code: 'unknown_request' });
    await expect(
      run({ method: 'GET', path: `/queue/requests/${id}/status` }, { operations: new NativeOperations() }),
    ).rejects.toMatchObject({ code: 'unknown_request' });
    for (;;) {
      const status = await run({ method: 'GET', path: `/queue/requests/${id}/status` }, { operations });
      expect(status.usage).toEqual({});
      if ((status.response!.body as { status: string }).status === 'COMPLETED') break;
      await delay(10);
    }
    const result = await run({ method: 'GET', path: `/queue/requests/${id}` }, { operations });
    expect(result.mapping.providerModelId).toBe('lab/video');
    expect(result.usage).toEqual({ videoMilliseconds: 2000 });
    const again = await run({ method: 'GET', path: `/queue/requests/${id}` }, { operations });
    expect(again.metered).toEqual({ videoMilliseconds: 2000 });
    expect(again.usage).toEqual({});
  });

  it("meters an event stream with the route's mapStreamEvent, keeping the last usage it reports", async () => {
    const chat: NativeRouteV1 = {
      method: 'POST',
      path: '/openai/v1/chat/completions',
      task: 'conversational',
      role: 'start',
      modelOf: (request) =>
        request.body.kind === 'json' ? (request.body.value as { model?: string }).model : undefined,
      mapRequest: ({ request }) => forwardNativeRequest(request, { expect: 'sse' }),
      mapStreamEvent: ({ event }) => {
        if (event.data === '[DONE]') return { done: true };
        const chunk = JSON.parse(event.data) as {
          usage?: { prompt_tokens: number; completion_tokens: number };
        };
        const usage: UsageV1 | undefined = chunk.usage
          ? { inputTokens: chunk.usage.prompt_tokens, outputTokens: chunk.usage.completion_tokens }
          : undefined;
        return { emit: event.data, ...(usage ? { usage } : {}) };
      },
    };
    const groq = groqFixture({ overrides: { nativeRoutes: [chat] } });
    const result = await runNativeRoute({
      plugin: groq,
      request: {
        method: 'POST',
        path: '/openai/v1/chat/completions',
        body: {
          kind: 'json',
          value: {
            model: 'openai/gpt-oss-120b',
            messages: [{ role: 'user', content: 'Hello' }],
            stream: true,
            stream_options: { include_usage: true },
          },
        },
      },
      baseUrl: simulator.baseUrlFor('groq'),
      apiKey: simulator.apiKeyFor('groq'),
    });
    expect(result.response).toBeUndefined();
    expect(result.events?.length).toBeGreaterThan(1);
    expect(result.usage.inputTokens).toBeGreaterThan(0);
    expect(result.usage.outputTokens).toBeGreaterThan(0);
  });
});
