/** Which providers serve which Hugging Face models. The router reads it on every request, so reads are synchronous. */
import type { TaskId } from '@tollgate/provider-spec';
import type { CatalogEntry } from './catalog-entry.js';

export interface ModelCatalog {
  /** Mappings of one model, optionally for one task, in provider registration order. */
  entriesFor(hfModelId: string, task?: TaskId): readonly CatalogEntry[];
  /** The mapping a provider's own model id belongs to (native routes send provider ids). */
  entryForProviderModel(providerId: string, providerModelId: string, task?: TaskId): CatalogEntry | undefined;
  /**
   * Every mapping of a provider's own model id, in catalog order: several Hub models (a base model and a
   * partner's staging fine-tune, say) may be served under one provider id.
   */
  entriesForProviderModel(
    providerId: string,
    providerModelId: string,
    task?: TaskId,
  ): readonly CatalogEntry[];
  /** Whether any mapping is in `staging`: only then does a read depend on who is asking. */
  hasStagingEntries(): boolean;
  /** Every mapping, for listings. */
  allEntries(): readonly CatalogEntry[];
}
