/** Validation, normalisation and the natural key of a catalog mapping: one implementation every store calls. */
import { isDeepStrictEqual } from 'node:util';
import { InputError, type ModelMetadataV1 } from '@tollgate/provider-spec';
import type {
  CatalogMappingInput,
  CatalogMappingOrigin,
  CatalogMappingRecord,
  CatalogMappingStatus,
} from './catalog-repository.js';

/** A record without the fields the store assigns (id, timestamps). */
export type PreparedCatalogMapping = CatalogMappingRecord extends infer Record
  ? Record extends CatalogMappingRecord
    ? Omit<Record, 'id' | 'createdAt' | 'updatedAt'>
    : never
  : never;

export interface PreparedCatalogMappingWrite {
  readonly mapping: PreparedCatalogMapping;
  /**
   * A string equal for two inputs exactly when they name the same mapping: provider, task, and the Hub model id or
   * the tag set. Stores keep it in a uniquely indexed column.
   */
  readonly naturalKey: string;
}

const STATUSES: readonly CatalogMappingStatus[] = ['live', 'staging', 'error'];
const ORIGINS: readonly CatalogMappingOrigin[] = ['plugin', 'config', 'partner'];

const isNonEmptyString = (value: unknown): value is string => typeof value === 'string' && value !== '';

function invalid(message: string, param: string): InputError {
  return new InputError({ message, param, code: 'invalid_catalog_mapping' });
}

function metadataWithoutUndefined(metadata: ModelMetadataV1 | undefined): ModelMetadataV1 {
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(metadata ?? {})) {
    if (value !== undefined) kept[name] = value;
  }
  return kept as ModelMetadataV1;
}

/**
 * Checks a mapping a caller wants to write and returns it in the form stores keep, with its natural key. Throws
 * `InputError` (code `invalid_catalog_mapping`, HTTP 400) naming the first field that is wrong.
 *
 * @example
 * const { mapping, naturalKey } = prepareCatalogMapping({
 *   type: 'tag-filter', tags: ['lora', 'base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora'],
 *   providerId: 'fal-ai', providerModelId: 'fal-ai/flux-lora', task: 'text-to-image', status: 'live', origin: 'partner',
 * });
 * mapping.tags; // ['base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora']
 */
export function prepareCatalogMapping(input: CatalogMappingInput): PreparedCatalogMappingWrite {
  if (!isNonEmptyString(input.providerId)) throw invalid('A mapping needs a providerId.', 'providerId');
  if (!isNonEmptyString(input.providerModelId))
    throw invalid('A mapping needs the provider model id.', 'providerModelId');
  if (!isNonEmptyString(input.task)) throw invalid('A mapping needs a task.', 'task');
  if (!STATUSES.includes(input.status))
    throw invalid(`A mapping's status is live, staging or error, not '${String(input.status)}'.`, 'status');
  if (!ORIGINS.includes(input.origin))
    throw invalid(
      `A mapping's origin is plugin, config or partner, not '${String(input.origin)}'.`,
      'origin',
    );
  const adapter = input.adapter ?? null;
  if (adapter !== null && adapter !== 'lora')
    throw invalid(`The only adapter type is 'lora', not '${String(adapter)}'.`, 'adapter');
  const adapterWeightsPath = input.adapterWeightsPath ?? null;
  if (adapterWeightsPath !== null && typeof adapterWeightsPath !== 'string')
    throw invalid('adapterWeightsPath must be a string.', 'adapterWeightsPath');

  const common = {
    providerId: input.providerId,
    providerModelId: input.providerModelId,
    task: input.task,
    status: input.status,
    origin: input.origin,
    adapter,
    adapterWeightsPath,
    metadata: metadataWithoutUndefined(input.metadata),
  };
  if (input.type === 'single') {
    if (!isNonEmptyString(input.hfModelId))
      throw invalid('A single-model mapping needs the Hub model id.', 'hfModelId');
    return {
      mapping: { type: 'single', hfModelId: input.hfModelId, ...common },
      naturalKey: JSON.stringify([input.providerId, input.task, 'single', input.hfModelId]),
    };
  }
  if (input.type === 'tag-filter') {
    if (!Array.isArray(input.tags) || !input.tags.every(isNonEmptyString) || input.tags.length === 0)
      throw invalid('A tag-filter mapping needs at least one tag, each a non-empty string.', 'tags');
    const tags = [...new Set(input.tags)].sort();
    return {
      mapping: { type: 'tag-filter', tags, ...common },
      naturalKey: JSON.stringify([input.providerId, input.task, 'tag-filter', tags]),
    };
  }
  throw invalid(
    `A mapping's type is single or tag-filter, not '${String((input as { type?: unknown }).type)}'.`,
    'type',
  );
}

/**
 * True when writing `mapping` over `record` would change nothing, so the store skips the write (no new
 * `updatedAt`, no new revision). Both must name the same key.
 *
 * @example
 * if (existing && catalogMappingMatches(existing, mapping)) return { record: existing, outcome: 'unchanged' };
 */
export function catalogMappingMatches(
  record: CatalogMappingRecord,
  mapping: PreparedCatalogMapping,
): boolean {
  return (
    record.providerModelId === mapping.providerModelId &&
    record.status === mapping.status &&
    record.origin === mapping.origin &&
    record.adapter === mapping.adapter &&
    record.adapterWeightsPath === mapping.adapterWeightsPath &&
    isDeepStrictEqual(record.metadata, mapping.metadata)
  );
}
