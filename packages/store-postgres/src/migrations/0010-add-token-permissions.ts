/**
 * Migration 10: what each token may do, as an array of permission names; tokens made before it keep full access
 * (every permission there was: making calls to Inference Providers).
 */
import type { PostgresMigration } from '../postgres-migration.js';

export const addTokenPermissions: PostgresMigration = {
  version: 10,
  name: 'add-token-permissions',
  sql: `
    ALTER TABLE tokens ADD COLUMN permissions TEXT[] NOT NULL DEFAULT ARRAY['inference.serverless.write']::TEXT[];
  `,
};
