/**
 * Migration 10: what each token may do. A JSON array of permission names; tokens made before it keep full access
 * (every permission there was: making calls to Inference Providers).
 */
import type { SqliteMigration } from '../sqlite-migration.js';

export const addTokenPermissions: SqliteMigration = {
  version: 10,
  name: 'add-token-permissions',
  sql: `
    ALTER TABLE tokens ADD COLUMN permissions TEXT NOT NULL DEFAULT '["inference.serverless.write"]'
      CHECK (json_valid(permissions) AND json_type(permissions) = 'array');
  `,
};
