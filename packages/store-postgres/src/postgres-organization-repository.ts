/** The organizations and organization_members tables behind the `OrganizationRepository` interface. */
import { randomUUID } from 'node:crypto';
import type {
  OrganizationMembershipRecord,
  OrganizationRecord,
  OrganizationRepository,
  OrganizationRole,
} from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type pg from 'pg';
import {
  isPostgresConstraintError,
  POSTGRES_FOREIGN_KEY_VIOLATION,
  POSTGRES_UNIQUE_VIOLATION,
} from './is-postgres-constraint-error.js';

interface OrganizationRow {
  readonly id: string;
  readonly name: string;
  readonly created_at: Date;
}

interface MembershipRow {
  readonly organization_id: string;
  readonly user_id: string;
  readonly role: OrganizationRole;
  readonly added_at: Date;
}

interface MemberRow extends MembershipRow {
  readonly user_name: string;
  readonly user_is_admin: boolean;
  readonly user_created_at: Date;
}

interface MembershipOfUserRow extends MembershipRow {
  readonly organization_name: string;
  readonly organization_created_at: Date;
}

const organizationColumns = 'id, name, created_at';
const membershipColumns = 'm.organization_id, m.user_id, m.role, m.added_at';

/**
 * An `OrganizationRepository` over a migrated PostgreSQL pool. `setMember` is one `INSERT ... ON CONFLICT DO
 * UPDATE` that changes a row only when the role differs, so concurrent calls never make two memberships; foreign
 * keys tell an unknown organization from an unknown user by constraint name. Names sort in byte order (`COLLATE
 * "C"`), as SQLite sorts, whatever the database's collation.
 *
 * @example
 * const organizations = createPostgresOrganizationRepository(pool);
 * const fal = await organizations.create({ name: 'fal' });
 * await organizations.setMember({ organizationId: fal.id, userId: alice.id, role: 'write' });
 */
export function createPostgresOrganizationRepository(pool: pg.Pool): OrganizationRepository {
  const findMembership = async (
    organizationId: string,
    userId: string,
  ): Promise<OrganizationMembershipRecord | undefined> => {
    const { rows } = await pool.query<MembershipRow>({
      name: 'tollgate-organization-membership',
      text: `SELECT ${membershipColumns} FROM organization_members m
             WHERE m.organization_id = $1 AND m.user_id = $2`,
      values: [organizationId, userId],
    });
    return rows[0] === undefined ? undefined : toMembershipRecord(rows[0]);
  };

  return {
    async create({ name }) {
      const organization: OrganizationRecord = {
        id: randomUUID(),
        name,
        createdAt: new Date().toISOString(),
      };
      try {
        await pool.query({
          name: 'tollgate-organizations-insert',
          text: 'INSERT INTO organizations (id, name, created_at) VALUES ($1, $2, $3)',
          values: [organization.id, organization.name, organization.createdAt],
        });
      } catch (error) {
        if (isPostgresConstraintError(error, POSTGRES_UNIQUE_VIOLATION, 'organizations_name_key')) {
          throw new InputError({
            message: `An organization named '${name}' already exists; choose another name.`,
            param: 'name',
            code: 'organization_exists',
            cause: error,
          });
        }
        throw error;
      }
      return organization;
    },
    async findByName(name) {
      const { rows } = await pool.query<OrganizationRow>({
        name: 'tollgate-organizations-by-name',
        text: `SELECT ${organizationColumns} FROM organizations WHERE name = $1`,
        values: [name],
      });
      return rows[0] === undefined ? undefined : toOrganizationRecord(rows[0]);
    },
    async findById(id) {
      const { rows } = await pool.query<OrganizationRow>({
        name: 'tollgate-organizations-by-id',
        text: `SELECT ${organizationColumns} FROM organizations WHERE id = $1`,
        values: [id],
      });
      return rows[0] === undefined ? undefined : toOrganizationRecord(rows[0]);
    },
    async list() {
      const { rows } = await pool.query<OrganizationRow>({
        name: 'tollgate-organizations-list',
        text: `SELECT ${organizationColumns} FROM organizations ORDER BY created_at, name COLLATE "C"`,
      });
      return rows.map(toOrganizationRecord);
    },
    async setMember({ organizationId, userId, role }) {
      let rows: (MembershipRow & { inserted: boolean })[];
      try {
        // `xmax = 0` only for a row this statement inserted; an updated row carries the updating transaction.
        ({ rows } = await pool.query<MembershipRow & { inserted: boolean }>({
          name: 'tollgate-organization-members-upsert',
          text: `INSERT INTO organization_members AS m (organization_id, user_id, role, added_at)
                 VALUES ($1, $2, $3, $4)
                 ON CONFLICT (organization_id, user_id) DO UPDATE SET role = EXCLUDED.role
                 WHERE m.role <> EXCLUDED.role
                 RETURNING ${membershipColumns}, (m.xmax = 0) AS inserted`,
          values: [organizationId, userId, role, new Date().toISOString()],
        }));
      } catch (error) {
        throw translateMembershipError(error, organizationId, userId);
      }
      const written = rows[0];
      if (written !== undefined) {
        return { membership: toMembershipRecord(written), outcome: written.inserted ? 'added' : 'updated' };
      }
      // The member already had this role: nothing was written.
      const existing = await findMembership(organizationId, userId);
      if (existing === undefined) {
        throw new Error(
          `The membership of user ${userId} in organization ${organizationId} vanished while set.`,
        );
      }
      return { membership: existing, outcome: 'unchanged' };
    },
    async removeMember(organizationId, userId) {
      const { rowCount } = await pool.query({
        name: 'tollgate-organization-members-delete',
        text: 'DELETE FROM organization_members WHERE organization_id = $1 AND user_id = $2',
        values: [organizationId, userId],
      });
      return (rowCount ?? 0) > 0;
    },
    async listMembers(organizationId) {
      const { rows } = await pool.query<MemberRow>({
        name: 'tollgate-organization-members-list',
        text: `SELECT ${membershipColumns}, u.name AS user_name, u.is_admin AS user_is_admin,
                      u.created_at AS user_created_at
               FROM organization_members m JOIN users u ON u.id = m.user_id
               WHERE m.organization_id = $1 ORDER BY m.added_at, u.name COLLATE "C"`,
        values: [organizationId],
      });
      return rows.map((row) => ({
        user: {
          id: row.user_id,
          name: row.user_name,
          isAdmin: row.user_is_admin,
          createdAt: row.user_created_at.toISOString(),
        },
        membership: toMembershipRecord(row),
      }));
    },
    async listMemberships(userId) {
      const { rows } = await pool.query<MembershipOfUserRow>({
        name: 'tollgate-organization-memberships-of-user',
        text: `SELECT ${membershipColumns}, o.name AS organization_name, o.created_at AS organization_created_at
               FROM organization_members m JOIN organizations o ON o.id = m.organization_id
               WHERE m.user_id = $1 ORDER BY m.added_at, o.name COLLATE "C"`,
        values: [userId],
      });
      return rows.map((row) => ({
        organization: {
          id: row.organization_id,
          name: row.organization_name,
          createdAt: row.organization_created_at.toISOString(),
        },
        membership: toMembershipRecord(row),
      }));
    },
  };
}

function translateMembershipError(error: unknown, organizationId: string, userId: string): unknown {
  if (
    isPostgresConstraintError(
      error,
      POSTGRES_FOREIGN_KEY_VIOLATION,
      'organization_members_organization_id_fkey',
    )
  ) {
    return new InputError({
      message: `No organization has id '${organizationId}'.`,
      code: 'organization_not_found',
      cause: error,
    });
  }
  if (isPostgresConstraintError(error, POSTGRES_FOREIGN_KEY_VIOLATION, 'organization_members_user_id_fkey')) {
    return new InputError({ message: `No user has id '${userId}'.`, code: 'user_not_found', cause: error });
  }
  return error;
}

function toOrganizationRecord(row: OrganizationRow): OrganizationRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at.toISOString() };
}

function toMembershipRecord(row: MembershipRow): OrganizationMembershipRecord {
  return {
    organizationId: row.organization_id,
    userId: row.user_id,
    role: row.role,
    addedAt: row.added_at.toISOString(),
  };
}
