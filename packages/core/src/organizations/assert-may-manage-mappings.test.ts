import { AuthError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { OrganizationRole } from '../store/organization-repository.js';
import { assertMayManageMappings } from './assert-may-manage-mappings.js';

const member = (role: OrganizationRole) => ({ isAdmin: false, roles: new Map([['fal', role]]) });

describe('assertMayManageMappings', () => {
  it("lets the organization's write and admin members and gateway admins manage mappings", () => {
    expect(() => assertMayManageMappings(member('write'), 'fal', 'fal-ai')).not.toThrow();
    expect(() => assertMayManageMappings(member('admin'), 'fal', 'fal-ai')).not.toThrow();
    expect(() => assertMayManageMappings({ isAdmin: true, roles: new Map() }, 'fal', 'fal-ai')).not.toThrow();
  });

  it('refuses readers and outsiders with a 403 that names the organization and the role', () => {
    const reader = (() => {
      try {
        assertMayManageMappings(member('read'), 'fal', 'fal-ai');
      } catch (error) {
        return error;
      }
    })();
    expect(AuthError.isInstance(reader)).toBe(true);
    expect(reader).toMatchObject({ status: 403, code: 'insufficient_permissions' });
    expect((reader as Error).message).toMatch(
      /organization 'fal'.*provider 'fal-ai'; your role in it is 'read'/,
    );
    expect(() =>
      assertMayManageMappings({ isAdmin: false, roles: new Map([['groq', 'admin']]) }, 'fal', 'fal-ai'),
    ).toThrow(/you are not a member of it/);
  });
});
