/** Migration 15: holds reserved against included credits alone (providers not integrated with billing, decision 0022). */
import type { SqliteMigration } from '../sqlite-migration.js';

export const addIncludedOnlyHolds: SqliteMigration = {
  version: 15,
  name: 'add-included-only-holds',
  sql: `
    -- Set on the hold entry and its open row; closings read it from the open row.
    ALTER TABLE ledger_entries ADD COLUMN included_only INTEGER NOT NULL DEFAULT 0 CHECK (included_only IN (0, 1));
    ALTER TABLE ledger_open_holds ADD COLUMN included_only INTEGER NOT NULL DEFAULT 0 CHECK (included_only IN (0, 1));
    -- The period's open included-only holds: included credits that no other settlement may take.
    ALTER TABLE ledger_period_balances ADD COLUMN included_held_nano_usd INTEGER NOT NULL DEFAULT 0;
  `,
};
