import { describe, expect, it } from 'vitest';
import { createFixtureTaskPlugin, FIXTURE_TASKS } from '../fixture-task-plugin.test-helpers.js';
import { deriveNativeFixtures } from './derive-native-fixtures.js';
import { createFixtureNativePlugin, FIXTURE_NATIVE } from './fixture-native-plugin.test-helpers.js';

const plugin = createFixtureNativePlugin();
const mapping = (task: string) => plugin.models.find((candidate) => candidate.task === task)!;
const sources = (['text-to-image', 'text-to-speech', 'text-to-video'] as const).map((task) => ({
  task,
  input: FIXTURE_TASKS[task].input,
  mapping: mapping(task),
}));

describe('deriveNativeFixtures', () => {
  it("makes a fixture of a synchronous task's request for the start route it reaches", () => {
    expect(deriveNativeFixtures(plugin, sources, [])).toEqual([
      {
        name: "text-to-image (from the task's request)",
        method: 'POST',
        path: '/v1/images',
        body: {
          kind: 'json',
          value: { model: 'lab/flux', prompt: 'A lighthouse at dawn', width: 48, height: 32 },
        },
      },
    ]);
  });

  it('leaves routes an explicit fixture covers, queued tasks, and handlers that refuse the input', () => {
    expect(deriveNativeFixtures(plugin, sources, [FIXTURE_NATIVE.images])).toEqual([]);
    const refusing = createFixtureNativePlugin({ task: { throwInMapRequest: true } });
    expect(deriveNativeFixtures(refusing, sources, [])).toEqual([]);
    expect(deriveNativeFixtures(createFixtureTaskPlugin(), sources, [])).toEqual([]);
  });
});
