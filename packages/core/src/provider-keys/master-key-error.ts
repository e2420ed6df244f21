/** The master key is missing, malformed, or not the one a stored provider key was sealed with (HTTP 500), or a sealed row fails its integrity check. */
import { GatewayError, hasMarker } from '@tollgate/provider-spec';

const marker = 'tollgate.error.master-key';
const symbol = Symbol.for(marker);

export class MasterKeyError extends GatewayError {
  // biome-ignore lint/correctness/noUnusedPrivateClassMembers: read through Symbol.for in isInstance.
  private readonly [symbol] = true;

  /** `code` is `master_key_error` (missing, malformed or unknown key) or `provider_key_tampered`. */
  constructor(message: string, code = 'master_key_error', cause?: unknown) {
    super({ message, status: 500, type: 'server_error', code, cause });
    this.name = 'MasterKeyError';
  }

  static override isInstance(error: unknown): error is MasterKeyError {
    return hasMarker(error, marker);
  }
}
