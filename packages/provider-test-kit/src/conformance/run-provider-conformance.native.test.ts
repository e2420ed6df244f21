// The suite run on a plugin with native routes (sync, derived from its task, and queued): every check must pass; and the suite refuses
// to run when a native route has no fixture or a fixture fits no route.
import { describe, expect, it } from 'vitest';
import { fixtureTaskProfile } from '../simulator/fixture-task-profile.test-helpers.js';
import { PACKAGE_ID_SKIP } from './fixture-plugin.test-helpers.js';
import { createFixtureTaskPlugin, FIXTURE_TASKS } from './fixture-task-plugin.test-helpers.js';
import { createFixtureNativePlugin, FIXTURE_NATIVE } from './native/fixture-native-plugin.test-helpers.js';
import { runProviderConformance } from './run-provider-conformance.js';

runProviderConformance({
  plugin: createFixtureNativePlugin(),
  simulatorProfile: fixtureTaskProfile,
  tasks: FIXTURE_TASKS,
  // The images route gets its fixture from the text-to-image task's own request.
  native: [
    {
      ...FIXTURE_NATIVE.video,
      check: (answers, calls) => {
        expect(answers[0]?.operationId).toBeDefined();
        expect(answers.at(-1)?.usage).toEqual({ videoMilliseconds: 2000 });
        expect(calls.filter((call) => call.method === 'POST')).toHaveLength(1);
      },
    },
  ],
  skip: [
    PACKAGE_ID_SKIP,
    {
      test: "native: text-to-image (from the task's request): unmapped model refused",
      reason: 'shows that native checks can be skipped',
    },
  ],
});

describe('runProviderConformance native fixtures', () => {
  const plugin = createFixtureNativePlugin();
  const base = {
    plugin,
    simulatorProfile: fixtureTaskProfile,
    tasks: FIXTURE_TASKS,
    skip: [PACKAGE_ID_SKIP],
  };

  it('fails when a start route has no fixture, naming it', () => {
    expect(() => runProviderConformance({ ...base, native: [FIXTURE_NATIVE.images] })).toThrow(
      /media-lab declares native route POST \/queue\/\* without a fixture; pass native: \[\{ method: 'POST', path: '\/queue\/\*'/,
    );
    // A task handler that refuses its input derives nothing, so both start routes lack a fixture.
    const refusing = createFixtureNativePlugin({ task: { throwInMapRequest: true } });
    expect(() => runProviderConformance({ ...base, plugin: refusing })).toThrow(
      /declares native routes POST \/v1\/images, POST \/queue\/\* without a fixture/,
    );
  });

  it('fails when follow-up routes exist but no fixture follows work up', () => {
    const { followUps: _none, ...video } = FIXTURE_NATIVE.video;
    expect(() => runProviderConformance({ ...base, native: [FIXTURE_NATIVE.images, video] })).toThrow(
      /declares follow-up routes \(GET \/queue\/requests\/:id\/status, GET \/queue\/requests\/:id\) but no native fixture has followUps/,
    );
  });

  it('fails on a fixture that fits no route, or starts with a follow-up route', () => {
    const native = [FIXTURE_NATIVE.images, FIXTURE_NATIVE.video];
    expect(() =>
      runProviderConformance({
        ...base,
        native: [...native, { method: 'POST', path: '/v2/other', body: { kind: 'none' } }],
      }),
    ).toThrow(/the native fixture 'POST \/v2\/other' matches no native route of media-lab/);
    expect(() =>
      runProviderConformance({
        ...base,
        native: [...native, { method: 'GET', path: '/queue/requests/x', body: { kind: 'none' } }],
      }),
    ).toThrow(/starts with GET \/queue\/requests\/:id, a follow-up route/);
  });

  it('fails on native fixtures for a plugin without native routes, and on two fixtures with one name', () => {
    expect(() =>
      runProviderConformance({ ...base, plugin: createFixtureTaskPlugin(), native: [FIXTURE_NATIVE.images] }),
    ).toThrow(/native fixtures were given, but media-lab declares no nativeRoutes/);
    expect(() =>
      runProviderConformance({
        ...base,
        native: [FIXTURE_NATIVE.images, FIXTURE_NATIVE.video, FIXTURE_NATIVE.images],
      }),
    ).toThrow(/two native fixtures are named 'images'/);
  });

  it('knows the native check names for skip', () => {
    const skip = [PACKAGE_ID_SKIP, { test: 'native: images: follow-ups tied to the operation', reason: 'x' }];
    expect(() =>
      runProviderConformance({ ...base, native: [FIXTURE_NATIVE.images, FIXTURE_NATIVE.video], skip }),
    ).toThrow(/no check named 'native: images: follow-ups tied to the operation'/);
  });
});
