import {
  defineProviderPlugin,
  type QueuedTaskHandlerV1,
  UpstreamApiError,
  UpstreamOutputError,
} from '@tollgate/provider-spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { wavDurationMs } from '../media/wav-duration-ms.js';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import {
  fixtureTaskProfile,
  FIXTURE_TASK_PROFILE_ID as LAB,
} from '../simulator/fixture-task-profile.test-helpers.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { createFixtureTaskPlugin, FIXTURE_TASKS } from './fixture-task-plugin.test-helpers.js';
import { type RunTaskOptions, runTask } from './run-task.js';

describe('runTask', () => {
  let simulator: ProviderSimulator;
  const plugin = createFixtureTaskPlugin();
  const options = (
    task: keyof typeof FIXTURE_TASKS,
    extra: Partial<RunTaskOptions> = {},
  ): RunTaskOptions => ({
    plugin,
    task,
    input: FIXTURE_TASKS[task].input,
    providerModelId: plugin.models.find((mapping) => mapping.task === task)!.providerModelId,
    baseUrl: simulator.baseUrlFor(LAB),
    apiKey: simulator.apiKeyFor(LAB),
    ...extra,
  });

  beforeAll(async () => {
    simulator = await createProviderSimulator({ providers: [LAB], profiles: [fixtureTaskProfile] });
  });
  beforeEach(() => {
    simulator.clearFaults();
    simulator.resetCalls();
    simulator.setLatency(LAB, { firstTokenMs: 0 });
  });
  afterAll(() => simulator.close());

  it('runs a sync task with a bytes answer', async () => {
    const result = await runTask(options('text-to-speech'));
    const { audio } = result.output as { audio: { bytes: Uint8Array } };
    expect(wavDurationMs(audio.bytes)).toBe(result.usage.audioMilliseconds);
    expect(result.polls).toBe(0);
    expect(result.requests.map((request) => request.path)).toEqual(['/v1/speech']);
    expect(simulator.calls[0]!.headers.authorization).toBe(`Key ${simulator.apiKeyFor(LAB)}`);
  });

  it('polls a queued task until it completes, counting the status requests', async () => {
    simulator.setLatency(LAB, { firstTokenMs: 1000 });
    const started = Date.now();
    const result = await runTask(options('text-to-video'));
    expect(Date.now() - started).toBeGreaterThanOrEqual(990);
    expect(result.polls).toBeGreaterThan(1);
    expect(simulator.calls.filter((call) => call.path.endsWith('/status'))).toHaveLength(result.polls);
    expect(result.usage).toEqual({ videoMilliseconds: 2000 });
  });

  it('polls the operation a pending status names from then on', async () => {
    const base = createFixtureTaskPlugin();
    const video = base.tasks['text-to-video'] as QueuedTaskHandlerV1;
    const seen: unknown[] = [];
    const moving: QueuedTaskHandlerV1 = {
      ...video,
      status: {
        mapRequest: (args) => {
          seen.push(args.operation.state.moved);
          return video.status.mapRequest(args);
        },
        mapResponse: (args) =>
          args.operation.state.moved === true
            ? video.status.mapResponse(args)
            : {
                state: 'pending',
                pollAfterMs: 0,
                operation: { ...args.operation, state: { ...args.operation.state, moved: true } },
              },
      },
    };
    const { tasks, ...definition } = base;
    const plugin = defineProviderPlugin({ ...definition, tasks: { ...tasks, 'text-to-video': moving } });
    const result = await runTask({ ...options('text-to-video'), plugin });
    expect(seen[0]).toBeUndefined();
    expect(seen.slice(1).every((moved) => moved === true)).toBe(true);
    expect(result.usage).toEqual({ videoMilliseconds: 2000 });
  });

  it("caps the provider's suggested wait by pollIntervalMs", async () => {
    // A handler asking for 60 s between polls would pass a 1 s deadline uncapped and fail at once.
    const patient = createFixtureTaskPlugin({ pollAfterMs: 60_000 });
    const result = await runTask({
      ...options('text-to-video'),
      plugin: patient,
      pollIntervalMs: 10,
      deadlineMs: 1000,
    });
    expect(result.polls).toBeGreaterThan(0);
    const uncapped = runTask({
      ...options('text-to-video'),
      plugin: patient,
      pollIntervalMs: 60_000,
      deadlineMs: 1000,
    });
    await expect(uncapped).rejects.toThrow(/before the deadline/);
  });

  it('gives up at the deadline with a timeout UpstreamApiError', async () => {
    simulator.setLatency(LAB, { firstTokenMs: 2000 });
    const error = await runTask(options('text-to-video', { deadlineMs: 100 })).catch(
      (caught: unknown) => caught,
    );
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    expect((error as UpstreamApiError).reason).toBe('timeout');
  });

  it('stops polling when aborted', async () => {
    simulator.setLatency(LAB, { firstTokenMs: 2000 });
    const controller = new AbortController();
    const pending = runTask(options('text-to-video', { signal: controller.signal })).catch(
      (caught: unknown) => caught,
    );
    setTimeout(() => controller.abort(), 60);
    const error = await pending;
    expect((error as UpstreamApiError).reason).toBe('aborted');
  });

  it('refuses provider-returned URLs outside the base URL origin unless the policy allows them', async () => {
    const elsewhere = createFixtureTaskPlugin({
      overrides: {
        tasks: {
          ...plugin.tasks,
          'text-to-image': {
            kind: 'sync',
            mapRequest: () => ({
              method: 'GET',
              path: '/',
              absoluteUrl: 'http://127.0.0.2:9/x',
              body: { kind: 'none' },
              expect: 'json',
            }),
            mapResponse: () => ({ output: {}, usage: {} }),
          },
        },
      },
    });
    const error = await runTask({ ...options('text-to-image'), plugin: elsewhere }).catch(
      (caught: unknown) => caught,
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
  });

  it('refuses tasks the plugin does not declare and handlers that ask for a stream', async () => {
    await expect(runTask({ ...options('text-to-image'), task: 'fill-mask' })).rejects.toThrow(
      /declares no task 'fill-mask'/,
    );
    const streaming = createFixtureTaskPlugin({
      overrides: {
        tasks: {
          ...plugin.tasks,
          'text-to-image': {
            kind: 'sync',
            mapRequest: () => ({
              method: 'POST',
              path: '/v1/images',
              body: { kind: 'json', value: {} },
              expect: 'sse',
            }),
            mapResponse: () => ({ output: {}, usage: {} }),
          },
        },
      },
    });
    await expect(runTask({ ...options('text-to-image'), plugin: streaming })).rejects.toThrow(
      /does not stream/,
    );
  });
});
