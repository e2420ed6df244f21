import { describe, expect, it } from 'vitest';
import { createJobBook, DEFAULT_JOB_DURATION_MS, jobDurationMs } from './job-book.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (ms: number) => (now += ms) };
}

describe('createJobBook', () => {
  it('is queued for the first 20% of the duration, then running, then succeeded with the result', () => {
    const time = clock();
    const jobs = createJobBook(time.now);
    jobs.create({ id: 'a', durationMs: 100, result: () => ({ text: 'done' }) });
    expect(jobs.get('a')).toEqual({ id: 'a', state: 'queued', createdAt: 1_000_000 });
    time.advance(20);
    expect(jobs.get('a')).toEqual({ id: 'a', state: 'running', createdAt: 1_000_000, startedAt: 1_000_020 });
    time.advance(79);
    expect(jobs.get('a')?.state).toBe('running');
    time.advance(1);
    expect(jobs.get('a')).toEqual({
      id: 'a',
      state: 'succeeded',
      result: { text: 'done' },
      createdAt: 1_000_000,
      startedAt: 1_000_020,
      completedAt: 1_000_100,
    });
  });

  it('ends failed with the message when asked to fail, without computing the result', () => {
    const time = clock();
    const jobs = createJobBook(time.now);
    let computed = false;
    jobs.create({
      id: 'b',
      durationMs: 10,
      fails: 'NSFW content detected',
      result: () => {
        computed = true;
        return 1;
      },
    });
    time.advance(10);
    expect(jobs.get('b')).toMatchObject({ state: 'failed', error: 'NSFW content detected' });
    expect(jobs.get('b')?.result).toBeUndefined();
    expect(computed).toBe(false);
  });

  it('fails a job whose result throws or rejects, and waits for a pending result', async () => {
    const time = clock();
    const jobs = createJobBook(time.now);
    jobs.create({
      id: 'throws',
      durationMs: 0,
      result: () => {
        throw new Error('boom');
      },
    });
    jobs.create({ id: 'rejects', durationMs: 0, result: () => Promise.reject(new Error('later boom')) });
    let resolve!: (value: string) => void;
    jobs.create({ id: 'slow', durationMs: 0, result: () => new Promise<string>((done) => (resolve = done)) });
    expect(jobs.get('throws')).toMatchObject({ state: 'failed', error: 'boom' });
    expect(jobs.get('slow')?.state).toBe('running');
    resolve('ok');
    await Promise.resolve();
    await Promise.resolve();
    expect(jobs.get('rejects')).toMatchObject({ state: 'failed', error: 'later boom' });
    expect(jobs.get<string>('slow')).toMatchObject({ state: 'succeeded', result: 'ok' });
  });

  it('answers undefined for an unknown id and refuses a duplicate id', () => {
    const jobs = createJobBook();
    expect(jobs.get('nope')).toBeUndefined();
    jobs.create({ id: 'x', durationMs: 1, result: () => 1 });
    expect(() => jobs.create({ id: 'x', durationMs: 1, result: () => 2 })).toThrow(/already has a job 'x'/);
  });
});

describe('jobDurationMs', () => {
  it('is short by default and follows firstTokenMs when a test sets it', () => {
    expect(jobDurationMs({})).toBe(DEFAULT_JOB_DURATION_MS);
    expect(DEFAULT_JOB_DURATION_MS).toBeLessThanOrEqual(100);
    expect(jobDurationMs({ firstTokenMs: 500 })).toBe(500);
  });
});
