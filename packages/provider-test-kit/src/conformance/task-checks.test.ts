// The task checks fail for plugins that get usage, pricing, auth, errors, polling or job failure wrong.
import type { ProviderPluginV1 } from '@tollgate/provider-spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import {
  FIXTURE_TASK_PROFILE_ID,
  fixtureTaskProfile,
} from '../simulator/fixture-task-profile.test-helpers.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import {
  createFixtureTaskPlugin,
  FIXTURE_TASKS,
  type FixtureTaskPluginOptions,
} from './fixture-task-plugin.test-helpers.js';
import { taskChecks } from './task-checks.js';
import type { TaskFixture } from './task-fixture.js';

type Task = keyof typeof FIXTURE_TASKS;

describe('task checks catch broken plugins', () => {
  let simulator: ProviderSimulator;
  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: [FIXTURE_TASK_PROFILE_ID],
      profiles: [fixtureTaskProfile],
    });
  });
  beforeEach(() => {
    simulator.clearFaults();
    simulator.resetCalls();
  });
  afterAll(() => simulator.close());

  function run(
    task: Task,
    suffix: string,
    plugin: ProviderPluginV1,
    fixture: TaskFixture = FIXTURE_TASKS[task],
  ): Promise<void> {
    const handler = plugin.tasks[task]!;
    const check = taskChecks(task, handler.kind).find((candidate) => candidate.name === `${task}: ${suffix}`);
    if (!check) throw new Error(`no check ${task}: ${suffix}`);
    simulator.clearFaults();
    simulator.resetCalls();
    const mapping = plugin.models.find((candidate) => candidate.task === task)!;
    return Promise.resolve(
      check.run({ plugin, task, handler, fixture, mapping, profileId: FIXTURE_TASK_PROFILE_ID, simulator }),
    );
  }
  const broken = (options: FixtureTaskPluginOptions) => createFixtureTaskPlugin(options);

  it('names four checks for queued tasks and two for sync ones', () => {
    expect(taskChecks('text-to-video', 'queued').map((check) => check.name)).toEqual([
      'text-to-video: round trip',
      'text-to-video: upstream error',
      'text-to-video: polls until done',
      'text-to-video: job failure',
    ]);
    expect(taskChecks('text-to-image', 'sync')).toHaveLength(2);
  });

  it('round trip: fails on empty usage', async () => {
    await expect(run('text-to-image', 'round trip', createFixtureTaskPlugin())).resolves.toBeUndefined();
    await expect(run('text-to-image', 'round trip', broken({ emptyUsage: true }))).rejects.toThrow(
      /usage is empty/,
    );
  });

  it('round trip: fails on usage the rate card cannot price, unless billing is estimated', async () => {
    await expect(run('text-to-image', 'round trip', broken({ unpricedUsage: true }))).rejects.toThrow(
      /computeMilliseconds \(needs perComputeSecond\)/,
    );
    const estimated = broken({ unpricedUsage: true, overrides: { billing: 'estimated' } });
    await expect(run('text-to-image', 'round trip', estimated)).resolves.toBeUndefined();
  });

  it("round trip: fails when the plugin's auth scheme is not the provider's", async () => {
    const bearer = broken({
      overrides: {
        settings: {
          apiKeyEnvVars: ['MEDIA_LAB_KEY'],
          apiKeyRequired: true,
          baseUrl: 'https://x.example',
          auth: { kind: 'bearer' },
        },
      },
    });
    await expect(run('text-to-image', 'round trip', bearer)).rejects.toThrow(/401/);
  });

  it("round trip: fails when the fixture's check fails, and passes it the output", async () => {
    let seen: unknown;
    const fixture: TaskFixture = {
      ...FIXTURE_TASKS['text-to-speech'],
      check: (output) => {
        seen = output;
        throw new Error('fixture check says no');
      },
    };
    await expect(run('text-to-speech', 'round trip', createFixtureTaskPlugin(), fixture)).rejects.toThrow(
      'fixture check says no',
    );
    expect((seen as { audio: { kind: string } }).audio.kind).toBe('bytes');
  });

  it('upstream error: fails when the error is not an UpstreamApiError from the provider', async () => {
    await expect(run('text-to-image', 'upstream error', createFixtureTaskPlugin())).resolves.toBeUndefined();
    await expect(run('text-to-video', 'upstream error', createFixtureTaskPlugin())).resolves.toBeUndefined();
    await expect(run('text-to-image', 'upstream error', broken({ throwInMapRequest: true }))).rejects.toThrow(
      /expected an UpstreamApiError/,
    );
  });

  it('polls until done: fails for a handler that never polls', async () => {
    await expect(
      run('text-to-video', 'polls until done', createFixtureTaskPlugin()),
    ).resolves.toBeUndefined();
    await expect(run('text-to-video', 'polls until done', broken({ skipsPolling: true }))).rejects.toThrow(
      /poll its status/,
    );
  });

  it('job failure: fails when a failed job is taken for a result, or waited on until the deadline', async () => {
    await expect(run('text-to-video', 'job failure', createFixtureTaskPlugin())).resolves.toBeUndefined();
    await expect(run('text-to-video', 'job failure', broken({ ignoresFailure: true }))).rejects.toThrow(
      /succeeded/,
    );
    await expect(run('text-to-video', 'job failure', broken({ neverFinishes: true }))).rejects.toThrow(
      /not waited for/,
    );
  }, 15_000);
});
