/** Migration 3: admins among users, and organizations with their members. */
import type { PostgresMigration } from '../postgres-migration.js';

// Constraints are named because the repositories recognise violations by constraint name.
export const createOrganizations: PostgresMigration = {
  version: 3,
  name: 'create-organizations',
  sql: `
    ALTER TABLE users ADD COLUMN is_admin BOOLEAN NOT NULL DEFAULT FALSE;

    -- A separate table from users: an organization holds no tokens, and will hold billing (plan, seats).
    CREATE TABLE organizations (
      id TEXT NOT NULL,
      name TEXT NOT NULL,
      created_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT organizations_pkey PRIMARY KEY (id),
      CONSTRAINT organizations_name_key UNIQUE (name)
    );

    CREATE TABLE organization_members (
      organization_id TEXT NOT NULL,
      user_id TEXT NOT NULL,
      role TEXT NOT NULL CHECK (role IN ('admin', 'write', 'read')),
      added_at TIMESTAMPTZ NOT NULL,
      CONSTRAINT organization_members_pkey PRIMARY KEY (organization_id, user_id),
      CONSTRAINT organization_members_organization_id_fkey FOREIGN KEY (organization_id)
        REFERENCES organizations (id) ON DELETE CASCADE,
      CONSTRAINT organization_members_user_id_fkey FOREIGN KEY (user_id) REFERENCES users (id) ON DELETE CASCADE
    );

    -- Authorization asks which organizations a user belongs to.
    CREATE INDEX organization_members_by_user_id ON organization_members (user_id);
  `,
};
