/**
 * A `ProviderKeyRepository` in a Map: the contract at its plainest, checked by the same conformance scenarios as
 * the real stores. For tests and direct calls without a database; nothing is persisted.
 */
import type { ProviderKeyRecord, ProviderKeyRepository } from '../provider-key-repository.js';

/**
 * @example
 * const vault = new ProviderKeyVault({ repository: createInMemoryProviderKeyRepository(), cipher });
 */
export function createInMemoryProviderKeyRepository(): ProviderKeyRepository {
  const records = new Map<string, ProviderKeyRecord>();
  const keyOf = (accountId: string, providerId: string) => JSON.stringify([accountId, providerId]);
  const copy = (record: ProviderKeyRecord): ProviderKeyRecord => ({
    ...record,
    sealed: {
      masterKeyId: record.sealed.masterKeyId,
      iv: Uint8Array.from(record.sealed.iv),
      ciphertext: Uint8Array.from(record.sealed.ciphertext),
      tag: Uint8Array.from(record.sealed.tag),
    },
  });
  return {
    async put(input) {
      const key = keyOf(input.accountId, input.providerId);
      const now = new Date().toISOString();
      const record: ProviderKeyRecord = copy({
        ...input,
        createdAt: records.get(key)?.createdAt ?? now,
        updatedAt: now,
      });
      records.set(key, record);
      return copy(record);
    },
    async find(accountId, providerId) {
      const record = records.get(keyOf(accountId, providerId));
      return record && copy(record);
    },
    async list(accountId) {
      return [...records.values()]
        .filter((record) => record.accountId === accountId)
        .sort((left, right) => (left.providerId < right.providerId ? -1 : 1))
        .map(copy);
    },
    async delete(accountId, providerId) {
      return records.delete(keyOf(accountId, providerId));
    },
  };
}
