import { NO_UNITS, type RequestRecord } from '@tollgate/core';
import { expect, it } from 'vitest';
import { useMigratedTestPool } from './migrated-test-pool.test-helpers.js';
import { createPostgresRequestRecordRepository } from './postgres-request-record-repository.js';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from './testing.js';

const postgres = await findTestPostgres();

const record = (requestId: string, overrides: Partial<RequestRecord> = {}): RequestRecord => ({
  requestId,
  accountId: 'account-1',
  userId: 'account-1',
  tokenId: 'token-1',
  billedToOrganizationId: undefined,
  providerId: 'groq',
  hfModelId: 'openai/gpt-oss-120b',
  providerModelId: 'openai/gpt-oss-120b',
  task: 'conversational',
  units: { ...NO_UNITS, inputTokens: 10, outputTokens: 20 },
  costNanoUsd: 12_150n,
  chargedNanoUsd: 12_150n,
  billingMode: 'routed',
  status: 'ok',
  httpStatus: 200,
  latencyMs: 5,
  streamed: false,
  createdAt: new Date().toISOString(),
  ...overrides,
});

describeWithPostgres(postgres, 'createPostgresRequestRecordRepository', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  const migratedPool = useMigratedTestPool(connectionString, schemas);

  it('writes every one of many concurrent records, batched, and each answers for itself', async () => {
    const pool = migratedPool();
    const repository = createPostgresRequestRecordRepository(pool);
    const ids = Array.from({ length: 300 }, (_, index) => `req-${index}`);
    // Duplicates inside the same burst: each id is recorded once, the repeats say `existing`.
    const outcomes = await Promise.all(
      [...ids, ...ids.slice(0, 50)].map((id) => repository.record(record(id))),
    );
    expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(300);
    expect(outcomes.filter((outcome) => outcome === 'existing')).toHaveLength(50);
    const { rows } = await pool.query<{ count: string }>('SELECT count(*) AS count FROM request_records');
    expect(rows[0]?.count).toBe('300');
  });

  it('fails only the bad record of a batch, loudly, and writes the others', async () => {
    const pool = migratedPool();
    const repository = createPostgresRequestRecordRepository(pool);
    const results = await Promise.allSettled([
      ...Array.from({ length: 20 }, (_, index) => repository.record(record(`good-${index}`))),
      // A negative charge breaks the table's CHECK: its batch rolls back and is retried one record at a time.
      repository.record(record('bad', { chargedNanoUsd: -1n })),
      ...Array.from({ length: 20 }, (_, index) => repository.record(record(`late-${index}`))),
    ]);
    expect(results.filter((result) => result.status === 'rejected')).toHaveLength(1);
    expect(await repository.find('bad')).toBeUndefined();
    expect(await repository.find('good-3')).toMatchObject({ chargedNanoUsd: 12_150n });
    expect(await repository.find('late-19')).toBeDefined();
  });
});
