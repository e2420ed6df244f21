// The suite run on a well-behaved plugin with sync (JSON and bytes) and queued tasks: every check must pass.
import { describe, expect, it } from 'vitest';
import { wavDurationMs } from '../media/wav-duration-ms.js';
import { fixtureTaskProfile } from '../simulator/fixture-task-profile.test-helpers.js';
import { PACKAGE_ID_SKIP } from './fixture-plugin.test-helpers.js';
import { createFixtureTaskPlugin, FIXTURE_TASKS } from './fixture-task-plugin.test-helpers.js';
import { runProviderConformance } from './run-provider-conformance.js';

runProviderConformance({
  plugin: createFixtureTaskPlugin(),
  simulatorProfile: fixtureTaskProfile,
  tasks: {
    'text-to-image': {
      ...FIXTURE_TASKS['text-to-image'],
      check: async (output) => {
        const { images } = output as { images: { kind: string; url: string }[] };
        expect(images).toHaveLength(1);
        const png = Buffer.from(await (await fetch(images[0]!.url)).arrayBuffer());
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([48, 32]);
      },
    },
    'text-to-speech': {
      ...FIXTURE_TASKS['text-to-speech'],
      check: (output, calls) => {
        const { audio } = output as { audio: { kind: string; bytes: Uint8Array } };
        expect(audio.kind).toBe('bytes');
        expect(wavDurationMs(audio.bytes)).toBeGreaterThan(0);
        expect(calls.map((call) => call.path)).toEqual(['/v1/speech']);
      },
    },
    'text-to-video': { ...FIXTURE_TASKS['text-to-video'], model: 'lab/video' },
  },
  skip: [PACKAGE_ID_SKIP],
});

// Task checks are skipped by name like the others.
const videoOnly = createFixtureTaskPlugin();
runProviderConformance({
  plugin: createFixtureTaskPlugin({
    overrides: {
      tasks: { 'text-to-video': videoOnly.tasks['text-to-video']! },
      models: videoOnly.models.filter((mapping) => mapping.task === 'text-to-video'),
    },
  }),
  simulatorProfile: fixtureTaskProfile,
  tasks: { 'text-to-video': FIXTURE_TASKS['text-to-video'] },
  skip: [
    PACKAGE_ID_SKIP,
    { test: 'text-to-video: job failure', reason: 'shows that task checks can be skipped' },
  ],
});

describe('runProviderConformance task fixtures', () => {
  const plugin = createFixtureTaskPlugin();
  const base = { plugin, simulatorProfile: fixtureTaskProfile, skip: [PACKAGE_ID_SKIP] };

  it('fails when a declared task has no fixture, naming it', () => {
    const { 'text-to-speech': _left, ...tasks } = FIXTURE_TASKS;
    expect(() => runProviderConformance({ ...base, tasks })).toThrow(
      /media-lab declares 'text-to-speech' without a fixture/,
    );
  });

  it('fails on a fixture for a task the plugin does not declare', () => {
    expect(() =>
      runProviderConformance({
        ...base,
        tasks: { ...FIXTURE_TASKS, 'feature-extraction': { input: { inputs: 'x' } } },
      }),
    ).toThrow(/fixtures for tasks media-lab does not declare: feature-extraction/);
  });

  it('fails on a fixture model the plugin does not map for that task', () => {
    expect(() =>
      runProviderConformance({
        ...base,
        tasks: { ...FIXTURE_TASKS, 'text-to-image': { ...FIXTURE_TASKS['text-to-image'], model: 'lab/tts' } },
      }),
    ).toThrow(/has no 'text-to-image' mapping to 'lab\/tts'/);
  });

  it('refuses to skip a queued-only check of a sync task', () => {
    const skip = [PACKAGE_ID_SKIP, { test: 'text-to-image: job failure', reason: 'testing skip names' }];
    expect(() => runProviderConformance({ ...base, tasks: FIXTURE_TASKS, skip })).toThrow(
      /no check named 'text-to-image: job failure'/,
    );
  });
});
