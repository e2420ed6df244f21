import { describe, expect, it } from 'vitest';
import type {
  OrganizationMembershipRecord,
  OrganizationRecord,
  OrganizationRepository,
  OrganizationRole,
} from '../store/organization-repository.js';
import type { UserRecord, UserRepository } from '../store/user-repository.js';
import { NO_ORGANIZATION_ACCESS, OrganizationAccessService } from './organization-access.js';

const at = '2026-11-26T00:00:00.000Z';

/** Users and memberships in memory, counting membership reads. */
function directory() {
  const users = new Map<string, UserRecord>();
  const memberships = new Map<string, { organization: OrganizationRecord; role: OrganizationRole }[]>();
  const state = { reads: 0, failing: false };
  const userRepository = {
    async findById(id: string) {
      return users.get(id);
    },
  } as unknown as UserRepository;
  const organizationRepository = {
    async listMemberships(userId: string) {
      state.reads += 1;
      if (state.failing) throw new Error('store down');
      return (memberships.get(userId) ?? []).map(({ organization, role }) => ({
        organization,
        membership: {
          organizationId: organization.id,
          userId,
          role,
          addedAt: at,
        } as OrganizationMembershipRecord,
      }));
    },
  } as unknown as OrganizationRepository;
  return {
    users,
    state,
    userRepository,
    organizationRepository,
    addUser(id: string, isAdmin = false) {
      users.set(id, { id, name: id, isAdmin, createdAt: at });
    },
    join(userId: string, name: string, role: OrganizationRole) {
      const list = memberships.get(userId) ?? [];
      list.push({ organization: { id: `org-${name}`, name, createdAt: at }, role });
      memberships.set(userId, list);
    },
  };
}

describe('OrganizationAccessService', () => {
  it("answers a user's admin flag and roles by organization name", async () => {
    const store = directory();
    store.addUser('ada');
    store.addUser('root', true);
    store.join('ada', 'fal', 'write');
    store.join('ada', 'groq', 'read');
    const access = new OrganizationAccessService({
      users: store.userRepository,
      organizations: store.organizationRepository,
    });
    const ada = await access.forUser('ada');
    expect(ada.isAdmin).toBe(false);
    expect([...ada.roles]).toEqual([
      ['fal', 'write'],
      ['groq', 'read'],
    ]);
    expect((await access.forUser('root')).isAdmin).toBe(true);
    expect(await access.forUser('nobody')).toBe(NO_ORGANIZATION_ACCESS);
  });

  it('reads the store once per user and time-to-live; `load` always reads', async () => {
    const store = directory();
    store.addUser('ada');
    const clock = { now: 0 };
    const access = new OrganizationAccessService({
      users: store.userRepository,
      organizations: store.organizationRepository,
      cacheTtlMs: 1_000,
      now: () => clock.now,
    });
    const first = await access.forUser('ada');
    expect(await access.forUser('ada')).toBe(first);
    expect(store.state.reads).toBe(1);

    store.join('ada', 'fal', 'admin');
    clock.now = 999;
    expect((await access.forUser('ada')).roles.size).toBe(0);
    expect((await access.load('ada')).roles.get('fal')).toBe('admin');
    clock.now = 1_000;
    expect((await access.forUser('ada')).roles.get('fal')).toBe('admin');
    expect(store.state.reads).toBe(3);
  });

  it('does not keep a failed read, and forgets on demand', async () => {
    const store = directory();
    store.addUser('ada');
    const access = new OrganizationAccessService({
      users: store.userRepository,
      organizations: store.organizationRepository,
    });
    store.state.failing = true;
    await expect(access.forUser('ada')).rejects.toThrow('store down');
    store.state.failing = false;
    expect((await access.forUser('ada')).roles.size).toBe(0);
    store.join('ada', 'fal', 'read');
    access.forget('ada');
    expect((await access.forUser('ada')).roles.get('fal')).toBe('read');
  });

  it('treats a store without users or organizations as one where nobody belongs anywhere', async () => {
    const access = new OrganizationAccessService({ users: undefined, organizations: undefined });
    expect(await access.forUser('ada')).toBe(NO_ORGANIZATION_ACCESS);
  });
});
