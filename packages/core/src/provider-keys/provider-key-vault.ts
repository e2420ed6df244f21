/**
 * Users' and organizations' own provider keys: set, listed (never shown), removed, and opened for routing. Keys are
 * sealed by `ProviderKeyCipher` before the store sees them. Routing reads an account's keys on every request, so
 * they are kept in memory for `cacheTtlMs` (this instance's own writes apply at once; another instance's within the
 * TTL), the way the gateway keeps its own provider keys in memory.
 */
import { InputError } from '@tollgate/provider-spec';
import type { Principal } from '../auth/principal.js';
import type { BilledOrganization } from '../billing/billed-account.js';
import type { ProviderKeyRecord, ProviderKeyRepository } from '../store/provider-key-repository.js';
import { providerKeyAccountsOf } from './provider-key-accounts.js';
import type { ProviderKeyCipher } from './provider-key-cipher.js';
import type { ProviderKeySource } from './provider-key-source.js';

/** A stored key as listings show it: no secret, only its last characters. */
export interface ProviderKeySummary {
  readonly accountId: string;
  readonly providerId: string;
  readonly displaySuffix: string;
  readonly masterKeyId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface ProviderKeyVaultOptions {
  readonly repository: ProviderKeyRepository;
  readonly cipher: ProviderKeyCipher;
  /** Default 5000 ms. */
  readonly cacheTtlMs?: number;
  readonly now?: () => number;
}

const MAX_KEY_LENGTH = 4096;
const SUFFIX_LENGTH = 4;

/** The key's last 4 characters, only when they are a small part of it (a short key shows nothing). */
export function displaySuffixOf(secret: string): string {
  return secret.length >= 3 * SUFFIX_LENGTH ? secret.slice(-SUFFIX_LENGTH) : '';
}

function summaryOf(record: ProviderKeyRecord): ProviderKeySummary {
  const { accountId, providerId, displaySuffix, sealed, createdAt, updatedAt } = record;
  return { accountId, providerId, displaySuffix, masterKeyId: sealed.masterKeyId, createdAt, updatedAt };
}

export class ProviderKeyVault implements ProviderKeySource {
  private readonly cache = new Map<string, { keys: ReadonlyMap<string, string>; expiresAt: number }>();
  private readonly ttl: number;
  private readonly now: () => number;

  constructor(private readonly options: ProviderKeyVaultOptions) {
    this.ttl = options.cacheTtlMs ?? 5_000;
    this.now = options.now ?? Date.now;
  }

  /**
   * Seals and stores `secret` as the account's key for the provider, replacing any earlier one. The caller checks
   * that the provider exists; this checks the key's shape. Throws `InputError` or `MasterKeyError`.
   *
   * @example await vault.set(user.id, 'groq', 'gsk_...');
   */
  async set(accountId: string, providerId: string, secret: string): Promise<ProviderKeySummary> {
    const key = secret.trim();
    if (key === '' || /\s/.test(key) || key.length > MAX_KEY_LENGTH) {
      throw new InputError({
        message: `A provider key is one word of at most ${MAX_KEY_LENGTH} characters, without spaces.`,
        param: 'key',
        code: 'invalid_provider_key',
      });
    }
    const sealed = this.options.cipher.seal(accountId, providerId, key);
    const record = await this.options.repository.put({
      accountId,
      providerId,
      sealed,
      displaySuffix: displaySuffixOf(key),
    });
    this.cache.delete(accountId);
    return summaryOf(record);
  }

  async list(accountId: string): Promise<readonly ProviderKeySummary[]> {
    return (await this.options.repository.list(accountId)).map(summaryOf);
  }

  async remove(accountId: string, providerId: string): Promise<boolean> {
    const removed = await this.options.repository.delete(accountId, providerId);
    this.cache.delete(accountId);
    return removed;
  }

  /** The key itself, for a direct call or a test; undefined when the account has none for the provider. */
  async reveal(accountId: string, providerId: string): Promise<string | undefined> {
    const record = await this.options.repository.find(accountId, providerId);
    return record && this.options.cipher.open(accountId, providerId, record.sealed);
  }

  /** Every key of the account, opened, by provider id. */
  async keysOf(accountId: string): Promise<ReadonlyMap<string, string>> {
    const cached = this.cache.get(accountId);
    if (cached && cached.expiresAt > this.now()) return cached.keys;
    const records = await this.options.repository.list(accountId);
    const keys = new Map(
      records.map((record) => [
        record.providerId,
        this.options.cipher.open(accountId, record.providerId, record.sealed),
      ]),
    );
    // Bounded like the settings cache: the oldest account goes first.
    if (this.cache.size >= 10_000) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(accountId, { keys, expiresAt: this.now() + this.ttl });
    return keys;
  }

  async keysFor(principal: Principal, billTo?: BilledOrganization): Promise<ReadonlyMap<string, string>> {
    const accounts = providerKeyAccountsOf(principal, billTo);
    if (accounts.length === 1) return this.keysOf(accounts[0]!);
    const merged = new Map<string, string>();
    for (const accountId of accounts) {
      for (const [providerId, key] of await this.keysOf(accountId)) {
        if (!merged.has(providerId)) merged.set(providerId, key);
      }
    }
    return merged;
  }
}
