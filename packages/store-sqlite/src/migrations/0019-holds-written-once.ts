/**
 * Migration 19: a hold is written once, as its open row, instead of as a ledger entry and an open row (decision
 * 0015). Its closing entry carries what the hold was (its sequence, amount and time; `included_only` of a closing is
 * its hold's), so the hold stays in the ledger after it closes. A hold therefore needs its sequence before it has an
 * entry of its own: sequences are handed out from one counter, and every entry is inserted with its sequence.
 *
 * Holds and closings written before this migration keep their rows: an open row without a sequence, or a closing
 * without hold columns, has its hold entry in `ledger_entries`.
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const holdsWrittenOnce: SqliteMigration = {
  version: 19,
  name: 'holds-written-once',
  sql: `
    CREATE TABLE ledger_sequence (
      id INTEGER PRIMARY KEY CHECK (id = 1),
      last_sequence INTEGER NOT NULL
    );
    INSERT INTO ledger_sequence (id, last_sequence) SELECT 1, COALESCE(MAX(sequence), 0) FROM ledger_entries;

    ALTER TABLE ledger_open_holds ADD COLUMN sequence INTEGER;
    ALTER TABLE ledger_entries ADD COLUMN hold_sequence INTEGER;
    ALTER TABLE ledger_entries ADD COLUMN hold_amount_nano_usd INTEGER CHECK (hold_amount_nano_usd >= 0);
    ALTER TABLE ledger_entries ADD COLUMN hold_created_at TEXT;
  `,
};
