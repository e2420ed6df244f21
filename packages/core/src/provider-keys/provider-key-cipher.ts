/**
 * Seals and opens provider keys with AES-256-GCM under the master key. The associated data names the account and
 * the provider, so a sealed row copied to another account or provider fails to open instead of lending its key.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import type { SealedProviderKey } from '../store/provider-key-repository.js';
import {
  MASTER_KEY_ENV_VAR,
  type MasterKey,
  type MasterKeys,
  PREVIOUS_MASTER_KEYS_ENV_VAR,
} from './master-key.js';
import { MasterKeyError } from './master-key-error.js';

const ALGORITHM = 'aes-256-gcm';
const IV_BYTES = 12;

function associatedData(accountId: string, providerId: string): Buffer {
  // NUL cannot occur in either id, so no two (account, provider) pairs share associated data.
  return Buffer.from(`tollgate-provider-key/v1\u0000${accountId}\u0000${providerId}`, 'utf8');
}

export class ProviderKeyCipher {
  constructor(private readonly keys: MasterKeys) {}

  /** Which master key seals new rows, if any. */
  get currentKeyId(): string | undefined {
    return this.keys.current?.id;
  }

  /** @example const sealed = cipher.seal(user.id, 'groq', 'gsk_...'); */
  seal(accountId: string, providerId: string, secret: string): SealedProviderKey {
    const key = this.keys.current;
    if (!key) {
      throw new MasterKeyError(
        `Provider keys are stored encrypted, and this gateway has no master key: set ${MASTER_KEY_ENV_VAR} to 32 random bytes (e.g. \`openssl rand -base64 32\`), the same on every instance.`,
      );
    }
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv(ALGORITHM, key.bytes, iv);
    cipher.setAAD(associatedData(accountId, providerId));
    const ciphertext = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return { masterKeyId: key.id, iv, ciphertext, tag: cipher.getAuthTag() };
  }

  /** Throws `MasterKeyError` when the sealing key is not configured or the row was altered or moved. */
  open(accountId: string, providerId: string, sealed: SealedProviderKey): string {
    const key = this.keyFor(sealed.masterKeyId, accountId, providerId);
    try {
      const decipher = createDecipheriv(ALGORITHM, key.bytes, Buffer.from(sealed.iv));
      decipher.setAAD(associatedData(accountId, providerId));
      decipher.setAuthTag(Buffer.from(sealed.tag));
      return Buffer.concat([decipher.update(Buffer.from(sealed.ciphertext)), decipher.final()]).toString(
        'utf8',
      );
    } catch (error) {
      throw new MasterKeyError(
        `The stored '${providerId}' key of account '${accountId}' fails its integrity check: the row was altered or copied from another account or provider. Set the key again.`,
        'provider_key_tampered',
        error,
      );
    }
  }

  private keyFor(masterKeyId: string, accountId: string, providerId: string): MasterKey {
    const { current, previous } = this.keys;
    const key = [current, ...previous].find((candidate) => candidate?.id === masterKeyId);
    if (key) return key;
    throw new MasterKeyError(
      current
        ? `The stored '${providerId}' key of account '${accountId}' was sealed with master key ${masterKeyId}, but ${MASTER_KEY_ENV_VAR} is ${current.id}: configure the key it was sealed with (or list it in ${PREVIOUS_MASTER_KEYS_ENV_VAR}), or set the provider key again.`
        : `The stored '${providerId}' key of account '${accountId}' is encrypted, and this gateway has no master key: set ${MASTER_KEY_ENV_VAR} to the key it was sealed with (${masterKeyId}).`,
    );
  }
}
