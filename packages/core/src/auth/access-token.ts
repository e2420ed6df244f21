/** Making and hashing `hf_` access tokens. Unmodified Hugging Face clients route only `hf_`-prefixed tokens. */
import { hash, randomBytes } from 'node:crypto';

export const ACCESS_TOKEN_PREFIX = 'hf_';
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
const SECRET_LENGTH = 34;

/** A new token: `hf_` and 34 random letters (about 194 bits), the shape of a Hugging Face token. */
export function generateAccessToken(): string {
  const bytes = randomBytes(SECRET_LENGTH * 2);
  let secret = '';
  // Rejection sampling keeps every letter equally likely (256 is not a multiple of 52).
  for (const byte of bytes) {
    if (byte < 208) secret += ALPHABET[byte % 52];
    if (secret.length === SECRET_LENGTH) break;
  }
  return secret.length === SECRET_LENGTH ? `${ACCESS_TOKEN_PREFIX}${secret}` : generateAccessToken();
}

/**
 * Tokens are long random secrets, so one SHA-256 is the right hash (no password stretching needed). The one-shot
 * `crypto.hash` is used because every request hashes its token: it costs a quarter of a `createHash` chain.
 */
export function hashAccessToken(token: string): string {
  return hash('sha256', token, 'hex');
}

/** What listings show of a token: its prefix and first four secret characters. */
export function displayPrefixOf(token: string): string {
  return token.slice(0, ACCESS_TOKEN_PREFIX.length + 4);
}
