// Turns one mode's measurements into the ratios the project's targets are stated in, with a verdict for each.
import { GATEWAY_TARGET_NAMES } from './target-names.mjs';

/** The targets from the spec: gateway figures relative to the bare proxy measured in the same run. */
export const OVERHEAD_TARGETS = Object.freeze({
  /** Gateway CPU per request over the bare proxy's, at most. */
  cpuPerRequestRatioMax: 1.5,
  /** Gateway saturation throughput over the bare proxy's, at least. */
  throughputRatioMin: 0.7,
  /** Gateway streaming time to first byte minus the bare proxy's (p50), at most, in ms. */
  firstByteDeltaMsMax: 1,
  /** Paced events count as spread out when the median gap is at least this fraction of the upstream's gap. */
  pacedGapFractionMin: 0.5,
  /** Gateway CPU per request with billing on over the same gateway's with billing off, at most (issue 5). */
  billingCpuRatioMax: 1.3,
});

/**
 * @typedef {object} PacingVerdict
 * @property {number} upstreamGapMs
 * @property {number} expectedSpreadMs first to last event as the upstream sends them
 * @property {Partial<Record<import('./target-names.mjs').TargetName, { medianGapMs: number, spreadMs: number }>>} targets
 * @property {boolean} ok this gateway's events arrive spread out like the upstream sent them
 */

/**
 * @typedef {object} GatewaySummary one gateway (billing off or on) against the bare proxy
 * @property {number} throughputRatio
 * @property {boolean} throughputOk
 * @property {number | undefined} cpuPerRequestRatio
 * @property {boolean | undefined} cpuPerRequestOk
 * @property {number} latencyP50Ratio at the fixed rate
 * @property {number} latencyP99Ratio at the fixed rate
 * @property {number | undefined} peakRssRatio
 * @property {number | undefined} firstByteDeltaMs streaming only
 * @property {boolean | undefined} firstByteOk streaming only
 * @property {PacingVerdict | undefined} pacing streaming only
 */

/**
 * @typedef {object} BillingSummary the gateway with billing on against the same gateway with billing off
 * @property {number | undefined} cpuPerRequestRatio
 * @property {boolean | undefined} cpuPerRequestOk
 * @property {number} throughputRatio
 */

/**
 * @typedef {object} ModeSummary
 * @property {number} fixedRatePerSecond
 * @property {Partial<Record<import('./target-names.mjs').GatewayTargetName, GatewaySummary>>} gateways the ones measured
 * @property {BillingSummary | undefined} billing when both gateways were measured
 */

/** @typedef {Partial<Record<import('./target-names.mjs').TargetName, import('./measure-target.mjs').TargetMeasurement>>} Measurements */

/**
 * Compares each measured gateway with the bare proxy, and the billing-on gateway with the billing-off one.
 *
 * @param {Measurements} measurements `proxy` and at least one gateway
 * @param {{ chunkCount: number, pacingGapMs: number }} settings
 * @returns {ModeSummary}
 * @example
 * const summary = summarizeOverhead({ direct, proxy, 'gateway-off': off, 'gateway-on': on }, options);
 * summary.gateways['gateway-on']?.throughputOk; // billed gateway throughput >= 0.7x the bare proxy's
 * summary.billing?.cpuPerRequestOk; // billing adds at most 30% CPU per request
 */
export function summarizeOverhead(measurements, settings) {
  const proxy = measurements.proxy;
  if (proxy === undefined) throw new Error('summarizeOverhead needs the bare proxy measured');
  /** @type {ModeSummary['gateways']} */
  const gateways = {};
  for (const name of GATEWAY_TARGET_NAMES) {
    const gateway = measurements[name];
    if (gateway !== undefined)
      gateways[name] = summarizeGateway(name, gateway, proxy, measurements, settings);
  }
  const off = measurements['gateway-off'];
  const on = measurements['gateway-on'];
  /** @type {BillingSummary | undefined} */
  let billing;
  if (off !== undefined && on !== undefined) {
    const cpuPerRequestRatio = ratio(on.cpuMicrosPerRequest, off.cpuMicrosPerRequest);
    billing = {
      cpuPerRequestRatio,
      cpuPerRequestOk:
        cpuPerRequestRatio === undefined
          ? undefined
          : cpuPerRequestRatio <= OVERHEAD_TARGETS.billingCpuRatioMax,
      throughputRatio: on.saturation.requestsPerSecond / off.saturation.requestsPerSecond,
    };
  }
  return { fixedRatePerSecond: proxy.fixedRate.ratePerSecond, gateways, billing };
}

/**
 * @param {import('./target-names.mjs').GatewayTargetName} name
 * @param {import('./measure-target.mjs').TargetMeasurement} gateway
 * @param {import('./measure-target.mjs').TargetMeasurement} proxy
 * @param {Measurements} measurements
 * @param {{ chunkCount: number, pacingGapMs: number }} settings
 * @returns {GatewaySummary}
 */
function summarizeGateway(name, gateway, proxy, measurements, settings) {
  const throughputRatio = gateway.saturation.requestsPerSecond / proxy.saturation.requestsPerSecond;
  const cpuPerRequestRatio = ratio(gateway.cpuMicrosPerRequest, proxy.cpuMicrosPerRequest);
  const firstByteDeltaMs =
    gateway.firstByte === undefined || proxy.firstByte === undefined
      ? undefined
      : gateway.firstByte.firstByteMs.p50 - proxy.firstByte.firstByteMs.p50;
  return {
    throughputRatio,
    throughputOk: throughputRatio >= OVERHEAD_TARGETS.throughputRatioMin,
    cpuPerRequestRatio,
    cpuPerRequestOk:
      cpuPerRequestRatio === undefined
        ? undefined
        : cpuPerRequestRatio <= OVERHEAD_TARGETS.cpuPerRequestRatioMax,
    latencyP50Ratio: gateway.fixedRate.latencyMs.p50 / proxy.fixedRate.latencyMs.p50,
    latencyP99Ratio: gateway.fixedRate.latencyMs.p99 / proxy.fixedRate.latencyMs.p99,
    peakRssRatio: ratio(gateway.peakRssBytes, proxy.peakRssBytes),
    firstByteDeltaMs,
    firstByteOk:
      firstByteDeltaMs === undefined ? undefined : firstByteDeltaMs <= OVERHEAD_TARGETS.firstByteDeltaMsMax,
    pacing: gateway.pacedStream === undefined ? undefined : judgePacing(name, measurements, settings),
  };
}

/**
 * @param {import('./target-names.mjs').GatewayTargetName} name the gateway judged
 * @param {Measurements} measurements
 * @param {{ chunkCount: number, pacingGapMs: number }} settings
 * @returns {PacingVerdict}
 */
function judgePacing(name, measurements, { chunkCount, pacingGapMs }) {
  // The mock pauses before every event after the first: chunkCount content events plus the usage event.
  const expectedSpreadMs = chunkCount * pacingGapMs;
  /** @type {PacingVerdict['targets']} */
  const targets = {};
  for (const [target, measurement] of Object.entries(measurements)) {
    if (measurement?.pacedStream === undefined) continue;
    targets[/** @type {import('./target-names.mjs').TargetName} */ (target)] = {
      medianGapMs: measurement.pacedStream.eventGapMs.p50,
      spreadMs: measurement.pacedStream.spreadMs.p50,
    };
  }
  const gateway = targets[name];
  const minimum = OVERHEAD_TARGETS.pacedGapFractionMin;
  return {
    upstreamGapMs: pacingGapMs,
    expectedSpreadMs,
    targets,
    ok:
      gateway !== undefined &&
      gateway.medianGapMs >= minimum * pacingGapMs &&
      gateway.spreadMs >= minimum * expectedSpreadMs,
  };
}

/** @param {number | undefined} numerator @param {number | undefined} denominator */
function ratio(numerator, denominator) {
  return numerator === undefined || denominator === undefined || denominator === 0
    ? undefined
    : numerator / denominator;
}
