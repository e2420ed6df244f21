// Every figure for one target in one mode: saturation throughput and CPU, latency at a fixed rate, memory, streams.
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { buildChatRequest } from './chat-request.mjs';
import { checkTargetAnswers } from './check-target-answers.mjs';
import { runJsonScript } from './child-processes.mjs';
import { readMockUpstream, setMockChunkGap } from './mock-upstream-client.mjs';
import { readCpuSeconds, readMachineCpuSeconds, readPeakRssBytes } from './process-stats.mjs';

const SATURATION_SCRIPT = fileURLToPath(new URL('./saturation-load.mjs', import.meta.url));
const FIXED_RATE_SCRIPT = fileURLToPath(new URL('./fixed-rate-load.mjs', import.meta.url));
const STREAM_PROBE_SCRIPT = fileURLToPath(new URL('./stream-probe.mjs', import.meta.url));

/** Slack on top of a child script's expected running time before it is killed. */
const SCRIPT_SLACK_MS = 30_000;

/** Other processes using more than this share of a CPU during a saturation run make its figures noisy. */
const NOISY_OTHER_CPU_FRACTION = 0.1;

/**
 * @typedef {object} MeasureContext
 * @property {import('./bench-options.mjs').BenchOptions} options
 * @property {string} token
 * @property {string} mockUrl
 * @property {number | undefined} clientCpu
 * @property {number} mockPid
 */

/**
 * @typedef {object} SaturationFigures
 * @property {import('./saturation-load.mjs').SaturationResult} saturation
 * @property {number | undefined} cpuMicrosPerRequest the proxying process's CPU time per completed request
 * @property {number | undefined} cpuBusyFraction that process's CPU time over the run's wall time (1 = one core)
 * @property {number} upstreamRequests requests the mock answered during the saturation run
 * @property {number} upstreamCpuMicrosPerRequest the mock's CPU time per completed request, for context
 * @property {number} otherCpuFraction CPU time used during the run by everything but the benchmark's own
 * processes, over the run's wall time (0.5 = half a core): other work competing for the CPUs
 */

/**
 * @typedef {SaturationFigures & {
 *   target: import('./target-names.mjs').TargetName,
 *   firstAnswer: import('./check-target-answers.mjs').TargetAnswer,
 *   fixedRate: import('./fixed-rate-load.mjs').FixedRateResult,
 *   firstByte: import('./stream-probe.mjs').StreamProbeResult | undefined,
 *   pacedStream: import('./stream-probe.mjs').StreamProbeResult | undefined,
 *   peakRssBytes: number | undefined,
 *   warnings: string[],
 * }} TargetMeasurement `firstByte` and `pacedStream` (upstream paced) are for streams only; `peakRssBytes`
 * is the proxying process's VmHWM after everything else.
 */

/**
 * A child script runner bound to one target: label, CPU and time limit.
 *
 * @typedef {(script: string, input: unknown, expectedMs: number) => Promise<unknown>} ScriptRunner
 */

/**
 * Measures one running target. With `ratePerSecond` undefined (the bare proxy, measured first), the fixed
 * rate is `options.rateFraction` of this target's own saturation throughput.
 *
 * @param {import('./start-target.mjs').RunningTarget} target
 * @param {{ stream: boolean, ratePerSecond: number | undefined }} mode
 * @param {MeasureContext} context
 * @returns {Promise<TargetMeasurement>}
 * @example
 * const proxy = await measureTarget(target, { stream: false, ratePerSecond: undefined }, context);
 */
export async function measureTarget(target, { stream, ratePerSecond }, context) {
  const { options, clientCpu } = context;
  const request = chatRequestFor(target, stream, context);
  const label = `${target.name} (${stream ? 'stream' : 'json'})`;
  const run = scriptRunner(label, clientCpu);
  /** @type {string[]} */
  const warnings = [];

  const firstAnswer = await checkTargetAnswers(request, { label, stream });
  const saturationFigures = await measureSaturation(target, request, context, run);
  const { saturation, upstreamRequests, otherCpuFraction } = saturationFigures;
  if (otherCpuFraction > NOISY_OTHER_CPU_FRACTION) {
    const share = Math.round(otherCpuFraction * 100);
    warnings.push(
      `${label}: other processes used ${share}% of a CPU during the saturation run; figures are noisy`,
    );
  }
  if (saturation.non2xx > 0 || saturation.errors > 0) {
    warnings.push(
      `${label}: ${saturation.non2xx} non-2xx answers and ${saturation.errors} errors under load`,
    );
  }
  // Every completion must have come from the upstream, or the figures measure something else.
  if (upstreamRequests < saturation.completed) {
    warnings.push(
      `${label}: ${saturation.completed} completions but the upstream answered only ${upstreamRequests}`,
    );
  }

  const fixedRateInput = {
    request,
    ratePerSecond: ratePerSecond ?? options.rateFraction * saturation.requestsPerSecond,
    durationSeconds: options.durationSeconds,
    connections: options.connections,
    warmupSeconds: Math.min(1, options.durationSeconds * 0.2),
  };
  if (fixedRateInput.ratePerSecond > saturation.requestsPerSecond) {
    const [rate, capacity] = [fixedRateInput.ratePerSecond, saturation.requestsPerSecond].map(Math.round);
    warnings.push(
      `${label}: the fixed rate (${rate} req/s) is above its saturation throughput (${capacity} req/s); its latency there is mostly queueing`,
    );
  }
  const fixedRate = /** @type {import('./fixed-rate-load.mjs').FixedRateResult} */ (
    await run(FIXED_RATE_SCRIPT, fixedRateInput, options.durationSeconds * 1000 + 10_000)
  );
  if (fixedRate.non2xx > 0 || fixedRate.errors > 0 || fixedRate.skipped > 0) {
    const { non2xx, errors, skipped } = fixedRate;
    const rate = Math.round(fixedRate.ratePerSecond);
    warnings.push(
      `${label}: at ${rate} req/s, ${non2xx} non-2xx, ${errors} errors, ${skipped} requests skipped`,
    );
  }

  const streamFigures = stream ? await measureStreams(request, context, run) : undefined;
  return {
    target: target.name,
    firstAnswer,
    ...saturationFigures,
    fixedRate,
    firstByte: streamFigures?.firstByte,
    pacedStream: streamFigures?.pacedStream,
    peakRssBytes: target.pid === undefined ? undefined : readPeakRssBytes(target.pid),
    warnings,
  };
}

/**
 * The saturation figures alone (warm-up included) of a target measured before: the bare proxy again at the end of a
 * mode, to see whether the machine's speed moved while the others ran.
 *
 * @param {import('./start-target.mjs').RunningTarget} target
 * @param {{ stream: boolean }} mode
 * @param {MeasureContext} context
 * @returns {Promise<SaturationFigures>}
 * @example
 * const again = await measureSaturationAgain(proxy, { stream: false }, context);
 */
export async function measureSaturationAgain(target, { stream }, context) {
  const run = scriptRunner(`${target.name} again (${stream ? 'stream' : 'json'})`, context.clientCpu);
  return measureSaturation(target, chatRequestFor(target, stream, context), context, run);
}

/**
 * @param {import('./start-target.mjs').RunningTarget} target
 * @param {boolean} stream
 * @param {MeasureContext} context
 */
function chatRequestFor(target, stream, { options, token }) {
  return buildChatRequest({ origin: target.origin, path: target.path, token, model: options.model, stream });
}

/**
 * @param {string} label
 * @param {number | undefined} clientCpu
 * @returns {ScriptRunner}
 */
function scriptRunner(label, clientCpu) {
  return (script, input, expectedMs) =>
    runJsonScript(script, input, {
      label: `${label} ${path.basename(script)}`,
      cpu: clientCpu,
      timeoutMs: expectedMs + SCRIPT_SLACK_MS,
    });
}

/**
 * A warm-up, then the saturation run with the CPU time of the proxying process and of the mock read around it.
 *
 * @param {import('./start-target.mjs').RunningTarget} target
 * @param {import('./chat-request.mjs').BenchRequest} request
 * @param {MeasureContext} context
 * @param {ScriptRunner} run
 * @returns {Promise<SaturationFigures>}
 */
async function measureSaturation(target, request, { options, mockUrl, mockPid }, run) {
  const { connections, warmupSeconds, durationSeconds } = options;
  if (warmupSeconds > 0) {
    await run(
      SATURATION_SCRIPT,
      { request, connections, durationSeconds: warmupSeconds },
      warmupSeconds * 1000,
    );
  }
  const counter = JSON.parse(request.body).stream === true ? 'stream' : 'json';
  const upstreamBefore = (await readMockUpstream(mockUrl)).counters[counter];
  const machineCpuBefore = readMachineCpuSeconds();
  const ownCpuBefore = process.cpuUsage();
  const mockCpuBefore = readCpuSeconds(mockPid);
  const cpuBefore = target.pid === undefined ? 0 : readCpuSeconds(target.pid);
  const wallBefore = performance.now();
  const saturation = /** @type {import('./saturation-load.mjs').SaturationResult} */ (
    await run(SATURATION_SCRIPT, { request, connections, durationSeconds }, durationSeconds * 1000)
  );
  const wallSeconds = (performance.now() - wallBefore) / 1000;
  const cpuSeconds = target.pid === undefined ? undefined : readCpuSeconds(target.pid) - cpuBefore;
  const mockCpuSeconds = readCpuSeconds(mockPid) - mockCpuBefore;
  const ownCpu = process.cpuUsage(ownCpuBefore);
  const benchmarkCpuSeconds =
    (cpuSeconds ?? 0) +
    mockCpuSeconds +
    saturation.loadGeneratorCpuSeconds +
    (ownCpu.user + ownCpu.system) / 1e6;
  const otherCpuSeconds = Math.max(0, readMachineCpuSeconds() - machineCpuBefore - benchmarkCpuSeconds);
  const upstreamRequests = (await readMockUpstream(mockUrl)).counters[counter] - upstreamBefore;
  if (saturation.completed === 0) {
    throw new Error(`${target.name}: no request succeeded under load: ${JSON.stringify(saturation)}`);
  }
  return {
    saturation,
    cpuMicrosPerRequest: cpuSeconds === undefined ? undefined : (cpuSeconds * 1e6) / saturation.completed,
    cpuBusyFraction: cpuSeconds === undefined ? undefined : cpuSeconds / wallSeconds,
    upstreamRequests,
    upstreamCpuMicrosPerRequest: (mockCpuSeconds * 1e6) / saturation.completed,
    otherCpuFraction: otherCpuSeconds / wallSeconds,
  };
}

/**
 * Time to first byte with an unpaced upstream, then event arrival times with the upstream pacing its events.
 *
 * @param {import('./chat-request.mjs').BenchRequest} request
 * @param {MeasureContext} context
 * @param {ScriptRunner} run
 */
async function measureStreams(request, { options, mockUrl }, run) {
  const { ttfbRequests, pacingRequests, pacingGapMs, chunkCount } = options;
  const warmupRequests = Math.max(1, Math.floor(ttfbRequests / 10));
  const firstByte = /** @type {import('./stream-probe.mjs').StreamProbeResult} */ (
    await run(
      STREAM_PROBE_SCRIPT,
      { request, requests: ttfbRequests, warmupRequests },
      (ttfbRequests + warmupRequests) * 100,
    )
  );
  await setMockChunkGap(mockUrl, pacingGapMs);
  try {
    const streamMs = (chunkCount + 1) * pacingGapMs;
    const pacedStream = /** @type {import('./stream-probe.mjs').StreamProbeResult} */ (
      await run(
        STREAM_PROBE_SCRIPT,
        { request, requests: pacingRequests, warmupRequests: 0 },
        pacingRequests * streamMs * 2,
      )
    );
    return { firstByte, pacedStream };
  } finally {
    await setMockChunkGap(mockUrl, 0);
  }
}
