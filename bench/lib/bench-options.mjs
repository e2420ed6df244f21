// The benchmark's knobs: command-line flags, else BENCH_* environment variables, else defaults (shorter with --quick).
import { parseArgs } from 'node:util';
import { DEFAULT_BENCH_MODEL } from './chat-request.mjs';

/**
 * @typedef {object} BenchOptions
 * @property {boolean} quick
 * @property {number} durationSeconds each saturation and fixed-rate run
 * @property {number} warmupSeconds load before each target's saturation run, not measured
 * @property {number} connections closed-loop connections of a saturation run (and the most a fixed-rate run opens)
 * @property {number} chunkCount content chunks per streamed completion
 * @property {number} rateFraction the fixed rate, as a fraction of the bare proxy's saturation throughput
 * @property {number} ttfbRequests sequential streamed requests timed per target
 * @property {number} pacingGapMs the upstream's gap between events in the no-buffering check
 * @property {number} pacingRequests streamed requests per target in the no-buffering check
 * @property {number} rounds saturation runs per target (the bare proxy and the gateways), in turns; figures are
 *   the median over them
 * @property {string} model the `model` of every request; must end in `:groq`
 * @property {string | undefined} resultsDir where the JSON results go (default: bench/results)
 * @property {'off' | 'on' | 'both'} billing which gateways run: billing off, billing on (hold and settle every
 *   request), or both in the same run
 * @property {'sqlite' | 'postgres'} store the gateway's store
 * @property {string} databaseUrl for `store: 'postgres'`: the server the benchmark creates a fresh database on
 */

/** The server a PostgreSQL run creates its database on, unless TOLLGATE_DATABASE_URL or --database-url says. */
export const DEFAULT_BENCH_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The choices of the options that take one of a few words, with their flag, variable and default. */
const CHOICE_OPTIONS = /** @type {const} */ ([
  { key: 'billing', flag: 'billing', env: 'BENCH_BILLING', choices: ['both', 'off', 'on'] },
  { key: 'store', flag: 'store', env: 'BENCH_STORE', choices: ['sqlite', 'postgres'] },
]);

/**
 * Each numeric option: its flag, its environment variable, its `[full, quick]` defaults and the `[min, max]`
 * range it must fall in.
 */
const NUMERIC_OPTIONS = /** @type {const} */ ([
  { key: 'durationSeconds', flag: 'duration', env: 'BENCH_DURATION', defaults: [10, 1], range: [0.5, 600] },
  { key: 'warmupSeconds', flag: 'warmup', env: 'BENCH_WARMUP', defaults: [3, 0.3], range: [0, 600] },
  { key: 'connections', flag: 'connections', env: 'BENCH_CONNECTIONS', defaults: [64, 64], range: [1, 4096] },
  { key: 'chunkCount', flag: 'chunks', env: 'BENCH_CHUNKS', defaults: [20, 20], range: [1, 10_000] },
  {
    key: 'rateFraction',
    flag: 'rate-fraction',
    env: 'BENCH_RATE_FRACTION',
    defaults: [0.6, 0.6],
    range: [0.01, 1],
  },
  {
    key: 'ttfbRequests',
    flag: 'ttfb-requests',
    env: 'BENCH_TTFB_REQUESTS',
    defaults: [200, 20],
    range: [1, 1e5],
  },
  { key: 'pacingGapMs', flag: 'pacing-ms', env: 'BENCH_PACING_MS', defaults: [10, 10], range: [1, 1000] },
  {
    key: 'pacingRequests',
    flag: 'pacing-requests',
    env: 'BENCH_PACING_REQUESTS',
    defaults: [5, 2],
    range: [1, 1000],
  },
  { key: 'rounds', flag: 'rounds', env: 'BENCH_ROUNDS', defaults: [3, 1], range: [1, 20] },
]);

/** Options that must be whole numbers. */
const INTEGER_OPTIONS = new Set(['connections', 'chunkCount', 'ttfbRequests', 'pacingRequests', 'rounds']);

/** The text `--help` prints. */
export const BENCH_USAGE = `Usage: node bench/chat-overhead.mjs [options]   (the gateway must be built: pnpm build)

Measures the gateway's chat completion overhead against a direct call and a bare Node proxy, in one run.

Options (flag, environment variable, default / --quick default):
${NUMERIC_OPTIONS.map(({ flag, env, defaults }) => `  --${flag.padEnd(16)} ${env.padEnd(22)} ${defaults.join(' / ')}`).join('\n')}
  --model            BENCH_MODEL            ${DEFAULT_BENCH_MODEL} (must end in :groq)
  --results-dir      BENCH_RESULTS_DIR      bench/results
${CHOICE_OPTIONS.map(({ flag, env, choices }) => `  --${flag.padEnd(16)} ${env.padEnd(22)} ${choices.join(' | ')} (default ${choices[0]})`).join('\n')}
  --database-url     TOLLGATE_DATABASE_URL  ${DEFAULT_BENCH_DATABASE_URL} (--store postgres: a fresh
                                            database is created there for the run and dropped after it)
  --quick            BENCH_QUICK=1          a short smoke run (a few seconds per target)
  --help
`;

/**
 * Parses the benchmark's options; throws a RangeError naming the flag for a bad value.
 *
 * @param {readonly string[]} argv the arguments after the script name
 * @param {Readonly<Record<string, string | undefined>>} env
 * @returns {BenchOptions & { help: boolean }}
 * @example
 * const options = parseBenchOptions(process.argv.slice(2), process.env);
 */
export function parseBenchOptions(argv, env) {
  const values = parseFlags(argv);
  const quick = values.quick === true || env.BENCH_QUICK === '1';
  /** @type {Record<string, number>} */
  const numbers = {};
  for (const { key, flag, env: variable, defaults, range } of NUMERIC_OPTIONS) {
    const [min, max] = range;
    const flagValue = values[flag];
    const text = typeof flagValue === 'string' ? flagValue : env[variable];
    const value = text === undefined || text === '' ? defaults[quick ? 1 : 0] : Number(text);
    if (
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (INTEGER_OPTIONS.has(key) && !Number.isInteger(value))
    ) {
      throw new RangeError(
        `--${flag} (${variable}) must be a number from ${min} to ${max}, got ${JSON.stringify(text)}`,
      );
    }
    numbers[key] = value;
  }
  const model = (typeof values.model === 'string' ? values.model : env.BENCH_MODEL) || DEFAULT_BENCH_MODEL;
  // Only Groq's base URL points at the mock; any other provider would be called over the network.
  if (!model.endsWith(':groq')) {
    throw new RangeError(`--model (BENCH_MODEL) must end in :groq, got ${JSON.stringify(model)}`);
  }
  /** @type {Record<string, string>} */
  const choices = {};
  for (const { key, flag, env: variable, choices: allowed } of CHOICE_OPTIONS) {
    const flagValue = values[flag];
    const text = (typeof flagValue === 'string' ? flagValue : env[variable]) || allowed[0];
    if (!(/** @type {readonly string[]} */ (allowed).includes(text))) {
      throw new RangeError(
        `--${flag} (${variable}) must be one of ${allowed.join(', ')}, got ${JSON.stringify(text)}`,
      );
    }
    choices[key] = text;
  }
  const databaseUrl =
    (typeof values['database-url'] === 'string' ? values['database-url'] : env.TOLLGATE_DATABASE_URL) ||
    DEFAULT_BENCH_DATABASE_URL;
  return {
    quick,
    model,
    billing: /** @type {BenchOptions['billing']} */ (choices.billing),
    store: /** @type {BenchOptions['store']} */ (choices.store),
    databaseUrl,
    help: values.help === true,
    resultsDir:
      typeof values['results-dir'] === 'string' ? values['results-dir'] : env.BENCH_RESULTS_DIR || undefined,
    .../** @type {Omit<BenchOptions, 'quick' | 'model' | 'resultsDir' | 'billing' | 'store' | 'databaseUrl'>} */ (
      numbers
    ),
  };
}

/**
 * @param {readonly string[]} argv
 * @returns {Record<string, string | boolean | undefined>}
 */
function parseFlags(argv) {
  try {
    return parseArgs({
      // `pnpm bench -- --quick` passes the `--` through; it separates nothing here.
      args: argv.filter((argument) => argument !== '--'),
      options: {
        quick: { type: 'boolean' },
        help: { type: 'boolean' },
        'results-dir': { type: 'string' },
        model: { type: 'string' },
        'database-url': { type: 'string' },
        ...Object.fromEntries(
          CHOICE_OPTIONS.map(({ flag }) => [flag, { type: /** @type {const} */ ('string') }]),
        ),
        ...Object.fromEntries(
          NUMERIC_OPTIONS.map(({ flag }) => [flag, { type: /** @type {const} */ ('string') }]),
        ),
      },
      strict: true,
    }).values;
  } catch (error) {
    throw new RangeError(`${error instanceof Error ? error.message : String(error)} (see --help)`);
  }
}
