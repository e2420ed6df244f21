/**
 * Migration 19: reservations read their user's tier and sum their balances per account run (decision 0015).
 *
 * - **The tier.** The gateway read each user's tier in a query of its own before reserving, the most frequent query
 *   of a billed request. `tollgate_ledger_reserve_many` now takes, per call, the user (NULL when the caller gives the
 *   terms) and the terms of every user tier, and uses the tier it finds in `users`.
 * - **Balances once per run.** Since an instance keeps one transaction per account in flight (call-batcher.ts's
 *   keys), the reservations of a hot account arrive together, ~20 to a batch, and each used to update the account's
 *   row and its period's row again (a one-row UPDATE costs about as much as the rest of the call). The function now
 *   reads an account's figures once, after its lock, keeps them in variables while its calls follow one another
 *   (the lock keeps every other writer out of those rows until the commit), and the run's last hold writes the sums
 *   in its own statement, so a run of one call costs what it did before. Each call still inserts its own entry and
 *   open hold, so a twin in the same batch is found like any other. Closings are unchanged: the same for them
 *   measured slower with many accounts (decision 0015, 2026-12-08).
 *
 * The version of migration 18, without the two new arguments, stays as a wrapper for gateways of the previous
 * version still running. The money rules are unchanged: core's `availableCredit` and `availableIncludedCredit`
 * (`packages/core/src/credits/ledger-arithmetic.ts`), checked by the ledger conformance suites on every store and by
 * `postgres-ledger-batches.test.ts` (a batch against its calls one at a time).
 */
import type { PostgresMigration } from '../postgres-migration.js';

export const reservationsReadTheirUserTier: PostgresMigration = {
  version: 19,
  name: 'reservations-read-their-user-tier',
  sql: `
    CREATE OR REPLACE FUNCTION tollgate_ledger_reserve_many(
      p_accounts TEXT[], p_periods TEXT[], p_requests TEXT[], p_attempts INTEGER[], p_amounts BIGINT[],
      p_minimums BIGINT[], p_included BIGINT[], p_pay_as_you_go_limits BIGINT[], p_included_only BOOLEAN[],
      p_users TEXT[], p_tier_terms JSONB[], p_at TIMESTAMPTZ)
    RETURNS TABLE (out_index INTEGER, out_outcome TEXT, out_sequence BIGINT, out_amount BIGINT,
      out_created_at TIMESTAMPTZ, out_available BIGINT, out_tier TEXT)
    LANGUAGE plpgsql AS $fn$
    DECLARE
      idx INTEGER;
      v_included BIGINT;
      v_pay_as_you_go_limit BIGINT;
      v_available BIGINT;
      v_amount BIGINT;
      v_existing_sequence BIGINT;
      v_existing_amount BIGINT;
      v_existing_created_at TIMESTAMPTZ;
      -- The account of the current run: its figures after the lock, and what its calls held since.
      v_account TEXT := NULL;
      v_prepaid_left BIGINT;
      v_account_held BIGINT;
      v_account_held_delta BIGINT := 0;
      -- The period of the current run within that account.
      v_period TEXT := NULL;
      v_period_dirty BOOLEAN := false;
      v_terms_included BIGINT;
      v_terms_limit BIGINT;
      v_included_used BIGINT;
      v_pay_as_you_go_used BIGINT;
      v_included_held BIGINT;
      v_period_held_delta BIGINT := 0;
      v_period_included_held_delta BIGINT := 0;
      v_order INTEGER[];
      v_position INTEGER;
      v_next INTEGER;
      v_account_ends BOOLEAN;
      v_period_ends BOOLEAN;
    BEGIN
      -- Accounts locked in one order (by id) in every batch, so two batches never wait on each other in a cycle;
      -- an account's calls by period, so each period's run is one.
      v_order := ARRAY(SELECT k FROM generate_subscripts(p_accounts, 1) AS k
        ORDER BY p_accounts[k] COLLATE "C", p_periods[k] COLLATE "C", k);
      FOR v_position IN 1 .. COALESCE(array_length(v_order, 1), 0) LOOP
        idx := v_order[v_position];
        -- Whether this call ends its account's run, or its period's: its hold then writes the run's sums in the
        -- same statement, so a run of one call costs what it did before runs were summed.
        v_next := v_order[v_position + 1];
        v_account_ends := v_next IS NULL OR p_accounts[v_next] IS DISTINCT FROM p_accounts[idx];
        v_period_ends := v_account_ends OR p_periods[v_next] IS DISTINCT FROM p_periods[idx];
        out_index := idx;
        out_tier := NULL;
        v_included := p_included[idx];
        v_pay_as_you_go_limit := p_pay_as_you_go_limits[idx];
        -- A user's own account on its tier's terms, read here rather than in a query of its own before the call:
        -- {"free": [included, limit], "pro": [...]}, amounts as text, a NULL limit for unlimited pay-as-you-go.
        IF p_users[idx] IS NOT NULL THEN
          SELECT u.tier INTO out_tier FROM users u WHERE u.id = p_users[idx];
          IF NOT FOUND THEN
            out_outcome := 'unknown-user';
            out_sequence := NULL;
            out_amount := NULL;
            out_created_at := NULL;
            out_available := NULL;
            RETURN NEXT;
            CONTINUE;
          END IF;
          IF NOT (p_tier_terms[idx] ? out_tier) THEN
            RAISE EXCEPTION 'no terms were given for the tier %', out_tier;
          END IF;
          v_included := (p_tier_terms[idx] -> out_tier ->> 0)::BIGINT;
          v_pay_as_you_go_limit := (p_tier_terms[idx] -> out_tier ->> 1)::BIGINT;
        END IF;

        IF v_account IS DISTINCT FROM p_accounts[idx] OR v_period IS DISTINCT FROM p_periods[idx] THEN
          IF v_period_dirty THEN
            PERFORM tollgate_ledger_add_to_period(v_account, v_period, v_terms_included, v_terms_limit,
              v_period_held_delta, v_period_included_held_delta);
          END IF;
          v_period_dirty := false;
          v_period_held_delta := 0;
          v_period_included_held_delta := 0;
          IF v_account IS DISTINCT FROM p_accounts[idx] THEN
            IF v_account_held_delta <> 0 THEN
              UPDATE ledger_account_balances SET held_nano_usd = held_nano_usd + v_account_held_delta
                WHERE account_id = v_account;
            END IF;
            v_account_held_delta := 0;
            v_account := p_accounts[idx];
            -- The account's row, locked until the commit: every reservation and closing of this account waits
            -- here, on every instance. A lock, not an upsert, so the row gains no version only to be locked.
            LOOP
              SELECT a.prepaid_granted_nano_usd - a.prepaid_used_nano_usd, a.held_nano_usd
                INTO v_prepaid_left, v_account_held
                FROM ledger_account_balances a WHERE a.account_id = v_account FOR UPDATE;
              EXIT WHEN FOUND;
              INSERT INTO ledger_account_balances (account_id) VALUES (v_account) ON CONFLICT DO NOTHING;
            END LOOP;
          END IF;
          v_period := p_periods[idx];
          -- Its own statement, after the lock: it sees every hold and closing committed while this one waited, a
          -- twin reservation of this (request, attempt) included.
          SELECT COALESCE(p.included_used_nano_usd, 0), COALESCE(p.pay_as_you_go_used_nano_usd, 0),
              COALESCE(p.included_held_nano_usd, 0), e.sequence, e.amount_nano_usd, e.created_at
            INTO v_included_used, v_pay_as_you_go_used, v_included_held, v_existing_sequence, v_existing_amount,
              v_existing_created_at
            FROM (SELECT 1) AS one
            LEFT JOIN ledger_period_balances p ON p.account_id = v_account AND p.period = v_period
            LEFT JOIN ledger_entries e
              ON e.request_id = p_requests[idx] AND e.attempt = p_attempts[idx] AND e.kind = 'hold';
        ELSE
          -- Later calls of the run look for their twin alone, after the lock too: one committed meanwhile, or one
          -- made earlier in this batch.
          v_existing_sequence := NULL;
          SELECT e.sequence, e.amount_nano_usd, e.created_at
            INTO v_existing_sequence, v_existing_amount, v_existing_created_at
            FROM ledger_entries e
            WHERE e.request_id = p_requests[idx] AND e.attempt = p_attempts[idx] AND e.kind = 'hold';
        END IF;

        IF v_existing_sequence IS NOT NULL THEN
          out_outcome := 'existing';
          out_sequence := v_existing_sequence;
          out_amount := v_existing_amount;
          out_created_at := v_existing_created_at;
          out_available := NULL;
          RETURN NEXT;
          CONTINUE;
        END IF;
        -- Every reservation gives the period its terms; the last of a run is written.
        v_period_dirty := true;
        v_terms_included := v_included;
        v_terms_limit := v_pay_as_you_go_limit;
        -- availableCredit, on the caller's terms: NULL stands for unlimited pay-as-you-go.
        v_available := NULL;
        IF v_pay_as_you_go_limit IS NOT NULL THEN
          v_available := GREATEST(0, GREATEST(0, v_included - v_included_used) + GREATEST(0, v_prepaid_left)
            + GREATEST(0, v_pay_as_you_go_limit - v_pay_as_you_go_used) - v_account_held);
        END IF;
        -- availableIncludedCredit: included left net of the period's included-only holds, within availableCredit.
        IF p_included_only[idx] THEN
          v_available := LEAST(COALESCE(v_available, 9223372036854775807),
            GREATEST(0, v_included - v_included_used - v_included_held));
        END IF;
        -- amountToHold: all of it when it fits, else what is available when that reaches the minimum, else nothing.
        IF v_available IS NULL OR p_amounts[idx] <= v_available THEN
          v_amount := p_amounts[idx];
        ELSIF p_minimums[idx] <= v_available THEN
          v_amount := v_available;
        ELSE
          out_outcome := 'insufficient';
          out_sequence := NULL;
          out_amount := NULL;
          out_created_at := NULL;
          out_available := v_available;
          RETURN NEXT;
          CONTINUE;
        END IF;
        -- The hold and its open row; the balances take it in memory, and the run's last hold writes them.
        v_account_held := v_account_held + v_amount;
        v_account_held_delta := v_account_held_delta + v_amount;
        v_period_held_delta := v_period_held_delta + v_amount;
        IF p_included_only[idx] THEN
          v_included_held := v_included_held + v_amount;
          v_period_included_held_delta := v_period_included_held_delta + v_amount;
        END IF;
        IF NOT v_period_ends THEN
          WITH entry AS (
            INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, created_at,
                included_only)
              VALUES (v_account, v_period, 'hold', p_requests[idx], p_attempts[idx], v_amount, p_at,
                p_included_only[idx])
            RETURNING sequence
          ), open_hold AS (
            INSERT INTO ledger_open_holds (request_id, attempt, account_id, period, amount_nano_usd, created_at,
                included_only)
              VALUES (p_requests[idx], p_attempts[idx], v_account, v_period, v_amount, p_at, p_included_only[idx])
          )
          SELECT entry.sequence INTO out_sequence FROM entry;
        ELSE
          WITH entry AS (
            INSERT INTO ledger_entries (account_id, period, kind, request_id, attempt, amount_nano_usd, created_at,
                included_only)
              VALUES (v_account, v_period, 'hold', p_requests[idx], p_attempts[idx], v_amount, p_at,
                p_included_only[idx])
            RETURNING sequence
          ), open_hold AS (
            INSERT INTO ledger_open_holds (request_id, attempt, account_id, period, amount_nano_usd, created_at,
                included_only)
              VALUES (p_requests[idx], p_attempts[idx], v_account, v_period, v_amount, p_at, p_included_only[idx])
          ), account AS (
            UPDATE ledger_account_balances SET held_nano_usd = held_nano_usd + v_account_held_delta
              WHERE account_id = v_account AND v_account_ends
          ), period_balance AS (
            INSERT INTO ledger_period_balances AS p (account_id, period, included_nano_usd,
                pay_as_you_go_limit_nano_usd, held_nano_usd, included_held_nano_usd)
              VALUES (v_account, v_period, v_terms_included, v_terms_limit, v_period_held_delta,
                v_period_included_held_delta)
              ON CONFLICT (account_id, period) DO UPDATE SET included_nano_usd = EXCLUDED.included_nano_usd,
                pay_as_you_go_limit_nano_usd = EXCLUDED.pay_as_you_go_limit_nano_usd,
                held_nano_usd = p.held_nano_usd + EXCLUDED.held_nano_usd,
                included_held_nano_usd = p.included_held_nano_usd + EXCLUDED.included_held_nano_usd
          )
          SELECT entry.sequence INTO out_sequence FROM entry;
          v_period_dirty := false;
          v_period_held_delta := 0;
          v_period_included_held_delta := 0;
          IF v_account_ends THEN
            v_account_held_delta := 0;
          END IF;
        END IF;
        out_outcome := 'held';
        out_amount := v_amount;
        out_created_at := p_at;
        out_available := v_available;
        RETURN NEXT;
      END LOOP;
      IF v_period_dirty THEN
        PERFORM tollgate_ledger_add_to_period(v_account, v_period, v_terms_included, v_terms_limit,
          v_period_held_delta, v_period_included_held_delta);
      END IF;
      IF v_account_held_delta <> 0 THEN
        UPDATE ledger_account_balances SET held_nano_usd = held_nano_usd + v_account_held_delta
          WHERE account_id = v_account;
      END IF;
    END
    $fn$;

    -- A reservation run's period: its terms, and what the run held.
    CREATE OR REPLACE FUNCTION tollgate_ledger_add_to_period(
      p_account TEXT, p_period TEXT, p_included BIGINT, p_pay_as_you_go_limit BIGINT, p_held BIGINT,
      p_included_held BIGINT)
    RETURNS VOID
    LANGUAGE sql AS $fn$
      INSERT INTO ledger_period_balances AS p (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd,
          held_nano_usd, included_held_nano_usd)
        VALUES (p_account, p_period, p_included, p_pay_as_you_go_limit, p_held, p_included_held)
        ON CONFLICT (account_id, period) DO UPDATE SET included_nano_usd = EXCLUDED.included_nano_usd,
          pay_as_you_go_limit_nano_usd = EXCLUDED.pay_as_you_go_limit_nano_usd,
          held_nano_usd = p.held_nano_usd + EXCLUDED.held_nano_usd,
          included_held_nano_usd = p.included_held_nano_usd + EXCLUDED.included_held_nano_usd
    $fn$;


    CREATE OR REPLACE FUNCTION tollgate_ledger_reserve_many(
      p_accounts TEXT[], p_periods TEXT[], p_requests TEXT[], p_attempts INTEGER[], p_amounts BIGINT[],
      p_minimums BIGINT[], p_included BIGINT[], p_pay_as_you_go_limits BIGINT[], p_included_only BOOLEAN[],
      p_at TIMESTAMPTZ)
    RETURNS TABLE (out_index INTEGER, out_outcome TEXT, out_sequence BIGINT, out_amount BIGINT,
      out_created_at TIMESTAMPTZ, out_available BIGINT)
    LANGUAGE sql AS $fn$
      SELECT r.out_index, r.out_outcome, r.out_sequence, r.out_amount, r.out_created_at, r.out_available
      FROM tollgate_ledger_reserve_many(p_accounts, p_periods, p_requests, p_attempts, p_amounts, p_minimums,
        p_included, p_pay_as_you_go_limits, p_included_only, NULL::TEXT[], NULL::JSONB[], p_at) AS r
    $fn$;
  `,
};
