/** The organizations and organization_members tables behind the `OrganizationRepository` interface. */
import { randomUUID } from 'node:crypto';
import type {
  MembershipOutcome,
  OrganizationMembershipRecord,
  OrganizationRecord,
  OrganizationRepository,
  OrganizationRole,
  UserRecord,
} from '@tollgate/core';
import { InputError } from '@tollgate/provider-spec';
import type Database from 'better-sqlite3';
import { isSqliteConstraintError } from './is-sqlite-constraint-error.js';
import { prepareOnce } from './prepare-once.js';

interface OrganizationRow {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
}

interface MembershipRow {
  readonly organization_id: string;
  readonly user_id: string;
  readonly role: OrganizationRole;
  readonly added_at: string;
}

interface MemberRow extends MembershipRow {
  readonly user_name: string;
  /** 0 or 1. */
  readonly user_is_admin: number;
  readonly user_created_at: string;
}

interface MembershipOfUserRow extends MembershipRow {
  readonly organization_name: string;
  readonly organization_created_at: string;
}

const organizationColumns = 'id, name, created_at';
const membershipColumns = 'm.organization_id, m.user_id, m.role, m.added_at';

/**
 * An `OrganizationRepository` over a migrated SQLite connection. `setMember` runs in a `BEGIN IMMEDIATE`
 * transaction, so telling an unknown organization from an unknown user and then writing is atomic.
 *
 * @example
 * const organizations = createSqliteOrganizationRepository(database);
 * const fal = await organizations.create({ name: 'fal' });
 * await organizations.setMember({ organizationId: fal.id, userId: alice.id, role: 'write' });
 */
export function createSqliteOrganizationRepository(database: Database.Database): OrganizationRepository {
  const insertOrganization = prepareOnce<[string, string, string], unknown>(
    database,
    'INSERT INTO organizations (id, name, created_at) VALUES (?, ?, ?)',
  );
  const selectByName = prepareOnce<[string], OrganizationRow>(
    database,
    `SELECT ${organizationColumns} FROM organizations WHERE name = ?`,
  );
  const selectById = prepareOnce<[string], OrganizationRow>(
    database,
    `SELECT ${organizationColumns} FROM organizations WHERE id = ?`,
  );
  const selectAll = prepareOnce<[], OrganizationRow>(
    database,
    `SELECT ${organizationColumns} FROM organizations ORDER BY created_at, name`,
  );
  const selectUserExists = prepareOnce<[string], number>(database, 'SELECT 1 FROM users WHERE id = ?');
  const selectMembership = prepareOnce<[string, string], MembershipRow>(
    database,
    `SELECT ${membershipColumns} FROM organization_members m WHERE m.organization_id = ? AND m.user_id = ?`,
  );
  const insertMembership = prepareOnce<[string, string, string, string], unknown>(
    database,
    'INSERT INTO organization_members (organization_id, user_id, role, added_at) VALUES (?, ?, ?, ?)',
  );
  const updateRole = prepareOnce<[string, string, string], unknown>(
    database,
    'UPDATE organization_members SET role = ? WHERE organization_id = ? AND user_id = ?',
  );
  const deleteMembership = prepareOnce<[string, string], unknown>(
    database,
    'DELETE FROM organization_members WHERE organization_id = ? AND user_id = ?',
  );
  const selectMembers = prepareOnce<[string], MemberRow>(
    database,
    `SELECT ${membershipColumns}, u.name AS user_name, u.is_admin AS user_is_admin, u.created_at AS user_created_at
     FROM organization_members m JOIN users u ON u.id = m.user_id
     WHERE m.organization_id = ? ORDER BY m.added_at, u.name`,
  );
  const selectMembershipsOfUser = prepareOnce<[string], MembershipOfUserRow>(
    database,
    `SELECT ${membershipColumns}, o.name AS organization_name, o.created_at AS organization_created_at
     FROM organization_members m JOIN organizations o ON o.id = m.organization_id
     WHERE m.user_id = ? ORDER BY m.added_at, o.name`,
  );

  const setMemberInTransaction = database.transaction(
    (
      organizationId: string,
      userId: string,
      role: OrganizationRole,
    ): { membership: OrganizationMembershipRecord; outcome: MembershipOutcome } => {
      if (selectById().get(organizationId) === undefined) {
        throw new InputError({
          message: `No organization has id '${organizationId}'.`,
          code: 'organization_not_found',
        });
      }
      if (selectUserExists().pluck().get(userId) === undefined) {
        throw new InputError({ message: `No user has id '${userId}'.`, code: 'user_not_found' });
      }
      const existing = selectMembership().get(organizationId, userId);
      if (existing === undefined) {
        const addedAt = new Date().toISOString();
        insertMembership().run(organizationId, userId, role, addedAt);
        return { membership: { organizationId, userId, role, addedAt }, outcome: 'added' };
      }
      const membership = toMembershipRecord(existing);
      if (membership.role === role) return { membership, outcome: 'unchanged' };
      updateRole().run(role, organizationId, userId);
      return { membership: { ...membership, role }, outcome: 'updated' };
    },
  );

  return {
    async create({ name }) {
      const organization: OrganizationRecord = {
        id: randomUUID(),
        name,
        createdAt: new Date().toISOString(),
      };
      try {
        insertOrganization().run(organization.id, organization.name, organization.createdAt);
      } catch (error) {
        if (isSqliteConstraintError(error, 'SQLITE_CONSTRAINT_UNIQUE', 'organizations.name')) {
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
      const row = selectByName().get(name);
      return row === undefined ? undefined : toOrganizationRecord(row);
    },
    async findById(id) {
      const row = selectById().get(id);
      return row === undefined ? undefined : toOrganizationRecord(row);
    },
    async list() {
      return selectAll().all().map(toOrganizationRecord);
    },
    async setMember({ organizationId, userId, role }) {
      return setMemberInTransaction.immediate(organizationId, userId, role);
    },
    async removeMember(organizationId, userId) {
      return deleteMembership().run(organizationId, userId).changes > 0;
    },
    async listMembers(organizationId) {
      return selectMembers()
        .all(organizationId)
        .map((row) => {
          const user: UserRecord = {
            id: row.user_id,
            name: row.user_name,
            isAdmin: row.user_is_admin === 1,
            createdAt: row.user_created_at,
          };
          return { user, membership: toMembershipRecord(row) };
        });
    },
    async listMemberships(userId) {
      return selectMembershipsOfUser()
        .all(userId)
        .map((row) => ({
          organization: {
            id: row.organization_id,
            name: row.organization_name,
            createdAt: row.organization_created_at,
          },
          membership: toMembershipRecord(row),
        }));
    },
  };
}

function toOrganizationRecord(row: OrganizationRow): OrganizationRecord {
  return { id: row.id, name: row.name, createdAt: row.created_at };
}

function toMembershipRecord(row: MembershipRow): OrganizationMembershipRecord {
  return { organizationId: row.organization_id, userId: row.user_id, role: row.role, addedAt: row.added_at };
}
