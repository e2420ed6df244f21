/** The conformance suite every provider plugin runs from its own tests. */
import type {
  ModelMappingV1,
  NativeRouteV1,
  ProviderPluginV1,
  SyncTaskHandlerV1,
  TaskHandlerV1,
} from '@tollgate/provider-spec';
import { afterAll, beforeAll, beforeEach, describe, it } from 'vitest';
import type { ProviderProfile } from '../profiles/provider-profile.js';
import { findProviderProfile } from '../profiles/provider-profiles.js';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';
import type { ConformanceCheck, ConformanceSkip } from './conformance-check.js';
import { CONVERSATIONAL_FAILURE_CHECKS } from './conversational-failure-checks.js';
import type { ChatInput, ConversationalContext } from './conversational-harness.js';
import { CONVERSATIONAL_ROUND_TRIP_CHECKS } from './conversational-round-trip-checks.js';
import { MANIFEST_CHECKS } from './manifest-checks.js';
import { deriveNativeFixtures, type TaskRequestSource } from './native/derive-native-fixtures.js';
import { NATIVE_COVERAGE_CHECK, nativeCoverageCheck } from './native/native-checks.js';
import type { NativeFixture } from './native/native-fixture.js';
import type { NativeContext } from './native/native-harness.js';
import { type NativeSetup, nativeSetups } from './native/native-setups.js';
import { taskChecks } from './task-checks.js';
import type { TaskFixture } from './task-fixture.js';
import type { TaskContext } from './task-harness.js';

export interface ProviderConformanceOptions {
  readonly plugin: ProviderPluginV1;
  /** The simulator profile that speaks this provider's API: a kit profile's id, or a profile; default `plugin.id`. */
  readonly simulatorProfile?: string | ProviderProfile;
  /** The provider model id to exercise for `conversational`; default the first live `conversational` mapping. */
  readonly model?: string;
  /**
   * One fixture for every task the plugin declares besides `conversational` (required: a declared task without
   * one fails the suite), keyed by task id.
   */
  readonly tasks?: Readonly<Record<string, TaskFixture>>;
  /**
   * Client requests for the plugin's native routes. Every `start` route needs one, and the fixtures' follow-ups
   * must reach every follow-up route; a start route that a synchronous task's own upstream request reaches (an
   * OpenAI-style chat, completions or embeddings route) gets a fixture derived from that request when none is given.
   */
  readonly native?: readonly NativeFixture[];
  /** Checks this plugin cannot pass, each with the reason why. */
  readonly skip?: readonly ConformanceSkip[];
}

/**
 * The names of the checks every plugin gets (manifest and conversational), for `skip`; task checks are named
 * `<task>: <check>`, native-route checks `native: <fixture>: <check>` and `native: every route is exercised`.
 */
export const PROVIDER_CONFORMANCE_CHECKS: readonly string[] = [
  ...MANIFEST_CHECKS,
  ...CONVERSATIONAL_ROUND_TRIP_CHECKS,
  ...CONVERSATIONAL_FAILURE_CHECKS,
].map((check) => check.name);

function skipReasons(
  skip: readonly ConformanceSkip[],
  taskCheckNames: readonly string[],
): Map<string, string> {
  const reasons = new Map<string, string>();
  const known = [...PROVIDER_CONFORMANCE_CHECKS, ...taskCheckNames];
  for (const { test, reason } of skip) {
    if (!known.includes(test)) {
      throw new Error(
        `runProviderConformance: no check named '${test}'. Checks are:\n  ${known.join('\n  ')}`,
      );
    }
    if (typeof reason !== 'string' || reason.trim() === '')
      throw new Error(`runProviderConformance: skipping '${test}' needs a reason`);
    reasons.set(test, reason);
  }
  return reasons;
}

function declareChecks<Context>(
  checks: readonly ConformanceCheck<Context>[],
  context: () => Context,
  skips: Map<string, string>,
): void {
  for (const check of checks) {
    const skipped = skips.get(check.name);
    if (skipped !== undefined) {
      it.skip(`${check.name} (skipped: ${skipped})`, () => {});
      continue;
    }
    it(check.name, async (test) => {
      const notApplicable = check.notApplicable?.(context());
      if (notApplicable !== undefined) {
        test.skip(`not applicable: ${notApplicable}`);
        return;
      }
      await check.run(context());
    });
  }
}

function mappingUnderTest(plugin: ProviderPluginV1, model: string | undefined): ModelMappingV1 {
  const chat = plugin.models.filter((mapping) => mapping.task === 'conversational');
  const mapping =
    model !== undefined
      ? chat.find((candidate) => candidate.providerModelId === model)
      : (chat.find((candidate) => candidate.status === 'live') ?? chat[0]);
  if (!mapping) {
    const wanted =
      model !== undefined ? `conversational mapping to '${model}'` : 'conversational model mapping';
    throw new Error(`runProviderConformance: ${plugin.id} has no ${wanted} to test with`);
  }
  return mapping;
}

/** The profile the simulator speaks for this plugin; throws when the kit has none by that id. */
function simulatorProfileFor(plugin: ProviderPluginV1, options: ProviderConformanceOptions): ProviderProfile {
  const requested = options.simulatorProfile ?? plugin.id;
  if (typeof requested !== 'string') return requested;
  const profile = findProviderProfile(requested);
  if (!profile) {
    throw new Error(
      `runProviderConformance: the simulator has no profile '${requested}'; pass simulatorProfile`,
    );
  }
  return profile;
}

/** A fresh simulator per block, serving the plugin's profile and every model it maps, reset before each check. */
function useSimulator(plugin: ProviderPluginV1, profile: ProviderProfile): () => ProviderSimulator {
  let simulator: ProviderSimulator | undefined;
  beforeAll(async () => {
    simulator = await createProviderSimulator({
      providers: [profile.id],
      profiles: [profile],
      models: { [profile.id]: plugin.models.map((candidate) => candidate.providerModelId) },
      ...(plugin.settings.auth.kind === 'none' ? { apiKeys: { [profile.id]: '' } } : {}),
    });
  });
  beforeEach(() => {
    simulator?.clearFaults();
    simulator?.resetCalls();
  });
  afterAll(() => simulator?.close());
  return () => {
    if (!simulator) throw new Error('the simulator did not start');
    return simulator;
  };
}

interface ConversationalSetup {
  readonly profile: ProviderProfile;
  readonly handler: SyncTaskHandlerV1<ChatInput, unknown>;
  readonly mapping: ModelMappingV1;
}

/** Checked before any block is declared, so a misconfigured suite fails at once with a clear message. */
function conversationalSetup(
  plugin: ProviderPluginV1,
  options: ProviderConformanceOptions,
): ConversationalSetup | undefined {
  if (plugin.tasks.conversational?.kind !== 'sync') return undefined;
  const profile = simulatorProfileFor(plugin, options);
  const handler = plugin.tasks.conversational as SyncTaskHandlerV1<ChatInput, unknown>;
  return { profile, handler, mapping: mappingUnderTest(plugin, options.model) };
}

function declareConversational(
  plugin: ProviderPluginV1,
  { profile, handler, mapping }: ConversationalSetup,
  skips: Map<string, string>,
): void {
  describe(`conversational against the '${profile.id}' simulator (${mapping.providerModelId})`, () => {
    const simulator = useSimulator(plugin, profile);
    const context = (): ConversationalContext => ({
      plugin,
      handler,
      mapping,
      profileId: profile.id,
      simulator: simulator(),
    });
    declareChecks([...CONVERSATIONAL_ROUND_TRIP_CHECKS, ...CONVERSATIONAL_FAILURE_CHECKS], context, skips);
  });
}

interface TaskSetup {
  readonly task: string;
  readonly handler: TaskHandlerV1;
  readonly fixture: TaskFixture;
  readonly mapping: ModelMappingV1;
  readonly checks: readonly ConformanceCheck<TaskContext>[];
}

function taskMapping(plugin: ProviderPluginV1, task: string, model: string | undefined): ModelMappingV1 {
  const mappings = plugin.models.filter((mapping) => mapping.task === task);
  const mapping =
    model !== undefined
      ? mappings.find((candidate) => candidate.providerModelId === model)
      : (mappings.find((candidate) => candidate.status === 'live') ?? mappings[0]);
  if (!mapping) {
    const wanted = model !== undefined ? `'${task}' mapping to '${model}'` : `'${task}' model mapping`;
    throw new Error(`runProviderConformance: ${plugin.id} has no ${wanted} to test with`);
  }
  return mapping;
}

/**
 * Every declared task besides `conversational` with its fixture and checks. Throws when a declared task has no
 * fixture or a fixture names a task the plugin does not declare: every declared task has a handler, a fixture
 * and a rate.
 */
function taskSetups(plugin: ProviderPluginV1, options: ProviderConformanceOptions): TaskSetup[] {
  const fixtures = options.tasks ?? {};
  const declared = Object.keys(plugin.tasks).filter((task) => task !== 'conversational');
  const undeclared = Object.keys(fixtures).filter((task) => !declared.includes(task));
  if (undeclared.length > 0) {
    throw new Error(
      `runProviderConformance: fixtures for tasks ${plugin.id} does not declare: ${undeclared.join(', ')} (it declares: ${Object.keys(plugin.tasks).join(', ')})`,
    );
  }
  const missing = declared.filter((task) => fixtures[task] === undefined);
  if (missing.length > 0) {
    throw new Error(
      `runProviderConformance: ${plugin.id} declares ${missing.map((task) => `'${task}'`).join(', ')} without a fixture; pass tasks: { '${missing[0]}': { input: ... } }`,
    );
  }
  return declared.map((task) => {
    const handler = plugin.tasks[task]!;
    const fixture = fixtures[task]!;
    return {
      task,
      handler,
      fixture,
      mapping: taskMapping(plugin, task, fixture.model),
      checks: taskChecks(task, handler.kind),
    };
  });
}

function declareTask(
  plugin: ProviderPluginV1,
  profile: ProviderProfile,
  setup: TaskSetup,
  skips: Map<string, string>,
): void {
  const { task, handler, fixture, mapping } = setup;
  describe(`${task} against the '${profile.id}' simulator (${mapping.providerModelId})`, () => {
    const simulator = useSimulator(plugin, profile);
    const context = (): TaskContext => ({
      plugin,
      task,
      handler,
      fixture,
      mapping,
      profileId: profile.id,
      simulator: simulator(),
    });
    declareChecks(setup.checks, context, skips);
  });
}

/** What the derived chat fixture asks: a short, plain completion. */
const NATIVE_CHAT_INPUT = {
  messages: [{ role: 'user', content: 'Say hello through the native route.' }],
  max_tokens: 16,
};

/** The explicit native fixtures, and those derived from the synchronous tasks' own requests for routes they leave. */
function nativeFixtures(
  plugin: ProviderPluginV1,
  options: ProviderConformanceOptions,
  conversational: ConversationalSetup | undefined,
  tasks: readonly TaskSetup[],
): NativeFixture[] {
  const explicit = options.native ?? [];
  if ((plugin.nativeRoutes ?? []).length === 0) return [...explicit];
  const sources: TaskRequestSource[] = [
    ...(conversational
      ? [{ task: 'conversational', input: NATIVE_CHAT_INPUT, mapping: conversational.mapping }]
      : []),
    ...tasks.map((setup) => ({ task: setup.task, input: setup.fixture.input, mapping: setup.mapping })),
  ];
  return [...explicit, ...deriveNativeFixtures(plugin, sources, explicit)];
}

function declareNative(
  plugin: ProviderPluginV1,
  profile: ProviderProfile,
  setups: readonly NativeSetup[],
  skips: Map<string, string>,
): void {
  describe(`native routes against the '${profile.id}' simulator`, () => {
    const simulator = useSimulator(plugin, profile);
    const exercised = new Set<NativeRouteV1>();
    const fixtures = setups.map((setup) => setup.fixture);
    const context = (fixture: NativeFixture) => (): NativeContext => ({
      plugin,
      fixture,
      fixtures,
      profileId: profile.id,
      simulator: simulator(),
      exercised,
    });
    for (const setup of setups) declareChecks(setup.checks, context(setup.fixture), skips);
    declareChecks([nativeCoverageCheck], context(fixtures[0]!), skips);
  });
}

/**
 * Declares the conformance suite for `plugin` as vitest `describe`/`it` blocks: manifest checks always; when the
 * plugin serves `conversational` synchronously, round trips and failure mapping; and for every other declared
 * task (each needs a fixture in `tasks`), a round trip through the kit's host with its auth and usage checked
 * against the rate card, error mapping and, for queued handlers, polling and job failure. Each block runs
 * against a fresh simulator with the plugin's base URL pointed at it. Native routes are run from the `native`
 * fixtures through the kit's native host (`runNativeRoute`): auth, metering and pricing, the refusal of an unmapped
 * model, follow-ups tied to the operation their start named, and every route exercised. Call it at the top level of a test file in
 * the plugin's package (the package's `tollgate.id` is read from `process.cwd()`).
 *
 * @example
 * // plugins/provider-fal-ai/src/fal-ai-plugin.conformance.test.ts
 * import { runProviderConformance } from '@tollgate/provider-test-kit';
 * import falAi from './index.js';
 *
 * runProviderConformance({
 *   plugin: falAi,
 *   tasks: { 'text-to-image': { input: { inputs: 'A lighthouse at dawn' }, model: 'fal-ai/flux/dev' } },
 * });
 */
export function runProviderConformance(options: ProviderConformanceOptions): void {
  const { plugin } = options;
  const tasks = taskSetups(plugin, options);
  const conversational = conversationalSetup(plugin, options);
  const native = nativeSetups(plugin, nativeFixtures(plugin, options, conversational, tasks));
  const skips = skipReasons(options.skip ?? [], [
    ...tasks.flatMap((setup) => setup.checks.map((check) => check.name)),
    ...native.flatMap((setup) => setup.checks.map((check) => check.name)),
    ...(native.length > 0 ? [NATIVE_COVERAGE_CHECK] : []),
  ]);
  const profile = tasks.length > 0 || native.length > 0 ? simulatorProfileFor(plugin, options) : undefined;
  describe(`provider conformance: ${plugin.id}`, () => {
    describe('manifest', () => declareChecks(MANIFEST_CHECKS, () => plugin, skips));
    if (conversational) declareConversational(plugin, conversational, skips);
    for (const setup of tasks) declareTask(plugin, profile!, setup, skips);
    if (native.length > 0) declareNative(plugin, profile!, native, skips);
  });
}
