/** The catalog_mappings table behind the `CatalogRepository` interface. */
import { randomUUID } from 'node:crypto';
import {
  type CatalogMappingRecord,
  type CatalogRepository,
  catalogMappingMatches,
  type PreparedCatalogMapping,
  prepareCatalogMapping,
} from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';

interface CatalogMappingRow {
  readonly id: string;
  readonly type: 'single' | 'tag-filter';
  readonly hf_model_id: string | null;
  readonly tags: string | null;
  readonly provider_id: string;
  readonly provider_model_id: string;
  readonly task: string;
  readonly status: CatalogMappingRecord['status'];
  readonly origin: CatalogMappingRecord['origin'];
  readonly adapter: 'lora' | null;
  readonly adapter_weights_path: string | null;
  readonly metadata: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** The parameters of the list query: a filter field that is `null` does not restrict. */
interface ListParameters {
  readonly providerId: string | null;
  readonly hfModelId: string | null;
  readonly status: string | null;
  readonly task: string | null;
  readonly origin: string | null;
}

const columns = `id, type, hf_model_id, tags, provider_id, provider_model_id, task, status, origin, adapter,
  adapter_weights_path, metadata, created_at, updated_at`;

/**
 * A `CatalogRepository` over a migrated SQLite connection. Each write runs in a `BEGIN IMMEDIATE` transaction, so
 * a read-decide-write (is the record there, is it kept, did anything change) is atomic against other connections
 * and processes; the unique `natural_key` column is the last guard. Triggers bump `catalog_revision`.
 *
 * @example
 * const catalog = createSqliteCatalogRepository(database);
 * const { record } = await catalog.upsert({ type: 'single', hfModelId: 'openai/gpt-oss-120b', providerId: 'groq',
 *   providerModelId: 'openai/gpt-oss-120b', task: 'conversational', status: 'live', origin: 'plugin' });
 */
export function createSqliteCatalogRepository(database: Database.Database): CatalogRepository {
  const selectByKey = prepareOnce<[string], CatalogMappingRow>(
    database,
    `SELECT ${columns} FROM catalog_mappings WHERE natural_key = ?`,
  );
  const selectById = prepareOnce<[string], CatalogMappingRow>(
    database,
    `SELECT ${columns} FROM catalog_mappings WHERE id = ?`,
  );
  const selectList = prepareOnce<[ListParameters], CatalogMappingRow>(
    database,
    `SELECT ${columns} FROM catalog_mappings
     WHERE (@providerId IS NULL OR provider_id = @providerId)
       AND (@hfModelId IS NULL OR hf_model_id = @hfModelId)
       AND (@status IS NULL OR status = @status)
       AND (@task IS NULL OR task = @task)
       AND (@origin IS NULL OR origin = @origin)
     ORDER BY created_at, id`,
  );
  const insertMapping = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `INSERT INTO catalog_mappings (id, natural_key, type, hf_model_id, tags, provider_id, provider_model_id, task,
       status, origin, adapter, adapter_weights_path, metadata, created_at, updated_at)
     VALUES (@id, @naturalKey, @type, @hfModelId, @tags, @providerId, @providerModelId, @task, @status, @origin,
       @adapter, @adapterWeightsPath, @metadata, @createdAt, @updatedAt)`,
  );
  const updateMapping = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `UPDATE catalog_mappings SET provider_model_id = @providerModelId, status = @status, origin = @origin,
       adapter = @adapter, adapter_weights_path = @adapterWeightsPath, metadata = @metadata, updated_at = @updatedAt
     WHERE id = @id`,
  );
  const updateStatus = prepareOnce<[string, string, string], unknown>(
    database,
    'UPDATE catalog_mappings SET status = ?, updated_at = ? WHERE id = ?',
  );
  const deleteById = prepareOnce<[string], unknown>(database, 'DELETE FROM catalog_mappings WHERE id = ?');
  const selectRevision = prepareOnce<[], number>(database, 'SELECT revision FROM catalog_revision');

  const upsertInTransaction = database.transaction(
    (mapping: PreparedCatalogMapping, naturalKey: string, keepOrigins: readonly string[]) => {
      const row = selectByKey().get(naturalKey);
      const now = new Date().toISOString();
      if (row === undefined) {
        const id = randomUUID();
        insertMapping().run({ ...parametersOf(mapping), id, naturalKey, createdAt: now, updatedAt: now });
        return {
          record: { ...mapping, id, createdAt: now, updatedAt: now } as CatalogMappingRecord,
          outcome: 'created' as const,
        };
      }
      const existing = toRecord(row);
      if (keepOrigins.includes(existing.origin)) return { record: existing, outcome: 'kept' as const };
      if (catalogMappingMatches(existing, mapping))
        return { record: existing, outcome: 'unchanged' as const };
      updateMapping().run({ ...parametersOf(mapping), id: existing.id, updatedAt: now });
      const record = { ...mapping, id: existing.id, createdAt: existing.createdAt, updatedAt: now };
      return { record: record as CatalogMappingRecord, outcome: 'updated' as const };
    },
  );
  const setStatusInTransaction = database.transaction(
    (id: string, status: CatalogMappingRecord['status']): CatalogMappingRecord | undefined => {
      const row = selectById().get(id);
      if (row === undefined) return undefined;
      const existing = toRecord(row);
      if (existing.status === status) return existing;
      const updatedAt = new Date().toISOString();
      updateStatus().run(status, updatedAt, id);
      return { ...existing, status, updatedAt };
    },
  );

  return {
    async upsert(input, options = {}) {
      const { mapping, naturalKey } = prepareCatalogMapping(input);
      return upsertInTransaction.immediate(mapping, naturalKey, options.keepOrigins ?? []);
    },
    async findById(id) {
      const row = selectById().get(id);
      return row === undefined ? undefined : toRecord(row);
    },
    async list(filter = {}) {
      return selectList()
        .all({
          providerId: filter.providerId ?? null,
          hfModelId: filter.hfModelId ?? null,
          status: filter.status ?? null,
          task: filter.task ?? null,
          origin: filter.origin ?? null,
        })
        .map(toRecord);
    },
    async setStatus(id, status) {
      return setStatusInTransaction.immediate(id, status);
    },
    async delete(id) {
      return deleteById().run(id).changes > 0;
    },
    async revision() {
      return selectRevision().pluck().get() ?? 0;
    },
  };
}

function parametersOf(mapping: PreparedCatalogMapping): Record<string, unknown> {
  return {
    type: mapping.type,
    hfModelId: mapping.type === 'single' ? mapping.hfModelId : null,
    tags: mapping.type === 'tag-filter' ? JSON.stringify(mapping.tags) : null,
    providerId: mapping.providerId,
    providerModelId: mapping.providerModelId,
    task: mapping.task,
    status: mapping.status,
    origin: mapping.origin,
    adapter: mapping.adapter,
    adapterWeightsPath: mapping.adapterWeightsPath,
    metadata: JSON.stringify(mapping.metadata),
  };
}

function toRecord(row: CatalogMappingRow): CatalogMappingRecord {
  const common = {
    id: row.id,
    providerId: row.provider_id,
    providerModelId: row.provider_model_id,
    task: row.task,
    status: row.status,
    origin: row.origin,
    adapter: row.adapter,
    adapterWeightsPath: row.adapter_weights_path,
    metadata: JSON.parse(row.metadata) as CatalogMappingRecord['metadata'],
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
  return row.type === 'single'
    ? { ...common, type: 'single', hfModelId: row.hf_model_id ?? '' }
    : { ...common, type: 'tag-filter', tags: JSON.parse(row.tags ?? '[]') as string[] };
}
