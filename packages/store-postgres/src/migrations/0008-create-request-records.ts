/** Migration 8: one record per request (where it went, what it used, cost and charge), for usage breakdowns. */
import type { PostgresMigration } from '../postgres-migration.js';

export const createRequestRecords: PostgresMigration = {
  version: 8,
  name: 'create-request-records',
  sql: `
    -- Amounts are integer nano-USD; account_id is the ledger's (a user's or an organization's id), so, like the
    -- ledger, the records reference no table and outlive the account. A period is a range of the index below.
    CREATE TABLE request_records (
      request_id TEXT NOT NULL,
      account_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      token_id TEXT NOT NULL,
      billed_to_organization_id TEXT,
      provider_id TEXT,
      hf_model_id TEXT,
      provider_model_id TEXT,
      task TEXT NOT NULL,
      input_tokens INTEGER NOT NULL DEFAULT 0,
      output_tokens INTEGER NOT NULL DEFAULT 0,
      cached_input_tokens INTEGER NOT NULL DEFAULT 0,
      images INTEGER NOT NULL DEFAULT 0,
      milli_megapixels INTEGER NOT NULL DEFAULT 0,
      compute_milliseconds INTEGER NOT NULL DEFAULT 0,
      audio_milliseconds INTEGER NOT NULL DEFAULT 0,
      video_milliseconds INTEGER NOT NULL DEFAULT 0,
      cost_nano_usd BIGINT CHECK (cost_nano_usd >= 0),
      charged_nano_usd BIGINT NOT NULL CHECK (charged_nano_usd >= 0),
      billing_mode TEXT NOT NULL,
      status TEXT NOT NULL,
      http_status INTEGER NOT NULL,
      latency_ms INTEGER NOT NULL,
      streamed BOOLEAN NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT request_records_pkey PRIMARY KEY (request_id)
    );
    CREATE INDEX request_records_by_account_period ON request_records (account_id, created_at, request_id);
  `,
};
