/**
 * The crash proof of issue 5: a real gateway process under load (JSON and streamed requests, some long) is killed
 * with SIGKILL, restarted with a short reconciler grace (safe: nothing is live after a crash), and once its
 * reconciler ran the ledger must show that nothing was lost and nothing charged twice: `tollgate ledger verify`
 * passes, no hold is open, every answer a client received whole was settled once at the `usage.cost` it reported,
 * every hold the crash left open was settled at its stream's last checkpoint (never above the hold) or released,
 * and the account's balance is the sum of its charges. On SQLite and on PostgreSQL.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { billingPeriodOf, type LedgerEntry, usdNumber } from '@tollgate/core';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { type GatewayStoreLocation, openGatewayStore } from '@tollgate/server';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { type GatewayProcess, startGatewayProcess } from '../support/gateway-process.js';
import { runCli } from '../support/run-cli.js';

const MODEL = 'openai/gpt-oss-120b';
/** $1 per 1M input tokens, $20 per 1M output tokens: every request costs a visible amount. */
const RATE = { inputPerMillionTokens: '1', outputPerMillionTokens: '20' };
/** Concurrent clients, each sending one request after another until the crash. */
const CLIENTS = 48;
const CHECKPOINT_INTERVAL_MS = 200;

type Shape = { readonly provider: 'groq' | 'cerebras'; readonly stream: boolean };

/** Groq is slow (long streams and slow JSON answers), Cerebras fast; half of each streams. */
const shapeOf = (client: number): Shape => ({
  provider: client % 4 < 2 ? 'groq' : 'cerebras',
  stream: client % 2 === 1,
});

interface Outcome {
  /** The gateway's id of the request, from the answer's headers; none when the crash came before them. */
  readonly requestId?: string;
  readonly shape: Shape;
  /** The client received the whole answer (a JSON body, or a stream up to `[DONE]`). */
  readonly complete: boolean;
  /** The `usage.cost` the answer reported, in USD. */
  readonly cost?: number;
  readonly status?: number;
}

function configFile(dataDir: string, name: string, reconciler: object): string {
  const file = path.join(dataDir, name);
  writeFileSync(
    file,
    JSON.stringify({
      billing: { checkpointIntervalMs: CHECKPOINT_INTERVAL_MS, reconciler },
      providers: { groq: { rates: { [MODEL]: RATE } }, cerebras: { rates: { 'gpt-oss-120b': RATE } } },
    }),
  );
  return file;
}

async function send(gateway: GatewayProcess, client: number, shape: Shape, n: number): Promise<Outcome> {
  let response: Response;
  try {
    response = await fetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${gateway.token}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        model: `${MODEL}:${shape.provider}`,
        messages: [{ role: 'user', content: `Request ${n} of client ${client}: tell me a story.` }],
        max_tokens: 64,
        ...(shape.stream ? { stream: true, stream_options: { include_usage: true } } : {}),
      }),
    });
  } catch {
    return { shape, complete: false };
  }
  const base = { requestId: response.headers.get('x-request-id') ?? undefined, shape };
  if (response.status !== 200) {
    await response.body?.cancel().catch(() => undefined);
    return { ...base, complete: false, status: response.status };
  }
  try {
    const text = await response.text();
    if (!shape.stream) {
      return { ...base, complete: true, status: 200, cost: (JSON.parse(text) as UsageBody).usage.cost };
    }
    const events = text
      .split('\n\n')
      .filter((block) => block.startsWith('data: '))
      .map((block) => block.slice('data: '.length));
    if (events.at(-1) !== '[DONE]') return { ...base, complete: false, status: 200 };
    const usage = events.find((event) => event.includes('"cost"'));
    return { ...base, complete: true, status: 200, cost: (JSON.parse(usage!) as UsageBody).usage.cost };
  } catch {
    // The connection died mid-answer: the crash.
    return { ...base, complete: false, status: 200 };
  }
}

interface UsageBody {
  readonly usage: { readonly cost: number };
}

const postgres = await findTestPostgres();

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens the deployment's store (as the CLI would) for the assertions, and closes it again. */
async function withStore<T>(
  location: GatewayStoreLocation,
  read: (store: ReturnType<typeof openGatewayStore>) => Promise<T>,
): Promise<T> {
  const store = openGatewayStore(location);
  try {
    return await read(store);
  } finally {
    await store.close();
  }
}

interface LedgerVerifyReport {
  readonly verified: boolean;
  readonly counts: { readonly openHolds: number; readonly settlements: number };
}

async function ledgerVerify(env: Record<string, string>): Promise<LedgerVerifyReport> {
  // runCli rejects on a non-zero exit: a broken invariant fails the test here.
  const { stdout } = await runCli(['ledger', 'verify', '--json'], env);
  return JSON.parse(stdout) as LedgerVerifyReport;
}

async function crashUnderLoadAndRecover(
  simulator: ProviderSimulator,
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<void> {
  const storeEnv: Record<string, string> = {
    TOLLGATE_DATA_DIR: dataDir,
    ...(databaseUrl ? { TOLLGATE_DATABASE_URL: databaseUrl } : {}),
  };
  const location: GatewayStoreLocation = databaseUrl ? { dataDir, databaseUrl } : { dataDir };
  // PRO: $2.00 of included credits, far more than the run spends, so no request is refused for credit.
  const { stdout } = await runCli(['users', 'create', 'crash', '--tier', 'pro', '--json'], storeEnv);
  const created = JSON.parse(stdout) as { user: { id: string }; token: { value: string } };
  const token = created.token.value;
  const accountId = created.user.id;

  // The first run: the default grace (1 h), so no live hold is ever touched.
  const first = await startGatewayProcess({
    simulator,
    dataDir,
    token,
    env: { ...storeEnv, TOLLGATE_CONFIG: configFile(dataDir, 'first.json', {}) },
  });
  const outcomes: Outcome[] = [];
  let crashing = false;
  const clients = Array.from({ length: CLIENTS }, async (_, client) => {
    for (let n = 0; !crashing; n += 1) {
      const outcome = await send(first, client, shapeOf(client), n);
      outcomes.push(outcome);
      if (outcome.status !== undefined && outcome.status !== 200) throw new Error(JSON.stringify(outcome));
    }
  });
  // Load until fast requests have completed and the long streams have passed a few checkpoint intervals.
  const started = Date.now();
  while (
    Date.now() - started < 10 * CHECKPOINT_INTERVAL_MS ||
    outcomes.filter((outcome) => outcome.complete).length < CLIENTS
  ) {
    await pause(50);
  }
  crashing = true;
  first.child.kill('SIGKILL');
  await Promise.all(clients);
  await first.stop();

  const completed = outcomes.filter((outcome) => outcome.complete);
  const cut = outcomes.filter((outcome) => !outcome.complete);
  expect(completed.length).toBeGreaterThanOrEqual(CLIENTS);
  expect(cut.length).toBeGreaterThan(0);

  // What the crash left: open holds, and the checkpoints of those whose streams had run long enough.
  const left = await withStore(location, async (store) => {
    const holds = await store.ledger.listOpenHolds();
    return Promise.all(
      holds.map(async (hold) => ({
        hold,
        checkpoint: await store.ledgerRecovery!.findCheckpoint({
          requestId: hold.requestId,
          attempt: hold.attempt,
        }),
      })),
    );
  });
  const checkpointed = left.filter(({ checkpoint }) => checkpoint !== undefined);
  expect(left.length).toBeGreaterThan(0);
  expect(checkpointed.length).toBeGreaterThan(0);
  expect(left.length - checkpointed.length).toBeGreaterThan(0);
  const completedIds = new Set(completed.map((outcome) => outcome.requestId));
  for (const { hold, checkpoint } of left) {
    // A client never holds a whole answer whose settlement is not durable yet.
    expect(completedIds.has(hold.requestId), hold.requestId).toBe(false);
    if (checkpoint) expect(checkpoint.costNanoUsd).toBeLessThanOrEqual(hold.amountNanoUsd);
  }

  // The restart: a short grace, so the reconciler closes every hold the crash left at its first run.
  const second = await startGatewayProcess({
    simulator,
    dataDir,
    token,
    env: {
      ...storeEnv,
      TOLLGATE_CONFIG: configFile(dataDir, 'restart.json', { graceMs: 1, intervalMs: 0 }),
    },
  });
  try {
    const deadline = Date.now() + 30_000;
    while ((await ledgerVerify(storeEnv)).counts.openHolds > 0 && Date.now() < deadline) await pause(200);
    await expect
      .poll(() => second.output(), { timeout: 10_000 })
      .toContain('settled a hold left open by a crash at its last checkpoint');
    expect(second.output()).toContain('released a hold left open by a crash');
  } finally {
    await second.stop();
  }

  const report = await ledgerVerify(storeEnv);
  expect(report.verified).toBe(true);
  expect(report.counts.openHolds).toBe(0);

  const { entries, balance } = await withStore(location, async (store) => ({
    entries: await store.ledger.listEntries(),
    balance: await store.ledger.balance(accountId, billingPeriodOf(new Date())),
  }));
  const closings = new Map<string, LedgerEntry[]>();
  for (const entry of entries) {
    if (entry.kind !== 'settle' && entry.kind !== 'release') continue;
    closings.set(entry.requestId, [...(closings.get(entry.requestId) ?? []), entry]);
  }
  // No request charged twice: one closing per hold, and no request has more than one hold (no failover here).
  for (const [requestId, closed] of closings) expect(closed, requestId).toHaveLength(1);

  // Nothing lost: every complete answer was settled once, at the cost it reported.
  for (const outcome of completed) {
    const [closing] = closings.get(outcome.requestId!) ?? [];
    expect(closing?.kind, outcome.requestId).toBe('settle');
    expect(usdNumber(closing!.amountNanoUsd), outcome.requestId).toBe(outcome.cost);
  }
  // What the crash cut: charged the checkpoint when there was one, else released.
  for (const { hold, checkpoint } of left) {
    const [closing] = closings.get(hold.requestId) ?? [];
    if (checkpoint) {
      expect(closing, hold.requestId).toMatchObject({
        kind: 'settle',
        amountNanoUsd: checkpoint.costNanoUsd,
      });
    } else {
      expect(closing, hold.requestId).toMatchObject({ kind: 'release', amountNanoUsd: hold.amountNanoUsd });
    }
  }
  // Every settlement belongs to a complete answer, a checkpointed cut stream, or a request the crash cut after
  // its settlement was durable (its client missed only the last bytes, or, for a JSON answer, all of them: those
  // requests never told their client their id, so they are counted, not named).
  const settlements = entries.filter((entry) => entry.kind === 'settle');
  const cutIds = new Set(cut.map((outcome) => outcome.requestId));
  const unnamed = settlements.filter(
    (settlement) => !completedIds.has(settlement.requestId) && !cutIds.has(settlement.requestId),
  );
  expect(unnamed.length).toBeLessThanOrEqual(cut.filter((outcome) => outcome.requestId === undefined).length);
  // The usage report explains every charge the reconciler made: a record per checkpointed stream, as interrupted.
  const csv = await runCli(['usage', 'crash', '--csv'], storeEnv);
  const [header, ...lines] = csv.stdout.trim().split(/\r?\n/);
  const columns = header!.split(',');
  const rows = new Map(
    lines.map((line) => {
      const fields = line.split(',');
      const field = (name: string) => fields[columns.indexOf(name)];
      return [field('request_id'), { status: field('status'), charged: field('charged_nano_usd') }];
    }),
  );
  for (const { hold, checkpoint } of checkpointed) {
    expect(rows.get(hold.requestId), hold.requestId).toEqual({
      status: 'interrupted',
      charged: String(checkpoint!.costNanoUsd),
    });
  }
  const charged = settlements.reduce((sum, entry) => sum + entry.amountNanoUsd, 0n);
  expect(balance.heldNanoUsd).toBe(0n);
  expect(balance.includedUsedNanoUsd + balance.prepaidUsedNanoUsd + balance.payAsYouGoUsedNanoUsd).toBe(
    charged,
  );
}

describe('kill -9 under load, then restart', () => {
  let simulator: ProviderSimulator;
  const dataDirs: string[] = [];
  beforeAll(async () => {
    simulator = await createProviderSimulator({ providers: ['groq', 'together', 'cerebras'] });
    // Groq streams a 16-64 token answer in 1.6-6.4 s: many requests are in flight, long streams checkpoint.
    simulator.setLatency('groq', { tokensPerSecond: 10 });
    simulator.setLatency('cerebras', { tokensPerSecond: 400 });
  });
  afterAll(() => simulator.close());
  const freshDataDir = () => {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-crash-'));
    dataDirs.push(dataDir);
    return dataDir;
  };
  afterEach(() => {
    for (const dataDir of dataDirs.splice(0)) rmSync(dataDir, { recursive: true, force: true });
  });

  it('loses nothing and charges nothing twice (SQLite)', async () => {
    await crashUnderLoadAndRecover(simulator, freshDataDir(), undefined);
  }, 120_000);

  describeWithPostgres(postgres, 'on PostgreSQL', (connectionString) => {
    const schemas = useTestSchemas(connectionString);
    it('loses nothing and charges nothing twice', async () => {
      const { connectionString: databaseUrl } = await schemas.createSchema();
      await crashUnderLoadAndRecover(simulator, freshDataDir(), databaseUrl);
    }, 120_000);
  });
});
