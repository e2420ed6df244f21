/**
 * The model catalog's records: which provider serves which Hugging Face model (or which models, by tags), under
 * which provider model id, for which task. Shared by every gateway instance on one store; each instance keeps an
 * in-memory snapshot and polls `revision()` to learn cheaply that another instance wrote.
 *
 * The contract below is what `runStoreConformance` checks; a store implements it exactly.
 */
import type { ModelMappingStatusV1, ModelMetadataV1, TaskId } from '@tollgate/provider-spec';

export type CatalogMappingStatus = ModelMappingStatusV1;

/**
 * Who wrote a mapping: a plugin's built-in map (`plugin`), the operator's configuration (`config`), or the provider
 * through the partner registration API (`partner`). Start-up seeding rewrites `plugin` and `config` rows and never
 * touches `partner` rows.
 */
export type CatalogMappingOrigin = 'plugin' | 'config' | 'partner';

/** The fields every mapping has, whatever it matches. */
interface CatalogMappingFields {
  readonly providerId: string;
  /** The id the provider's API expects, e.g. `llama-3.3-70b-versatile`. */
  readonly providerModelId: string;
  readonly task: TaskId;
  readonly status: CatalogMappingStatus;
  readonly origin: CatalogMappingOrigin;
}

/** A mapping for one Hugging Face model. */
interface SingleModelFields {
  readonly type: 'single';
  /** The Hub id, e.g. `meta-llama/Llama-3.3-70B-Instruct`. Non-empty. */
  readonly hfModelId: string;
}

/** A mapping for every Hub model carrying all of `tags` (used for LoRA adapters of one base model). */
interface TagFilterFields {
  readonly type: 'tag-filter';
  /**
   * A set: order and duplicates do not matter on input; records list the tags sorted ascending (by UTF-16 code
   * unit, as `Array#sort` does) without duplicates. At least one tag.
   */
  readonly tags: readonly string[];
}

/** What a caller writes. Optional fields default to `null` (adapter) and `{}` (metadata) in the record. */
export type CatalogMappingInput = CatalogMappingFields &
  (SingleModelFields | TagFilterFields) & {
    readonly adapter?: 'lora' | null;
    /** Where the adapter's weights live in the Hub repository, e.g. `pytorch_lora_weights.safetensors`. */
    readonly adapterWeightsPath?: string | null;
    /** Context length, modalities, tool and structured-output support, as plugins declare them. */
    readonly metadata?: ModelMetadataV1;
  };

interface CatalogMappingRecordFields extends CatalogMappingFields {
  /** A UUID the store assigns on creation; it never changes (the partner API shows it as `_id`). */
  readonly id: string;
  readonly adapter: 'lora' | null;
  readonly adapterWeightsPath: string | null;
  /** Exactly the metadata last written (keys whose value was `undefined` are dropped); `{}` when none. */
  readonly metadata: ModelMetadataV1;
  /** ISO-8601 UTC with milliseconds (`Date#toISOString`), set on creation. */
  readonly createdAt: string;
  /** ISO-8601 UTC with milliseconds, set on creation and on every write that changed the record. */
  readonly updatedAt: string;
}

export type SingleModelMappingRecord = CatalogMappingRecordFields & SingleModelFields;
export type TagFilterMappingRecord = CatalogMappingRecordFields & TagFilterFields;
export type CatalogMappingRecord = SingleModelMappingRecord | TagFilterMappingRecord;

/**
 * What an upsert did:
 * - `created`: no record had the key; a new one was inserted.
 * - `updated`: the record with the key was rewritten with the input's fields.
 * - `unchanged`: the record already had exactly the input's fields; nothing was written.
 * - `kept`: the record's origin is in `keepOrigins`; nothing was written.
 */
export type CatalogUpsertOutcome = 'created' | 'updated' | 'unchanged' | 'kept';

export interface CatalogUpsertResult {
  /** The record as stored after the call (for `kept` and `unchanged`, the existing one). */
  readonly record: CatalogMappingRecord;
  readonly outcome: CatalogUpsertOutcome;
}

export interface CatalogUpsertOptions {
  /**
   * When a record with the key exists and its origin is one of these, leave it as it is. Seeding passes
   * `['partner']` so a provider's own registration is never overwritten by a built-in or configured mapping.
   */
  readonly keepOrigins?: readonly CatalogMappingOrigin[];
}

/** Every field is optional; given fields must all match (AND). */
export interface CatalogMappingFilter {
  readonly providerId?: string;
  /** Matches `single` mappings of this Hub id only; tag filters never match it. */
  readonly hfModelId?: string;
  readonly status?: CatalogMappingStatus;
  readonly task?: TaskId;
  readonly origin?: CatalogMappingOrigin;
}

/**
 * The contract, point by point:
 *
 * - **Key.** A mapping is identified by its natural key (provider, task, and the Hub model id for `single` or the
 *   tag set for `tag-filter`), which `prepareCatalogMapping` computes; at most one record exists per key, even when
 *   several instances upsert the same key at the same moment (a unique constraint on the key, not a read-then-write
 *   race). A `single` and a `tag-filter` mapping never share a key.
 * - **Input.** Every write of a `CatalogMappingInput` goes through `prepareCatalogMapping` (exported by core),
 *   which validates it (an empty `hfModelId`, `providerId`, `providerModelId` or tag set raises `InputError` code
 *   `invalid_catalog_mapping` before anything is written) and normalises it (tags sorted and unique, `undefined`
 *   metadata values dropped, missing adapter fields `null`).
 * - **Ids and times.** The store generates the id (a random UUID) and both timestamps. An update keeps the id and
 *   `createdAt` and sets `updatedAt`; writes that change nothing leave `updatedAt` as it was.
 * - **Revision.** `revision()` is a safe integer, `0` for a new store, shared by every connection to the store and
 *   durable across restarts. Every write that changes a record (`created`, `updated`, a status change, a delete)
 *   increases it, by at least one, in the same transaction as the write, so a reader that sees the new revision
 *   also sees the write. Reads and writes that change nothing (`unchanged`, `kept`, a status set to the current
 *   status, an unknown id) leave it as it is. It never decreases.
 * - **Not found.** `setStatus` and `delete` on an unknown id report it (`undefined`, `false`) and write nothing.
 * - **Order.** `list` returns records oldest first (`createdAt`, then `id`).
 */
export interface CatalogRepository {
  /** Creates the record for the input's key, or rewrites the existing one (see `CatalogUpsertOutcome`). */
  upsert(input: CatalogMappingInput, options?: CatalogUpsertOptions): Promise<CatalogUpsertResult>;
  findById(id: string): Promise<CatalogMappingRecord | undefined>;
  /** The records matching `filter` (every record without one), oldest first. */
  list(filter?: CatalogMappingFilter): Promise<readonly CatalogMappingRecord[]>;
  /** Sets the status of the record with `id` and returns it as stored; `undefined` when no record has that id. */
  setStatus(id: string, status: CatalogMappingStatus): Promise<CatalogMappingRecord | undefined>;
  /** Removes the record with `id`; false when no record has that id. */
  delete(id: string): Promise<boolean>;
  /** A number that increases whenever the catalog changes; compare it to tell whether to reload. */
  revision(): Promise<number>;
}
