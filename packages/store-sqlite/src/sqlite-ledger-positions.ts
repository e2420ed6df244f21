/**
 * The balance rows the ledger's writes of one transaction read and change, kept in memory for that transaction.
 * The turn-batched writer runs every reservation and closing of an event-loop turn in one IMMEDIATE transaction,
 * which holds the file's write lock from its first statement to its commit: no other connection can change these
 * rows meanwhile, so they are read once per account and period instead of once per write, and each changed row is
 * written once, with the sum of its changes, just before the commit. Nothing outlives the transaction.
 */
import type { AccountPosition } from '@tollgate/core';
import type Database from 'better-sqlite3';
import type { TransactionScope } from './turn-batched-writer.js';

/** The account's and the period's figures, from one join; the account's held total only when asked for. */
export interface PositionRow {
  readonly prepaid_granted_nano_usd: bigint;
  readonly prepaid_used_nano_usd: bigint;
  readonly held_nano_usd?: bigint;
  readonly included_nano_usd: bigint;
  readonly pay_as_you_go_limit_nano_usd: bigint | null;
  readonly included_used_nano_usd: bigint;
  readonly pay_as_you_go_used_nano_usd: bigint;
  readonly included_held_nano_usd: bigint;
}

/**
 * One account's figures shared by its periods: prepaid credit, and holds of every period (they all count). The
 * held total is summed over the account's period rows only when a reservation needs it (a closing does not).
 */
interface AccountFigures {
  readonly accountId: string;
  prepaidGrantedNanoUsd: bigint;
  prepaidUsedNanoUsd: bigint;
  heldNanoUsd: bigint | undefined;
  prepaidUsedChange: bigint;
  /** Whether this transaction wrote the account's row already: later changes wait for the commit. */
  prepaidChanged: boolean;
  readonly periods: PeriodFigures[];
}

/** One (account, period) as this transaction sees it: the stored figures plus its own unwritten changes. */
export interface PeriodFigures {
  readonly account: AccountFigures;
  readonly period: string;
  includedNanoUsd: bigint;
  payAsYouGoLimitNanoUsd: bigint | undefined;
  includedUsedNanoUsd: bigint;
  payAsYouGoUsedNanoUsd: bigint;
  includedHeldNanoUsd: bigint;
  includedUsedChange: bigint;
  payAsYouGoUsedChange: bigint;
  heldChange: bigint;
  includedHeldChange: bigint;
  /** Whether this transaction wrote the period's row already: later changes wait for the commit. */
  changed: boolean;
}

export interface FiguresChange {
  readonly held: bigint;
  readonly includedOnly: boolean;
  readonly included: bigint;
  readonly prepaid: bigint;
  readonly payAsYouGo: bigint;
}

export interface LedgerPositionStatements {
  /** The join with the account's held total (what a reservation reads). */
  readonly selectPositionAndHeld: () => Database.Statement<[string, string], PositionRow>;
  /** The join alone (what a closing reads). */
  readonly selectPosition: () => Database.Statement<[string, string], PositionRow>;
  readonly selectHeld: () => Database.Statement<[string], bigint | null>;
  readonly updatePeriod: () => Database.Statement<[bigint, bigint, bigint, bigint, string, string], unknown>;
  readonly updateAccount: () => Database.Statement<[bigint, bigint, string], unknown>;
}

export interface LedgerPositions extends TransactionScope {
  /**
   * The figures of (account, period), read on first use in this transaction; undefined when a row is missing.
   * `withHeld`: the account's held total is wanted too.
   */
  get(accountId: string, period: string, withHeld: boolean): PeriodFigures | undefined;
  /**
   * A change of the held total (a hold, or minus one at its closing), also of the included-only held total when it
   * is one, and a charge paid from included credit, prepaid credit and pay-as-you-go.
   */
  apply(figures: PeriodFigures, change: FiguresChange): void;
}

/** The position `availableCredit` and `availableIncludedCredit` read. */
export function positionOf(
  figures: PeriodFigures,
): AccountPosition & { readonly includedHeldNanoUsd: bigint } {
  return {
    includedNanoUsd: figures.includedNanoUsd,
    payAsYouGoLimitNanoUsd: figures.payAsYouGoLimitNanoUsd,
    includedUsedNanoUsd: figures.includedUsedNanoUsd,
    payAsYouGoUsedNanoUsd: figures.payAsYouGoUsedNanoUsd,
    includedHeldNanoUsd: figures.includedHeldNanoUsd,
    prepaidGrantedNanoUsd: figures.account.prepaidGrantedNanoUsd,
    prepaidUsedNanoUsd: figures.account.prepaidUsedNanoUsd,
    heldNanoUsd: figures.account.heldNanoUsd ?? 0n,
  };
}

/**
 * @example
 * const positions = createLedgerPositions(statements);
 * createTurnBatchedWriter(database, write, { immediate: true, scope: positions });
 */
export function createLedgerPositions(statements: LedgerPositionStatements): LedgerPositions {
  const accounts = new Map<string, AccountFigures>();

  const writeOut = (account: AccountFigures) => {
    for (const figures of account.periods) {
      if (
        figures.includedUsedChange !== 0n ||
        figures.payAsYouGoUsedChange !== 0n ||
        figures.heldChange !== 0n ||
        figures.includedHeldChange !== 0n
      ) {
        statements
          .updatePeriod()
          .run(
            figures.includedUsedChange,
            figures.payAsYouGoUsedChange,
            figures.heldChange,
            figures.includedHeldChange,
            account.accountId,
            figures.period,
          );
      }
    }
    if (account.prepaidUsedChange !== 0n)
      statements.updateAccount().run(0n, account.prepaidUsedChange, account.accountId);
  };
  /** Writes out and forgets what is held for an account, before its rows are read afresh. */
  const flush = (accountId: string) => {
    const account = accounts.get(accountId);
    if (account === undefined) return;
    writeOut(account);
    accounts.delete(accountId);
  };

  return {
    get(accountId, period, withHeld) {
      // An account has one period in a transaction but around a month's turn: a short list, no keys to build.
      const known = accounts.get(accountId)?.periods.find((figures) => figures.period === period);
      if (known !== undefined) {
        if (withHeld && known.account.heldNanoUsd === undefined) {
          // The stored sum lacks this transaction's unwritten changes to the held totals of the account's periods.
          let held = statements.selectHeld().get(accountId) ?? 0n;
          for (const figures of known.account.periods) held += figures.heldChange;
          known.account.heldNanoUsd = held;
        }
        return known;
      }
      // The account's held total is summed over its periods when it is read: a period not read with it is read
      // afresh with the account, after the account's own changes are written.
      flush(accountId);
      const row = (withHeld ? statements.selectPositionAndHeld() : statements.selectPosition()).get(
        accountId,
        period,
      );
      if (row === undefined) return undefined;
      const account: AccountFigures = {
        accountId,
        prepaidGrantedNanoUsd: row.prepaid_granted_nano_usd,
        prepaidUsedNanoUsd: row.prepaid_used_nano_usd,
        heldNanoUsd: row.held_nano_usd,
        prepaidUsedChange: 0n,
        prepaidChanged: false,
        periods: [],
      };
      const figures: PeriodFigures = {
        account,
        period,
        includedNanoUsd: row.included_nano_usd,
        payAsYouGoLimitNanoUsd: row.pay_as_you_go_limit_nano_usd ?? undefined,
        includedUsedNanoUsd: row.included_used_nano_usd,
        payAsYouGoUsedNanoUsd: row.pay_as_you_go_used_nano_usd,
        includedHeldNanoUsd: row.included_held_nano_usd,
        includedUsedChange: 0n,
        payAsYouGoUsedChange: 0n,
        heldChange: 0n,
        includedHeldChange: 0n,
        changed: false,
      };
      account.periods.push(figures);
      accounts.set(accountId, account);
      return figures;
    },
    apply(figures, { held, includedOnly, included, prepaid, payAsYouGo }) {
      const includedHeld = includedOnly ? held : 0n;
      figures.account.heldNanoUsd =
        figures.account.heldNanoUsd === undefined ? undefined : figures.account.heldNanoUsd + held;
      figures.includedHeldNanoUsd += includedHeld;
      figures.includedUsedNanoUsd += included;
      figures.payAsYouGoUsedNanoUsd += payAsYouGo;
      figures.account.prepaidUsedNanoUsd += prepaid;
      // The first change of a row is written at once, as a lone write would be: deferring pays only from the second
      // change of the same row on, and rows of many accounts are each changed once in a transaction.
      if (figures.changed) {
        figures.heldChange += held;
        figures.includedHeldChange += includedHeld;
        figures.includedUsedChange += included;
        figures.payAsYouGoUsedChange += payAsYouGo;
      } else {
        figures.changed = true;
        statements
          .updatePeriod()
          .run(included, payAsYouGo, held, includedHeld, figures.account.accountId, figures.period);
      }
      if (prepaid === 0n) return;
      if (figures.account.prepaidChanged) figures.account.prepaidUsedChange += prepaid;
      else {
        figures.account.prepaidChanged = true;
        statements.updateAccount().run(0n, prepaid, figures.account.accountId);
      }
    },
    finish() {
      for (const account of accounts.values()) writeOut(account);
      accounts.clear();
    },
    settle() {
      // After a commit nothing is left (finish forgot it); after a rollback, what was read or changed is void.
      accounts.clear();
    },
  };
}
