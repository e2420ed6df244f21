/** Issues tokens to users: the plaintext is returned once and only its hash is stored. */
import { randomUUID } from 'node:crypto';
import type { TokenRecord, TokenRepository } from '../store/token-repository.js';
import { displayPrefixOf, generateAccessToken, hashAccessToken } from './access-token.js';
import { checkTokenPermissions, TOKEN_PERMISSIONS } from './token-permission.js';

export interface IssuedToken {
  /** The secret, to show the user once. */
  readonly token: string;
  readonly record: TokenRecord;
}

export class TokenService {
  constructor(private readonly tokens: TokenRepository) {}

  /**
   * @example
   * const { token } = await tokens.issue(user.id, 'ci', { permissions: [] }); // may not call inference providers
   */
  async issue(
    userId: string,
    name = 'default',
    options: { readonly permissions?: readonly string[] } = {},
  ): Promise<IssuedToken> {
    const permissions = checkTokenPermissions(options.permissions ?? TOKEN_PERMISSIONS);
    const token = generateAccessToken();
    const record = await this.tokens.insert({
      id: randomUUID(),
      userId,
      name,
      secretHash: hashAccessToken(token),
      displayPrefix: displayPrefixOf(token),
      permissions,
      createdAt: new Date().toISOString(),
    });
    return { token, record };
  }
}
