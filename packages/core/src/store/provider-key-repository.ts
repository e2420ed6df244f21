/**
 * Users' and organizations' own provider keys, sealed: the store keeps only what `ProviderKeyCipher` produced
 * (ciphertext, IV, authentication tag and the id of the master key that sealed it) and a short display suffix.
 * Keyed by (account id, provider id); an account id is a user's or an organization's id, so it references no table.
 *
 * The contract below is what `runStoreConformance` checks; a store implements it exactly.
 */

/** What AES-256-GCM produced for one key. The store never sees the key itself. */
export interface SealedProviderKey {
  /** Which master key sealed it (`MasterKey#id`), so a rotated-out key can be named and still opened. */
  readonly masterKeyId: string;
  readonly iv: Uint8Array;
  readonly ciphertext: Uint8Array;
  readonly tag: Uint8Array;
}

export interface ProviderKeyInput {
  readonly accountId: string;
  readonly providerId: string;
  readonly sealed: SealedProviderKey;
  /** The key's last characters, shown in listings (e.g. `…Xy9Q`); never enough to use it. */
  readonly displaySuffix: string;
}

export interface ProviderKeyRecord extends ProviderKeyInput {
  /** ISO-8601 UTC of the first `put` of this (account, provider). */
  readonly createdAt: string;
  /** ISO-8601 UTC of the last `put`. */
  readonly updatedAt: string;
}

export interface ProviderKeyRepository {
  /** Stores or replaces the account's key for the provider; a replacement keeps `createdAt`. */
  put(input: ProviderKeyInput): Promise<ProviderKeyRecord>;
  find(accountId: string, providerId: string): Promise<ProviderKeyRecord | undefined>;
  /** The account's keys, by provider id. */
  list(accountId: string): Promise<readonly ProviderKeyRecord[]>;
  /** False when the account had no key for the provider. */
  delete(accountId: string, providerId: string): Promise<boolean>;
}
