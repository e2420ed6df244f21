/** The catalog_mappings table behind the `CatalogRepository` interface. */
import { randomUUID } from 'node:crypto';
import {
  type CatalogMappingRecord,
  type CatalogRepository,
  type CatalogUpsertResult,
  catalogMappingMatches,
  type PreparedCatalogMapping,
  prepareCatalogMapping,
} from '@tollgate/core';
import type pg from 'pg';
import { withPostgresTransaction } from './with-postgres-transaction.js';

interface CatalogMappingRow {
  readonly id: string;
  readonly type: 'single' | 'tag-filter';
  readonly hf_model_id: string | null;
  readonly tags: string[] | null;
  readonly provider_id: string;
  readonly provider_model_id: string;
  readonly task: string;
  readonly status: CatalogMappingRecord['status'];
  readonly origin: CatalogMappingRecord['origin'];
  readonly adapter: 'lora' | null;
  readonly adapter_weights_path: string | null;
  /** node-postgres parses `json` columns. */
  readonly metadata: CatalogMappingRecord['metadata'];
  readonly created_at: Date;
  readonly updated_at: Date;
}

const columns = `id, type, hf_model_id, tags, provider_id, provider_model_id, task, status, origin, adapter,
  adapter_weights_path, metadata, created_at, updated_at`;

/**
 * A `CatalogRepository` over a migrated PostgreSQL pool. An upsert runs in one transaction that locks the key's
 * row (`SELECT ... FOR UPDATE`, or an `INSERT ... ON CONFLICT DO NOTHING` that waits for a concurrent creator), so
 * its read-decide-write is atomic against every other instance; the unique `natural_key` is the guard. A row
 * trigger bumps `catalog_revision` in the writing transaction.
 *
 * @example
 * const catalog = createPostgresCatalogRepository(pool);
 * const { record } = await catalog.upsert({ type: 'single', hfModelId: 'openai/gpt-oss-120b', providerId: 'groq',
 *   providerModelId: 'openai/gpt-oss-120b', task: 'conversational', status: 'live', origin: 'plugin' });
 */
export function createPostgresCatalogRepository(pool: pg.Pool): CatalogRepository {
  return {
    async upsert(input, options = {}) {
      // Validation first, so an invalid mapping never opens a transaction.
      const { mapping, naturalKey } = prepareCatalogMapping(input);
      const keepOrigins = options.keepOrigins ?? [];
      return withPostgresTransaction(pool, (client) =>
        upsertLocked(client, mapping, naturalKey, keepOrigins),
      );
    },
    async findById(id) {
      const { rows } = await pool.query<CatalogMappingRow>({
        name: 'tollgate-catalog-by-id',
        text: `SELECT ${columns} FROM catalog_mappings WHERE id = $1`,
        values: [id],
      });
      return rows[0] === undefined ? undefined : toRecord(rows[0]);
    },
    async list(filter = {}) {
      const { rows } = await pool.query<CatalogMappingRow>({
        name: 'tollgate-catalog-list',
        text: `SELECT ${columns} FROM catalog_mappings
               WHERE ($1::text IS NULL OR provider_id = $1)
                 AND ($2::text IS NULL OR hf_model_id = $2)
                 AND ($3::text IS NULL OR status = $3)
                 AND ($4::text IS NULL OR task = $4)
                 AND ($5::text IS NULL OR origin = $5)
               ORDER BY created_at, id COLLATE "C"`,
        values: [
          filter.providerId ?? null,
          filter.hfModelId ?? null,
          filter.status ?? null,
          filter.task ?? null,
          filter.origin ?? null,
        ],
      });
      return rows.map(toRecord);
    },
    async setStatus(id, status) {
      // One statement: it changes the row only when the status differs, so a no-op leaves the revision alone.
      const { rows } = await pool.query<CatalogMappingRow>({
        name: 'tollgate-catalog-set-status',
        text: `UPDATE catalog_mappings SET status = $2, updated_at = $3
               WHERE id = $1 AND status <> $2
               RETURNING ${columns}`,
        values: [id, status, new Date().toISOString()],
      });
      if (rows[0] !== undefined) return toRecord(rows[0]);
      return this.findById(id);
    },
    async delete(id) {
      const { rowCount } = await pool.query({
        name: 'tollgate-catalog-delete',
        text: 'DELETE FROM catalog_mappings WHERE id = $1',
        values: [id],
      });
      return (rowCount ?? 0) > 0;
    },
    async revision() {
      // BIGINT arrives as a string; the contract keeps it a safe integer.
      const { rows } = await pool.query<{ revision: string }>({
        name: 'tollgate-catalog-revision',
        text: 'SELECT revision FROM catalog_revision',
      });
      return rows[0] === undefined ? 0 : Number(rows[0].revision);
    },
  };
}

async function upsertLocked(
  client: pg.PoolClient,
  mapping: PreparedCatalogMapping,
  naturalKey: string,
  keepOrigins: readonly string[],
): Promise<CatalogUpsertResult> {
  const now = new Date().toISOString();
  let existing = await selectForUpdate(client, naturalKey);
  if (existing === undefined) {
    const id = randomUUID();
    const inserted = await client.query({
      name: 'tollgate-catalog-insert',
      text: `INSERT INTO catalog_mappings (id, natural_key, type, hf_model_id, tags, provider_id, task,
               provider_model_id, status, origin, adapter, adapter_weights_path, metadata, created_at, updated_at)
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13::json, $14, $14)
             ON CONFLICT (natural_key) DO NOTHING`,
      values: [
        id,
        naturalKey,
        mapping.type,
        mapping.type === 'single' ? mapping.hfModelId : null,
        mapping.type === 'tag-filter' ? mapping.tags : null,
        mapping.providerId,
        mapping.task,
        ...mutableValuesOf(mapping),
        now,
      ],
    });
    if (inserted.rowCount === 1) {
      const record = { ...mapping, id, createdAt: now, updatedAt: now } as CatalogMappingRecord;
      return { record, outcome: 'created' };
    }
    // Another instance created the key after our SELECT; the INSERT waited for it to commit, so it is visible now.
    existing = await selectForUpdate(client, naturalKey);
    if (existing === undefined)
      throw new Error(`The catalog mapping ${naturalKey} vanished while being written.`);
  }
  if (keepOrigins.includes(existing.origin)) return { record: existing, outcome: 'kept' };
  if (catalogMappingMatches(existing, mapping)) return { record: existing, outcome: 'unchanged' };
  await client.query({
    name: 'tollgate-catalog-update',
    text: `UPDATE catalog_mappings SET provider_model_id = $2, status = $3, origin = $4, adapter = $5,
             adapter_weights_path = $6, metadata = $7::json, updated_at = $8
           WHERE id = $1`,
    values: [existing.id, ...mutableValuesOf(mapping), now],
  });
  const record = { ...mapping, id: existing.id, createdAt: existing.createdAt, updatedAt: now };
  return { record: record as CatalogMappingRecord, outcome: 'updated' };
}

async function selectForUpdate(
  client: pg.PoolClient,
  naturalKey: string,
): Promise<CatalogMappingRecord | undefined> {
  const { rows } = await client.query<CatalogMappingRow>({
    name: 'tollgate-catalog-by-key-for-update',
    text: `SELECT ${columns} FROM catalog_mappings WHERE natural_key = $1 FOR UPDATE`,
    values: [naturalKey],
  });
  return rows[0] === undefined ? undefined : toRecord(rows[0]);
}

/** The columns an update may change, in the order both write statements take them after their key columns. */
function mutableValuesOf(mapping: PreparedCatalogMapping): unknown[] {
  return [
    mapping.providerModelId,
    mapping.status,
    mapping.origin,
    mapping.adapter,
    mapping.adapterWeightsPath,
    JSON.stringify(mapping.metadata),
  ];
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
    metadata: row.metadata,
    createdAt: row.created_at.toISOString(),
    updatedAt: row.updated_at.toISOString(),
  };
  return row.type === 'single'
    ? { ...common, type: 'single', hfModelId: row.hf_model_id ?? '' }
    : { ...common, type: 'tag-filter', tags: row.tags ?? [] };
}
