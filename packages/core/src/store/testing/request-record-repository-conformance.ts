/**
 * Conformance scenarios for `Store#requests`: a record round-trips field for field (nano-USD beyond 2^53
 * included), a request id is recorded once however often and however concurrently it is written, and an account's
 * records of a period come back in order and no one else's.
 */
import { describe, expect, it } from 'vitest';
import { NO_UNITS, type RequestRecord, type RequestRecordRepository } from '../request-record-repository.js';

const aliceId = '0f6a2f9e-6f4c-4c55-9a57-1d2b3c4d5e61';
const orgId = '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f';

function sampleRecord(overrides: Partial<RequestRecord> = {}): RequestRecord {
  return {
    requestId: 'req-1',
    accountId: aliceId,
    userId: aliceId,
    tokenId: 'tok-1',
    billedToOrganizationId: undefined,
    providerId: 'groq',
    hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
    providerModelId: 'llama-3.3-70b-versatile',
    task: 'conversational',
    units: { ...NO_UNITS, inputTokens: 12, outputTokens: 30, cachedInputTokens: 4 },
    costNanoUsd: 31_080n,
    chargedNanoUsd: 31_080n,
    billingMode: 'routed',
    status: 'ok',
    httpStatus: 200,
    latencyMs: 412,
    streamed: false,
    createdAt: '2026-12-02T10:00:00.000Z',
    ...overrides,
  };
}

/** Registers the request record scenarios against the repository `current()` returns. */
export function describeRequestRecordRepositoryConformance(current: () => RequestRecordRepository): void {
  describe('request records', () => {
    it('finds nothing before a request was recorded', async () => {
      expect(await current().find('req-1')).toBeUndefined();
      expect(
        await current().listForAccount({
          accountId: aliceId,
          from: '2026-12-01T00:00:00.000Z',
          to: '2027-01-01T00:00:00.000Z',
        }),
      ).toEqual([]);
    });

    it('keeps every field of a record exactly, large amounts and absent values included', async () => {
      const full = sampleRecord({
        requestId: 'req-full',
        accountId: orgId,
        billedToOrganizationId: orgId,
        units: {
          inputTokens: 1,
          outputTokens: 2,
          cachedInputTokens: 3,
          images: 4,
          milliMegapixels: 5,
          computeMilliseconds: 6,
          audioMilliseconds: 7,
          videoMilliseconds: 8,
        },
        // Beyond Number.MAX_SAFE_INTEGER: amounts must never pass through a float.
        costNanoUsd: 9_007_199_254_740_993n,
        chargedNanoUsd: 9_007_199_254_740_995n,
        billingMode: 'custom-key',
        streamed: true,
        createdAt: '2026-12-02T10:00:00.123Z',
      });
      const failed = sampleRecord({
        requestId: 'req-failed',
        providerId: undefined,
        hfModelId: 'unknown/model',
        providerModelId: undefined,
        units: NO_UNITS,
        costNanoUsd: undefined,
        chargedNanoUsd: 0n,
        status: 'insufficient_credit',
        httpStatus: 402,
        latencyMs: 0,
      });
      expect(await current().record(full)).toBe('recorded');
      expect(await current().record(failed)).toBe('recorded');
      expect(await current().find('req-full')).toEqual(full);
      expect(await current().find('req-failed')).toEqual(failed);
    });

    it('records a request id once: a second write changes nothing', async () => {
      const first = sampleRecord();
      expect(await current().record(first)).toBe('recorded');
      expect(
        await current().record(
          sampleRecord({ chargedNanoUsd: 1n, status: 'upstream_failed', httpStatus: 502 }),
        ),
      ).toBe('existing');
      expect(await current().find('req-1')).toEqual(first);
    });

    it('records a request id once when many writes race', async () => {
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, (_, index) => current().record(sampleRecord({ latencyMs: index }))),
      );
      expect(outcomes.filter((outcome) => outcome === 'recorded')).toHaveLength(1);
      expect(outcomes.filter((outcome) => outcome === 'existing')).toHaveLength(19);
    });

    it("lists an account's records of a period, oldest first, and nobody else's", async () => {
      const records = [
        sampleRecord({ requestId: 'b', createdAt: '2026-12-02T10:00:00.000Z' }),
        sampleRecord({ requestId: 'a', createdAt: '2026-12-02T10:00:00.000Z' }),
        sampleRecord({ requestId: 'first', createdAt: '2026-12-01T00:00:00.000Z' }),
        sampleRecord({ requestId: 'last', createdAt: '2026-12-31T23:59:59.999Z' }),
        sampleRecord({ requestId: 'november', createdAt: '2026-11-30T23:59:59.999Z' }),
        sampleRecord({ requestId: 'january', createdAt: '2027-01-01T00:00:00.000Z' }),
        sampleRecord({ requestId: 'org', accountId: orgId, createdAt: '2026-12-05T00:00:00.000Z' }),
      ];
      for (const record of records) await current().record(record);
      const december = await current().listForAccount({
        accountId: aliceId,
        from: '2026-12-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
      });
      expect(december.map((record) => record.requestId)).toEqual(['first', 'a', 'b', 'last']);
      expect(december[1]).toEqual(records[1]);
      const organization = await current().listForAccount({
        accountId: orgId,
        from: '2026-12-01T00:00:00.000Z',
        to: '2027-01-01T00:00:00.000Z',
      });
      expect(organization.map((record) => record.requestId)).toEqual(['org']);
    });
  });
}
