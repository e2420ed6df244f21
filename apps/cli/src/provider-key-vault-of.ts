/** The provider key vault over an admin command's store, sealing with the master key from the environment. */
import { masterKeysFromEnv, ProviderKeyCipher, ProviderKeyVault, type Store } from '@tollgate/core';
import type { CliContext } from './cli-context.js';

/**
 * The same vault `tollgate serve` opens, so a key set here is the one the gateway routes with: the gateway must run
 * with the same `TOLLGATE_MASTER_KEY`.
 *
 * @example const vault = providerKeyVaultOf(store, context);
 */
export function providerKeyVaultOf(store: Store, context: CliContext): ProviderKeyVault {
  return new ProviderKeyVault({
    repository: store.providerKeys,
    cipher: new ProviderKeyCipher(masterKeysFromEnv(context.env)),
  });
}
