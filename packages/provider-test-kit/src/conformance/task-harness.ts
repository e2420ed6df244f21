/** What the per-task conformance checks share: the context one check runs in, and the round trip it makes. */
import type { ModelMappingV1, ProviderPluginV1, TaskHandlerV1 } from '@tollgate/provider-spec';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import { type RunTaskResult, runTask } from './run-task.js';
import type { TaskFixture } from './task-fixture.js';

export interface TaskContext {
  readonly plugin: ProviderPluginV1;
  readonly task: string;
  readonly handler: TaskHandlerV1;
  readonly fixture: TaskFixture;
  readonly mapping: ModelMappingV1;
  readonly profileId: string;
  readonly simulator: ProviderSimulator;
}

/** Long enough for a simulated job with the default latency, short enough to fail well inside a test's timeout. */
const CONFORMANCE_DEADLINE_MS = 5_000;

/**
 * Runs the fixture's input through the kit's host against the simulator.
 *
 * @example
 * const { output, usage, polls } = await runFixture(context);
 */
export function runFixture(context: TaskContext): Promise<RunTaskResult> {
  const { plugin, task, fixture, mapping, simulator, profileId } = context;
  return runTask({
    plugin,
    task,
    input: fixture.input,
    providerModelId: mapping.providerModelId,
    hfModelId: mapping.hfModelId,
    baseUrl: simulator.baseUrlFor(profileId),
    apiKey: simulator.apiKeyFor(profileId),
    pollIntervalMs: 20,
    deadlineMs: CONFORMANCE_DEADLINE_MS,
  });
}

/** The error `promise` rejects with; throws when it resolves. */
export async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the call to fail, but it succeeded');
}
