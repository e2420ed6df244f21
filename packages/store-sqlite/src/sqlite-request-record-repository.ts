/** The request_records table behind the `RequestRecordRepository` interface. */
import {
  type BillingMode,
  canonicalIsoTimestamp,
  type ProviderCostState,
  type RequestRecord,
  type RequestRecordRepository,
} from '@tollgate/core';
import type Database from 'better-sqlite3';
import { prepareOnce } from './prepare-once.js';
import { createTurnBatchedWriter } from './turn-batched-writer.js';

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
  readonly input_tokens: bigint;
  readonly output_tokens: bigint;
  readonly cached_input_tokens: bigint;
  readonly images: bigint;
  readonly milli_megapixels: bigint;
  readonly compute_milliseconds: bigint;
  readonly audio_milliseconds: bigint;
  readonly video_milliseconds: bigint;
  readonly cost_nano_usd: bigint | null;
  readonly charged_nano_usd: bigint;
  readonly billing_mode: string;
  readonly status: string;
  readonly http_status: bigint;
  readonly latency_ms: bigint;
  readonly streamed: bigint;
  readonly created_at: string;
  readonly provider_cost: string | null;
}

const requestRecordColumns = [
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
const columns = requestRecordColumns.join(', ');

/**
 * A `RequestRecordRepository` over a migrated SQLite connection. Amounts are read as safe integers (bigint), so
 * nano-USD never pass through a float; a record is one insert, idempotent by its primary key, committed with the
 * other records of the same event-loop turn (turn-batched-writer.ts).
 *
 * @example
 * const log = new RequestLog({ repository: createSqliteRequestRecordRepository(database) });
 */
export function createSqliteRequestRecordRepository(database: Database.Database): RequestRecordRepository {
  const insert = prepareOnce<unknown[], unknown>(
    database,
    `INSERT INTO request_records (${columns}) VALUES (${requestRecordColumns.map(() => '?').join(', ')})
     ON CONFLICT (request_id) DO NOTHING`,
  );
  const selectOne = prepareOnce<[string], RequestRecordRow>(
    database,
    `SELECT ${columns} FROM request_records WHERE request_id = ?`,
  );
  const selectAccount = prepareOnce<[string, string, string], RequestRecordRow>(
    database,
    `SELECT ${columns} FROM request_records WHERE account_id = ? AND created_at >= ? AND created_at < ?
     ORDER BY created_at, request_id`,
  );

  const reprice = prepareOnce<[Record<string, unknown>], unknown>(
    database,
    `UPDATE request_records SET cost_nano_usd = @costNanoUsd, charged_nano_usd = @chargedNanoUsd,
       provider_cost = @providerCost WHERE request_id = @requestId`,
  );

  const write = createTurnBatchedWriter(database, (values: unknown[]) => insert().run(...values).changes);

  return {
    async record(record) {
      return (await write(valuesOf(record))) > 0 ? 'recorded' : 'existing';
    },
    async find(requestId) {
      const row = selectOne().safeIntegers(true).get(requestId);
      return row === undefined ? undefined : toRecord(row);
    },
    async listForAccount({ accountId, from, to }) {
      // Stored timestamps are toISOString() text, so normalising the bounds the same way keeps text order exact.
      const bounds = [new Date(from).toISOString(), new Date(to).toISOString()] as const;
      return selectAccount()
        .safeIntegers(true)
        .all(accountId, ...bounds)
        .map(toRecord);
    },
    async reprice(requestId, repricing) {
      return reprice().run({ requestId, ...repricing }).changes > 0;
    },
  };
}

function valuesOf(record: RequestRecord): unknown[] {
  const { units } = record;
  return [
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
    record.costNanoUsd ?? null,
    record.chargedNanoUsd,
    record.billingMode,
    record.status,
    record.httpStatus,
    record.latencyMs,
    record.streamed ? 1 : 0,
    canonicalIsoTimestamp(record.createdAt),
    record.providerCost ?? null,
  ];
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
      inputTokens: Number(row.input_tokens),
      outputTokens: Number(row.output_tokens),
      cachedInputTokens: Number(row.cached_input_tokens),
      images: Number(row.images),
      milliMegapixels: Number(row.milli_megapixels),
      computeMilliseconds: Number(row.compute_milliseconds),
      audioMilliseconds: Number(row.audio_milliseconds),
      videoMilliseconds: Number(row.video_milliseconds),
    },
    costNanoUsd: row.cost_nano_usd ?? undefined,
    chargedNanoUsd: row.charged_nano_usd,
    billingMode: row.billing_mode as BillingMode,
    status: row.status,
    httpStatus: Number(row.http_status),
    latencyMs: Number(row.latency_ms),
    streamed: row.streamed === 1n,
    createdAt: row.created_at,
    ...(row.provider_cost !== null ? { providerCost: row.provider_cost as ProviderCostState } : {}),
  };
}
