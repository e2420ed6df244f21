/** The request_records table behind the `RequestRecordRepository` interface. */
import type { BillingMode, ProviderCostState, RequestRecord, RequestRecordRepository } from '@tollgate/core';
import type pg from 'pg';
import { createCallBatcher } from './call-batcher.js';

interface RequestRecordRow {
  readonly request_id: string;
  readonly account_id: string;
  readonly user_id: string;
  readonly token_id: string;
  readonly billed_to_organization_id: string | null;
  readonly provider_id: string | null;
  readonly hf_model_id: string | null;
  readonly provider_model_id: string | null;
  readonly task: string;
  readonly input_tokens: number;
  readonly output_tokens: number;
  readonly cached_input_tokens: number;
  readonly images: number;
  readonly milli_megapixels: number;
  readonly compute_milliseconds: number;
  readonly audio_milliseconds: number;
  readonly video_milliseconds: number;
  /** node-postgres returns BIGINT as a string, which `BigInt` reads exactly. */
  readonly cost_nano_usd: string | null;
  readonly charged_nano_usd: string;
  readonly billing_mode: string;
  readonly status: string;
  readonly http_status: number;
  readonly latency_ms: number;
  readonly streamed: boolean;
  readonly created_at: Date;
  readonly provider_cost: string | null;
}

const columnNames = [
  'request_id',
  'account_id',
  'user_id',
  'token_id',
  'billed_to_organization_id',
  'provider_id',
  'hf_model_id',
  'provider_model_id',
  'task',
  'input_tokens',
  'output_tokens',
  'cached_input_tokens',
  'images',
  'milli_megapixels',
  'compute_milliseconds',
  'audio_milliseconds',
  'video_milliseconds',
  'cost_nano_usd',
  'charged_nano_usd',
  'billing_mode',
  'status',
  'http_status',
  'latency_ms',
  'streamed',
  'created_at',
  'provider_cost',
] as const;
const columns = columnNames.join(', ');

/**
 * Records written while earlier inserts are in flight leave together as one multi-row insert (group commit,
 * call-batcher.ts), at most this many per statement and this many statements at once, so a busy gateway spends one
 * round trip on many requests and leaves most of the pool to the ledger.
 */
const MAX_BATCH_SIZE = 64;
const MAX_BATCHES_IN_FLIGHT = 2;

/**
 * The insert of `rowCount` records, one prepared statement per batch size: a batch's text was built anew for every
 * batch, and sent unnamed for the server to parse and plan again (the costliest function of the store in the billed
 * benchmark on PostgreSQL, `bench/tools/stream-cost.mjs --store postgres --cpu-prof`, with the flatMap below).
 */
const insertStatements: { readonly name: string; readonly text: string }[] = [];
function insertStatement(rowCount: number): { readonly name: string; readonly text: string } {
  let statement = insertStatements[rowCount];
  if (statement === undefined) {
    const rows = Array.from(
      { length: rowCount },
      (_, row) =>
        `(${columnNames.map((__, column) => `$${row * columnNames.length + column + 1}`).join(', ')})`,
    );
    statement = {
      name: `tollgate-request-records-insert-${rowCount}`,
      // The ids written come back as one JSON array, not one row each (node-postgres builds an object per row).
      text: `WITH written AS (
               INSERT INTO request_records (${columns}) VALUES ${rows.join(', ')}
               ON CONFLICT (request_id) DO NOTHING RETURNING request_id)
             SELECT json_agg(request_id) AS written FROM written`,
    };
    insertStatements[rowCount] = statement;
  }
  return statement;
}

/**
 * A `RequestRecordRepository` over a migrated PostgreSQL pool. Every record is awaited by its caller (a batched
 * insert resolves or rejects each record in it), so none is dropped silently; a failed batch falls back to one
 * insert per record, so one bad record fails only itself.
 *
 * @example
 * const log = new RequestLog({ repository: createPostgresRequestRecordRepository(pool) });
 */
export function createPostgresRequestRecordRepository(pool: pg.Pool): RequestRecordRepository {
  const insertMany = async (
    records: readonly RequestRecord[],
  ): Promise<readonly ('recorded' | 'existing')[]> => {
    // The same id twice in one statement: the first is the one written, the others were already "recorded".
    const firstIndexOf = new Map<string, number>();
    for (const [index, record] of records.entries()) {
      if (!firstIndexOf.has(record.requestId)) firstIndexOf.set(record.requestId, index);
    }
    const unique = [...firstIndexOf.values()].map((index) => records[index] as RequestRecord);
    const { name, text } = insertStatement(unique.length);
    // A loop, not flatMap: V8's flatMap over a batch's records was most of this function's time.
    const values: unknown[] = [];
    for (const record of unique) appendValues(values, record);
    const { rows } = await pool.query<{ readonly written: readonly string[] | null }>({ name, text, values });
    const recorded = new Set(rows[0]?.written ?? []);
    return records.map((record, index) =>
      firstIndexOf.get(record.requestId) === index && recorded.has(record.requestId)
        ? 'recorded'
        : 'existing',
    );
  };
  const insertBatched = createCallBatcher({
    run: insertMany,
    runOne: async (record: RequestRecord) => (await insertMany([record]))[0] as 'recorded' | 'existing',
    maxBatchSize: MAX_BATCH_SIZE,
    maxInFlight: MAX_BATCHES_IN_FLIGHT,
  });

  return {
    record: insertBatched,
    async find(requestId) {
      const { rows } = await pool.query<RequestRecordRow>({
        name: 'tollgate-request-records-find',
        text: `SELECT ${columns} FROM request_records WHERE request_id = $1`,
        values: [requestId],
      });
      return rows[0] === undefined ? undefined : toRecord(rows[0]);
    },
    async listForAccount({ accountId, from, to }) {
      const { rows } = await pool.query<RequestRecordRow>({
        name: 'tollgate-request-records-list-for-account',
        // COLLATE "C": ties sort by code point, as in the other stores.
        text: `SELECT ${columns} FROM request_records
               WHERE account_id = $1 AND created_at >= $2 AND created_at < $3
               ORDER BY created_at, request_id COLLATE "C"`,
        values: [accountId, from, to],
      });
      return rows.map(toRecord);
    },
    async reprice(requestId, { costNanoUsd, chargedNanoUsd, providerCost }) {
      const result = await pool.query(
        `UPDATE request_records SET cost_nano_usd = $2, charged_nano_usd = $3, provider_cost = $4
         WHERE request_id = $1`,
        [requestId, costNanoUsd.toString(), chargedNanoUsd.toString(), providerCost],
      );
      return (result.rowCount ?? 0) > 0;
    },
  };
}

/** Appends the record's values, in `columnNames` order. */
function appendValues(values: unknown[], record: RequestRecord): void {
  const { units } = record;
  values.push(
    record.requestId,
    record.accountId,
    record.userId,
    record.tokenId,
    record.billedToOrganizationId ?? null,
    record.providerId ?? null,
    record.hfModelId ?? null,
    record.providerModelId ?? null,
    record.task,
    units.inputTokens,
    units.outputTokens,
    units.cachedInputTokens,
    units.images,
    units.milliMegapixels,
    units.computeMilliseconds,
    units.audioMilliseconds,
    units.videoMilliseconds,
    record.costNanoUsd?.toString() ?? null,
    record.chargedNanoUsd.toString(),
    record.billingMode,
    record.status,
    record.httpStatus,
    record.latencyMs,
    record.streamed,
    record.createdAt,
    record.providerCost ?? null,
  );
}

function toRecord(row: RequestRecordRow): RequestRecord {
  return {
    requestId: row.request_id,
    accountId: row.account_id,
    userId: row.user_id,
    tokenId: row.token_id,
    billedToOrganizationId: row.billed_to_organization_id ?? undefined,
    providerId: row.provider_id ?? undefined,
    hfModelId: row.hf_model_id ?? undefined,
    providerModelId: row.provider_model_id ?? undefined,
    task: row.task,
    units: {
      inputTokens: row.input_tokens,
      outputTokens: row.output_tokens,
      cachedInputTokens: row.cached_input_tokens,
      images: row.images,
      milliMegapixels: row.milli_megapixels,
      computeMilliseconds: row.compute_milliseconds,
      audioMilliseconds: row.audio_milliseconds,
      videoMilliseconds: row.video_milliseconds,
    },
    costNanoUsd: row.cost_nano_usd === null ? undefined : BigInt(row.cost_nano_usd),
    chargedNanoUsd: BigInt(row.charged_nano_usd),
    billingMode: row.billing_mode as BillingMode,
    status: row.status,
    httpStatus: row.http_status,
    latencyMs: row.latency_ms,
    streamed: row.streamed,
    createdAt: row.created_at.toISOString(),
    ...(row.provider_cost !== null ? { providerCost: row.provider_cost as ProviderCostState } : {}),
  };
}
