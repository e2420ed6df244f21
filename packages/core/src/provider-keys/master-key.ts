/** The gateway's master key, which seals every stored provider key (AES-256-GCM). */
import { createHash } from 'node:crypto';
import { MasterKeyError } from './master-key-error.js';

export interface MasterKey {
  /** A short fingerprint of the key (not secret), stored with each sealed row so rotation can tell keys apart. */
  readonly id: string;
  readonly bytes: Buffer;
}

/** The environment variable that holds the master key. */
export const MASTER_KEY_ENV_VAR = 'TOLLGATE_MASTER_KEY';
/** Keys that sealed rows before a rotation, comma-separated: rows they sealed still open. */
export const PREVIOUS_MASTER_KEYS_ENV_VAR = 'TOLLGATE_MASTER_KEY_PREVIOUS';

const hexKey = /^[0-9a-fA-F]{64}$/;
const base64Key = /^[A-Za-z0-9+/_-]{43}=?$/;

/**
 * Parses 32 bytes given as 64 hex digits or as base64 (standard or URL-safe), e.g. the output of
 * `openssl rand -base64 32`. Throws `MasterKeyError` for anything else.
 *
 * @example parseMasterKey(process.env.TOLLGATE_MASTER_KEY!).id // 'mk-3f9a0c1d'
 */
export function parseMasterKey(value: string, source = MASTER_KEY_ENV_VAR): MasterKey {
  const text = value.trim();
  let bytes: Buffer | undefined;
  if (hexKey.test(text)) bytes = Buffer.from(text, 'hex');
  else if (base64Key.test(text)) bytes = Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
  if (bytes?.length !== 32) {
    throw new MasterKeyError(
      `${source} must be 32 random bytes, as 64 hex digits or in base64 (e.g. the output of \`openssl rand -base64 32\`).`,
    );
  }
  const fingerprint = createHash('sha256').update('tollgate-master-key-id').update(bytes).digest('hex');
  return { id: `mk-${fingerprint.slice(0, 8)}`, bytes };
}

export interface MasterKeys {
  /** Seals new rows; undefined when none is configured (stored keys can then be neither set nor used). */
  readonly current: MasterKey | undefined;
  /** Open rows sealed before a rotation. */
  readonly previous: readonly MasterKey[];
}

/**
 * Reads `TOLLGATE_MASTER_KEY` (and `TOLLGATE_MASTER_KEY_PREVIOUS`). A missing key is not an error here: a gateway
 * where nobody stores provider keys needs none. An invalid one is.
 *
 * @example const keys = masterKeysFromEnv(process.env);
 */
export function masterKeysFromEnv(env: Readonly<Record<string, string | undefined>>): MasterKeys {
  const value = env[MASTER_KEY_ENV_VAR];
  const current = value?.trim() ? parseMasterKey(value) : undefined;
  const previous = (env[PREVIOUS_MASTER_KEYS_ENV_VAR] ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '')
    .map((entry) => parseMasterKey(entry, PREVIOUS_MASTER_KEYS_ENV_VAR));
  return { current, previous };
}
