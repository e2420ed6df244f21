/**
 * Migration 18: the ledger functions of migration 15 rewritten to do less work per call (decision 0015). A
 * reservation locked its account by an upsert that wrote a new version of the row only to lock it, upserted the
 * period's row, then updated both again: four row versions where two do. It now locks with `SELECT ... FOR UPDATE`,
 * reads the period and looks for its hold in one statement after the lock, and writes the hold, its open row and
 * both balances in one statement. A closing's entry and balances are one statement too, and a batch of closings is
 * put in account order by key lookups instead of a scan of the open holds. The money rules are unchanged: core's
 * `availableCredit`, `availableIncludedCredit` and `settleHold` (`packages/core/src/credits/ledger-arithmetic.ts`),
 * checked by the ledger conformance suites on every store.
 *
 * The batch functions hold the logic and return each call's result with `RETURN NEXT`; the single-call functions
 * keep their signatures as batches of one, for gateways of the previous version still running.
 */
import type { PostgresMigration } from '../postgres-migration.js';

export const ledgerFunctionsInFewerStatements: PostgresMigration = {
  version: 18,
  name: 'ledger-functions-in-fewer-statements',
  sql: `
    CREATE OR REPLACE FUNCTION tollgate_ledger_reserve_many(
      p_accounts TEXT[], p_periods TEXT[], p_requests TEXT[], p_attempts INTEGER[], p_amounts BIGINT[],
      p_minimums BIGINT[], p_included BIGINT[], p_pay_as_you_go_limits BIGINT[], p_included_only BOOLEAN[],
      p_at TIMESTAMPTZ)
    RETURNS TABLE (out_index INTEGER, out_outcome TEXT, out_sequence BIGINT, out_amount BIGINT,
      out_created_at TIMESTAMPTZ, out_available BIGINT)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      idx INTEGER;
      v_prepaid_left BIGINT;
      v_account_held BIGINT;
      v_included_used BIGINT;
      v_pay_as_you_go_used BIGINT;
      v_included_held BIGINT;
      v_existing_sequence BIGINT;
      v_existing_amount BIGINT;
      v_existing_created_at TIMESTAMPTZ;
      v_available BIGINT;
      v_amount BIGINT;
    BEGIN
      -- Accounts locked in one order (by id) in every batch, so two batches never wait on each other in a cycle.
      FOR idx IN SELECT k FROM generate_subscripts(p_accounts, 1) AS k ORDER BY p_accounts[k] COLLATE "C", k LOOP
        out_index := idx;
        -- The account's row, locked: every reservation and closing of this account waits here, on every instance.
        -- A lock, not an upsert, so the row gains no new version until the hold is written; the row is made once.
        LOOP
          SELECT a.prepaid_granted_nano_usd - a.prepaid_used_nano_usd, a.held_nano_usd
            INTO v_prepaid_left, v_account_held
            FROM ledger_account_balances a WHERE a.account_id = p_accounts[idx] FOR UPDATE;
          EXIT WHEN FOUND;
          INSERT INTO ledger_account_balances (account_id) VALUES (p_accounts[idx]) ON CONFLICT DO NOTHING;
        END LOOP;
        -- Its own statement, after the lock: it sees every hold and closing committed while this one waited, a twin
        -- reservation of this (request, attempt) included.
        SELECT COALESCE(p.included_used_nano_usd, 0), COALESCE(p.pay_as_you_go_used_nano_usd, 0),
            COALESCE(p.included_held_nano_usd, 0), e.sequence, e.amount_nano_usd, e.created_at
          INTO v_included_used, v_pay_as_you_go_used, v_included_held, v_existing_sequence, v_existing_amount,
            v_existing_created_at
          FROM (SELECT 1) AS one
          LEFT JOIN ledger_period_balances p ON p.account_id = p_accounts[idx] AND p.period = p_periods[idx]
          LEFT JOIN ledger_entries e
            ON e.request_id = p_requests[idx] AND e.attempt = p_attempts[idx] AND e.kind = 'hold';
        IF v_existing_sequence IS NOT NULL THEN
          out_outcome := 'existing';
          out_sequence := v_existing_sequence;
          out_amount := v_existing_amount;
          out_created_at := v_existing_created_at;
          out_available := NULL;
          RETURN NEXT;
          CONTINUE;
        END IF;
        -- availableCredit, on the caller's terms: NULL stands for unlimited pay-as-you-go.
        v_available := NULL;
        IF p_pay_as_you_go_limits[idx] IS NOT NULL THEN
          v_available := GREATEST(0, GREATEST(0, p_included[idx] - v_included_used) + GREATEST(0, v_prepaid_left)
            + GREATEST(0, p_pay_as_you_go_limits[idx] - v_pay_as_you_go_used) - v_account_held);
        END IF;
        -- availableIncludedCredit: included left net of the period's included-only holds, within availableCredit.
        IF p_included_only[idx] THEN
          v_available := LEAST(COALESCE(v_available, 9223372036854775807),
            GREATEST(0, p_included[idx] - v_included_used - v_included_held));
        END IF;
        -- amountToHold: all of it when it fits, else what is available when that reaches the minimum, else nothing.
        IF v_available IS NULL OR p_amounts[idx] <= v_available THEN
          v_amount := p_amounts[idx];
        ELSIF p_minimums[idx] <= v_available THEN
          v_amount := v_available;
        ELSE
          -- Refused; the period still takes the caller's terms, as every reservation gives them.
          INSERT INTO ledger_period_balances AS p (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd)
            VALUES (p_accounts[idx], p_periods[idx], p_included[idx], p_pay_as_you_go_limits[idx])
            ON CONFLICT (account_id, period) DO UPDATE SET included_nano_usd = EXCLUDED.included_nano_usd,
              pay_as_you_go_limit_nano_usd = EXCLUDED.pay_as_you_go_limit_nano_usd;
          out_outcome := 'insufficient';
          out_sequence := NULL;
          out_amount := NULL;
          out_created_at := NULL;
          out_available := v_available;
          RETURN NEXT;
          CONTINUE;
        END IF;
        -- The hold, its open row, both balances and the period's terms, in one statement.
        WITH entry AS (
          INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, created_at,
              included_only)
            VALUES (p_accounts[idx], p_periods[idx], 'hold', p_requests[idx], p_attempts[idx], v_amount, p_at,
              p_included_only[idx])
          RETURNING sequence
        ), open_hold AS (
          INSERT INTO ledger_open_holds (request_id, attempt, account_id, period, amount_nano_usd, created_at,
              included_only)
            VALUES (p_requests[idx], p_attempts[idx], p_accounts[idx], p_periods[idx], v_amount, p_at,
              p_included_only[idx])
        ), account AS (
          UPDATE ledger_account_balances SET held_nano_usd = held_nano_usd + v_amount
            WHERE account_id = p_accounts[idx]
        ), period_balance AS (
          INSERT INTO ledger_period_balances AS p (account_id, period, included_nano_usd,
              pay_as_you_go_limit_nano_usd, held_nano_usd, included_held_nano_usd)
            VALUES (p_accounts[idx], p_periods[idx], p_included[idx], p_pay_as_you_go_limits[idx], v_amount,
              CASE WHEN p_included_only[idx] THEN v_amount ELSE 0 END)
            ON CONFLICT (account_id, period) DO UPDATE SET included_nano_usd = EXCLUDED.included_nano_usd,
              pay_as_you_go_limit_nano_usd = EXCLUDED.pay_as_you_go_limit_nano_usd,
              held_nano_usd = p.held_nano_usd + EXCLUDED.held_nano_usd,
              included_held_nano_usd = p.included_held_nano_usd + EXCLUDED.included_held_nano_usd
        )
        SELECT entry.sequence INTO out_sequence FROM entry;
        out_outcome := 'held';
        out_amount := v_amount;
        out_created_at := p_at;
        out_available := v_available;
        RETURN NEXT;
      END LOOP;
    END
    $fn$;

    CREATE OR REPLACE FUNCTION tollgate_ledger_close_many(
      p_requests TEXT[], p_attempts INTEGER[], p_kinds TEXT[], p_costs BIGINT[], p_at TIMESTAMPTZ)
    RETURNS TABLE (out_index INTEGER, out_closed BOOLEAN, out_sequence BIGINT, out_account TEXT, out_period TEXT,
      out_kind TEXT, out_amount BIGINT, out_cost BIGINT, out_included BIGINT, out_prepaid BIGINT,
      out_pay_as_you_go BIGINT, out_created_at TIMESTAMPTZ)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      idx INTEGER;
      v_hold_amount BIGINT;
      v_included_only BOOLEAN;
      v_prepaid_left BIGINT;
      v_included_free BIGINT;
      v_charge BIGINT;
      v_rest BIGINT;
    BEGIN
      -- Ordered by the account each hold belongs to (a hold never changes account), holds already closed first;
      -- each hold is found by its key, so the open-holds table is never scanned.
      FOR idx IN
        SELECT k FROM generate_subscripts(p_requests, 1) AS k
          ORDER BY (SELECT h.account_id FROM ledger_open_holds h
            WHERE h.request_id = p_requests[k] AND h.attempt = p_attempts[k]) COLLATE "C" NULLS FIRST, k
      LOOP
        IF p_kinds[idx] NOT IN ('settle', 'release') THEN
          RAISE EXCEPTION 'a hold is closed by settle or release, not %', p_kinds[idx];
        END IF;
        out_index := idx;
        -- Taking the open row first: a concurrent closing of the same hold waits on it, then finds it gone.
        DELETE FROM ledger_open_holds h WHERE h.request_id = p_requests[idx] AND h.attempt = p_attempts[idx]
          RETURNING h.account_id, h.period, h.amount_nano_usd, h.included_only
          INTO out_account, out_period, v_hold_amount, v_included_only;
        IF NOT FOUND THEN
          out_closed := false;
          SELECT e.sequence, e.account_id, e.period, e.kind, e.amount_nano_usd, e.cost_nano_usd, e.included_nano_usd,
              e.prepaid_nano_usd, e.pay_as_you_go_nano_usd, e.created_at
            INTO out_sequence, out_account, out_period, out_kind, out_amount, out_cost, out_included, out_prepaid,
              out_pay_as_you_go, out_created_at
            FROM ledger_entries e
            WHERE e.request_id = p_requests[idx] AND e.attempt = p_attempts[idx] AND e.kind IN ('settle', 'release');
          IF FOUND THEN
            RETURN NEXT;
          END IF;
          CONTINUE;
        END IF;
        SELECT a.prepaid_granted_nano_usd - a.prepaid_used_nano_usd INTO v_prepaid_left
          FROM ledger_account_balances a WHERE a.account_id = out_account FOR UPDATE;
        -- Read in its own statement, after the lock, so it sees every closing committed while this one waited.
        SELECT GREATEST(0, COALESCE(p.included_nano_usd, 0) - COALESCE(p.included_used_nano_usd, 0)
            - GREATEST(0, COALESCE(p.included_held_nano_usd, 0)
              - CASE WHEN v_included_only THEN v_hold_amount ELSE 0 END))
          INTO v_included_free
          FROM (SELECT 1) AS one
          LEFT JOIN ledger_period_balances p ON p.account_id = out_account AND p.period = out_period;
        -- settleHold: chargeFor, then the included credits left that other included-only holds do not reserve;
        -- an included-only hold is paid from them alone, any other by splitCharge.
        v_charge := 0;
        IF p_kinds[idx] = 'settle' THEN
          v_charge := LEAST(GREATEST(p_costs[idx], 0), v_hold_amount);
        END IF;
        IF v_included_only THEN
          v_charge := LEAST(v_charge, v_included_free);
        END IF;
        out_closed := true;
        out_kind := p_kinds[idx];
        out_amount := CASE WHEN p_kinds[idx] = 'settle' THEN v_charge ELSE v_hold_amount END;
        out_cost := CASE WHEN p_kinds[idx] = 'settle' THEN p_costs[idx] END;
        out_included := LEAST(v_charge, v_included_free);
        v_rest := v_charge - out_included;
        out_prepaid := LEAST(v_rest, GREATEST(0, v_prepaid_left));
        out_pay_as_you_go := v_rest - out_prepaid;
        out_created_at := p_at;
        -- The closing entry and both balances in one statement.
        WITH entry AS (
          INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, cost_nano_usd,
              included_nano_usd, prepaid_nano_usd, pay_as_you_go_nano_usd, created_at)
            VALUES (out_account, out_period, out_kind, p_requests[idx], p_attempts[idx], out_amount, out_cost,
              out_included, out_prepaid, out_pay_as_you_go, p_at)
          RETURNING sequence
        ), account AS (
          UPDATE ledger_account_balances SET prepaid_used_nano_usd = prepaid_used_nano_usd + out_prepaid,
              held_nano_usd = held_nano_usd - v_hold_amount
            WHERE account_id = out_account
        ), period_balance AS (
          UPDATE ledger_period_balances SET included_used_nano_usd = included_used_nano_usd + out_included,
              pay_as_you_go_used_nano_usd = pay_as_you_go_used_nano_usd + out_pay_as_you_go,
              held_nano_usd = held_nano_usd - v_hold_amount,
              included_held_nano_usd = included_held_nano_usd
                - CASE WHEN v_included_only THEN v_hold_amount ELSE 0 END
            WHERE account_id = out_account AND period = out_period
        )
        SELECT entry.sequence INTO out_sequence FROM entry;
        RETURN NEXT;
      END LOOP;
    END
    $fn$;

    -- The single calls, as batches of one.
    CREATE OR REPLACE FUNCTION tollgate_ledger_reserve(
      p_account TEXT, p_period TEXT, p_request TEXT, p_attempt INTEGER, p_amount BIGINT, p_minimum BIGINT,
      p_included BIGINT, p_pay_as_you_go_limit BIGINT, p_included_only BOOLEAN, p_at TIMESTAMPTZ)
    RETURNS TABLE (out_outcome TEXT, out_sequence BIGINT, out_amount BIGINT, out_created_at TIMESTAMPTZ,
      out_available BIGINT)
    LANGUAGE sql AS $fn$
      SELECT r.out_outcome, r.out_sequence, r.out_amount, r.out_created_at, r.out_available
      FROM tollgate_ledger_reserve_many(ARRAY[p_account], ARRAY[p_period], ARRAY[p_request], ARRAY[p_attempt],
        ARRAY[p_amount], ARRAY[p_minimum], ARRAY[p_included], ARRAY[p_pay_as_you_go_limit], ARRAY[p_included_only],
        p_at) AS r
    $fn$;

    CREATE OR REPLACE FUNCTION tollgate_ledger_close(
      p_request TEXT, p_attempt INTEGER, p_kind TEXT, p_cost BIGINT, p_at TIMESTAMPTZ)
    RETURNS TABLE (out_closed BOOLEAN, out_sequence BIGINT, out_account TEXT, out_period TEXT, out_kind TEXT,
      out_amount BIGINT, out_cost BIGINT, out_included BIGINT, out_prepaid BIGINT, out_pay_as_you_go BIGINT,
      out_created_at TIMESTAMPTZ)
    LANGUAGE sql AS $fn$
      SELECT c.out_closed, c.out_sequence, c.out_account, c.out_period, c.out_kind, c.out_amount, c.out_cost,
        c.out_included, c.out_prepaid, c.out_pay_as_you_go, c.out_created_at
      FROM tollgate_ledger_close_many(ARRAY[p_request], ARRAY[p_attempt], ARRAY[p_kind], ARRAY[p_cost], p_at) AS c
    $fn$;
  `,
};
