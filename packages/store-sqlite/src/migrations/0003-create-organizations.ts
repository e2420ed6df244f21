/** Migration 3: admins among users, and organizations with their members. */
import type { SqliteMigration } from '../sqlite-migration.js';

export const createOrganizations: SqliteMigration = {
  version: 3,
  name: 'create-organizations',
  sql: `
    ALTER TABLE users ADD COLUMN is_admin INTEGER NOT NULL DEFAULT 0 CHECK (is_admin IN (0, 1));

    -- A separate table from users: an organization holds no tokens, and will hold billing (plan, seats).
    CREATE TABLE organizations (
      id TEXT PRIMARY KEY,
      name TEXT UNIQUE NOT NULL,
      created_at TEXT NOT NULL
    );

    CREATE TABLE organization_members (
      organization_id TEXT NOT NULL REFERENCES organizations(id) ON DELETE CASCADE,
      user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
      role TEXT NOT NULL CHECK (role IN ('admin', 'write', 'read')),
      added_at TEXT NOT NULL,
      PRIMARY KEY (organization_id, user_id)
    );

    -- Authorization asks which organizations a user belongs to.
    CREATE INDEX organization_members_by_user_id ON organization_members(user_id);
  `,
};
