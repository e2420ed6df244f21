// Saturation runs repeated in rounds, the targets taking turns in each, so a machine whose speed drifts during the
// benchmark moves every target's figures alike; each target's figures are then the median over the rounds.
import { quantile } from './statistics.mjs';

/**
 * One saturation run's figures, as kept per round.
 *
 * @typedef {object} RoundFigures
 * @property {number} requestsPerSecond
 * @property {number | undefined} cpuMicrosPerRequest
 */

/**
 * @typedef {Partial<Record<import('./target-names.mjs').TargetName, RoundFigures[]>>} Rounds
 */

/**
 * @param {import('./measure-target.mjs').SaturationFigures} figures
 * @returns {RoundFigures}
 */
export function roundFigures(figures) {
  return {
    requestsPerSecond: figures.saturation.requestsPerSecond,
    cpuMicrosPerRequest: figures.cpuMicrosPerRequest,
  };
}

/**
 * The measurements with each rounded target's throughput and CPU per request replaced by their medians over the
 * rounds (the first round being the measurement itself); latency, RSS and the stream checks stay as measured once.
 *
 * @param {import('./summarize-overhead.mjs').Measurements} measurements
 * @param {Rounds} rounds
 * @returns {import('./summarize-overhead.mjs').Measurements}
 * @example
 * const combined = withRoundMedians({ proxy, direct }, { proxy: [first, second, third] });
 */
export function withRoundMedians(measurements, rounds) {
  /** @type {import('./summarize-overhead.mjs').Measurements} */
  const combined = { ...measurements };
  for (const [name, figures] of Object.entries(rounds)) {
    const target = /** @type {import('./target-names.mjs').TargetName} */ (name);
    const measured = measurements[target];
    if (measured === undefined || figures === undefined || figures.length < 2) continue;
    const cpu = figures.map((figure) => figure.cpuMicrosPerRequest);
    combined[target] = {
      ...measured,
      saturation: {
        ...measured.saturation,
        requestsPerSecond: quantile(
          figures.map((figure) => figure.requestsPerSecond),
          0.5,
        ),
      },
      cpuMicrosPerRequest: cpu.some((value) => value === undefined)
        ? undefined
        : quantile(/** @type {number[]} */ (cpu), 0.5),
    };
  }
  return combined;
}

/**
 * How far a target's CPU per request ranged over the rounds: (max - min) / median, or undefined.
 *
 * @param {RoundFigures[] | undefined} figures
 * @returns {number | undefined}
 * @example
 * cpuSpread([{ requestsPerSecond: 1, cpuMicrosPerRequest: 90 }, { requestsPerSecond: 1, cpuMicrosPerRequest: 110 }]);
 */
export function cpuSpread(figures) {
  const cpu = (figures ?? []).map((figure) => figure.cpuMicrosPerRequest);
  if (cpu.length < 2 || cpu.some((value) => value === undefined)) return undefined;
  const values = /** @type {number[]} */ (cpu);
  return (Math.max(...values) - Math.min(...values)) / quantile(values, 0.5);
}
