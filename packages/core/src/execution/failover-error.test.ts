import { UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { failoverError } from './failover-error.js';

const http = (providerId: string, upstreamStatus: number) =>
  new UpstreamApiError({
    message: `Provider '${providerId}' failed.`,
    providerId,
    upstreamStatus,
    retryAfter: '3',
  });

describe('failoverError', () => {
  it('is the error itself when one provider was tried and none skipped', () => {
    const only = http('groq', 500);
    expect(failoverError([{ providerId: 'groq', error: only }], [])).toBe(only);
  });

  it('keeps the status, code and provider of the last failure and names every attempt', () => {
    const error = failoverError(
      [
        { providerId: 'groq', error: http('groq', 503) },
        {
          providerId: 'cerebras',
          error: new UpstreamApiError({ message: 'late', providerId: 'cerebras', reason: 'timeout' }),
        },
        { providerId: 'together', error: http('together', 429) },
      ],
      ['nscale'],
    );
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 429,
      code: 'upstream_429',
      providerId: 'together',
      retryAfter: '3',
    });
    expect((error as Error).message).toBe(
      "Provider 'together' failed. Tried 3 providers: groq (HTTP 503), cerebras (timeout), together (HTTP 429); skipped nscale (circuit open).",
    );
  });

  it('names a skipped provider even after a single attempt, and keeps output errors what they are', () => {
    const error = failoverError(
      [{ providerId: 'groq', error: new UpstreamOutputError({ message: 'Garbled.', providerId: 'groq' }) }],
      ['together'],
    );
    expect(UpstreamOutputError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 502, providerId: 'groq' });
    expect((error as Error).message).toBe(
      'Garbled. Tried one provider: groq (invalid answer); skipped together (circuit open).',
    );
  });
});
