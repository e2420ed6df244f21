/** Migration 1: users and their access tokens. */
import type { PostgresMigration } from '../postgres-migration.js';

// Constraints are named because the repositories recognise violations by constraint name.
export const createUsersAndTokens: PostgresMigration = {
  version: 1,
  name: 'create-users-and-tokens',
  sql: `
    CREATE TABLE users (
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT users_pkey PRIMARY KEY (id),
      CONSTRAINT users_name_key UNIQUE (name)
    );

    CREATE TABLE tokens (
      id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      name TEXT NOT NULL,
      secret_hash TEXT NOT NULL,
      display_prefix TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      revoked_at TIMESTAMPTZ,
      CONSTRAINT tokens_pkey PRIMARY KEY (id),
      CONSTRAINT tokens_secret_hash_key UNIQUE (secret_hash),
      CONSTRAINT tokens_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id)
    );

    -- Every authenticated request looks a live token up by hash.
    CREATE INDEX tokens_live_by_secret_hash ON tokens (secret_hash) WHERE revoked_at IS NULL;
    CREATE INDEX tokens_by_user_id ON tokens (user_id);
  `,
};
