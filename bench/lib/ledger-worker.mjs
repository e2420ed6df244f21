// One gateway instance's worth of settlement load: reserve then settle, as fast as its store allows, on its own
// accounts. Forked by ledger-throughput.mjs; talks to it over IPC only.
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

/**
 * @typedef {object} WorkerSettings
 * @property {'postgres' | 'sqlite'} store
 * @property {string} location a PostgreSQL URL or an SQLite file path
 * @property {string} [schema] the PostgreSQL schema
 * @property {readonly string[]} accounts the ledger accounts this worker spends from
 * @property {number} concurrency requests in flight at once
 * @property {number} warmupMs
 * @property {number} durationMs
 */

/** @param {WorkerSettings} settings */
async function openStore(settings) {
  if (settings.store === 'postgres') {
    const { createPostgresStore } = await import(`${root}packages/store-postgres/dist/index.js`);
    return createPostgresStore({ connectionString: settings.location, schema: settings.schema });
  }
  const { createSqliteStore } = await import(`${root}packages/store-sqlite/dist/index.js`);
  return createSqliteStore({ filename: settings.location });
}

// PRO-like terms with no pay-as-you-go limit: a reservation is never refused, so every cycle is a full
// hold-then-settle, the work a served request costs the ledger.
const allowance = { includedNanoUsd: 2_000_000_000n, payAsYouGoLimitNanoUsd: undefined };
const HOLD_NANO_USD = 2_000_000n;
const COST_NANO_USD = 1_234_567n;
const PERIOD = '2026-12';

/** @param {WorkerSettings} settings */
async function run(settings) {
  const store = await openStore(settings);
  process.send?.({ type: 'ready' });
  await new Promise((resolve) => process.once('message', resolve));
  let sequence = 0;
  let measuring = false;
  let settled = 0;
  /** @type {number[]} */
  const latencies = [];
  const started = performance.now();
  const warmupEnd = started + settings.warmupMs;
  const end = warmupEnd + settings.durationMs;
  let measureStart = warmupEnd;
  let cpuAtStart = process.cpuUsage();
  /** @param {number} lane */
  const loop = async (lane) => {
    while (performance.now() < end) {
      const now = performance.now();
      if (!measuring && now >= warmupEnd) {
        measuring = true;
        measureStart = now;
        cpuAtStart = process.cpuUsage();
      }
      const requestId = `${process.pid}-${lane}-${sequence++}`;
      const accountId = settings.accounts[sequence % settings.accounts.length];
      const t0 = performance.now();
      const reserved = await store.ledger.reserve({
        accountId,
        period: PERIOD,
        requestId,
        attempt: 1,
        amountNanoUsd: HOLD_NANO_USD,
        allowance,
      });
      if (reserved.outcome === 'insufficient') throw new Error(`account ${accountId} ran out of credit`);
      await store.ledger.settle({ requestId, attempt: 1, costNanoUsd: COST_NANO_USD });
      if (measuring) {
        settled += 1;
        latencies.push(performance.now() - t0);
      }
    }
  };
  await Promise.all(Array.from({ length: settings.concurrency }, (_, lane) => loop(lane)));
  const elapsedMs = performance.now() - measureStart;
  const cpu = process.cpuUsage(cpuAtStart);
  await store.close();
  process.send?.({ type: 'done', settled, elapsedMs, cpuMicros: cpu.user + cpu.system, latencies });
}

run(JSON.parse(process.argv[2] ?? '{}')).catch((error) => {
  process.send?.({ type: 'error', message: String(error?.stack ?? error) });
  process.exitCode = 1;
});
