#!/usr/bin/env node
// Measures the gateway's chat completion overhead against a direct call and a bare Node proxy, all in one run.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createBenchDatabase } from './lib/bench-database.mjs';
import { BENCH_USAGE, parseBenchOptions } from './lib/bench-options.mjs';
import { spawnNode, stopAllChildren } from './lib/child-processes.mjs';
import { formatDrift, formatReport } from './lib/format-report.mjs';
import { createBenchToken, gatewayEntryPoints } from './lib/gateway-process.mjs';
import { measureSaturationAgain, measureTarget } from './lib/measure-target.mjs';
import { planCpus } from './lib/plan-cpus.mjs';
import { cpuSpread, roundFigures, withRoundMedians } from './lib/saturation-rounds.mjs';
import { startTarget } from './lib/start-target.mjs';
import { summarizeOverhead } from './lib/summarize-overhead.mjs';
import { TARGET_LABELS } from './lib/target-names.mjs';

const REPOSITORY_ROOT = fileURLToPath(new URL('..', import.meta.url));
const MOCK_UPSTREAM_SCRIPT = fileURLToPath(new URL('./lib/mock-upstream.mjs', import.meta.url));

/**
 * Runs the whole benchmark: the mock upstream, then for JSON and for streaming the bare proxy (which sets the
 * fixed rate), the direct baseline and the gateway with billing off and/or on, one proxying process alive at a time.
 *
 * @param {import('./lib/bench-options.mjs').BenchOptions} options
 * @param {import('./lib/plan-cpus.mjs').CpuPlan} cpus
 * @param {string} dataDir
 * @param {string | undefined} databaseUrl the gateway's PostgreSQL database, or undefined for SQLite in `dataDir`
 */
async function runBenchmark(options, cpus, dataDir, databaseUrl) {
  const mockSettings = { chunkCount: options.chunkCount, chunkGapMs: 0 };
  const mock = spawnNode([MOCK_UPSTREAM_SCRIPT, JSON.stringify(mockSettings)], {
    label: 'mock upstream',
    cpu: cpus.clientCpu,
  });
  const mockUrl = await mock.waitForReady(10_000);
  const { token, createdWith } = await createBenchToken({
    repositoryRoot: REPOSITORY_ROOT,
    dataDir,
    databaseUrl,
  });
  const targetContext = {
    repositoryRoot: REPOSITORY_ROOT,
    dataDir,
    mockUrl,
    connections: options.connections,
    proxyCpu: cpus.proxyCpu,
    databaseUrl,
  };
  /** @type {readonly import('./lib/target-names.mjs').GatewayTargetName[]} */
  const gateways =
    options.billing === 'both'
      ? ['gateway-off', 'gateway-on']
      : [options.billing === 'on' ? 'gateway-on' : 'gateway-off'];
  const measureContext = { options, token, mockUrl, clientCpu: cpus.clientCpu, mockPid: mock.pid };

  /**
   * Starts the target, lets `work` measure it, and stops it whatever happened.
   *
   * @template T
   * @param {import('./lib/target-names.mjs').TargetName} name
   * @param {(target: import('./lib/start-target.mjs').RunningTarget) => Promise<T>} work
   */
  const withTarget = async (name, work) => {
    const target = await startTarget(name, targetContext);
    try {
      return await work(target);
    } finally {
      await target.stop();
    }
  };
  /**
   * @param {import('./lib/target-names.mjs').TargetName} name
   * @param {boolean} stream
   * @param {number | undefined} ratePerSecond
   */
  const measure = (name, stream, ratePerSecond) => {
    progress(`${stream ? 'stream' : 'json'}: ${TARGET_LABELS[name]}`);
    return withTarget(name, (target) => measureTarget(target, { stream, ratePerSecond }, measureContext));
  };
  /**
   * A saturation run of `name` again, as a later round or as the proxy's check after the gateways.
   *
   * @param {import('./lib/target-names.mjs').TargetName} name
   * @param {boolean} stream
   * @param {string} label
   */
  const measureSaturationOf = (name, stream, label) => {
    progress(`${stream ? 'stream' : 'json'}: ${TARGET_LABELS[name]} ${label}`);
    return withTarget(name, (target) => measureSaturationAgain(target, { stream }, measureContext));
  };

  /**
   * @param {boolean} stream
   * @returns {Promise<import('./lib/format-report.mjs').ModeResults>}
   */
  const measureMode = async (stream) => {
    const proxy = await measure('proxy', stream, undefined);
    const direct = await measure('direct', stream, proxy.fixedRate.ratePerSecond);
    /** @type {import('./lib/summarize-overhead.mjs').Measurements} */
    const measurements = { direct, proxy };
    for (const name of gateways)
      measurements[name] = await measure(name, stream, proxy.fixedRate.ratePerSecond);
    // Later rounds: the bare proxy and each gateway take turns again, saturation only.
    const rounded = /** @type {const} */ (['proxy', ...gateways]);
    /** @type {import('./lib/saturation-rounds.mjs').Rounds} */
    const rounds = Object.fromEntries(
      rounded.map((name) => [
        name,
        [
          roundFigures(
            /** @type {import('./lib/measure-target.mjs').SaturationFigures} */ (measurements[name]),
          ),
        ],
      ]),
    );
    /** @type {import('./lib/measure-target.mjs').SaturationFigures} */
    let lastProxy = proxy;
    for (let round = 2; round <= options.rounds; round += 1) {
      for (const name of rounded) {
        const figures = await measureSaturationOf(name, stream, `(round ${round} of ${options.rounds})`);
        rounds[name]?.push(roundFigures(figures));
        if (name === 'proxy') lastProxy = figures;
      }
    }
    // With one round, the proxy runs once more after the gateways; with more, its last round tells the same.
    const again = options.rounds > 1 ? lastProxy : await measureSaturationOf('proxy', stream, 'again');
    const combined = withRoundMedians(measurements, rounds);
    return {
      measurements: combined,
      rounds,
      summary: summarizeOverhead(combined, options),
      proxyAgain: proxyDrift(proxy, again),
    };
  };

  const modes = { json: await measureMode(false), stream: await measureMode(true) };
  await mock.stop();
  return { tokenCreatedWith: createdWith, modes };
}

/** The bare proxy's CPU per request moving by more than this between its two runs makes a mode's ratios noisy. */
const PROXY_DRIFT_WARNING = 0.1;
/** A target's CPU per request ranging over more than this fraction of its median across the rounds is noisy. */
const ROUND_SPREAD_WARNING = 0.15;

/**
 * @param {import('./lib/measure-target.mjs').SaturationFigures} first
 * @param {import('./lib/measure-target.mjs').SaturationFigures} again
 * @returns {import('./lib/format-report.mjs').ProxyAgain}
 */
function proxyDrift(first, again) {
  const drift =
    first.cpuMicrosPerRequest === undefined || again.cpuMicrosPerRequest === undefined
      ? undefined
      : again.cpuMicrosPerRequest / first.cpuMicrosPerRequest - 1;
  return {
    cpuMicrosPerRequest: again.cpuMicrosPerRequest,
    requestsPerSecond: again.saturation.requestsPerSecond,
    cpuDrift: drift,
  };
}

/** @param {string} message */
function progress(message) {
  process.stderr.write(`[bench] ${message}\n`);
}

async function main() {
  const options = parseBenchOptions(process.argv.slice(2), process.env);
  if (options.help) {
    process.stdout.write(BENCH_USAGE);
    return;
  }
  const { serverMain, serverBuilt } = gatewayEntryPoints(REPOSITORY_ROOT);
  if (!serverBuilt) throw new Error(`${serverMain} is missing: build the gateway first (pnpm build)`);
  const cpus = planCpus();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-'));
  process.on('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  /** @type {Awaited<ReturnType<typeof createBenchDatabase>> | undefined} */
  let database;
  for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM'])) {
    process.once(signal, () => {
      progress(`${signal}: stopping every child process${database ? ` and dropping ${database.name}` : ''}`);
      // An interrupted run leaves no database behind: the children holding it are stopped first.
      stopAllChildren()
        .then(() => database?.drop())
        .finally(() => process.exit(130));
    });
  }

  const startedAt = new Date();
  const loadAverageBefore = os.loadavg()[0] ?? 0;
  database =
    options.store === 'postgres'
      ? await createBenchDatabase(REPOSITORY_ROOT, options.databaseUrl)
      : undefined;
  progress(`${cpus.note}; data dir ${dataDir}${database ? `; PostgreSQL database ${database.name}` : ''}`);
  const { tokenCreatedWith, modes } = await runBenchmark(
    options,
    cpus,
    dataDir,
    database?.databaseUrl,
  ).finally(async () => {
    await stopAllChildren();
    await database?.drop();
  });
  const loadAverageAfter = os.loadavg()[0] ?? 0;
  const warnings = [
    ...(cpus.pinned
      ? []
      : [`not pinned: ${cpus.note}; proxy and load share CPUs, so ratios are less meaningful`]),
    ...Object.values(modes).flatMap(({ measurements }) =>
      Object.values(measurements).flatMap((m) => m?.warnings ?? []),
    ),
    ...Object.entries(modes).flatMap(([mode, { rounds }]) =>
      Object.entries(rounds).flatMap(([name, figures]) => {
        const spread = cpuSpread(figures);
        return spread !== undefined && spread > ROUND_SPREAD_WARNING
          ? [
              `${mode}: ${TARGET_LABELS[/** @type {import('./lib/target-names.mjs').TargetName} */ (name)]}'s CPU per request ranged over ${(spread * 100).toFixed(1)}% of its median across the rounds: the figures carry about that much noise`,
            ]
          : [];
      }),
    ),
    ...Object.entries(modes).flatMap(([mode, { proxyAgain }]) =>
      options.rounds === 1 &&
      proxyAgain.cpuDrift !== undefined &&
      Math.abs(proxyAgain.cpuDrift) > PROXY_DRIFT_WARNING
        ? [
            `${mode}: the bare proxy's CPU per request moved ${formatDrift(proxyAgain.cpuDrift)} between its run before the gateways and its run after them: the machine's speed changed during the run, so this mode's ratios carry about that much noise`,
          ]
        : [],
    ),
  ];
  const report = {
    startedAt: startedAt.toISOString(),
    finishedAt: new Date().toISOString(),
    nodeVersion: process.version,
    machine: {
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cpus: os.cpus().length,
      kernel: os.release(),
      loadAverageBefore,
      loadAverageAfter,
    },
    cpuNote: cpus.note,
    cpus,
    tokenCreatedWith,
    options,
    modes,
    warnings,
  };
  process.stdout.write(formatReport(report));

  const resultsDir = path.resolve(options.resultsDir ?? path.join(REPOSITORY_ROOT, 'bench/results'));
  mkdirSync(resultsDir, { recursive: true });
  const resultsFile = path.join(resultsDir, `${report.startedAt.replaceAll(':', '-')}.json`);
  writeFileSync(resultsFile, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\nFull results: ${path.relative(process.cwd(), resultsFile)}\n`);
}

main().catch((error) => {
  // A bad option is the user's to fix and needs no stack trace; anything else is the benchmark's.
  const detail =
    error instanceof RangeError
      ? error.message
      : error instanceof Error
        ? (error.stack ?? error.message)
        : String(error);
  process.stderr.write(`bench failed: ${detail}\n`);
  process.exitCode = 1;
});
