#!/usr/bin/env node
// How many requests per second the credit ledger settles (a hold, then its settlement) from several gateway
// instances sharing one store: the ceiling billing puts on a deployment, measured on PostgreSQL and SQLite.
import { fork } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarize } from './lib/statistics.mjs';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WORKER = fileURLToPath(new URL('./lib/ledger-worker.mjs', import.meta.url));

const USAGE = `Usage: node bench/ledger-throughput.mjs [options]
  --store postgres|sqlite|both   (default both)
  --instances N                  gateway instances, one process each (default 3)
  --concurrency N                requests in flight per instance (default 16)
  --accounts N                   accounts spent from, spread over the instances (default 300)
  --duration S / --warmup S      seconds measured / before measuring (default 10 / 2)
  --database-url URL             PostgreSQL (default TOLLGATE_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test)`;

const { values } = parseArgs({
  options: {
    store: { type: 'string', default: 'both' },
    instances: { type: 'string', default: '3' },
    concurrency: { type: 'string', default: '16' },
    accounts: { type: 'string', default: '300' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    'database-url': { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
/** @param {'instances' | 'concurrency' | 'accounts' | 'duration'} name */
const positive = (name) => {
  const value = Number(values[name]);
  if (!Number.isFinite(value) || value <= 0) throw new Error(`--${name} must be a positive number\n${USAGE}`);
  return value;
};
const options = {
  instances: Math.trunc(positive('instances')),
  concurrency: Math.trunc(positive('concurrency')),
  accounts: Math.trunc(positive('accounts')),
  durationMs: positive('duration') * 1000,
  warmupMs: Number(values.warmup) * 1000,
  databaseUrl:
    values['database-url'] ?? process.env.TOLLGATE_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
};
const stores = values.store === 'both' ? ['postgres', 'sqlite'] : [values.store];
if (!stores.every((store) => store === 'postgres' || store === 'sqlite')) throw new Error(USAGE);

/**
 * @typedef {'postgres' | 'sqlite'} StoreKind
 * @typedef {{ location: string, schema?: string, description: string, cleanup: () => Promise<void> }} PreparedStore
 * @typedef {{ type: 'ready' } | { type: 'error', message: string } | { type: 'done', settled: number,
 *   elapsedMs: number, cpuMicros: number, latencies: number[] }} WorkerMessage
 */

/**
 * Creates the store's schema once, so the instances start on a migrated database.
 *
 * @param {StoreKind} store
 * @returns {Promise<PreparedStore>}
 */
async function prepare(store) {
  if (store === 'postgres') {
    const { createPostgresStore } = await import(`${ROOT}packages/store-postgres/dist/index.js`);
    const schema = `bench_ledger_${Date.now().toString(36)}`;
    const created = createPostgresStore({ connectionString: options.databaseUrl, schema });
    await created.migrate();
    await created.close();
    return {
      location: options.databaseUrl,
      schema,
      description: `PostgreSQL schema ${schema}`,
      cleanup: async () => {
        const pg = (await import(`${ROOT}packages/store-postgres/node_modules/pg/lib/index.js`)).default;
        const client = new pg.Client({ connectionString: options.databaseUrl });
        await client.connect();
        await client.query(`DROP SCHEMA ${schema} CASCADE`);
        await client.end();
      },
    };
  }
  const { createSqliteStore } = await import(`${ROOT}packages/store-sqlite/dist/index.js`);
  const directory = mkdtempSync(path.join(os.tmpdir(), 'tollgate-bench-ledger-'));
  const filename = path.join(directory, 'tollgate.db');
  const created = createSqliteStore({ filename });
  await created.migrate();
  await created.close();
  return {
    location: filename,
    description: `SQLite file ${filename}`,
    cleanup: async () => rmSync(directory, { recursive: true, force: true }),
  };
}

/**
 * Forks one instance; `ready` resolves once its store is open, `done` with its figures after `go`. Either rejects
 * when the instance reports an error or exits early.
 *
 * @param {number} index
 * @param {object} settings the worker's settings (see lib/ledger-worker.mjs)
 */
function startInstance(index, settings) {
  const child = fork(WORKER, [JSON.stringify(settings)], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  /**
   * @template {WorkerMessage['type']} T
   * @param {T} type
   * @returns {Promise<Extract<WorkerMessage, { type: T }>>}
   */
  const expect = (type) =>
    new Promise((resolve, reject) => {
      /** @param {WorkerMessage} message */
      const onMessage = (message) => {
        if (message.type === type) finish(() => resolve(/** @type {any} */ (message)));
        else if (message.type === 'error') finish(() => reject(new Error(message.message)));
      };
      /** @param {number | null} code */
      const onExit = (code) => finish(() => reject(new Error(`instance ${index} exited (${code}) early`)));
      /** @param {() => void} settle */
      const finish = (settle) => {
        child.off('message', onMessage);
        child.off('exit', onExit);
        settle();
      };
      child.on('message', onMessage);
      child.on('exit', onExit);
    });
  const ready = expect('ready');
  return { child, ready, done: ready.then(() => expect('done')).finally(() => child.kill()) };
}

/**
 * Starts every instance, lets them go at once, and gathers what each settled.
 *
 * @param {StoreKind} store
 */
async function measure(store) {
  const prepared = await prepare(store);
  try {
    const workers = Array.from({ length: options.instances }, (_, index) => {
      const accounts = [];
      for (let account = index; account < options.accounts; account += options.instances)
        accounts.push(`bench-account-${account}`);
      const settings = {
        store,
        location: prepared.location,
        schema: prepared.schema,
        accounts,
        concurrency: options.concurrency,
        warmupMs: options.warmupMs,
        durationMs: options.durationMs,
      };
      return startInstance(index, settings);
    });
    await Promise.all(workers.map((worker) => worker.ready));
    for (const worker of workers) worker.child.send('go');
    const results = await Promise.all(workers.map((worker) => worker.done));
    const settled = results.reduce((total, result) => total + result.settled, 0);
    const seconds = Math.max(...results.map((result) => result.elapsedMs)) / 1000;
    const cpuMicros = results.reduce((total, result) => total + result.cpuMicros, 0);
    const latency = summarize(results.flatMap((result) => result.latencies));
    return {
      store,
      where: prepared.description,
      instances: options.instances,
      concurrencyPerInstance: options.concurrency,
      accounts: options.accounts,
      settled,
      settlesPerSecond: Math.round(settled / seconds),
      perInstance: results.map((result) => Math.round(result.settled / (result.elapsedMs / 1000))),
      gatewayCpuMicrosPerSettle: settled === 0 ? Number.NaN : Math.round(cpuMicros / settled),
      latencyMs: { p50: latency.p50, p90: latency.p90, p99: latency.p99, max: latency.max },
    };
  } finally {
    await prepared.cleanup();
  }
}

const runs = [];
for (const store of stores) {
  process.stderr.write(`[ledger bench] ${store}: ${options.instances} instances x ${options.concurrency}\n`);
  runs.push(await measure(store));
}
for (const run of runs) {
  process.stdout.write(
    `${run.store}: ${run.settlesPerSecond} settled requests/s from ${run.instances} instances ` +
      `(${run.perInstance.join(' + ')}), ${run.gatewayCpuMicrosPerSettle} us gateway CPU each, ` +
      `hold+settle p50 ${run.latencyMs.p50.toFixed(2)} ms p99 ${run.latencyMs.p99.toFixed(2)} ms\n`,
  );
}
const resultsDir = path.join(ROOT, 'bench', 'results');
mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `ledger-${new Date().toISOString().replaceAll(':', '-')}.json`);
writeFileSync(file, `${JSON.stringify({ options, cpus: os.cpus().length, runs }, null, 2)}\n`);
process.stdout.write(`results: ${path.relative(ROOT, file)}\n`);
