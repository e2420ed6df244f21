/**
 * Migration 19: a reservation on a user's own account reads the user's tier itself (decision 0015). The gateway read
 * each user's tier in a query of its own before reserving, the most frequent query of a billed request; now
 * `tollgate_ledger_reserve_many` takes, per call, the user (NULL when the caller gives the terms) and the terms of
 * every user tier, and uses the tier it finds in `users`. The version of migration 18, without the two arguments,
 * stays as a wrapper for gateways of the previous version still running. The money rules are unchanged.
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
      v_included BIGINT;
      v_pay_as_you_go_limit BIGINT;
    BEGIN
      -- Accounts locked in one order (by id) in every batch, so two batches never wait on each other in a cycle.
      FOR idx IN SELECT k FROM generate_subscripts(p_accounts, 1) AS k ORDER BY p_accounts[k] COLLATE "C", k LOOP
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
          -- Refused; the period still takes the caller's terms, as every reservation gives them.
          INSERT INTO ledger_period_balances AS p (account_id, period, included_nano_usd, pay_as_you_go_limit_nano_usd)
            VALUES (p_accounts[idx], p_periods[idx], v_included, v_pay_as_you_go_limit)
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
            VALUES (p_accounts[idx], p_periods[idx], v_included, v_pay_as_you_go_limit, v_amount,
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
