// The benchmark's printed report: one table per mode, absolute figures per target, ratios and the targets beside them.

import { OVERHEAD_TARGETS } from './summarize-overhead.mjs';
import { GATEWAY_TARGET_NAMES, SHORT_LABELS, TARGET_LABELS, TARGET_NAMES } from './target-names.mjs';

/**
 * The bare proxy's saturation run repeated after the gateways: a machine whose speed moved during the run shows here.
 *
 * @typedef {object} ProxyAgain
 * @property {number | undefined} cpuMicrosPerRequest
 * @property {number} requestsPerSecond
 * @property {number | undefined} cpuDrift the second run's CPU per request over the first's, minus 1
 */

/**
 * @typedef {object} ModeResults
 * @property {import('./summarize-overhead.mjs').Measurements} measurements
 * @property {import('./summarize-overhead.mjs').ModeSummary} summary
 * @property {import('./saturation-rounds.mjs').Rounds} rounds each rounded target's saturation figures, round by round
 * @property {ProxyAgain} proxyAgain
 */

/**
 * @typedef {object} ReportInput
 * @property {string} startedAt
 * @property {string} nodeVersion
 * @property {string} cpuNote
 * @property {import('./bench-options.mjs').BenchOptions} options
 * @property {{ json: ModeResults, stream: ModeResults }} modes
 * @property {string[]} warnings
 */

const MISSING = '-';

/**
 * Formats the whole report as text, ending with a newline.
 *
 * @param {ReportInput} input
 * @returns {string}
 * @example
 * process.stdout.write(formatReport(results));
 */
export function formatReport({ startedAt, nodeVersion, cpuNote, options, modes, warnings }) {
  const lines = [
    `Tollgate chat overhead: ${startedAt}, Node ${nodeVersion}${options.quick ? ', QUICK smoke run (figures are rough)' : ''}`,
    `${options.connections} connections, ${options.durationSeconds} s per run after ${options.warmupSeconds} s warm-up, ${options.chunkCount} chunks per stream`,
    `Store: ${options.store === 'postgres' ? 'PostgreSQL (a fresh database)' : 'SQLite'}; billing ${options.billing}`,
    `Pinning: ${cpuNote}`,
    '',
    ...formatTable(modeRows('JSON completions', modes.json, false)),
    ...roundLines(modes.json, options.rounds),
    '',
    ...formatTable(
      modeRows(`Streamed completions (${options.chunkCount} chunks + usage)`, modes.stream, true),
    ),
    ...roundLines(modes.stream, options.rounds),
    '',
    'Ratios: off/proxy and on/proxy are each gateway against the bare proxy (issue 2); on/off is billing on against',
    'billing off (issue 5). Each ratio with a target says ok or MISS.',
  ];
  if (warnings.length > 0) lines.push('', 'Warnings:', ...warnings.map((warning) => `  ! ${warning}`));
  return `${lines.join('\n')}\n`;
}

/**
 * Under a mode's table: with one round, the bare proxy's run after the gateways; with more, each rounded target's
 * CPU per request round by round (the table shows their medians).
 *
 * @param {ModeResults} results
 * @param {number} roundCount
 * @returns {string[]}
 */
function roundLines({ rounds, proxyAgain }, roundCount) {
  const { cpuMicrosPerRequest, requestsPerSecond, cpuDrift } = proxyAgain;
  const drift = cpuDrift === undefined ? '' : ` (${formatDrift(cpuDrift)} from its first run)`;
  if (roundCount <= 1) {
    return [
      `bare proxy again, after the gateways: ${formatFixed(cpuMicrosPerRequest, 1)} us CPU per request${drift}, ${formatInteger(requestsPerSecond)} req/s`,
    ];
  }
  const perTarget = TARGET_NAMES.flatMap((name) => {
    const figures = rounds[name];
    if (figures === undefined) return [];
    return [
      `${TARGET_LABELS[name]} ${figures.map((figure) => formatFixed(figure.cpuMicrosPerRequest, 1)).join(' / ')}`,
    ];
  });
  return [
    `CPU per request (us) in each of ${roundCount} rounds, the table showing the median: ${perTarget.join('; ')}`,
    ...(cpuDrift === undefined
      ? []
      : [`bare proxy's last round against its first: ${formatDrift(cpuDrift)}`]),
  ];
}

/**
 * A relative change as a signed percentage.
 *
 * @param {number} drift
 * @returns {string}
 * @example
 * formatDrift(0.123); // '+12.3%'
 */
export function formatDrift(drift) {
  return `${drift >= 0 ? '+' : ''}${(drift * 100).toFixed(1)}%`;
}

/**
 * @param {string} title
 * @param {ModeResults} results
 * @param {boolean} stream
 * @returns {string[][]}
 */
function modeRows(title, { measurements, summary }, stream) {
  const names = TARGET_NAMES.filter((name) => measurements[name] !== undefined);
  const all = names.map(
    (name) => /** @type {import('./measure-target.mjs').TargetMeasurement} */ (measurements[name]),
  );
  const gateways = GATEWAY_TARGET_NAMES.filter((name) => summary.gateways[name] !== undefined);
  const perGateway = gateways.map(
    (name) => /** @type {import('./summarize-overhead.mjs').GatewaySummary} */ (summary.gateways[name]),
  );
  const billing = summary.billing;
  /**
   * One row: a cell per target, a ratio per gateway, the billing ratio (when both ran), the target.
   *
   * @param {string} label
   * @param {(m: import('./measure-target.mjs').TargetMeasurement) => string} cell
   * @param {(g: import('./summarize-overhead.mjs').GatewaySummary) => string} gatewayRatio
   * @param {string} billingRatio
   * @param {string} target
   */
  const row = (label, cell, gatewayRatio, billingRatio, target) => [
    label,
    ...all.map(cell),
    ...perGateway.map(gatewayRatio),
    ...(billing === undefined ? [] : [billingRatio]),
    target,
  ];
  const rate = formatInteger(summary.fixedRatePerSecond);
  /** @type {string[][]} */
  const rows = [
    [
      title,
      ...names.map((name) => TARGET_LABELS[name]),
      ...gateways.map((name) => `${SHORT_LABELS[name]}/proxy`),
      ...(billing === undefined ? [] : ['on/off']),
      'target',
    ],
    row(
      'throughput at saturation (req/s)',
      (m) => formatInteger(m.saturation.requestsPerSecond),
      (g) => judged(formatRatio(g.throughputRatio), g.throughputOk),
      formatRatio(billing?.throughputRatio),
      `>= ${OVERHEAD_TARGETS.throughputRatioMin}x`,
    ),
    row(
      'CPU per request (us)',
      (m) => formatFixed(m.cpuMicrosPerRequest, 1),
      (g) => judged(formatRatio(g.cpuPerRequestRatio), g.cpuPerRequestOk),
      judged(formatRatio(billing?.cpuPerRequestRatio), billing?.cpuPerRequestOk),
      `<= ${OVERHEAD_TARGETS.cpuPerRequestRatioMax}x (on/off <= ${OVERHEAD_TARGETS.billingCpuRatioMax}x)`,
    ),
    row(
      'CPU busy during saturation',
      (m) => formatPercent(m.cpuBusyFraction),
      () => '',
      '',
      '',
    ),
    row(
      "other processes' CPU meanwhile",
      (m) => formatPercent(m.otherCpuFraction),
      () => '',
      '',
      '',
    ),
    row(
      `latency p50 at ${rate} req/s (ms)`,
      (m) => formatFixed(m.fixedRate.latencyMs.p50, 3),
      (g) => formatRatio(g.latencyP50Ratio),
      '',
      '',
    ),
    row(
      `latency p99 at ${rate} req/s (ms)`,
      (m) => formatFixed(m.fixedRate.latencyMs.p99, 3),
      (g) => formatRatio(g.latencyP99Ratio),
      '',
      '',
    ),
    row(
      'peak RSS (MB)',
      (m) => formatFixed(m.peakRssBytes === undefined ? undefined : m.peakRssBytes / 2 ** 20, 1),
      (g) => formatRatio(g.peakRssRatio),
      '',
      '',
    ),
  ];
  if (stream) {
    rows.push(
      row(
        'time to first byte p50 (ms)',
        (m) => formatFixed(m.firstByte?.firstByteMs.p50, 3),
        (g) =>
          judged(
            g.firstByteDeltaMs === undefined
              ? MISSING
              : `${g.firstByteDeltaMs >= 0 ? '+' : ''}${g.firstByteDeltaMs.toFixed(3)} ms`,
            g.firstByteOk,
          ),
        '',
        `<= +${OVERHEAD_TARGETS.firstByteDeltaMsMax} ms`,
      ),
    );
    const pacing = perGateway.find((g) => g.pacing !== undefined)?.pacing;
    if (pacing !== undefined) {
      rows.push(
        row(
          'paced stream: median event gap (ms)',
          (m) => formatFixed(m.pacedStream?.eventGapMs.p50, 2),
          (g) => (g.pacing === undefined ? MISSING : g.pacing.ok ? 'ok' : 'MISS'),
          '',
          `spread, not bunched (upstream ${pacing.upstreamGapMs} ms)`,
        ),
        row(
          'paced stream: first to last event (ms)',
          (m) => formatFixed(m.pacedStream?.spreadMs.p50, 1),
          () => '',
          '',
          `upstream ${pacing.expectedSpreadMs} ms`,
        ),
      );
    }
  }
  return rows;
}

/**
 * Left-aligns the first column and right-aligns the others, two spaces apart, under a rule.
 *
 * @param {string[][]} rows the first row is the header
 * @returns {string[]}
 */
function formatTable(rows) {
  const [header = [], ...body] = rows;
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const format = (/** @type {string[]} */ row) =>
    row
      .map((cell, column) =>
        column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0),
      )
      .join('  ')
      .trimEnd();
  const rule = '-'.repeat(widths.reduce((total, width) => total + width, 0) + 2 * (widths.length - 1));
  return [format(header), rule, ...body.map(format)];
}

/** @param {string} figure @param {boolean | undefined} ok */
function judged(figure, ok) {
  if (ok === undefined || figure === MISSING) return figure;
  return `${figure} ${ok ? 'ok' : 'MISS'}`;
}

/** @param {number | undefined} value */
function formatRatio(value) {
  return value === undefined || !Number.isFinite(value) ? MISSING : `${value.toFixed(2)}x`;
}

/** @param {number | undefined} value @param {number} digits */
function formatFixed(value, digits) {
  return value === undefined || !Number.isFinite(value) ? MISSING : value.toFixed(digits);
}

/** @param {number | undefined} value */
function formatPercent(value) {
  return value === undefined || !Number.isFinite(value) ? MISSING : `${Math.round(value * 100)}%`;
}

/** @param {number} value */
function formatInteger(value) {
  return Number.isFinite(value) ? Math.round(value).toLocaleString('en-US') : MISSING;
}
