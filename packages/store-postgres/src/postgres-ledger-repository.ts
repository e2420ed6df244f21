/** The ledger tables behind the `LedgerRepository` interface. */
import {
  isoTimestamp,
  type LedgerAccountBalanceRow,
  type LedgerEntry,
  type LedgerEntryKind,
  type LedgerHold,
  type LedgerPeriodBalanceRow,
  type LedgerRepository,
  ledgerBalance,
  type ReserveInput,
  type ReserveResult,
  type UserTier,
  type UserTierAllowances,
} from '@tollgate/core';
import type pg from 'pg';
import { createBusyKeys, createCallBatcher } from './call-batcher.js';
import { withPostgresTransaction } from './with-postgres-transaction.js';

// node-postgres returns BIGINT as a string, which `BigInt` reads exactly.
interface EntryRow {
  readonly sequence: string;
  readonly account_id: string;
  readonly period: string;
  readonly kind: LedgerEntryKind;
  readonly request_id: string;
  readonly attempt: number;
  readonly amount_nano_usd: string;
  readonly cost_nano_usd: string | null;
  readonly included_nano_usd: string;
  readonly prepaid_nano_usd: string;
  readonly pay_as_you_go_nano_usd: string;
  readonly created_at: Date;
  readonly included_only: boolean;
}

interface HoldRow {
  readonly request_id: string;
  readonly attempt: number;
  readonly account_id: string;
  readonly period: string;
  readonly amount_nano_usd: string;
  readonly created_at: Date;
  readonly included_only: boolean;
}

interface AccountRow {
  readonly account_id: string;
  readonly prepaid_granted_nano_usd: string;
  readonly prepaid_used_nano_usd: string;
  readonly held_nano_usd: string;
}

interface PeriodRow {
  readonly account_id: string;
  readonly period: string;
  readonly included_nano_usd: string;
  readonly pay_as_you_go_limit_nano_usd: string | null;
  readonly included_used_nano_usd: string;
  readonly pay_as_you_go_used_nano_usd: string;
  readonly held_nano_usd: string;
  readonly included_held_nano_usd: string;
}

/**
 * Batches of reservations and of closings (group commit, call-batcher.ts): up to this many calls per round trip,
 * and this many batches of each kind in flight, leaving the rest of the pool to reads and other repositories.
 */
const MAX_BATCH_SIZE = 64;
const MAX_BATCHES_IN_FLIGHT = 3;

/** One reservation's arguments, in `tollgate_ledger_reserve_many`'s order (amounts as decimal strings). */
type ReservationCall = readonly [
  accountId: string,
  period: string,
  requestId: string,
  attempt: number,
  amount: string,
  minimum: string,
  included: string,
  payAsYouGoLimit: string | null,
  includedOnly: boolean,
  /** A user whose tier the function reads and whose terms it takes from `tierTerms`; null for the given terms. */
  userId: string | null,
  tierTerms: string | null,
];

interface ClosingCall {
  readonly requestId: string;
  readonly attempt: number;
  readonly kind: 'settle' | 'release';
  readonly costNanoUsd: string | null;
}

/**
 * What `tollgate_ledger_reserve_many` and `tollgate_ledger_close_many` (migration 18) return, read as JSON; a
 * single call is a batch of one. node-postgres spends more on each row and column of a result (a parser per column,
 * a row object, a Date parsed and printed again per timestamp) than on the round trip's own work, and a JSON value
 * is one native parse. A batch is one row holding `[index, tuple]` pairs. Amounts are text, never a JSON number;
 * times are `toISOString()` text.
 */
type Reservation = readonly [
  outcome: 'held' | 'existing' | 'insufficient' | 'unknown-user',
  amount: string | null,
  createdAt: string | null,
  available: string | null,
  tier: UserTier | null,
];
/** The closing entry, and whether this call wrote it. */
type Closing = readonly [
  closed: boolean,
  sequence: string,
  account: string,
  period: string,
  kind: 'settle' | 'release',
  amount: string,
  cost: string | null,
  included: string,
  prepaid: string,
  payAsYouGo: string,
  createdAt: string,
];

const holdKey = (requestId: string, attempt: number) => `${attempt}:${requestId}`;
/** A bound on the accounts of unclosed holds a misbehaving caller can leave; the map only keys batches. */
const MAX_REMEMBERED_HOLD_ACCOUNTS = 100_000;

/** `{"free": [included, limit], ...}` for `tollgate_ledger_reserve_many` (migration 19), written once per object. */
const tierTermsText = new WeakMap<UserTierAllowances, string>();
function tierTermsOf(allowances: UserTierAllowances): string {
  let text = tierTermsText.get(allowances);
  if (text === undefined) {
    text = JSON.stringify(
      Object.fromEntries(
        Object.entries(allowances).map(([tier, allowance]) => [
          tier,
          [allowance.includedNanoUsd.toString(), allowance.payAsYouGoLimitNanoUsd?.toString() ?? null],
        ]),
      ),
    );
    tierTermsText.set(allowances, text);
  }
  return text;
}

/** A TIMESTAMPTZ column as `Date.prototype.toISOString()` writes it (milliseconds, UTC, `Z`). */
const isoText = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
const reservationTuple = `json_build_array(out_outcome, out_amount::text, ${isoText('out_created_at')},
  out_available::text, out_tier)`;
const closingTuple = `json_build_array(out_closed, out_sequence::text, out_account, out_period, out_kind,
  out_amount::text, out_cost::text, out_included::text, out_prepaid::text, out_pay_as_you_go::text,
  ${isoText('out_created_at')})`;

/** A batch's tuples in call order; PostgreSQL arrays count from 1, and a call without a row stays undefined. */
function byCall<T>(pairs: readonly (readonly [number, T])[] | null, calls: number): (T | undefined)[] {
  const results: (T | undefined)[] = new Array(calls).fill(undefined);
  for (const [index, tuple] of pairs ?? []) results[index - 1] = tuple;
  return results;
}

type EntryValues = Omit<LedgerEntry, 'sequence' | 'createdAt'>;

const entryColumns = `sequence, account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
  included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at, included_only`;
const holdColumns = 'request_id, attempt, account_id, period, amount_nano_usd, created_at, included_only';
const noSplit = { includedNanoUsd: 0n, prepaidNanoUsd: 0n, payAsYouGoNanoUsd: 0n };

/**
 * Writes one entry and moves the account's and the period's balances by the given deltas, in one statement
 * (data-modifying CTEs all run, whatever the final SELECT reads). `$13` adds an open hold when true.
 */
const appendSql = `
  WITH entry AS (
    INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
      included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at)
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
    RETURNING sequence
  ), open_hold AS (
    INSERT INTO ledger_open_holds (${holdColumns})
    SELECT $4, $5, $1, $2, $6, $11, false WHERE $13::boolean
  ), account AS (
    UPDATE ledger_account_balances SET prepaid_granted_nano_usd = prepaid_granted_nano_usd + $14,
      prepaid_used_nano_usd = prepaid_used_nano_usd + $9, held_nano_usd = held_nano_usd + $12
    WHERE account_id = $1
  ), period_balance AS (
    UPDATE ledger_period_balances SET included_used_nano_usd = included_used_nano_usd + $8,
      pay_as_you_go_used_nano_usd = pay_as_you_go_used_nano_usd + $10, held_nano_usd = held_nano_usd + $12
    WHERE account_id = $1 AND period = $2
  )
  SELECT sequence FROM entry`;

/**
 * A `LedgerRepository` over a migrated PostgreSQL pool, safe for any number of gateway instances on one database.
 * Every write is one transaction that first locks the account's balance row (`INSERT ... ON CONFLICT DO UPDATE`
 * returns the row locked, or `SELECT ... FOR UPDATE`), so reservations and settlements of one account are
 * serialized across instances while other accounts proceed in parallel. Closing a hold starts by deleting its open
 * row, which a concurrent close of the same hold waits on and then finds gone.
 *
 * @example
 * const ledger = createPostgresLedgerRepository(pool);
 * await ledger.settle({ requestId, attempt: 1, costNanoUsd: 1_234_567n });
 */
export function createPostgresLedgerRepository(pool: pg.Pool): LedgerRepository {
  const append = async (
    client: pg.PoolClient,
    values: EntryValues,
    deltas: { readonly held: bigint; readonly granted: bigint; readonly opensHold: boolean },
  ): Promise<LedgerEntry> => {
    const createdAt = isoTimestamp(Date.now());
    const { rows } = await client.query<{ sequence: string }>({
      name: 'tollgate-ledger-append',
      text: appendSql,
      values: [
        values.accountId,
        values.period,
        values.kind,
        values.requestId,
        values.attempt,
        values.amountNanoUsd.toString(),
        values.costNanoUsd?.toString() ?? null,
        values.includedNanoUsd.toString(),
        values.prepaidNanoUsd.toString(),
        values.payAsYouGoNanoUsd.toString(),
        createdAt,
        deltas.held.toString(),
        deltas.opensHold,
        deltas.granted.toString(),
      ],
    });
    return { ...values, sequence: BigInt((rows[0] as { sequence: string }).sequence), createdAt };
  };
  const lockAccount = async (client: pg.PoolClient, accountId: string): Promise<LedgerAccountBalanceRow> => {
    const { rows } = await client.query<AccountRow>({
      name: 'tollgate-ledger-lock-account',
      text: `INSERT INTO ledger_account_balances AS a (account_id) VALUES ($1)
             ON CONFLICT (account_id) DO UPDATE SET account_id = a.account_id
             RETURNING *`,
      values: [accountId],
    });
    return toAccountRecord(rows[0] as AccountRow);
  };
  const findEntry = async (
    client: pg.Pool | pg.PoolClient,
    requestId: string,
    attempt: number,
    kinds: 'hold' | 'closing' | 'grant',
  ): Promise<LedgerEntry | undefined> => {
    const condition =
      kinds === 'hold'
        ? "attempt = $2 AND kind = 'hold'"
        : kinds === 'closing'
          ? "attempt = $2 AND kind IN ('settle', 'release')"
          : "kind = 'grant' AND $2::integer = 0";
    const { rows } = await client.query<EntryRow>({
      name: `tollgate-ledger-find-${kinds}`,
      text: `SELECT ${entryColumns} FROM ledger_entries WHERE request_id = $1 AND ${condition}`,
      values: [requestId, attempt],
    });
    return rows[0] === undefined ? undefined : toEntry(rows[0]);
  };
  // One transaction per account in flight from this instance (call-batcher.ts's keys): a closing's account is the
  // one its hold was reserved on here; a hold reserved elsewhere (the reconciler's) closes unkeyed.
  const busyKeys = createBusyKeys();
  const accountsOfHolds = new Map<string, string>();
  const closeMany = async (calls: readonly ClosingCall[]): Promise<(Closing | undefined)[]> => {
    const { rows } = await pool.query<{ readonly batch: readonly (readonly [number, Closing])[] | null }>({
      name: 'tollgate-ledger-close-many',
      text: `SELECT json_agg(json_build_array(out_index, ${closingTuple})) AS batch
             FROM tollgate_ledger_close_many($1, $2, $3, $4, $5)`,
      values: [
        calls.map((call) => call.requestId),
        calls.map((call) => call.attempt),
        calls.map((call) => call.kind),
        calls.map((call) => call.costNanoUsd),
        isoTimestamp(Date.now()),
      ],
    });
    // An unknown hold has no row (and a batch of them all, no JSON).
    return byCall(rows[0]?.batch ?? null, calls.length);
  };
  const closeBatched = createCallBatcher({
    run: closeMany,
    runOne: async (call) => (await closeMany([call]))[0],
    maxBatchSize: MAX_BATCH_SIZE,
    maxInFlight: MAX_BATCHES_IN_FLIGHT,
    keyOf: (call) => accountsOfHolds.get(holdKey(call.requestId, call.attempt)),
    busyKeys,
  });
  const close = async (
    requestId: string,
    attempt: number,
    kind: 'settle' | 'release',
    costNanoUsd?: bigint,
  ): Promise<{ readonly closed: boolean; readonly entry: LedgerEntry } | undefined> => {
    const key = holdKey(requestId, attempt);
    const row = await closeBatched({
      requestId,
      attempt,
      kind,
      costNanoUsd: costNanoUsd?.toString() ?? null,
    }).finally(() => accountsOfHolds.delete(key));
    if (row === undefined) return undefined;
    return { closed: row[0], entry: closingEntryOf(row, requestId, attempt) };
  };
  const reserveMany = async (calls: readonly ReservationCall[]): Promise<(Reservation | undefined)[]> => {
    const { rows } = await pool.query<{ readonly batch: readonly (readonly [number, Reservation])[] | null }>(
      {
        name: 'tollgate-ledger-reserve-many',
        text: `SELECT json_agg(json_build_array(out_index, ${reservationTuple})) AS batch
             FROM tollgate_ledger_reserve_many($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`,
        values: [
          ...Array.from({ length: 11 }, (_, column) => calls.map((call) => call[column])),
          isoTimestamp(Date.now()),
        ],
      },
    );
    return byCall(rows[0]?.batch ?? null, calls.length);
  };
  const reserveBatched = createCallBatcher({
    run: reserveMany,
    runOne: async (call) => (await reserveMany([call]))[0],
    maxBatchSize: MAX_BATCH_SIZE,
    maxInFlight: MAX_BATCHES_IN_FLIGHT,
    keyOf: (call) => call[0],
    busyKeys,
  });
  /** One reservation through the batch, on the given terms or, with `user`, on those of the user's tier. */
  const reserveOne = async (
    input: Omit<ReserveInput, 'allowance'>,
    included: string,
    payAsYouGoLimit: string | null,
    user: { readonly userId: string; readonly terms: string } | null,
  ): Promise<{
    readonly result: ReserveResult | { readonly outcome: 'unknown-user' };
    readonly tier: UserTier | null;
  }> => {
    const { accountId, period, requestId, attempt, amountNanoUsd, minimumNanoUsd, includedOnly } = input;
    const minimum = minimumNanoUsd ?? amountNanoUsd;
    if (amountNanoUsd < 0n || minimum < 0n) throw new RangeError('A reservation cannot be negative.');
    const reservation = await reserveBatched([
      accountId,
      period,
      requestId,
      attempt,
      amountNanoUsd.toString(),
      minimum.toString(),
      included,
      payAsYouGoLimit,
      includedOnly === true,
      user?.userId ?? null,
      user?.terms ?? null,
    ]);
    if (reservation === undefined) {
      throw new Error(
        `tollgate_ledger_reserve_many returned no row for request ${requestId} (attempt ${attempt}).`,
      );
    }
    const [outcome, amount, createdAt, available, tier] = reservation;
    if (outcome === 'unknown-user') return { result: { outcome }, tier: null };
    if (outcome === 'insufficient') {
      return { result: { outcome, availableNanoUsd: BigInt(available ?? '0') }, tier };
    }
    if (accountsOfHolds.size >= MAX_REMEMBERED_HOLD_ACCOUNTS) accountsOfHolds.clear();
    accountsOfHolds.set(holdKey(requestId, attempt), accountId);
    const hold: LedgerHold = {
      accountId,
      period,
      requestId,
      attempt,
      amountNanoUsd: BigInt(amount as string),
      createdAt: createdAt as string,
      ...(includedOnly === true ? { includedOnly: true } : {}),
    };
    return { result: { outcome, hold }, tier };
  };

  return {
    async reserve(input) {
      const { allowance } = input;
      const { result } = await reserveOne(
        input,
        allowance.includedNanoUsd.toString(),
        allowance.payAsYouGoLimitNanoUsd?.toString() ?? null,
        null,
      );
      if (result.outcome === 'unknown-user')
        throw new Error('A reservation on given terms read a user tier.');
      return result;
    },
    async reserveForUser(input) {
      const { result, tier } = await reserveOne({ ...input, accountId: input.userId }, '0', null, {
        userId: input.userId,
        terms: tierTermsOf(input.allowances),
      });
      if (result.outcome === 'unknown-user') return result;
      if (tier === null) throw new Error(`The reservation of ${input.requestId} found no tier.`);
      return { ...result, tier };
    },
    async settle({ requestId, attempt, costNanoUsd }) {
      if (costNanoUsd < 0n) throw new RangeError('A cost cannot be negative.');
      const closed = await close(requestId, attempt, 'settle', costNanoUsd);
      if (closed === undefined) return { outcome: 'unknown-hold' };
      if (closed.closed) return { outcome: 'settled', entry: closed.entry };
      return {
        outcome: closed.entry.kind === 'settle' ? 'already-settled' : 'already-released',
        entry: closed.entry,
      };
    },
    async release({ requestId, attempt }) {
      const closed = await close(requestId, attempt, 'release');
      if (closed === undefined) return { outcome: 'unknown-hold' };
      if (closed.closed) return { outcome: 'released', entry: closed.entry };
      return {
        outcome: closed.entry.kind === 'settle' ? 'already-settled' : 'already-released',
        entry: closed.entry,
      };
    },
    async grant({ accountId, period, grantId, amountNanoUsd }) {
      if (amountNanoUsd <= 0n) throw new RangeError('A grant must be positive.');
      return withPostgresTransaction(pool, async (client) => {
        await lockAccount(client, accountId);
        const existing = await findEntry(client, grantId, 0, 'grant');
        if (existing !== undefined) return { outcome: 'existing' as const, entry: existing };
        const entry = await append(
          client,
          {
            accountId,
            period,
            kind: 'grant',
            requestId: grantId,
            attempt: 0,
            amountNanoUsd,
            costNanoUsd: undefined,
            ...noSplit,
          },
          { held: 0n, granted: amountNanoUsd, opensHold: false },
        );
        return { outcome: 'granted' as const, entry };
      });
    },
    async balance(accountId, period) {
      const [accounts, periodRecord] = await Promise.all([
        pool.query<AccountRow>({
          name: 'tollgate-ledger-account',
          text: 'SELECT * FROM ledger_account_balances WHERE account_id = $1',
          values: [accountId],
        }),
        readPeriod(pool, accountId, period),
      ]);
      const account = accounts.rows[0] === undefined ? undefined : toAccountRecord(accounts.rows[0]);
      return ledgerBalance(accountId, period, account, periodRecord);
    },
    async listOpenHolds({ createdBefore, limit } = {}) {
      const { rows } = await pool.query<HoldRow>({
        name: 'tollgate-ledger-open-holds',
        text: `SELECT ${holdColumns} FROM ledger_open_holds
               WHERE $1::timestamptz IS NULL OR created_at < $1::timestamptz
               ORDER BY created_at, request_id COLLATE "C", attempt LIMIT $2`,
        values: [createdBefore ?? null, limit ?? null],
      });
      return rows.map(toHold);
    },
    async listEntries({ accountId } = {}) {
      const { rows } = await pool.query<EntryRow>({
        name: 'tollgate-ledger-entries',
        text: `SELECT ${entryColumns} FROM ledger_entries WHERE $1::text IS NULL OR account_id = $1
               ORDER BY sequence`,
        values: [accountId ?? null],
      });
      return rows.map(toEntry);
    },
    async snapshot() {
      return withPostgresTransaction(pool, async (client) => {
        // One snapshot for every table, so entries and balances are read at the same instant.
        await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY');
        const entries = await client.query<EntryRow>(
          `SELECT ${entryColumns} FROM ledger_entries ORDER BY sequence`,
        );
        const openHolds = await client.query<HoldRow>(`SELECT ${holdColumns} FROM ledger_open_holds`);
        const accounts = await client.query<AccountRow>('SELECT * FROM ledger_account_balances');
        const periods = await client.query<PeriodRow>('SELECT * FROM ledger_period_balances');
        return {
          entries: entries.rows.map(toEntry),
          openHolds: openHolds.rows.map(toHold),
          accounts: accounts.rows.map(toAccountRecord),
          periods: periods.rows.map(toPeriodRecord),
        };
      });
    },
  };
}

async function readPeriod(
  client: pg.Pool | pg.PoolClient,
  accountId: string,
  period: string,
): Promise<LedgerPeriodBalanceRow | undefined> {
  const { rows } = await client.query<PeriodRow>({
    name: 'tollgate-ledger-period',
    text: 'SELECT * FROM ledger_period_balances WHERE account_id = $1 AND period = $2',
    values: [accountId, period],
  });
  return rows[0] === undefined ? undefined : toPeriodRecord(rows[0]);
}

function optionalBigInt(value: string | null): bigint | undefined {
  return value === null ? undefined : BigInt(value);
}

function toEntry(row: EntryRow): LedgerEntry {
  return {
    sequence: BigInt(row.sequence),
    accountId: row.account_id,
    period: row.period,
    kind: row.kind,
    requestId: row.request_id,
    attempt: row.attempt,
    amountNanoUsd: BigInt(row.amount_nano_usd),
    costNanoUsd: optionalBigInt(row.cost_nano_usd),
    includedNanoUsd: BigInt(row.included_nano_usd),
    prepaidNanoUsd: BigInt(row.prepaid_nano_usd),
    payAsYouGoNanoUsd: BigInt(row.pay_as_you_go_nano_usd),
    createdAt: row.created_at.toISOString(),
    ...(row.included_only ? { includedOnly: true } : {}),
  };
}

function closingEntryOf(closing: Closing, requestId: string, attempt: number): LedgerEntry {
  const [, sequence, accountId, period, kind, amount, cost, included, prepaid, payAsYouGo, createdAt] =
    closing;
  return {
    sequence: BigInt(sequence),
    accountId,
    period,
    kind,
    requestId,
    attempt,
    amountNanoUsd: BigInt(amount),
    costNanoUsd: optionalBigInt(cost),
    includedNanoUsd: BigInt(included),
    prepaidNanoUsd: BigInt(prepaid),
    payAsYouGoNanoUsd: BigInt(payAsYouGo),
    createdAt,
  };
}

function toHold(row: HoldRow): LedgerHold {
  return {
    accountId: row.account_id,
    period: row.period,
    requestId: row.request_id,
    attempt: row.attempt,
    amountNanoUsd: BigInt(row.amount_nano_usd),
    createdAt: row.created_at.toISOString(),
    ...(row.included_only ? { includedOnly: true } : {}),
  };
}

function toAccountRecord(row: AccountRow): LedgerAccountBalanceRow {
  return {
    accountId: row.account_id,
    prepaidGrantedNanoUsd: BigInt(row.prepaid_granted_nano_usd),
    prepaidUsedNanoUsd: BigInt(row.prepaid_used_nano_usd),
    heldNanoUsd: BigInt(row.held_nano_usd),
  };
}

function toPeriodRecord(row: PeriodRow): LedgerPeriodBalanceRow {
  return {
    accountId: row.account_id,
    period: row.period,
    includedNanoUsd: BigInt(row.included_nano_usd),
    payAsYouGoLimitNanoUsd: optionalBigInt(row.pay_as_you_go_limit_nano_usd),
    includedUsedNanoUsd: BigInt(row.included_used_nano_usd),
    payAsYouGoUsedNanoUsd: BigInt(row.pay_as_you_go_used_nano_usd),
    heldNanoUsd: BigInt(row.held_nano_usd),
    includedHeldNanoUsd: BigInt(row.included_held_nano_usd),
  };
}
