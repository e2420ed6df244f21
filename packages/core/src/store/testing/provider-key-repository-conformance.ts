/**
 * Conformance scenarios for `Store#providerKeys`, through `ProviderKeyVault` (the way the gateway uses it): what is
 * stored is sealed, round-trips byte for byte, opens only under the master key that sealed it, and only for the
 * account and provider it was sealed for.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseMasterKey } from '../../provider-keys/master-key.js';
import { MasterKeyError } from '../../provider-keys/master-key-error.js';
import { ProviderKeyCipher } from '../../provider-keys/provider-key-cipher.js';
import { ProviderKeyVault } from '../../provider-keys/provider-key-vault.js';
import type { ProviderKeyRepository } from '../provider-key-repository.js';
import { expectIsoUtcTimestamp } from './store-conformance-fixtures.js';

const userId = '5b0c8a52-8f0e-4a57-9f3b-2f1d6f0c1a11';
const organizationId = '9d4e1c2b-3a5f-4b6c-8d7e-0f1a2b3c4d5e';
const groqKey = 'gsk_live_4f7Q9zW2mB8xT1pLcV6n';
const falKey = 'fal_3c9d1e7a-55b2-4f0e-9a61-2d8e4b7c0f13:wQ8r';

const newCipher = (previous: readonly ReturnType<typeof parseMasterKey>[] = []) =>
  new ProviderKeyCipher({ current: parseMasterKey(randomBytes(32).toString('base64')), previous });

const hex = (bytes: Uint8Array) => Buffer.from(bytes).toString('hex');

/** Registers the provider key scenarios against the repository `current()` returns. */
export function describeProviderKeyRepositoryConformance(current: () => ProviderKeyRepository): void {
  describe('provider keys', () => {
    const vault = (cipher = newCipher()) => new ProviderKeyVault({ repository: current(), cipher });

    it('finds nothing for an account without keys', async () => {
      expect(await current().find(userId, 'groq')).toBeUndefined();
      expect(await current().list(userId)).toEqual([]);
      expect(await vault().keysOf(userId)).toEqual(new Map());
    });

    it('stores a key sealed, lists it without the secret, and opens it for its account only', async () => {
      const keys = vault();
      const before = Date.now();
      const summary = await keys.set(userId, 'groq', groqKey);
      await keys.set(organizationId, 'fal-ai', falKey);

      expect(summary).toMatchObject({ accountId: userId, providerId: 'groq' });
      expect(summary.displaySuffix).toBe(groqKey.slice(-4));
      expectIsoUtcTimestamp(summary.createdAt);
      expect(Date.parse(summary.updatedAt)).toBeGreaterThanOrEqual(before);
      expect(JSON.stringify(await keys.list(userId))).not.toContain(groqKey.slice(0, -4));
      expect(await keys.list(userId)).toEqual([summary]);
      expect(await keys.reveal(userId, 'groq')).toBe(groqKey);
      expect(await keys.reveal(userId, 'fal-ai')).toBeUndefined();
      expect(await keys.keysOf(organizationId)).toEqual(new Map([['fal-ai', falKey]]));
    });

    it('keeps only ciphertext: the stored bytes are not the key and a new IV seals every put', async () => {
      const keys = vault();
      await keys.set(userId, 'groq', groqKey);
      const first = (await current().find(userId, 'groq'))!;
      await keys.set(userId, 'groq', groqKey);
      const second = (await current().find(userId, 'groq'))!;

      const plain = Buffer.from(groqKey, 'utf8');
      for (const record of [first, second]) {
        expect(record.sealed.iv).toHaveLength(12);
        expect(record.sealed.tag).toHaveLength(16);
        expect(record.sealed.ciphertext).toHaveLength(plain.length);
        expect(Buffer.from(record.sealed.ciphertext).equals(plain)).toBe(false);
        expect(JSON.stringify(record)).not.toContain(groqKey);
        expect(JSON.stringify(record)).not.toContain(plain.toString('base64'));
      }
      expect(hex(second.sealed.iv)).not.toBe(hex(first.sealed.iv));
      expect(hex(second.sealed.ciphertext)).not.toBe(hex(first.sealed.ciphertext));
      expect(second.createdAt).toBe(first.createdAt);
    });

    it('round-trips the sealed bytes exactly', async () => {
      const sealed = {
        masterKeyId: 'mk-0badc0de',
        iv: Uint8Array.from(randomBytes(12)),
        ciphertext: Uint8Array.from([0, 255, 1, 128, 10, 13, 0]),
        tag: Uint8Array.from(randomBytes(16)),
      };
      await current().put({ accountId: userId, providerId: 'groq', sealed, displaySuffix: '' });
      const record = (await current().find(userId, 'groq'))!;
      expect(record.sealed.masterKeyId).toBe(sealed.masterKeyId);
      expect(hex(record.sealed.iv)).toBe(hex(sealed.iv));
      expect(hex(record.sealed.ciphertext)).toBe(hex(sealed.ciphertext));
      expect(hex(record.sealed.tag)).toBe(hex(sealed.tag));
    });

    it('refuses to open under another master key, naming both keys', async () => {
      const sealing = newCipher();
      await vault(sealing).set(userId, 'groq', groqKey);
      const other = newCipher();

      const error = await vault(other)
        .reveal(userId, 'groq')
        .catch((caught: unknown) => caught);
      expect(MasterKeyError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(sealing.currentKeyId!);
      expect((error as Error).message).toContain(other.currentKeyId!);
      await expect(vault(other).keysOf(userId)).rejects.toMatchObject({ code: 'master_key_error' });
    });

    it('opens rows sealed under a previous master key after a rotation', async () => {
      const oldKey = parseMasterKey(randomBytes(32).toString('hex'));
      await vault(new ProviderKeyCipher({ current: oldKey, previous: [] })).set(userId, 'groq', groqKey);

      const rotated = vault(newCipher([oldKey]));
      expect(await rotated.reveal(userId, 'groq')).toBe(groqKey);
      await rotated.set(userId, 'groq', groqKey);
      expect((await current().find(userId, 'groq'))!.sealed.masterKeyId).not.toBe(oldKey.id);
    });

    it('fails clearly when a sealed row was altered or moved to another account or provider', async () => {
      const cipher = newCipher();
      await vault(cipher).set(userId, 'groq', groqKey);
      const record = (await current().find(userId, 'groq'))!;

      const flipped = Uint8Array.from(record.sealed.ciphertext);
      flipped[0] = flipped[0]! ^ 1;
      await current().put({ ...record, providerId: 'together', sealed: record.sealed });
      await current().put({ ...record, accountId: organizationId });
      await current().put({
        ...record,
        providerId: 'cerebras',
        sealed: { ...record.sealed, ciphertext: flipped },
      });

      for (const [accountId, providerId] of [
        [userId, 'together'],
        [organizationId, 'groq'],
        [userId, 'cerebras'],
      ] as const) {
        const error = await vault(cipher)
          .reveal(accountId, providerId)
          .catch((caught: unknown) => caught);
        expect(MasterKeyError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: 'provider_key_tampered' });
        expect((error as Error).message).not.toContain(groqKey);
      }
      expect(await vault(cipher).reveal(userId, 'groq')).toBe(groqKey);
    });

    it('removes one key of an account, and says whether there was one', async () => {
      const keys = vault();
      await keys.set(userId, 'groq', groqKey);
      await keys.set(userId, 'fal-ai', falKey);

      expect((await keys.list(userId)).map((summary) => summary.providerId)).toEqual(['fal-ai', 'groq']);
      expect(await keys.remove(userId, 'groq')).toBe(true);
      expect(await keys.remove(userId, 'groq')).toBe(false);
      expect(await keys.keysOf(userId)).toEqual(new Map([['fal-ai', falKey]]));
    });
  });
}
