/** Migration 17: a checkpoint keeps who made the request and where it went, so the reconciler can record it. */
import type { SqliteMigration } from '../sqlite-migration.js';

export const addCheckpointedRequests: SqliteMigration = {
  version: 17,
  name: 'add-checkpointed-requests',
  sql: `
    -- JSON of CheckpointedRequest, written by the first checkpoint that has it (decision 0020).
    ALTER TABLE ledger_checkpoints ADD COLUMN request_json TEXT;
  `,
};
