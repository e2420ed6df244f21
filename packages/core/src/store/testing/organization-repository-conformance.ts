/** Conformance scenarios for `Store#organizations`. */
import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { OrganizationRecord } from '../organization-repository.js';
import type { UserRecord } from '../user-repository.js';
import { type CurrentStore, expectIsoUtcTimestamp } from './store-conformance-fixtures.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const unknownId = '00000000-0000-4000-8000-000000000000';

async function rejectionOf(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => undefined,
    (error: unknown) => error,
  );
}

/** Registers the organization repository scenarios against the store `current()` returns. */
export function describeOrganizationRepositoryConformance(current: CurrentStore): void {
  const organizations = () => current().organizations;
  const createUser = (name: string): Promise<UserRecord> => current().users.create({ name });
  const createOrganization = (name: string): Promise<OrganizationRecord> => organizations().create({ name });

  describe('organizations', () => {
    it('creates an organization with a UUID id, the given name and an ISO-8601 UTC creation time', async () => {
      const before = Date.now();
      const fal = await createOrganization('fal');
      const after = Date.now();

      expect(fal.id).toMatch(uuidPattern);
      expect(fal.name).toBe('fal');
      expectIsoUtcTimestamp(fal.createdAt);
      expect(Date.parse(fal.createdAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(fal.createdAt)).toBeLessThanOrEqual(after);
    });

    it('finds an organization by exact name and by id, and nothing for unknown ones', async () => {
      const together = await createOrganization('togethercomputer');
      await createOrganization('fal');

      expect(await organizations().findByName('togethercomputer')).toEqual(together);
      expect(await organizations().findById(together.id)).toEqual(together);
      expect(await organizations().findByName('TogetherComputer')).toBeUndefined();
      expect(await organizations().findByName('together')).toBeUndefined();
      expect(await organizations().findById(unknownId)).toBeUndefined();
    });

    it('lists organizations oldest first, and none in a new store', async () => {
      expect(await organizations().list()).toEqual([]);
      const created = [
        await createOrganization('fal'),
        await createOrganization('groq'),
        await createOrganization('CohereLabs'),
      ];

      const listed = await organizations().list();

      expect(listed.map((organization) => organization.name).sort()).toEqual(
        created.map((organization) => organization.name).sort(),
      );
      const keys = listed.map((organization) => `${organization.createdAt} ${organization.name}`);
      expect(keys).toEqual([...keys].sort());
    });

    it('rejects a taken name with InputError code organization_exists, and keeps the first', async () => {
      const fal = await createOrganization('fal');

      const error = await rejectionOf(createOrganization('fal'));

      expect(InputError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'organization_exists', status: 400 });
      expect((error as Error).message).toContain('fal');
      expect(await organizations().list()).toEqual([fal]);
    });

    it('keeps organization names apart from user names', async () => {
      await createUser('groq');
      const groq = await createOrganization('groq');

      expect(await organizations().findByName('groq')).toEqual(groq);
    });
  });

  describe('organization members', () => {
    it('adds a member with a role and the time they joined', async () => {
      const fal = await createOrganization('fal');
      const alice = await createUser('alice');
      const before = Date.now();

      const { membership, outcome } = await organizations().setMember({
        organizationId: fal.id,
        userId: alice.id,
        role: 'write',
      });

      expect(outcome).toBe('added');
      expect(membership).toMatchObject({ organizationId: fal.id, userId: alice.id, role: 'write' });
      expectIsoUtcTimestamp(membership.addedAt);
      expect(Date.parse(membership.addedAt)).toBeGreaterThanOrEqual(before);
      expect(await organizations().listMembers(fal.id)).toEqual([{ user: alice, membership }]);
      expect(await organizations().listMemberships(alice.id)).toEqual([{ organization: fal, membership }]);
    });

    it("changes an existing member's role and keeps when they joined", async () => {
      const fal = await createOrganization('fal');
      const alice = await createUser('alice');
      const first = await organizations().setMember({
        organizationId: fal.id,
        userId: alice.id,
        role: 'read',
      });

      const again = await organizations().setMember({
        organizationId: fal.id,
        userId: alice.id,
        role: 'read',
      });
      const promoted = await organizations().setMember({
        organizationId: fal.id,
        userId: alice.id,
        role: 'admin',
      });

      expect(again).toEqual({ membership: first.membership, outcome: 'unchanged' });
      expect(promoted.outcome).toBe('updated');
      expect(promoted.membership).toEqual({ ...first.membership, role: 'admin' });
      expect(await organizations().listMembers(fal.id)).toEqual([
        { user: alice, membership: promoted.membership },
      ]);
    });

    it('lists the members of one organization only, and the organizations of one user only', async () => {
      const fal = await createOrganization('fal');
      const groq = await createOrganization('groq');
      const alice = await createUser('alice');
      const bob = await createUser('bob');
      const aliceAtFal = await organizations().setMember({
        organizationId: fal.id,
        userId: alice.id,
        role: 'write',
      });
      const bobAtFal = await organizations().setMember({
        organizationId: fal.id,
        userId: bob.id,
        role: 'read',
      });
      const aliceAtGroq = await organizations().setMember({
        organizationId: groq.id,
        userId: alice.id,
        role: 'admin',
      });

      const members = await organizations().listMembers(fal.id);
      expect(members).toHaveLength(2);
      expect(members).toContainEqual({ user: alice, membership: aliceAtFal.membership });
      expect(members).toContainEqual({ user: bob, membership: bobAtFal.membership });
      expect(await organizations().listMembers(groq.id)).toEqual([
        { user: alice, membership: aliceAtGroq.membership },
      ]);
      const ofAlice = await organizations().listMemberships(alice.id);
      expect(ofAlice).toHaveLength(2);
      expect(ofAlice).toContainEqual({ organization: fal, membership: aliceAtFal.membership });
      expect(ofAlice).toContainEqual({ organization: groq, membership: aliceAtGroq.membership });
      expect(await organizations().listMemberships(bob.id)).toEqual([
        { organization: fal, membership: bobAtFal.membership },
      ]);
    });

    it('lists no members of an organization nobody joined, and no memberships of a user without any', async () => {
      const fal = await createOrganization('fal');
      const alice = await createUser('alice');

      expect(await organizations().listMembers(fal.id)).toEqual([]);
      expect(await organizations().listMemberships(alice.id)).toEqual([]);
      expect(await organizations().listMembers(unknownId)).toEqual([]);
    });

    it('refuses an unknown organization or user with InputError, and writes nothing', async () => {
      const fal = await createOrganization('fal');
      const alice = await createUser('alice');

      const noOrganization = await rejectionOf(
        organizations().setMember({ organizationId: unknownId, userId: alice.id, role: 'read' }),
      );
      const noUser = await rejectionOf(
        organizations().setMember({ organizationId: fal.id, userId: unknownId, role: 'read' }),
      );

      expect(InputError.isInstance(noOrganization)).toBe(true);
      expect(noOrganization).toMatchObject({ code: 'organization_not_found', status: 400 });
      expect(InputError.isInstance(noUser)).toBe(true);
      expect(noUser).toMatchObject({ code: 'user_not_found', status: 400 });
      expect(await organizations().listMembers(fal.id)).toEqual([]);
      expect(await organizations().listMemberships(alice.id)).toEqual([]);
    });

    it('removes a member, and reports a user who was not one', async () => {
      const fal = await createOrganization('fal');
      const alice = await createUser('alice');
      const bob = await createUser('bob');
      await organizations().setMember({ organizationId: fal.id, userId: alice.id, role: 'write' });
      const bobAtFal = await organizations().setMember({
        organizationId: fal.id,
        userId: bob.id,
        role: 'read',
      });

      expect(await organizations().removeMember(fal.id, alice.id)).toBe(true);
      expect(await organizations().removeMember(fal.id, alice.id)).toBe(false);
      expect(await organizations().removeMember(unknownId, bob.id)).toBe(false);
      expect(await organizations().listMembers(fal.id)).toEqual([
        { user: bob, membership: bobAtFal.membership },
      ]);
      expect(await organizations().listMemberships(alice.id)).toEqual([]);
    });

    it('shows admins in member listings as the user records say', async () => {
      const fal = await createOrganization('fal');
      const root = await current().users.create({ name: 'root', isAdmin: true });
      await organizations().setMember({ organizationId: fal.id, userId: root.id, role: 'read' });

      const [member] = await organizations().listMembers(fal.id);

      expect(member?.user).toEqual({ ...root, isAdmin: true });
    });
  });
}
