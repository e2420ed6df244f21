/** Migration 6: billing terms: a user's tier, an organization's plan, seats and spending limit. */
import type { PostgresMigration } from '../postgres-migration.js';

export const addBillingTerms: PostgresMigration = {
  version: 6,
  name: 'add-billing-terms',
  sql: `
    ALTER TABLE users ADD COLUMN tier TEXT NOT NULL DEFAULT 'free' CHECK (tier IN ('free', 'pro'));

    ALTER TABLE organizations ADD COLUMN plan TEXT CHECK (plan IN ('team', 'enterprise'));
    ALTER TABLE organizations ADD COLUMN seats INTEGER NOT NULL DEFAULT 1 CHECK (seats >= 1);
    -- Nano-USD; NULL for no limit.
    ALTER TABLE organizations ADD COLUMN spending_limit_nano_usd BIGINT CHECK (spending_limit_nano_usd >= 0);
  `,
};
