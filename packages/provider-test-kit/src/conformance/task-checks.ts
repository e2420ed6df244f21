/**
 * Conformance checks for every task a plugin declares besides chat: a round trip through the kit's host, error
 * mapping, and, for queued handlers, polling and job failure.
 */
import { UpstreamApiError } from '@tollgate/provider-spec';
import { buildAuthHeaders } from '@tollgate/provider-utils';
import { expect } from 'vitest';
import type { ConformanceCheck } from './conformance-check.js';
import { rejectionOf, runFixture, type TaskContext } from './task-harness.js';
import { reportedUnits, unpricedUsageUnits } from './unpriced-usage-units.js';

/** The check names' suffixes, after `<task>: `; the last two apply to queued handlers only. */
export const TASK_CHECK_SUFFIXES = [
  'round trip',
  'upstream error',
  'polls until done',
  'job failure',
] as const;

const JOB_FAILURE_MESSAGE = 'conformance: the simulated job failed';

function expectUpstreamApiError(error: unknown): UpstreamApiError {
  expect(UpstreamApiError.isInstance(error), `expected an UpstreamApiError, got ${String(error)}`).toBe(true);
  return error as UpstreamApiError;
}

function providerCalls(context: TaskContext) {
  return context.simulator.calls.filter((call) => call.providerId === context.profileId);
}

const roundTrip = (task: string): ConformanceCheck<TaskContext> => ({
  name: `${task}: round trip`,
  run: async (context) => {
    const { plugin, fixture, mapping } = context;
    const result = await runFixture(context);
    expect(result.output, 'the task produced no output').toBeDefined();
    const calls = providerCalls(context);
    expect(calls.length, 'the plugin sent nothing to the provider').toBeGreaterThan(0);
    const expectedAuth = buildAuthHeaders(
      plugin.settings.auth,
      context.simulator.apiKeyFor(context.profileId),
    );
    for (const call of calls) {
      for (const [header, value] of Object.entries(expectedAuth)) {
        expect(
          call.headers[header],
          `${call.method} ${call.path} lacks the ${header} header of the plugin's auth`,
        ).toBe(value);
      }
    }
    await fixture.check?.(result.output, context.simulator.calls);
    expect(reportedUnits(result.usage), 'the usage is empty: report what the provider meters').not.toEqual(
      [],
    );
    if (plugin.billing === 'estimated') return;
    const { table } = plugin.rates;
    const card = table.models[mapping.providerModelId] ?? table.fallback;
    expect(card, `no rate card for ${mapping.providerModelId}`).toBeDefined();
    const unpriced = unpricedUsageUnits(card!, result.usage);
    expect(
      unpriced,
      `usage the rate card of ${mapping.providerModelId} cannot price: ${unpriced.join(', ')}`,
    ).toEqual([]);
  },
});

const upstreamError = (task: string): ConformanceCheck<TaskContext> => ({
  name: `${task}: upstream error`,
  run: async (context) => {
    context.simulator.injectFault(context.profileId, { kind: 'status', status: 500, times: 1 });
    const error = expectUpstreamApiError(await rejectionOf(runFixture(context)));
    expect(error.upstreamStatus).toBe(500);
    expect(error.isRetryable).toBe(true);
  },
});

const pollsUntilDone = (task: string): ConformanceCheck<TaskContext> => ({
  name: `${task}: polls until done`,
  run: async (context) => {
    const result = await runFixture(context);
    expect(result.polls, 'the handler must hand back an operation and poll its status').toBeGreaterThan(0);
    expect(providerCalls(context).length).toBeGreaterThan(1);
  },
});

const jobFailure = (task: string): ConformanceCheck<TaskContext> => ({
  name: `${task}: job failure`,
  run: async (context) => {
    context.simulator.injectFault(context.profileId, {
      kind: 'job-failure',
      message: JOB_FAILURE_MESSAGE,
      times: 1,
    });
    const error = expectUpstreamApiError(await rejectionOf(runFixture(context)));
    expect(error.reason, `a failed job must be reported as failed, not waited for: ${error.message}`).toBe(
      'http',
    );
    expect(error.isRetryable, 'a failed job is not retried').toBe(false);
  },
});

/**
 * The checks for one task, named `<task>: <check>`.
 *
 * @example
 * taskChecks('text-to-image', 'queued').map((check) => check.name);
 * // ['text-to-image: round trip', 'text-to-image: upstream error', 'text-to-image: polls until done', 'text-to-image: job failure']
 */
export function taskChecks(task: string, kind: 'sync' | 'queued'): ConformanceCheck<TaskContext>[] {
  const common = [roundTrip(task), upstreamError(task)];
  return kind === 'queued' ? [...common, pollsUntilDone(task), jobFailure(task)] : common;
}
