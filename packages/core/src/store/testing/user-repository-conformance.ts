/** Conformance scenarios for `Store#users`. */
import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { byId, type CurrentStore, expectIsoUtcTimestamp } from './store-conformance-fixtures.js';

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Registers the user repository scenarios against the store `current()` returns. */
export function describeUserRepositoryConformance(current: CurrentStore): void {
  describe('users', () => {
    it('creates a user with a UUID id, the given name and an ISO-8601 UTC creation time', async () => {
      const before = Date.now();
      const user = await current().users.create({ name: 'alice' });
      const after = Date.now();

      expect(user.id).toMatch(uuidPattern);
      expect(user.name).toBe('alice');
      expect(user.isAdmin).toBe(false);
      expectIsoUtcTimestamp(user.createdAt);
      expect(Date.parse(user.createdAt)).toBeGreaterThanOrEqual(before);
      expect(Date.parse(user.createdAt)).toBeLessThanOrEqual(after);
    });

    it('creates an admin when asked, and keeps the flag through every read', async () => {
      const root = await current().users.create({ name: 'root', isAdmin: true });
      const alice = await current().users.create({ name: 'alice', isAdmin: false });

      expect(root.isAdmin).toBe(true);
      expect(alice.isAdmin).toBe(false);
      expect(await current().users.findByName('root')).toEqual(root);
      expect(await current().users.findById(root.id)).toEqual(root);
      expect(byId(await current().users.list())).toEqual(byId([root, alice]));
    });

    it('gives every user a distinct id', async () => {
      const alice = await current().users.create({ name: 'alice' });
      const bob = await current().users.create({ name: 'bob' });

      expect(alice.id).not.toBe(bob.id);
    });

    it('finds a user by name and by id', async () => {
      const alice = await current().users.create({ name: 'alice' });
      await current().users.create({ name: 'bob' });

      expect(await current().users.findByName('alice')).toEqual(alice);
      expect(await current().users.findById(alice.id)).toEqual(alice);
    });

    it('finds nothing for an unknown name or id', async () => {
      await current().users.create({ name: 'alice' });

      expect(await current().users.findByName('mallory')).toBeUndefined();
      expect(await current().users.findById('00000000-0000-4000-8000-000000000000')).toBeUndefined();
    });

    it('matches names exactly', async () => {
      await current().users.create({ name: 'alice' });

      expect(await current().users.findByName('Alice')).toBeUndefined();
      expect(await current().users.findByName('alic')).toBeUndefined();
    });

    it('lists no users in a new store', async () => {
      expect(await current().users.list()).toEqual([]);
    });

    it('lists every user', async () => {
      const created = [
        await current().users.create({ name: 'alice' }),
        await current().users.create({ name: 'bob' }),
        await current().users.create({ name: 'carol' }),
      ];

      expect(byId(await current().users.list())).toEqual(byId(created));
    });

    it('rejects a taken name with InputError code user_exists, and keeps the first user', async () => {
      const alice = await current().users.create({ name: 'alice' });

      const error = await current()
        .users.create({ name: 'alice' })
        .catch((rejection: unknown) => rejection);

      expect(InputError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: 'user_exists',
        status: 400,
        message: expect.stringContaining('alice'),
      });
      expect(await current().users.list()).toEqual([alice]);
    });
  });
}
