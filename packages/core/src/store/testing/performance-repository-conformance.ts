/** Conformance scenarios for `PerformanceRepository`: merges of moving averages, probe results, probe leases. */
import { describe, expect, it } from 'vitest';
import { mergeMovingAverage } from '../../performance/moving-average.js';
import type { PerformanceKey, PerformanceRepository, ProbeClaim } from '../performance-repository.js';

const groq: PerformanceKey = { providerId: 'groq', providerModelId: 'llama-3.3-70b-versatile' };
const at = (minute: number) => new Date(Date.UTC(2026, 10, 25, 12, minute)).toISOString();

/** A claim by `holder` at `now` (minutes), with a 5-minute lease, due after 10 minutes healthy or 1 unhealthy. */
const claimAt = (holder: string, now: number, key: PerformanceKey = groq): ProbeClaim => ({
  ...key,
  holder,
  now: at(now),
  leaseUntil: at(now + 5),
  healthyProbedBefore: at(now - 10),
  unhealthyProbedBefore: at(now - 1),
});

/** Registers the performance scenarios against the repository `performance()` returns. */
export function describePerformanceRepositoryConformance(performance: () => PerformanceRepository): void {
  describe('performance repository', () => {
    it('is empty, at revision 0, in a new store', async () => {
      expect(await performance().list()).toEqual([]);
      expect(await performance().find(groq)).toBeUndefined();
      expect(await performance().revision()).toBe(0);
    });

    it("creates a key's record with the first batch's means", async () => {
      await performance().merge(
        [
          {
            ...groq,
            samples: 3,
            firstTokenLatencyMs: { mean: 240, weight: 0.2 },
            outputTokensPerSecond: { mean: 310.5, weight: 0.2 },
          },
        ],
        at(0),
      );

      expect(await performance().find(groq)).toEqual({
        ...groq,
        firstTokenLatencyMs: 240,
        outputTokensPerSecond: 310.5,
        completionLatencyMs: null,
        sampleCount: 3,
        health: 'unknown',
        supportsTools: null,
        supportsStructuredOutput: null,
        lastProbeAt: null,
        lastProbeError: null,
        updatedAt: at(0),
      });
    });

    it('merges later batches as weighted averages, and leaves figures a batch does not carry', async () => {
      await performance().merge(
        [
          {
            ...groq,
            samples: 1,
            firstTokenLatencyMs: { mean: 200, weight: 0.1 },
            completionLatencyMs: { mean: 900, weight: 0.1 },
          },
        ],
        at(0),
      );
      await performance().merge(
        [{ ...groq, samples: 4, firstTokenLatencyMs: { mean: 400, weight: 0.25 } }],
        at(1),
      );

      const record = await performance().find(groq);
      expect(record?.firstTokenLatencyMs).toBeCloseTo(200 * 0.75 + 400 * 0.25, 9);
      expect(record?.completionLatencyMs).toBe(900);
      expect(record?.outputTokensPerSecond).toBeNull();
      expect(record?.sampleCount).toBe(5);
      expect(record?.updatedAt).toBe(at(1));
    });

    it('counts every batch when many instances merge into one key at once', async () => {
      await performance().merge(
        [{ ...groq, samples: 1, outputTokensPerSecond: { mean: 100, weight: 1 } }],
        at(0),
      );
      const weight = 0.1;

      await Promise.all(
        Array.from({ length: 12 }, () =>
          performance().merge([{ ...groq, samples: 2, outputTokensPerSecond: { mean: 500, weight } }], at(1)),
        ),
      );

      // Whatever the order, twelve merges of one mean give the same figure; a lost update would not.
      let expected = 100;
      for (let index = 0; index < 12; index += 1)
        expected = mergeMovingAverage(expected, { mean: 500, weight });
      const record = await performance().find(groq);
      expect(record?.sampleCount).toBe(1 + 24);
      expect(record?.outputTokensPerSecond).toBeCloseTo(expected, 6);
    });

    it('merges several keys in one call and lists records by provider, then model', async () => {
      await performance().merge(
        [
          { providerId: 'together', providerModelId: 'b', samples: 1 },
          { providerId: 'groq', providerModelId: 'z', samples: 1 },
          { providerId: 'groq', providerModelId: 'a', samples: 2 },
        ],
        at(0),
      );

      const listed = await performance().list();
      expect(listed.map((record) => [record.providerId, record.providerModelId, record.sampleCount])).toEqual(
        [
          ['groq', 'a', 2],
          ['groq', 'z', 1],
          ['together', 'b', 1],
        ],
      );
    });

    it("stores a probe's verdict, keeps capabilities it does not name, and clears a passed probe's error", async () => {
      await performance().claimProbe(claimAt('instance-a', 0));
      const failed = await performance().recordProbe({
        ...groq,
        holder: 'instance-a',
        health: 'unhealthy',
        probedAt: at(0),
        error: 'upstream answered 503',
        supportsTools: true,
        supportsStructuredOutput: false,
      });
      expect(failed).toMatchObject({
        health: 'unhealthy',
        lastProbeAt: at(0),
        lastProbeError: 'upstream answered 503',
        supportsTools: true,
        supportsStructuredOutput: false,
        sampleCount: 0,
        updatedAt: at(0),
      });

      const passed = await performance().recordProbe({
        ...groq,
        holder: 'instance-a',
        health: 'healthy',
        probedAt: at(3),
        supportsStructuredOutput: true,
      });
      expect(passed).toMatchObject({
        health: 'healthy',
        lastProbeAt: at(3),
        lastProbeError: null,
        supportsTools: true,
        supportsStructuredOutput: true,
      });
      expect(await performance().find(groq)).toEqual(passed);
    });

    it('raises the revision on merges and probe results, not on reads or claims', async () => {
      const seen = [await performance().revision()];
      const expectIncreased = async () => {
        const revision = await performance().revision();
        expect(Number.isSafeInteger(revision)).toBe(true);
        expect(revision).toBeGreaterThan(seen.at(-1) ?? Number.NaN);
        seen.push(revision);
      };

      expect(await performance().claimProbe(claimAt('instance-a', 0))).toBe(true);
      expect(await performance().revision()).toBe(seen[0]);
      await performance().recordProbe({ ...groq, holder: 'instance-a', health: 'healthy', probedAt: at(0) });
      await expectIncreased();
      await performance().merge(
        [{ ...groq, samples: 1, completionLatencyMs: { mean: 5, weight: 1 } }],
        at(1),
      );
      await expectIncreased();
      await performance().list();
      await performance().find(groq);
      await performance().claimProbe(claimAt('instance-b', 30));
      expect(await performance().revision()).toBe(seen.at(-1));
    });

    it('leases a due key to one instance until the lease runs out', async () => {
      expect(await performance().claimProbe(claimAt('instance-a', 0))).toBe(true);
      expect(await performance().claimProbe(claimAt('instance-b', 1))).toBe(false);
      expect(await performance().claimProbe(claimAt('instance-a', 2))).toBe(false);
      // The lease ran out (instance-a died mid-probe): another instance takes over.
      expect(await performance().claimProbe(claimAt('instance-b', 5))).toBe(true);
    });

    it('makes a healthy key due after the probe interval and an unhealthy one after the retest interval', async () => {
      const otherKey: PerformanceKey = { providerId: 'together', providerModelId: 'm' };
      await performance().claimProbe(claimAt('instance-a', 0));
      await performance().recordProbe({ ...groq, holder: 'instance-a', health: 'healthy', probedAt: at(0) });
      await performance().claimProbe(claimAt('instance-a', 0, otherKey));
      await performance().recordProbe({
        ...otherKey,
        holder: 'instance-a',
        health: 'unhealthy',
        probedAt: at(0),
        error: 'timeout',
      });

      // One minute on: the failed key is due again, the healthy one is not (its lease was released by the result).
      expect(await performance().claimProbe(claimAt('instance-b', 1))).toBe(false);
      expect(await performance().claimProbe(claimAt('instance-b', 1, otherKey))).toBe(true);
      expect(await performance().claimProbe(claimAt('instance-b', 9))).toBe(false);
      expect(await performance().claimProbe(claimAt('instance-b', 10))).toBe(true);
    });

    it("releases only the recording holder's lease", async () => {
      expect(await performance().claimProbe(claimAt('instance-a', 0))).toBe(true);
      // A late result from an instance whose lease had run out must not free instance-a's.
      await performance().recordProbe({
        ...groq,
        holder: 'instance-z',
        health: 'unhealthy',
        probedAt: at(0),
      });

      expect(await performance().claimProbe(claimAt('instance-b', 2))).toBe(false);
    });

    it('gives the lease to exactly one of many instances claiming at once', async () => {
      const answers = await Promise.all(
        Array.from({ length: 8 }, (_, index) => performance().claimProbe(claimAt(`instance-${index}`, 0))),
      );

      expect(answers.filter(Boolean)).toHaveLength(1);
    });
  });
}
