// The native-route checks fail for plugins that get model checks, operations, usage, pricing, auth or coverage wrong.
import type { NativeRouteV1, ProviderPluginV1 } from '@tollgate/provider-spec';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderSimulator } from '../../simulator/create-provider-simulator.js';
import {
  FIXTURE_TASK_PROFILE_ID,
  fixtureTaskProfile,
} from '../../simulator/fixture-task-profile.test-helpers.js';
import type { ProviderSimulator } from '../../simulator/simulator-types.js';
import {
  createFixtureNativePlugin,
  FIXTURE_NATIVE,
  type FixtureNativeOptions,
} from './fixture-native-plugin.test-helpers.js';
import { nativeChecks, nativeCoverageCheck } from './native-checks.js';
import type { NativeFixture } from './native-fixture.js';

describe('native checks catch broken plugins', () => {
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

  const context = (plugin: ProviderPluginV1, fixture: NativeFixture, fixtures = [fixture]) => ({
    plugin,
    fixture,
    fixtures,
    profileId: FIXTURE_TASK_PROFILE_ID,
    simulator,
    exercised: new Set<NativeRouteV1>(),
  });

  function run(fixture: NativeFixture, suffix: string, plugin: ProviderPluginV1): Promise<void> {
    const check = nativeChecks(fixture).find(
      (candidate) => candidate.name === `native: ${fixture.name}: ${suffix}`,
    );
    if (!check) throw new Error(`no check native: ${fixture.name}: ${suffix}`);
    simulator.resetCalls();
    return Promise.resolve(check.run(context(plugin, fixture)));
  }
  const broken = (options: FixtureNativeOptions) => createFixtureNativePlugin(options);
  const good = createFixtureNativePlugin();

  it('names three checks for a queued fixture and two for one without follow-ups', () => {
    expect(nativeChecks(FIXTURE_NATIVE.video).map((check) => check.name)).toEqual([
      'native: video: round trip',
      'native: video: unmapped model refused',
      'native: video: follow-ups tied to the operation',
    ]);
    expect(nativeChecks({ ...FIXTURE_NATIVE.images, name: undefined }).map((check) => check.name)).toEqual([
      'native: POST /v1/images: round trip',
      'native: POST /v1/images: unmapped model refused',
    ]);
  });

  it('round trip: passes a sync route billed at once and a queued one billed by its result', async () => {
    await expect(run(FIXTURE_NATIVE.images, 'round trip', good)).resolves.toBeUndefined();
    await expect(run(FIXTURE_NATIVE.video, 'round trip', good)).resolves.toBeUndefined();
    const paths = simulator.calls.map((call) => call.path);
    expect(paths[0]).toBe('/queue/lab/video');
    expect(paths.at(-1)).toMatch(/^\/queue\/requests\/[0-9a-f]+$/);
  });

  it('round trip: fails on empty usage, and on usage the rate card cannot price unless billing is estimated', async () => {
    await expect(run(FIXTURE_NATIVE.images, 'round trip', broken({ noUsage: true }))).rejects.toThrow(
      /no answer reported usage: completed work must be metered \(the start reported neither usage nor an operationId\)/,
    );
    await expect(run(FIXTURE_NATIVE.images, 'round trip', broken({ unpricedUsage: true }))).rejects.toThrow(
      /computeMilliseconds \(needs perComputeSecond\)/,
    );
    const estimated = broken({ unpricedUsage: true, task: { overrides: { billing: 'estimated' } } });
    await expect(run(FIXTURE_NATIVE.images, 'round trip', estimated)).resolves.toBeUndefined();
  });

  it('round trip: fails when queued work names no operation, or its follow-ups name another one', async () => {
    await expect(run(FIXTURE_NATIVE.video, 'round trip', broken({ noOperationId: true }))).rejects.toThrow(
      /neither usage nor an operationId/,
    );
    await expect(
      run(FIXTURE_NATIVE.video, 'round trip', broken({ constantOperation: true })),
    ).rejects.toThrow(/Request 'some-other-job' was not started through this gateway/);
  });

  it('round trip: fails when queued work is billed at its submission and again at its result', async () => {
    await expect(run(FIXTURE_NATIVE.video, 'round trip', broken({ billsSubmission: true }))).rejects.toThrow(
      /billed by 2 answers \(POST \/queue\/lab\/video, GET \/queue\/requests\/[0-9a-f]+\): queued work is billed once/,
    );
  });

  it('round trip: fails when queued work has no follow-ups to finish it', async () => {
    const { followUps: _none, ...withoutFollowUps } = FIXTURE_NATIVE.video;
    await expect(run(withoutFollowUps, 'round trip', good)).rejects.toThrow(
      /give the fixture followUps to finish it/,
    );
  });

  it("round trip: fails when the client's credential goes upstream, or the plugin's auth is not the provider's", async () => {
    await expect(
      run(FIXTURE_NATIVE.images, 'round trip', broken({ forwardsAllHeaders: true })),
    ).rejects.toThrow(/carried the client's own credential upstream/);
    const bearer = broken({
      task: {
        overrides: {
          settings: {
            apiKeyEnvVars: ['MEDIA_LAB_KEY'],
            apiKeyRequired: true,
            baseUrl: 'https://x.example',
            auth: { kind: 'bearer' },
          },
        },
      },
    });
    await expect(run(FIXTURE_NATIVE.images, 'round trip', bearer)).rejects.toThrow(/401/);
  });

  it('round trip: fails when a start matches a follow-up route, and when the fixture check fails', async () => {
    const statusFirst: NativeFixture = {
      name: 'status',
      method: 'GET',
      path: '/queue/requests/x/status',
      body: { kind: 'none' },
    };
    await expect(run(statusFirst, 'round trip', good)).rejects.toThrow(
      /was not started through this gateway/,
    );
    const checked: NativeFixture = {
      ...FIXTURE_NATIVE.images,
      check: (answers) => {
        expect(answers).toHaveLength(1);
        throw new Error('fixture check says no');
      },
    };
    await expect(run(checked, 'round trip', good)).rejects.toThrow('fixture check says no');
  });

  it('round trip: a fixture that is not billed fails when an answer reports usage', async () => {
    const unbilled: NativeFixture = { ...FIXTURE_NATIVE.video, billed: false };
    await expect(run(unbilled, 'round trip', good)).rejects.toThrow(
      /not billed, but these answers reported usage/,
    );
    const statusOnly: NativeFixture = {
      ...unbilled,
      followUps: (id) => [{ method: 'GET', path: `/queue/requests/${id}/status` }],
    };
    await expect(run(statusOnly, 'round trip', good)).resolves.toBeUndefined();
  });

  it("round trip: runs a fixture's jobs at its latency, then puts the simulator's back", async () => {
    const slow: NativeFixture = { ...FIXTURE_NATIVE.video, latency: { firstTokenMs: 1000 } };
    const started = Date.now();
    await run(slow, 'round trip', good);
    expect(Date.now() - started).toBeGreaterThanOrEqual(1000);
    const again = Date.now();
    await run(FIXTURE_NATIVE.video, 'round trip', good);
    expect(Date.now() - again).toBeLessThan(1000);
  });

  it('unmapped model refused: passes when modelOf reads the request, fails when it answers a constant', async () => {
    await expect(run(FIXTURE_NATIVE.images, 'unmapped model refused', good)).resolves.toBeUndefined();
    await expect(run(FIXTURE_NATIVE.video, 'unmapped model refused', good)).resolves.toBeUndefined();
    expect(simulator.calls).toEqual([]);
    await expect(
      run(FIXTURE_NATIVE.video, 'unmapped model refused', broken({ constantModel: true })),
    ).rejects.toThrow(/modelOf must read the model from the request/);
  });

  it('follow-ups tied to the operation: fails without an operation id, passes when follow-ups name it', async () => {
    await expect(
      run(FIXTURE_NATIVE.video, 'follow-ups tied to the operation', good),
    ).resolves.toBeUndefined();
    await expect(
      run(FIXTURE_NATIVE.video, 'follow-ups tied to the operation', broken({ noOperationId: true })),
    ).rejects.toThrow(/must return the operationId its follow-ups name/);
    const untied: NativeFixture = {
      ...FIXTURE_NATIVE.video,
      followUps: () => [{ method: 'GET', path: '/queue/requests/latest/status' }],
    };
    await expect(run(untied, 'follow-ups tied to the operation', good)).rejects.toThrow(
      /does not name operation/,
    );
  });

  it('every route is exercised: fails when no follow-up reads the result route', async () => {
    const statusOnly: NativeFixture = {
      ...FIXTURE_NATIVE.video,
      followUps: (id) => [
        {
          method: 'GET',
          path: `/queue/requests/${id}/status`,
          until: (response) => (response.body as { status: string }).status === 'COMPLETED',
        },
      ],
    };
    const plugin = createFixtureNativePlugin({ statusReportsUsage: true });
    const fixtures = [FIXTURE_NATIVE.images, statusOnly];
    await expect(
      Promise.resolve(nativeCoverageCheck.run(context(plugin, fixtures[0]!, fixtures))),
    ).rejects.toThrow(/native routes no fixture exercised: GET \/queue\/requests\/:id \(follow-up\)/);
    const all = [FIXTURE_NATIVE.images, FIXTURE_NATIVE.video];
    await expect(
      Promise.resolve(nativeCoverageCheck.run(context(good, all[0]!, all))),
    ).resolves.toBeUndefined();
  });

  it('every route is exercised: leaves out a start route for a task no live model is mapped for', async () => {
    const stagingFor = (task: string) =>
      createFixtureNativePlugin({
        task: {
          overrides: {
            models: good.models.map((mapping) =>
              mapping.task === task ? { ...mapping, status: 'staging' as const } : mapping,
            ),
          },
        },
      });
    const all = [FIXTURE_NATIVE.images, FIXTURE_NATIVE.video];
    // Every request to the images route is refused as unmapped; the other routes are still exercised.
    await expect(
      Promise.resolve(nativeCoverageCheck.run(context(stagingFor('text-to-image'), all[0]!, all))),
    ).resolves.toBeUndefined();
    // Follow-ups are not left out: only a start's model is checked against the mapping.
    await expect(
      Promise.resolve(nativeCoverageCheck.run(context(stagingFor('text-to-video'), all[0]!, all))),
    ).rejects.toThrow(
      /native routes no fixture exercised: GET \/queue\/requests\/:id\/status \(follow-up\), GET \/queue\/requests\/:id \(follow-up\): expected/,
    );
  });
});
