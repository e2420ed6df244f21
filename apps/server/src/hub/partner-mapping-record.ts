/** Finds the mapping a partner route's `_id` names, among the provider's own. */
import type { CatalogMappingRecord, Kernel } from '@tollgate/core';
import { RoutingError } from '@tollgate/provider-spec';

/**
 * @example const record = await partnerMappingRecord(kernel, 'fal-ai', request.params.id);
 */
export async function partnerMappingRecord(
  kernel: Kernel,
  providerId: string,
  id: string,
): Promise<CatalogMappingRecord> {
  const record = await kernel.store.catalog.findById(id);
  // Another provider's mapping is reported as unknown, like a missing one.
  if (record === undefined || record.providerId !== providerId) {
    throw new RoutingError({
      message: `Provider '${providerId}' has no mapping with _id '${id}'.`,
      status: 404,
      code: 'mapping_not_found',
      param: '_id',
    });
  }
  return record;
}
