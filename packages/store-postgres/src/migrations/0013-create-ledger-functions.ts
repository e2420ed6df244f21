/**
 * Migration 13: a reservation and the closing of a hold each become one call of a PL/pgSQL function, one round
 * trip instead of six (BEGIN, lock, read, decide, write, COMMIT), and the `_many` variants run a batch of them in
 * one transaction (group commit, see call-batcher.ts). The money rules are core's
 * (`packages/core/src/credits/ledger-arithmetic.ts`) written once more in SQL; the ledger conformance suite runs the
 * same scenarios on this store, the SQLite store and the in-memory ledger, so the three cannot drift apart unseen.
 */
import type { PostgresMigration } from '../postgres-migration.js';

// Output columns are named out_* so that they never shadow a table column inside the functions.
export const createLedgerFunctions: PostgresMigration = {
  version: 13,
  name: 'create-ledger-functions',
  sql: `
    CREATE FUNCTION tollgate_ledger_reserve(
      p_account TEXT, p_period TEXT, p_request TEXT, p_attempt INTEGER, p_amount BIGINT, p_minimum BIGINT,
      p_included BIGINT, p_pay_as_you_go_limit BIGINT, p_at TIMESTAMPTZ)
    RETURNS TABLE (out_outcome TEXT, out_sequence BIGINT, out_amount BIGINT, out_created_at TIMESTAMPTZ,
      out_available BIGINT)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      account_row ledger_account_balances%ROWTYPE;
      period_row ledger_period_balances%ROWTYPE;
      existing ledger_entries%ROWTYPE;
      available BIGINT;
      amount BIGINT;
      entry_sequence BIGINT;
    BEGIN
      -- The account's row, locked: every reservation and closing of this account waits here, on every instance.
      INSERT INTO ledger_account_balances AS a (account_id) VALUES (p_account)
        ON CONFLICT (account_id) DO UPDATE SET account_id = a.account_id
        RETURNING * INTO account_row;
      SELECT * INTO existing FROM ledger_entries e
        WHERE e.request_id = p_request AND e.attempt = p_attempt AND e.kind = 'hold';
      IF FOUND THEN
        RETURN QUERY SELECT 'existing'::TEXT, existing.sequence, existing.amount_nano_usd, existing.created_at,
          NULL::BIGINT;
        RETURN;
      END IF;
      INSERT INTO ledger_period_balances AS p (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd)
        VALUES (p_account, p_period, p_included, p_pay_as_you_go_limit)
        ON CONFLICT (account_id, period) DO UPDATE SET included_nano_usd = EXCLUDED.included_nano_usd,
          pay_as_you_go_limit_nano_usd = EXCLUDED.pay_as_you_go_limit_nano_usd
        RETURNING * INTO period_row;
      -- availableCredit: NULL stands for unlimited pay-as-you-go.
      IF period_row.pay_as_you_go_limit_nano_usd IS NOT NULL THEN
        available := GREATEST(0,
          GREATEST(0, period_row.included_nano_usd - period_row.included_used_nano_usd)
          + GREATEST(0, account_row.prepaid_granted_nano_usd - account_row.prepaid_used_nano_usd)
          + GREATEST(0, period_row.pay_as_you_go_limit_nano_usd - period_row.pay_as_you_go_used_nano_usd)
          - account_row.held_nano_usd);
      END IF;
      -- amountToHold: all of it when it fits, else what is available when that reaches the minimum, else nothing.
      IF available IS NULL OR p_amount <= available THEN
        amount := p_amount;
      ELSIF p_minimum <= available THEN
        amount := available;
      ELSE
        RETURN QUERY SELECT 'insufficient'::TEXT, NULL::BIGINT, NULL::BIGINT, NULL::TIMESTAMPTZ, available;
        RETURN;
      END IF;
      INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, created_at)
        VALUES (p_account, p_period, 'hold', p_request, p_attempt, amount, p_at)
        RETURNING sequence INTO entry_sequence;
      INSERT INTO ledger_open_holds (request_id, attempt, account_id, period, amount_nano_usd, created_at)
        VALUES (p_request, p_attempt, p_account, p_period, amount, p_at);
      UPDATE ledger_account_balances SET held_nano_usd = held_nano_usd + amount WHERE account_id = p_account;
      UPDATE ledger_period_balances SET held_nano_usd = held_nano_usd + amount
        WHERE account_id = p_account AND period = p_period;
      RETURN QUERY SELECT 'held'::TEXT, entry_sequence, amount, p_at, available;
    END
    $fn$;

    CREATE FUNCTION tollgate_ledger_close(
      p_request TEXT, p_attempt INTEGER, p_kind TEXT, p_cost BIGINT, p_at TIMESTAMPTZ)
    RETURNS TABLE (out_closed BOOLEAN, out_sequence BIGINT, out_account TEXT, out_period TEXT, out_kind TEXT,
      out_amount BIGINT, out_cost BIGINT, out_included BIGINT, out_prepaid BIGINT, out_pay_as_you_go BIGINT,
      out_created_at TIMESTAMPTZ)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      hold_row ledger_open_holds%ROWTYPE;
      account_row ledger_account_balances%ROWTYPE;
      period_row ledger_period_balances%ROWTYPE;
      charge BIGINT := 0;
      included BIGINT;
      prepaid BIGINT;
      rest BIGINT;
      entry_sequence BIGINT;
    BEGIN
      IF p_kind NOT IN ('settle', 'release') THEN
        RAISE EXCEPTION 'a hold is closed by settle or release, not %', p_kind;
      END IF;
      -- Taking the open row first: a concurrent closing of the same hold waits on it, then finds it gone.
      DELETE FROM ledger_open_holds h WHERE h.request_id = p_request AND h.attempt = p_attempt
        RETURNING * INTO hold_row;
      IF NOT FOUND THEN
        RETURN QUERY SELECT false, e.sequence, e.account_id, e.period, e.kind, e.amount_nano_usd, e.cost_nano_usd,
          e.included_nano_usd, e.prepaid_nano_usd, e.pay_as_you_go_nano_usd, e.created_at
          FROM ledger_entries e
          WHERE e.request_id = p_request AND e.attempt = p_attempt AND e.kind IN ('settle', 'release');
        RETURN;
      END IF;
      SELECT * INTO account_row FROM ledger_account_balances WHERE account_id = hold_row.account_id FOR UPDATE;
      SELECT * INTO period_row FROM ledger_period_balances
        WHERE account_id = hold_row.account_id AND period = hold_row.period;
      -- chargeFor, then splitCharge: included credits of the hold's period, then prepaid, then pay-as-you-go.
      IF p_kind = 'settle' THEN
        charge := LEAST(GREATEST(p_cost, 0), hold_row.amount_nano_usd);
      END IF;
      included := LEAST(charge,
        GREATEST(0, COALESCE(period_row.included_nano_usd, 0) - COALESCE(period_row.included_used_nano_usd, 0)));
      rest := charge - included;
      prepaid := LEAST(rest, GREATEST(0, account_row.prepaid_granted_nano_usd - account_row.prepaid_used_nano_usd));
      INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
          included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at)
        VALUES (hold_row.account_id, hold_row.period, p_kind, p_request, p_attempt,
          CASE WHEN p_kind = 'settle' THEN charge ELSE hold_row.amount_nano_usd END,
          CASE WHEN p_kind = 'settle' THEN p_cost END, included, prepaid, rest - prepaid, p_at)
        RETURNING sequence INTO entry_sequence;
      UPDATE ledger_account_balances SET prepaid_used_nano_usd = prepaid_used_nano_usd + prepaid,
          held_nano_usd = held_nano_usd - hold_row.amount_nano_usd
        WHERE account_id = hold_row.account_id;
      UPDATE ledger_period_balances SET included_used_nano_usd = included_used_nano_usd + included,
          pay_as_you_go_used_nano_usd = pay_as_you_go_used_nano_usd + (rest - prepaid),
          held_nano_usd = held_nano_usd - hold_row.amount_nano_usd
        WHERE account_id = hold_row.account_id AND period = hold_row.period;
      RETURN QUERY SELECT true, entry_sequence, hold_row.account_id, hold_row.period, p_kind,
        CASE WHEN p_kind = 'settle' THEN charge ELSE hold_row.amount_nano_usd END,
        CASE WHEN p_kind = 'settle' THEN p_cost END, included, prepaid, rest - prepaid, p_at;
    END
    $fn$;

    -- A batch in one transaction. Accounts are locked in one order (by id) in every batch, so two batches never
    -- wait on each other in a cycle; the caller falls back to single calls if one ever does.
    CREATE FUNCTION tollgate_ledger_reserve_many(
      p_accounts TEXT[], p_periods TEXT[], p_requests TEXT[], p_attempts INTEGER[], p_amounts BIGINT[],
      p_minimums BIGINT[], p_included BIGINT[], p_pay_as_you_go_limits BIGINT[], p_at TIMESTAMPTZ)
    RETURNS TABLE (out_index INTEGER, out_outcome TEXT, out_sequence BIGINT, out_amount BIGINT,
      out_created_at TIMESTAMPTZ, out_available BIGINT)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      idx INTEGER;
    BEGIN
      FOR idx IN SELECT k FROM generate_subscripts(p_accounts, 1) AS k ORDER BY p_accounts[k] COLLATE "C", k LOOP
        RETURN QUERY SELECT idx, r.* FROM tollgate_ledger_reserve(p_accounts[idx], p_periods[idx], p_requests[idx],
          p_attempts[idx], p_amounts[idx], p_minimums[idx], p_included[idx], p_pay_as_you_go_limits[idx], p_at) AS r;
      END LOOP;
    END
    $fn$;

    CREATE FUNCTION tollgate_ledger_close_many(
      p_requests TEXT[], p_attempts INTEGER[], p_kinds TEXT[], p_costs BIGINT[], p_at TIMESTAMPTZ)
    RETURNS TABLE (out_index INTEGER, out_closed BOOLEAN, out_sequence BIGINT, out_account TEXT, out_period TEXT,
      out_kind TEXT, out_amount BIGINT, out_cost BIGINT, out_included BIGINT, out_prepaid BIGINT,
      out_pay_as_you_go BIGINT, out_created_at TIMESTAMPTZ)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      idx INTEGER;
    BEGIN
      -- Ordered by the account each hold belongs to (a hold never changes account), holds already closed first.
      FOR idx IN
        SELECT k FROM generate_subscripts(p_requests, 1) AS k
          LEFT JOIN ledger_open_holds h ON h.request_id = p_requests[k] AND h.attempt = p_attempts[k]
          ORDER BY h.account_id COLLATE "C" NULLS FIRST, k
      LOOP
        RETURN QUERY SELECT idx, c.* FROM tollgate_ledger_close(p_requests[idx], p_attempts[idx], p_kinds[idx],
          p_costs[idx], p_at) AS c;
      END LOOP;
    END
    $fn$;
  `,
};
