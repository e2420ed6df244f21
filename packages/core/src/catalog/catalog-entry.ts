/** A single-model mapping as the catalog serves it to the router: which provider, under which id, for which task. */
import type { ModelMappingV1 } from '@tollgate/provider-spec';
import type { CatalogMappingOrigin } from '../store/catalog-repository.js';

export interface CatalogEntry extends ModelMappingV1 {
  /** The mapping's id in the store (the partner API's `_id`). */
  readonly id: string;
  readonly providerId: string;
  /** `plugin` for a plugin's built-in map, `config` for an operator's mapping, `partner` for a provider's own. */
  readonly origin: CatalogMappingOrigin;
}
