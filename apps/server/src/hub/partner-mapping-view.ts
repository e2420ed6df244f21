/** A catalog record as the partner API shows it: Hugging Face's field names (`hfModel`, `providerModel`, `_id`). */
import type { CatalogMappingRecord } from '@tollgate/core';

export interface PartnerMappingView {
  readonly _id: string;
  readonly type: 'single-model' | 'tag-filter';
  readonly task: string;
  readonly status: CatalogMappingRecord['status'];
  readonly providerModel: string;
  readonly hfModel?: string;
  readonly tags?: string[];
  readonly adapterType?: 'lora';
  readonly adapterWeightsPath?: string;
}

/** One entry of the grouped listing, `GET /api/partners/{provider}/models`. */
export interface PartnerListingEntry {
  readonly _id: string;
  readonly providerId: string;
  readonly status: CatalogMappingRecord['status'];
  readonly adapterType?: 'lora';
  readonly tags?: readonly string[];
}

/**
 * @example partnerMappingView(record); // { _id: '…', type: 'single-model', hfModel: 'org/name', ... }
 */
export function partnerMappingView(record: CatalogMappingRecord): PartnerMappingView {
  const adapter = {
    ...(record.adapter !== null ? { adapterType: record.adapter } : {}),
    ...(record.adapterWeightsPath !== null ? { adapterWeightsPath: record.adapterWeightsPath } : {}),
  };
  const common = {
    _id: record.id,
    task: record.task,
    status: record.status,
    providerModel: record.providerModelId,
  };
  if (record.type === 'single')
    return { ...common, type: 'single-model', hfModel: record.hfModelId, ...adapter };
  return { ...common, type: 'tag-filter', tags: [...record.tags], ...adapter };
}

/**
 * Grouped as the Hub groups them: by task, then by Hub model id, or `tag-filter=<tags>` for a tag filter.
 *
 * @example groupPartnerMappings(records); // { 'text-to-image': { 'org/name': { _id, providerId, status } } }
 */
export function groupPartnerMappings(
  records: readonly CatalogMappingRecord[],
): Record<string, Record<string, PartnerListingEntry>> {
  const grouped: Record<string, Record<string, PartnerListingEntry>> = {};
  for (const record of records) {
    const forTask = grouped[record.task] ?? {};
    grouped[record.task] = forTask;
    const base = { _id: record.id, providerId: record.providerModelId, status: record.status };
    if (record.type === 'single') forTask[record.hfModelId] = base;
    else
      forTask[`tag-filter=${record.tags.join(',')}`] = {
        ...base,
        ...(record.adapter !== null ? { adapterType: record.adapter } : {}),
        tags: record.tags,
      };
  }
  return grouped;
}
