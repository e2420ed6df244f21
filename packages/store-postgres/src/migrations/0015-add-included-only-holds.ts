/**
 * Migration 15: holds reserved against included credits alone, for providers not integrated with billing (decision
 * 0022). The ledger functions of migration 13 are replaced by versions that take and honour the flag; the money
 * rules are core's `availableIncludedCredit` and `settleHold` (`packages/core/src/credits/ledger-arithmetic.ts`),
 * and the included-only conformance scenarios run on this store, the SQLite store and the in-memory ledger.
 */
import type { PostgresMigration } from '../postgres-migration.js';

export const addIncludedOnlyHolds: PostgresMigration = {
  version: 15,
  name: 'add-included-only-holds',
  sql: `
    ALTER TABLE ledger_entries ADD COLUMN included_only BOOLEAN NOT NULL DEFAULT false;
    ALTER TABLE ledger_open_holds ADD COLUMN included_only BOOLEAN NOT NULL DEFAULT false;
    -- The period's open included-only holds: included credits that no other settlement may take.
    ALTER TABLE ledger_period_balances ADD COLUMN included_held_nano_usd BIGINT NOT NULL DEFAULT 0;

    -- The reservation gains an argument, so the old signatures go (the batch one first: it calls the single one).
    DROP FUNCTION tollgate_ledger_reserve_many(TEXT[], TEXT[], TEXT[], INTEGER[], BIGINT[], BIGINT[], BIGINT[],
      BIGINT[], TIMESTAMPTZ);
    DROP FUNCTION tollgate_ledger_reserve(TEXT, TEXT, TEXT, INTEGER, BIGINT, BIGINT, BIGINT, BIGINT, TIMESTAMPTZ);

    CREATE FUNCTION tollgate_ledger_reserve(
      p_account TEXT, p_period TEXT, p_request TEXT, p_attempt INTEGER, p_amount BIGINT, p_minimum BIGINT,
      p_included BIGINT, p_pay_as_you_go_limit BIGINT, p_included_only BOOLEAN, p_at TIMESTAMPTZ)
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
      -- availableIncludedCredit: included left net of the period's included-only holds, within availableCredit.
      IF p_included_only THEN
        available := LEAST(COALESCE(available, 9223372036854775807), GREATEST(0, period_row.included_nano_usd
          - period_row.included_used_nano_usd - period_row.included_held_nano_usd));
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
      INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, created_at,
          included_only)
        VALUES (p_account, p_period, 'hold', p_request, p_attempt, amount, p_at, p_included_only)
        RETURNING sequence INTO entry_sequence;
      INSERT INTO ledger_open_holds (request_id, attempt, account_id, period, amount_nano_usd, created_at,
          included_only)
        VALUES (p_request, p_attempt, p_account, p_period, amount, p_at, p_included_only);
      UPDATE ledger_account_balances SET held_nano_usd = held_nano_usd + amount WHERE account_id = p_account;
      UPDATE ledger_period_balances SET held_nano_usd = held_nano_usd + amount,
          included_held_nano_usd = included_held_nano_usd + CASE WHEN p_included_only THEN amount ELSE 0 END
        WHERE account_id = p_account AND period = p_period;
      RETURN QUERY SELECT 'held'::TEXT, entry_sequence, amount, p_at, available;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION tollgate_ledger_close(
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
      included_free BIGINT;
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
      -- settleHold: chargeFor, then the included credits left that other included-only holds do not reserve;
      -- an included-only hold is paid from them alone, any other by splitCharge.
      IF p_kind = 'settle' THEN
        charge := LEAST(GREATEST(p_cost, 0), hold_row.amount_nano_usd);
      END IF;
      included_free := GREATEST(0, COALESCE(period_row.included_nano_usd, 0)
        - COALESCE(period_row.included_used_nano_usd, 0)
        - GREATEST(0, COALESCE(period_row.included_held_nano_usd, 0)
          - CASE WHEN hold_row.included_only THEN hold_row.amount_nano_usd ELSE 0 END));
      IF hold_row.included_only THEN
        charge := LEAST(charge, included_free);
      END IF;
      included := LEAST(charge, included_free);
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
          held_nano_usd = held_nano_usd - hold_row.amount_nano_usd,
          included_held_nano_usd = included_held_nano_usd
            - CASE WHEN hold_row.included_only THEN hold_row.amount_nano_usd ELSE 0 END
        WHERE account_id = hold_row.account_id AND period = hold_row.period;
      RETURN QUERY SELECT true, entry_sequence, hold_row.account_id, hold_row.period, p_kind,
        CASE WHEN p_kind = 'settle' THEN charge ELSE hold_row.amount_nano_usd END,
        CASE WHEN p_kind = 'settle' THEN p_cost END, included, prepaid, rest - prepaid, p_at;
    END
    $fn$;

    -- As in migration 13: accounts locked in one order (by id) in every batch.
    CREATE FUNCTION tollgate_ledger_reserve_many(
      p_accounts TEXT[], p_periods TEXT[], p_requests TEXT[], p_attempts INTEGER[], p_amounts BIGINT[],
      p_minimums BIGINT[], p_included BIGINT[], p_pay_as_you_go_limits BIGINT[], p_included_only BOOLEAN[],
      p_at TIMESTAMPTZ)
    RETURNS TABLE (out_index INTEGER, out_outcome TEXT, out_sequence BIGINT, out_amount BIGINT,
      out_created_at TIMESTAMPTZ, out_available BIGINT)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      idx INTEGER;
    BEGIN
      FOR idx IN SELECT k FROM generate_subscripts(p_accounts, 1) AS k ORDER BY p_accounts[k] COLLATE "C", k LOOP
        RETURN QUERY SELECT idx, r.* FROM tollgate_ledger_reserve(p_accounts[idx], p_periods[idx], p_requests[idx],
          p_attempts[idx], p_amounts[idx], p_minimums[idx], p_included[idx], p_pay_as_you_go_limits[idx],
          p_included_only[idx], p_at) AS r;
      END LOOP;
    END
    $fn$;
  `,
};
