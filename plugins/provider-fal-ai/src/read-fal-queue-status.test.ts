import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { readFalQueueStatus } from './read-fal-queue-status.js';
import { readFalQueueSubmission } from './read-fal-queue-submission.js';
import { fixture } from './test-context.test-helpers.js';

const operation = readFalQueueSubmission(fixture('fal-ai-queue-submitted'), 'fal-ai')!;

describe('readFalQueueStatus', () => {
  it('keeps polling while the request is IN_QUEUE or IN_PROGRESS', () => {
    expect(readFalQueueStatus(fixture('fal-ai-queue-in-queue'), operation, 'fal-ai')).toEqual({
      state: 'pending',
      pollAfterMs: 500,
    });
    expect(readFalQueueStatus(fixture('fal-ai-queue-in-progress'), operation, 'fal-ai')).toEqual({
      state: 'pending',
      pollAfterMs: 500,
    });
  });

  it('on COMPLETED moves the operation to the result phase, to be fetched at once', () => {
    const progress = readFalQueueStatus(fixture('fal-ai-queue-completed'), operation, 'fal-ai');
    expect(progress).toEqual({
      state: 'ready',
      operation: { id: operation.id, state: { ...operation.state, phase: 'result' }, pollAfterMs: 0 },
    });
  });

  it("reports a COMPLETED request that carries an error as failed, with fal's error type", () => {
    expect(readFalQueueStatus(fixture('fal-ai-queue-completed-error'), operation, 'fal-ai')).toEqual({
      state: 'failed',
      message: 'Request timed out (request_timeout)',
    });
    expect(
      readFalQueueStatus({ status: 'COMPLETED', error: { msg: 'bad input' } }, operation, 'fal-ai'),
    ).toEqual({ state: 'failed', message: '{"msg":"bad input"}' });
  });

  it('treats other final spellings as failed and an unknown state as still running', () => {
    expect(readFalQueueStatus({ status: 'CANCELLED' }, operation, 'fal-ai')).toEqual({
      state: 'failed',
      message: 'the request ended CANCELLED',
    });
    expect(readFalQueueStatus({ status: 'WARMING_UP' }, operation, 'fal-ai').state).toBe('pending');
  });

  it('rejects an answer without a status', () => {
    expect(() => readFalQueueStatus({ detail: 'huh' }, operation, 'fal-ai')).toThrow(UpstreamOutputError);
    expect(() => readFalQueueStatus('COMPLETED', operation, 'fal-ai')).toThrow(/without a status/);
  });
});
