/** Conformance scenarios for `Store#tokens`. */
import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import type { UserRecord } from '../user-repository.js';
import { byId, type CurrentStore, expectIsoUtcTimestamp, sampleToken } from './store-conformance-fixtures.js';

/** Registers the token repository scenarios against the store `current()` returns. */
export function describeTokenRepositoryConformance(current: CurrentStore): void {
  const createUser = (name: string): Promise<UserRecord> => current().users.create({ name });

  describe('tokens', () => {
    it('inserts a token and returns it as live', async () => {
      const alice = await createUser('alice');
      const record = sampleToken(alice.id, { name: 'laptop', displayPrefix: 'hf_AbCd' });

      expect(await current().tokens.insert(record)).toEqual({ ...record, revokedAt: null });
    });

    it('keeps what each token may do: every permission, or none', async () => {
      const alice = await createUser('alice');
      const full = await current().tokens.insert(
        sampleToken(alice.id, { name: 'full', createdAt: '2026-11-01T00:00:00.000Z' }),
      );
      const limited = await current().tokens.insert(
        sampleToken(alice.id, { name: 'ci', permissions: [], createdAt: '2026-11-02T00:00:00.000Z' }),
      );

      expect(full.permissions).toEqual(['inference.serverless.write']);
      expect(limited.permissions).toEqual([]);
      expect((await current().tokens.findActiveByHash(limited.secretHash))?.token.permissions).toEqual([]);
      expect((await current().tokens.findActiveByHash(full.secretHash))?.token.permissions).toEqual([
        'inference.serverless.write',
      ]);
      expect((await current().tokens.listForUser(alice.id)).map((token) => token.permissions)).toEqual([
        ['inference.serverless.write'],
        [],
      ]);
    });

    it('finds a live token by its secret hash, with its user', async () => {
      const alice = await createUser('alice');
      await createUser('bob');
      const token = await current().tokens.insert(sampleToken(alice.id));

      expect(await current().tokens.findActiveByHash(token.secretHash)).toEqual({ token, user: alice });
    });

    it("finds a live token of an admin with the user's admin flag", async () => {
      const root = await current().users.create({ name: 'root', isAdmin: true });
      const token = await current().tokens.insert(sampleToken(root.id));

      expect(await current().tokens.findActiveByHash(token.secretHash)).toEqual({ token, user: root });
    });

    it('tells tokens apart by their hash', async () => {
      const alice = await createUser('alice');
      const bob = await createUser('bob');
      const aliceToken = await current().tokens.insert(sampleToken(alice.id));
      const bobToken = await current().tokens.insert(sampleToken(bob.id));

      expect(await current().tokens.findActiveByHash(bobToken.secretHash)).toEqual({
        token: bobToken,
        user: bob,
      });
      expect(await current().tokens.findActiveByHash(aliceToken.secretHash)).toEqual({
        token: aliceToken,
        user: alice,
      });
    });

    it('finds nothing for an unknown hash', async () => {
      const alice = await createUser('alice');
      await current().tokens.insert(sampleToken(alice.id));

      expect(await current().tokens.findActiveByHash(sampleToken(alice.id).secretHash)).toBeUndefined();
    });

    it("lists a user's tokens and no one else's", async () => {
      const alice = await createUser('alice');
      const bob = await createUser('bob');
      const laptop = await current().tokens.insert(sampleToken(alice.id, { name: 'laptop' }));
      const ci = await current().tokens.insert(sampleToken(alice.id, { name: 'ci' }));
      const bobs = await current().tokens.insert(sampleToken(bob.id));

      expect(byId(await current().tokens.listForUser(alice.id))).toEqual(byId([laptop, ci]));
      expect(await current().tokens.listForUser(bob.id)).toEqual([bobs]);
    });

    it('lists no tokens for a user without any', async () => {
      const alice = await createUser('alice');

      expect(await current().tokens.listForUser(alice.id)).toEqual([]);
    });

    it('revokes a live token: it is no longer found, and is listed with its revocation time', async () => {
      const alice = await createUser('alice');
      const token = await current().tokens.insert(sampleToken(alice.id));
      const before = Date.now();

      expect(await current().tokens.revoke(token.id)).toBe(true);

      expect(await current().tokens.findActiveByHash(token.secretHash)).toBeUndefined();
      const [listed] = await current().tokens.listForUser(alice.id);
      expect(listed).toEqual({ ...token, revokedAt: expect.any(String) });
      expectIsoUtcTimestamp(listed?.revokedAt);
      expect(Date.parse(listed?.revokedAt ?? '')).toBeGreaterThanOrEqual(before);
    });

    it('returns false when revoking a token twice, and keeps the first revocation time', async () => {
      const alice = await createUser('alice');
      const token = await current().tokens.insert(sampleToken(alice.id));
      await current().tokens.revoke(token.id);
      const [afterFirst] = await current().tokens.listForUser(alice.id);

      expect(await current().tokens.revoke(token.id)).toBe(false);
      expect(await current().tokens.listForUser(alice.id)).toEqual([afterFirst]);
    });

    it('returns false when revoking an unknown id', async () => {
      expect(await current().tokens.revoke('no-such-token')).toBe(false);
    });

    it("revokes only the given token, leaving the user's others live", async () => {
      const alice = await createUser('alice');
      const revoked = await current().tokens.insert(sampleToken(alice.id));
      const kept = await current().tokens.insert(sampleToken(alice.id));

      await current().tokens.revoke(revoked.id);

      expect(await current().tokens.findActiveByHash(kept.secretHash)).toEqual({ token: kept, user: alice });
    });

    it('raises InputError user_not_found, naming the user, for a token whose user does not exist', async () => {
      const missing = '00000000-0000-4000-8000-000000000000';
      const error = await current()
        .tokens.insert(sampleToken(missing))
        .catch((caught: unknown) => caught);

      expect(InputError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: 'user_not_found', message: expect.stringContaining(missing) });
    });

    it('raises InputError token_exists for a reused secret hash or id, and keeps the first token', async () => {
      const alice = await createUser('alice');
      const first = await current().tokens.insert(sampleToken(alice.id));

      const sameHash = await current()
        .tokens.insert(sampleToken(alice.id, { secretHash: first.secretHash }))
        .catch((caught: unknown) => caught);
      const sameId = await current()
        .tokens.insert(sampleToken(alice.id, { id: first.id }))
        .catch((caught: unknown) => caught);

      expect(InputError.isInstance(sameHash)).toBe(true);
      expect(sameHash).toMatchObject({ code: 'token_exists' });
      expect(InputError.isInstance(sameId)).toBe(true);
      expect(sameId).toMatchObject({ code: 'token_exists' });
      expect(await current().tokens.listForUser(alice.id)).toEqual([{ ...first, revokedAt: null }]);
    });

    it('lists tokens oldest first, and tokens created in the same millisecond by id in byte order', async () => {
      const alice = await createUser('alice');
      const insert = (id: string, createdAt: string) =>
        current().tokens.insert(sampleToken(alice.id, { id, createdAt }));
      const newer = await insert('a', '2025-02-01T00:00:00.000Z');
      const olderLowerCase = await insert('b', '2025-01-01T00:00:00.000Z');
      const olderUpperCase = await insert('C', '2025-01-01T00:00:00.000Z');

      expect(await current().tokens.listForUser(alice.id)).toEqual([olderUpperCase, olderLowerCase, newer]);
    });
  });
}
