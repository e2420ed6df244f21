/** The Hub id a native `/models/...` request names in its path, as the route pattern captured it. */
import type { NativeRequestV1 } from '@tollgate/provider-spec';

/**
 * `owner/name` from the `:owner` and `:name` segments, or the bare `:name` of a legacy id without an owner
 * (`gpt2`, `bert-base-uncased`): hf-inference's provider model id is the Hub id itself, so this is what the
 * mapping check looks up.
 *
 * @example
 * modelIdOfPath({ ...request, params: { owner: 'sentence-transformers', name: 'all-MiniLM-L6-v2' } }); // 'sentence-transformers/all-MiniLM-L6-v2'
 * modelIdOfPath({ ...request, params: { name: 'gpt2' } }); // 'gpt2'
 */
export function modelIdOfPath(request: NativeRequestV1): string | undefined {
  const { owner, name } = request.params;
  if (name === undefined || name === '') return undefined;
  return owner === undefined ? name : `${owner}/${name}`;
}
