/** The ledger tables behind the `LedgerRepository` interface. */
import {
  amountToHold,
  availableCredit,
  availableIncludedCredit,
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
  settleHold,
} from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';
import {
  createLedgerPositions,
  type PeriodFigures,
  type PositionRow,
  positionOf,
} from './sqlite-ledger-positions.js';
import { createLedgerSequence } from './sqlite-ledger-sequence.js';
import { createTurnBatchedWriter, type TransactionScope } from './turn-batched-writer.js';

/** How many of its own open holds a connection remembers at most (each is a few hundred bytes). */
const MAX_REMEMBERED_HOLDS = 100_000;

/** One write of the ledger, as the turn-batched writer carries it. */
type LedgerCall =
  | { readonly kind: 'reserve'; readonly input: ReserveInput }
  | {
      readonly kind: 'settle' | 'release';
      readonly requestId: string;
      readonly attempt: number;
      readonly costNanoUsd: bigint | undefined;
    };

type ClosingResult = { readonly closed: boolean; readonly entry: LedgerEntry } | undefined;

/** An open hold and its sequence: undefined for a hold written before migration 19, whose entry is a row. */
interface SequencedHold {
  readonly hold: LedgerHold;
  readonly sequence: bigint | undefined;
}

interface EntryRow {
  readonly sequence: bigint;
  readonly account_id: string;
  readonly period: string;
  readonly kind: LedgerEntryKind;
  readonly request_id: string;
  readonly attempt: bigint;
  readonly amount_nano_usd: bigint;
  readonly cost_nano_usd: bigint | null;
  readonly included_nano_usd: bigint;
  readonly prepaid_nano_usd: bigint;
  readonly pay_as_you_go_nano_usd: bigint;
  readonly created_at: string;
  readonly included_only: bigint;
  /** On a closing since migration 19: its hold, which has no row of its own. */
  readonly hold_sequence: bigint | null;
  readonly hold_amount_nano_usd: bigint | null;
  readonly hold_created_at: string | null;
}

interface HoldRow {
  readonly request_id: string;
  readonly attempt: bigint;
  readonly account_id: string;
  readonly period: string;
  readonly amount_nano_usd: bigint;
  readonly created_at: string;
  readonly included_only: bigint;
  readonly sequence: bigint | null;
}

interface AccountRow {
  readonly account_id: string;
  readonly prepaid_granted_nano_usd: bigint;
  readonly prepaid_used_nano_usd: bigint;
  readonly held_nano_usd: bigint;
}

interface PeriodRow {
  readonly account_id: string;
  readonly period: string;
  readonly included_nano_usd: bigint;
  readonly pay_as_you_go_limit_nano_usd: bigint | null;
  readonly included_used_nano_usd: bigint;
  readonly pay_as_you_go_used_nano_usd: bigint;
  readonly held_nano_usd: bigint;
  readonly included_held_nano_usd: bigint;
}

type EntryValues = Omit<LedgerEntry, 'sequence' | 'createdAt'> & {
  /** A closing's hold, recorded on the closing (the hold has no entry row of its own since migration 19). */
  readonly hold?: SequencedHold;
};

const entryColumns = `sequence, account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
  included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at, included_only, hold_sequence,
  hold_amount_nano_usd, hold_created_at`;
const holdColumns =
  'request_id, attempt, account_id, period, amount_nano_usd, created_at, included_only, sequence';

/**
 * A `LedgerRepository` over a migrated SQLite connection. Every write runs in a `BEGIN IMMEDIATE` transaction,
 * which takes the database's write lock before reading, so a reservation's read-decide-write is atomic across
 * every connection to the file. Amounts are read as bigint.
 *
 * @example
 * const ledger = createSqliteLedgerRepository(database);
 * const reserved = await ledger.reserve({ accountId, period: '2026-03', requestId, attempt: 1,
 *   amountNanoUsd: 2_000_000n, allowance: { includedNanoUsd: 100_000_000n, payAsYouGoLimitNanoUsd: 0n } });
 */
export function createSqliteLedgerRepository(database: Database.Database): LedgerRepository {
  // Prepared on first use, in safe-integer mode from then on (amounts are read as bigint); `pluck` for one column.
  // (pluck() is refused by statements that return no rows, so it is only called when asked for.)
  const statement = <Parameters extends unknown[], Result>(sql: string, pluck = false) =>
    prepareOnce<Parameters, Result>(database, sql, (prepared) =>
      pluck ? prepared.safeIntegers(true).pluck() : prepared.safeIntegers(true),
    );
  // No RETURNING on the request path: SQLite gathers RETURNING rows in an ephemeral b-tree, whose set-up (a page
  // cache and a zeroed page) cost more than the statement itself. Every entry brings its sequence (ledger-sequence).
  // A second closing of one (request, attempt) is no change (the unique index of migration 18), not an error.
  const insertEntry = statement<unknown[], unknown>(
    `INSERT INTO ledger_entries (sequence, account_id, period, kind, request_id, attempt, amount_nano_usd,
       cost_nano_usd, included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at, included_only,
       hold_sequence, hold_amount_nano_usd, hold_created_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING`,
  );
  // "kind <> 'grant'" repeats the unique index's condition, so that the planner may use that partial index.
  // The first entry of a (request, attempt): a hold written before migration 19, or the closing that records it.
  const selectFirstEntry = statement<[string, number], EntryRow>(
    `SELECT ${entryColumns} FROM ledger_entries
     WHERE request_id = ? AND attempt = ? AND kind <> 'grant' ORDER BY sequence LIMIT 1`,
  );
  // The highest entry counts too (the rowid's maximum, one page read), so that a row inserted without a sequence, by
  // hand say, cannot make the counter hand out a taken one.
  const selectLastSequence = statement<[], bigint | undefined>(
    `SELECT MAX(last_sequence, COALESCE((SELECT MAX(sequence) FROM ledger_entries), 0))
     FROM ledger_sequence WHERE id = 1`,
    true,
  );
  const updateLastSequence = statement<[bigint], unknown>(
    'UPDATE ledger_sequence SET last_sequence = ? WHERE id = 1',
  );
  const selectClosing = statement<[string, number], EntryRow>(
    `SELECT ${entryColumns} FROM ledger_entries
     WHERE request_id = ? AND attempt = ? AND kind <> 'grant' AND kind IN ('settle', 'release')`,
  );
  const selectGrant = statement<[string], EntryRow>(
    `SELECT ${entryColumns} FROM ledger_entries WHERE request_id = ? AND kind = 'grant'`,
  );
  const selectEntries = statement<[], EntryRow>(
    `SELECT ${entryColumns} FROM ledger_entries ORDER BY sequence`,
  );
  const selectEntriesOf = statement<[string], EntryRow>(
    `SELECT ${entryColumns} FROM ledger_entries WHERE account_id = ? ORDER BY sequence`,
  );
  // Open holds are the requests in flight: few, so scanned.
  const selectOpenHoldsOf = statement<[string], HoldRow>(
    `SELECT ${holdColumns} FROM ledger_open_holds WHERE account_id = ?`,
  );
  // A hold is its open row alone: inserted unless the (request, attempt) is open already (the key) or has entries
  // (it was held and closed), so a repeated reservation is no change, found out without a lookup first.
  const insertOpenHold = statement<unknown[], unknown>(
    `INSERT INTO ledger_open_holds (${holdColumns}) SELECT ?, ?, ?, ?, ?, ?, ?, ?
     WHERE NOT EXISTS (SELECT 1 FROM ledger_entries WHERE request_id = ? AND attempt = ? AND kind <> 'grant')
     ON CONFLICT DO NOTHING`,
  );
  const selectOpenHold = statement<[string, number], HoldRow>(
    `SELECT ${holdColumns} FROM ledger_open_holds WHERE request_id = ? AND attempt = ?`,
  );
  const deleteOpenHold = statement<[string, number], unknown>(
    'DELETE FROM ledger_open_holds WHERE request_id = ? AND attempt = ?',
  );
  // Everything a reservation reads, in one statement: the account's row, the period's, and the account's held total
  // (every period's holds count against prepaid credits), summed from its period rows. No row when either is missing.
  const positionColumns = `a.prepaid_granted_nano_usd, a.prepaid_used_nano_usd, p.included_nano_usd,
       p.pay_as_you_go_limit_nano_usd, p.included_used_nano_usd, p.pay_as_you_go_used_nano_usd,
       p.included_held_nano_usd`;
  const positionJoin = `FROM ledger_account_balances a JOIN ledger_period_balances p ON p.account_id = a.account_id
     WHERE a.account_id = ? AND p.period = ?`;
  const selectPositionAndHeld = statement<[string, string], PositionRow>(
    `SELECT ${positionColumns},
       (SELECT SUM(h.held_nano_usd) FROM ledger_period_balances h WHERE h.account_id = a.account_id) AS held_nano_usd
     ${positionJoin}`,
  );
  // A closing splits its charge by the period's figures and prepaid credit; it needs no held total.
  const selectPosition = statement<[string, string], PositionRow>(
    `SELECT ${positionColumns} ${positionJoin}`,
  );
  const selectHeld = statement<[string], bigint | null>(
    'SELECT SUM(held_nano_usd) FROM ledger_period_balances WHERE account_id = ?',
    true,
  );
  const selectOpenHolds = statement<[string, number], HoldRow>(
    `SELECT ${holdColumns} FROM ledger_open_holds WHERE created_at < ?
     ORDER BY created_at, request_id, attempt LIMIT ?`,
  );
  const selectAllOpenHolds = statement<[], HoldRow>(`SELECT ${holdColumns} FROM ledger_open_holds`);
  const ensureAccount = statement<[string], unknown>(
    'INSERT INTO ledger_account_balances (account_id) VALUES (?) ON CONFLICT DO NOTHING',
  );
  const accountColumns = `a.account_id, a.prepaid_granted_nano_usd, a.prepaid_used_nano_usd,
    (SELECT COALESCE(SUM(h.held_nano_usd), 0) FROM ledger_period_balances h WHERE h.account_id = a.account_id)
      AS held_nano_usd`;
  const selectAccount = statement<[string], AccountRow>(
    `SELECT ${accountColumns} FROM ledger_account_balances a WHERE a.account_id = ?`,
  );
  const selectAccounts = statement<[], AccountRow>(`SELECT ${accountColumns} FROM ledger_account_balances a`);
  const updateAccount = statement<[bigint, bigint, string], unknown>(
    `UPDATE ledger_account_balances SET prepaid_granted_nano_usd = prepaid_granted_nano_usd + ?,
       prepaid_used_nano_usd = prepaid_used_nano_usd + ?
     WHERE account_id = ?`,
  );
  const upsertPeriodAllowance = statement<[string, string, bigint, bigint | null], unknown>(
    `INSERT INTO ledger_period_balances (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd)
     VALUES (?, ?, ?, ?)
     ON CONFLICT (account_id, period) DO UPDATE SET included_nano_usd = excluded.included_nano_usd,
       pay_as_you_go_limit_nano_usd = excluded.pay_as_you_go_limit_nano_usd`,
  );
  const selectPeriod = statement<[string, string], PeriodRow>(
    'SELECT * FROM ledger_period_balances WHERE account_id = ? AND period = ?',
  );
  const selectPeriods = statement<[], PeriodRow>('SELECT * FROM ledger_period_balances');
  const updatePeriod = statement<[bigint, bigint, bigint, bigint, string, string], unknown>(
    `UPDATE ledger_period_balances SET included_used_nano_usd = included_used_nano_usd + ?,
       pay_as_you_go_used_nano_usd = pay_as_you_go_used_nano_usd + ?, held_nano_usd = held_nano_usd + ?,
       included_held_nano_usd = included_held_nano_usd + ?
     WHERE account_id = ? AND period = ?`,
  );

  /** The entry, or undefined when its (request, attempt) already has an entry of its kind. */
  const tryAppend = (values: EntryValues): LedgerEntry | undefined => {
    const createdAt = isoTimestamp(Date.now());
    const sequence = sequences.peek();
    const hold = values.hold;
    const { changes } = insertEntry().run(
      sequence,
      values.accountId,
      values.period,
      values.kind,
      values.requestId,
      values.attempt,
      values.amountNanoUsd,
      values.costNanoUsd ?? null,
      values.includedNanoUsd,
      values.prepaidNanoUsd,
      values.payAsYouGoNanoUsd,
      createdAt,
      (hold?.hold.includedOnly ?? values.includedOnly) === true ? 1 : 0,
      hold?.sequence ?? null,
      hold?.sequence === undefined ? null : hold.hold.amountNanoUsd,
      hold?.sequence === undefined ? null : hold.hold.createdAt,
    );
    if (changes === 0) return undefined;
    sequences.take();
    const { hold: _hold, ...entry } = values;
    // Added to the rest copy, not spread into a new literal: a leading spread plus new keys would give every entry
    // a map of its own on Node 20, and each read of it (the settlement's) would miss its inline cache.
    return Object.assign(entry, { sequence, createdAt });
  };
  const append = (values: EntryValues): LedgerEntry => {
    const entry = tryAppend(values);
    // Closings and grants are looked up (or their open hold taken) in the same transaction first.
    if (entry === undefined)
      throw new Error(`The ledger already has a ${values.kind} of ${values.requestId}.`);
    return entry;
  };
  const noSplit = { includedNanoUsd: 0n, prepaidNanoUsd: 0n, payAsYouGoNanoUsd: 0n };

  const sequences = createLedgerSequence({
    selectLast: selectLastSequence,
    updateLast: updateLastSequence,
  });
  const positions = createLedgerPositions({
    selectPositionAndHeld,
    selectPosition,
    selectHeld,
    updatePeriod,
    updateAccount,
  });
  // The holds this connection took and has not closed: a closing finds its hold here instead of reading it back.
  // Only committed holds are kept; a closing still deletes the row and trusts this copy only when the delete
  // changed it (another connection, a crash reconciler say, may have closed the hold since).
  // Keyed by request id alone (a string the caller already holds, its hash computed once); a later attempt of the
  // same request takes the place of an earlier one, whose closing then reads its hold back.
  const ownHolds = new Map<string, SequencedHold>();
  const takenThisTransaction: SequencedHold[] = [];
  const scope: TransactionScope = {
    finish: () => {
      positions.finish();
      sequences.finish();
    },
    settle(committed) {
      positions.settle(committed);
      sequences.settle(committed);
      if (committed) {
        // A bound on what unclosed holds of a misbehaving caller can keep; the map is only a shortcut.
        if (ownHolds.size > MAX_REMEMBERED_HOLDS) ownHolds.clear();
        for (const taken of takenThisTransaction) ownHolds.set(taken.hold.requestId, taken);
      }
      takenThisTransaction.length = 0;
    },
  };

  /** The (account, period) figures, with the allowance brought up to date: undefined never. */
  const positionFor = (accountId: string, period: string, allowance: ReserveInput['allowance']) => {
    const limit = allowance.payAsYouGoLimitNanoUsd ?? null;
    const figures = positions.get(accountId, period, true);
    if (figures === undefined) {
      ensureAccount().run(accountId);
      upsertPeriodAllowance().run(accountId, period, allowance.includedNanoUsd, limit);
      return positions.get(accountId, period, true) as PeriodFigures;
    }
    // The row is written only when the allowance changed (a new tier, plan or seat count).
    if (
      figures.includedNanoUsd !== allowance.includedNanoUsd ||
      (figures.payAsYouGoLimitNanoUsd ?? null) !== limit
    ) {
      upsertPeriodAllowance().run(accountId, period, allowance.includedNanoUsd, limit);
      figures.includedNanoUsd = allowance.includedNanoUsd;
      figures.payAsYouGoLimitNanoUsd = allowance.payAsYouGoLimitNanoUsd ?? undefined;
    }
    return figures;
  };

  // Plain functions: the turn-batched writer runs them inside its IMMEDIATE transaction, without a savepoint each.
  const reserve = (input: Parameters<LedgerRepository['reserve']>[0]) => {
    const { accountId, period, requestId, attempt, amountNanoUsd, allowance } = input;
    const includedOnly = input.includedOnly === true;
    const existing = () => {
      const hold = heldBefore(requestId, attempt);
      return hold === undefined ? undefined : { outcome: 'existing' as const, hold };
    };
    const figures = positionFor(accountId, period, allowance);
    const position = positionOf(figures);
    const available = includedOnly ? availableIncludedCredit(position) : availableCredit(position);
    const amount = amountToHold(amountNanoUsd, input.minimumNanoUsd ?? amountNanoUsd, available);
    // A repeated reservation is answered with its hold, even once the balance could no longer pay for it.
    if (amount === undefined)
      return existing() ?? { outcome: 'insufficient' as const, availableNanoUsd: available ?? 0n };
    const createdAt = isoTimestamp(Date.now());
    const sequence = sequences.peek();
    const inserted = insertOpenHold().run(
      requestId,
      attempt,
      accountId,
      period,
      amount,
      createdAt,
      includedOnly ? 1 : 0,
      sequence,
      requestId,
      attempt,
    ).changes;
    if (inserted === 0) {
      const repeated = existing();
      if (repeated === undefined)
        throw new Error(`The ledger lost the hold of ${requestId} (attempt ${attempt}).`);
      return repeated;
    }
    sequences.take();
    positions.apply(figures, { held: amount, includedOnly, included: 0n, prepaid: 0n, payAsYouGo: 0n });
    const hold: LedgerHold = {
      accountId,
      period,
      requestId,
      attempt,
      amountNanoUsd: amount,
      createdAt,
      ...(includedOnly ? { includedOnly } : {}),
    };
    takenThisTransaction.push({ hold, sequence });
    return { outcome: 'held' as const, hold };
  };

  /** The hold of (request, attempt), open or closed; undefined when it was never held. */
  const heldBefore = (requestId: string, attempt: number): LedgerHold | undefined => {
    const open = selectOpenHold().get(requestId, attempt);
    if (open !== undefined) return toHold(open);
    const first = selectFirstEntry().get(requestId, attempt);
    if (first === undefined) return undefined;
    const entry = first.kind === 'hold' ? toEntry(first) : recordedHoldOf(first);
    return entry === undefined ? undefined : holdOf(entry);
  };

  /** The open hold of (request, attempt), deleted; undefined when there is none (it was closed, or never taken). */
  const takeOpenHold = (requestId: string, attempt: number): SequencedHold | undefined => {
    const remembered = ownHolds.get(requestId);
    if (remembered !== undefined && remembered.hold.attempt === attempt) {
      ownHolds.delete(requestId);
      if (deleteOpenHold().run(requestId, attempt).changes === 1) return remembered;
      return undefined;
    }
    const row = selectOpenHold().get(requestId, attempt);
    if (row === undefined) return undefined;
    deleteOpenHold().run(requestId, attempt);
    return { hold: toHold(row), sequence: row.sequence ?? undefined };
  };

  const close = (
    requestId: string,
    attempt: number,
    kind: 'settle' | 'release',
    costNanoUsd: bigint | undefined,
  ) => {
    const taken = takeOpenHold(requestId, attempt);
    if (taken === undefined) {
      const closing = selectClosing().get(requestId, attempt);
      return closing === undefined ? undefined : { closed: false, entry: toEntry(closing) };
    }
    const { hold } = taken;
    const figures = positions.get(hold.accountId, hold.period, false) as PeriodFigures;
    const includedOnly = hold.includedOnly === true;
    const { chargeNanoUsd: charge, split } = settleHold(
      kind === 'settle' ? (costNanoUsd ?? 0n) : 0n,
      { amountNanoUsd: hold.amountNanoUsd, includedOnly },
      {
        includedLeftNanoUsd: figures.includedNanoUsd - figures.includedUsedNanoUsd,
        includedHeldNanoUsd: figures.includedHeldNanoUsd,
        prepaidLeftNanoUsd: figures.account.prepaidGrantedNanoUsd - figures.account.prepaidUsedNanoUsd,
      },
    );
    const entry = append({
      accountId: hold.accountId,
      period: hold.period,
      kind,
      requestId,
      attempt,
      amountNanoUsd: kind === 'settle' ? charge : hold.amountNanoUsd,
      costNanoUsd: kind === 'settle' ? costNanoUsd : undefined,
      ...split,
      hold: taken,
    });
    positions.apply(figures, {
      held: -hold.amountNanoUsd,
      includedOnly,
      included: split.includedNanoUsd,
      prepaid: split.prepaidNanoUsd,
      payAsYouGo: split.payAsYouGoNanoUsd,
    });
    return { closed: true, entry };
  };

  const grant = database.transaction((input: Parameters<LedgerRepository['grant']>[0]) => {
    const existing = selectGrant().get(input.grantId);
    if (existing !== undefined) return { outcome: 'existing' as const, entry: toEntry(existing) };
    ensureAccount().run(input.accountId);
    const entry = append({
      accountId: input.accountId,
      period: input.period,
      kind: 'grant',
      requestId: input.grantId,
      attempt: 0,
      amountNanoUsd: input.amountNanoUsd,
      costNanoUsd: undefined,
      ...noSplit,
    });
    updateAccount().run(input.amountNanoUsd, 0n, input.accountId);
    sequences.finish();
    return { outcome: 'granted' as const, entry };
  });
  const grantOnce = (input: Parameters<LedgerRepository['grant']>[0]) => {
    try {
      return grant.immediate(input);
    } finally {
      sequences.settle(true);
    }
  };

  // Entries and open holds are read in one transaction: a hold closed between the two reads would otherwise be
  // listed twice (open, and on its closing) or not at all.
  const entriesRead = database.transaction((accountId: string | undefined) =>
    accountId === undefined
      ? entriesOf(selectEntries().all(), selectAllOpenHolds().all())
      : entriesOf(selectEntriesOf().all(accountId), selectOpenHoldsOf().all(accountId)),
  );
  const snapshot = database.transaction(() => {
    const openHolds = selectAllOpenHolds().all();
    return {
      entries: entriesOf(selectEntries().all(), openHolds),
      openHolds: openHolds.map(toHold),
      accounts: selectAccounts().all().map(toAccountRecord),
      periods: selectPeriods().all().map(toPeriodRecord),
    };
  });

  // Reservations and closings of one event-loop turn share one IMMEDIATE transaction with the connection's other
  // turn-batched writes (request records, checkpoints).
  const write = createTurnBatchedWriter(
    database,
    (call: LedgerCall) =>
      call.kind === 'reserve'
        ? reserve(call.input)
        : close(call.requestId, call.attempt, call.kind, call.costNanoUsd),
    { immediate: true, scope },
  );

  return {
    async reserve(input) {
      return (await write({ kind: 'reserve', input })) as ReserveResult;
    },
    async settle({ requestId, attempt, costNanoUsd }) {
      if (costNanoUsd < 0n) throw new RangeError('A cost cannot be negative.');
      const closed = (await write({ kind: 'settle', requestId, attempt, costNanoUsd })) as ClosingResult;
      if (closed === undefined) return { outcome: 'unknown-hold' };
      if (closed.closed) return { outcome: 'settled', entry: closed.entry };
      return {
        outcome: closed.entry.kind === 'settle' ? 'already-settled' : 'already-released',
        entry: closed.entry,
      };
    },
    async release({ requestId, attempt }) {
      const closed = (await write({
        kind: 'release',
        requestId,
        attempt,
        costNanoUsd: undefined,
      })) as ClosingResult;
      if (closed === undefined) return { outcome: 'unknown-hold' };
      if (closed.closed) return { outcome: 'released', entry: closed.entry };
      return {
        outcome: closed.entry.kind === 'settle' ? 'already-settled' : 'already-released',
        entry: closed.entry,
      };
    },
    async grant(input) {
      if (input.amountNanoUsd <= 0n) throw new RangeError('A grant must be positive.');
      return grantOnce(input);
    },
    async balance(accountId, period) {
      const account = selectAccount().get(accountId);
      const periodRow = selectPeriod().get(accountId, period);
      return ledgerBalance(
        accountId,
        period,
        account === undefined ? undefined : toAccountRecord(account),
        periodRow === undefined ? undefined : toPeriodRecord(periodRow),
      );
    },
    async listOpenHolds({ createdBefore, limit } = {}) {
      // '~' sorts after every ISO-8601 timestamp, so it stands for "no bound"; -1 is SQLite's "no limit".
      return selectOpenHolds()
        .all(createdBefore ?? '~', limit ?? -1)
        .map(toHold);
    },
    async listEntries({ accountId } = {}) {
      return entriesRead.deferred(accountId);
    },
    async snapshot() {
      return snapshot.deferred();
    },
  };
}

function toEntry(row: EntryRow): LedgerEntry {
  return {
    sequence: row.sequence,
    accountId: row.account_id,
    period: row.period,
    kind: row.kind,
    requestId: row.request_id,
    attempt: Number(row.attempt),
    amountNanoUsd: row.amount_nano_usd,
    costNanoUsd: row.cost_nano_usd ?? undefined,
    includedNanoUsd: row.included_nano_usd,
    prepaidNanoUsd: row.prepaid_nano_usd,
    payAsYouGoNanoUsd: row.pay_as_you_go_nano_usd,
    createdAt: row.created_at,
    ...(row.kind === 'hold' && row.included_only === 1n ? { includedOnly: true } : {}),
  };
}

/** The hold entry a closing records (migration 19), or undefined for a closing whose hold is a row of its own. */
function recordedHoldOf(row: EntryRow): LedgerEntry | undefined {
  if (row.hold_sequence === null || row.hold_amount_nano_usd === null || row.hold_created_at === null) {
    return undefined;
  }
  const hold: LedgerHold = {
    accountId: row.account_id,
    period: row.period,
    requestId: row.request_id,
    attempt: Number(row.attempt),
    amountNanoUsd: row.hold_amount_nano_usd,
    createdAt: row.hold_created_at,
    ...(row.included_only === 1n ? { includedOnly: true } : {}),
  };
  return { ...holdEntryFields(hold), sequence: row.hold_sequence };
}

/** The hold entry of an open row with a sequence; undefined for one whose entry is a row (before migration 19). */
function openHoldEntryOf(row: HoldRow): LedgerEntry | undefined {
  if (row.sequence === null) return undefined;
  return { ...holdEntryFields(toHold(row)), sequence: row.sequence };
}

function holdEntryFields(hold: LedgerHold): Omit<LedgerEntry, 'sequence'> {
  return {
    accountId: hold.accountId,
    period: hold.period,
    kind: 'hold',
    requestId: hold.requestId,
    attempt: hold.attempt,
    amountNanoUsd: hold.amountNanoUsd,
    costNanoUsd: undefined,
    includedNanoUsd: 0n,
    prepaidNanoUsd: 0n,
    payAsYouGoNanoUsd: 0n,
    createdAt: hold.createdAt,
    ...(hold.includedOnly === true ? { includedOnly: true } : {}),
  };
}

/** The ledger's entries in sequence order: its rows, the holds their closings record, and the open holds. */
function entriesOf(rows: readonly EntryRow[], openHolds: readonly HoldRow[]): LedgerEntry[] {
  const entries: LedgerEntry[] = [];
  let sorted = true;
  for (const row of rows) {
    const hold = recordedHoldOf(row);
    if (hold !== undefined) {
      if (entries.length > 0 && (entries.at(-1) as LedgerEntry).sequence > hold.sequence) sorted = false;
      entries.push(hold);
    }
    entries.push(toEntry(row));
  }
  for (const row of openHolds) {
    const hold = openHoldEntryOf(row);
    if (hold !== undefined) {
      entries.push(hold);
      sorted = false;
    }
  }
  if (!sorted) entries.sort((a, b) => (a.sequence < b.sequence ? -1 : a.sequence > b.sequence ? 1 : 0));
  return entries;
}

function holdOf(entry: LedgerEntry): LedgerHold {
  return {
    accountId: entry.accountId,
    period: entry.period,
    requestId: entry.requestId,
    attempt: entry.attempt,
    amountNanoUsd: entry.amountNanoUsd,
    createdAt: entry.createdAt,
    ...(entry.includedOnly === true ? { includedOnly: true } : {}),
  };
}

function toHold(row: HoldRow): LedgerHold {
  return {
    accountId: row.account_id,
    period: row.period,
    requestId: row.request_id,
    attempt: Number(row.attempt),
    amountNanoUsd: row.amount_nano_usd,
    createdAt: row.created_at,
    ...(row.included_only === 1n ? { includedOnly: true } : {}),
  };
}

function toAccountRecord(row: AccountRow): LedgerAccountBalanceRow {
  return {
    accountId: row.account_id,
    prepaidGrantedNanoUsd: row.prepaid_granted_nano_usd,
    prepaidUsedNanoUsd: row.prepaid_used_nano_usd,
    heldNanoUsd: row.held_nano_usd,
  };
}

function toPeriodRecord(row: PeriodRow): LedgerPeriodBalanceRow {
  return {
    accountId: row.account_id,
    period: row.period,
    includedNanoUsd: row.included_nano_usd,
    payAsYouGoLimitNanoUsd: row.pay_as_you_go_limit_nano_usd ?? undefined,
    includedUsedNanoUsd: row.included_used_nano_usd,
    payAsYouGoUsedNanoUsd: row.pay_as_you_go_used_nano_usd,
    heldNanoUsd: row.held_nano_usd,
    includedHeldNanoUsd: row.included_held_nano_usd,
  };
}
