/** Who is calling: the authenticated owner of an `hf_` token. */
import type { TokenPermission } from './token-permission.js';

export interface Principal {
  readonly userId: string;
  readonly userName: string;
  readonly tokenId: string;
  /**
   * What the token may do (`TokenPermission`). Undefined for a principal an embedding host built itself, which may
   * do everything.
   */
  readonly permissions?: readonly TokenPermission[];
}
