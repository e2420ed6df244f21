/** Jobs for simulated queued APIs: each profile keeps its provider's jobs here rather than writing its own store. */

/** Jobs last this long unless the latency settings say otherwise: short, so tests stay fast. */
export const DEFAULT_JOB_DURATION_MS = 60;
/** The share of a job's duration it spends queued before it starts running. */
const QUEUED_SHARE = 0.2;

export type SimulatedJobState = 'queued' | 'running' | 'succeeded' | 'failed';

export interface SimulatedJobSpec<T> {
  readonly id: string;
  readonly durationMs: number;
  /** Computed once, when the job is created; a thrown error or rejection fails the job with its message. */
  readonly result: () => T | Promise<T>;
  /** When set, the job ends `failed` with this message (what a `job-failure` fault asks for). */
  readonly fails?: string;
}

export interface SimulatedJob<T = unknown> {
  readonly id: string;
  readonly state: SimulatedJobState;
  /** Present once `succeeded`. */
  readonly result?: T;
  /** Present once `failed`. */
  readonly error?: string;
  /** Epoch milliseconds. */
  readonly createdAt: number;
  /** Epoch milliseconds; present once the job left the queue. */
  readonly startedAt?: number;
  /** Epoch milliseconds; present once it succeeded or failed. */
  readonly completedAt?: number;
}

export interface SimulatorJobBook {
  create<T>(job: SimulatedJobSpec<T>): void;
  /** The job as it stands now, computed from the time elapsed since it was created; undefined when unknown. */
  get<T = unknown>(id: string): SimulatedJob<T> | undefined;
}

interface JobRecord {
  readonly id: string;
  readonly createdAt: number;
  readonly durationMs: number;
  /** Set when the result is computed (or failed); until then a finished job still reads `running`. */
  outcome: { readonly result: unknown } | { readonly error: string } | undefined;
  settledAt: number | undefined;
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * The simulated duration of a job: the latency's `firstTokenMs` when set (so a test can make jobs slower),
 * otherwise {@link DEFAULT_JOB_DURATION_MS}.
 *
 * @example
 * jobs.create({ id, durationMs: jobDurationMs(request.latency), result: () => ({ images }) });
 */
export function jobDurationMs(latency: { readonly firstTokenMs?: number }): number {
  return latency.firstTokenMs !== undefined && latency.firstTokenMs > 0
    ? latency.firstTokenMs
    : DEFAULT_JOB_DURATION_MS;
}

/**
 * A job book: jobs are queued for the first 20% of their duration, then running, then succeeded or failed.
 *
 * @example
 * const jobs = createJobBook();
 * jobs.create({ id: 'job-1', durationMs: 60, result: () => ({ text: 'done' }) });
 * jobs.get('job-1')?.state; // 'queued', later 'running', after 60 ms 'succeeded'
 */
export function createJobBook(now: () => number = Date.now): SimulatorJobBook {
  const jobs = new Map<string, JobRecord>();
  const settle = (record: JobRecord, outcome: NonNullable<JobRecord['outcome']>): void => {
    record.outcome = outcome;
    record.settledAt = now();
  };
  return {
    create(spec) {
      if (jobs.has(spec.id)) throw new Error(`The job book already has a job '${spec.id}'`);
      const record: JobRecord = {
        id: spec.id,
        createdAt: now(),
        durationMs: Math.max(0, spec.durationMs),
        outcome: undefined,
        settledAt: undefined,
      };
      jobs.set(spec.id, record);
      if (spec.fails !== undefined) return settle(record, { error: spec.fails });
      try {
        const result = spec.result();
        if (result instanceof Promise) {
          result.then(
            (value) => settle(record, { result: value }),
            (error: unknown) => settle(record, { error: messageOf(error) }),
          );
        } else {
          settle(record, { result });
        }
      } catch (error) {
        settle(record, { error: messageOf(error) });
      }
    },
    get<T>(id: string): SimulatedJob<T> | undefined {
      const record = jobs.get(id);
      if (!record) return undefined;
      const elapsed = now() - record.createdAt;
      const startedAt = record.createdAt + Math.round(record.durationMs * QUEUED_SHARE);
      const base = { id, createdAt: record.createdAt };
      if (elapsed < record.durationMs * QUEUED_SHARE) return { ...base, state: 'queued' };
      if (elapsed < record.durationMs || record.outcome === undefined) {
        return { ...base, state: 'running', startedAt };
      }
      const completedAt = Math.max(record.createdAt + record.durationMs, record.settledAt ?? 0);
      if ('error' in record.outcome) {
        return { ...base, state: 'failed', error: record.outcome.error, startedAt, completedAt };
      }
      return { ...base, state: 'succeeded', result: record.outcome.result as T, startedAt, completedAt };
    },
  };
}
