// How the host turns hf-inference's error answers into gateway errors (plugins never see a non-2xx answer).
import { UpstreamApiError } from '@tollgate/provider-spec';
import { createUpstreamApiError } from '@tollgate/provider-utils';
import { describe, expect, it } from 'vitest';
import { fixture } from './fixtures.test-helpers.js';

function hostErrorFor(scenario: string): UpstreamApiError {
  const { status, headers, body } = fixture(scenario);
  return createUpstreamApiError({
    providerId: 'hf-inference',
    status,
    headers: { ...headers },
    bodyText: JSON.stringify(body),
  });
}

describe('hf-inference error answers, as the host maps them', () => {
  it('a cold model’s 503 is a retryable upstream error that clients see as 502, not a 503 to retry forever', () => {
    const error = hostErrorFor('model-loading');
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    expect(error.upstreamStatus).toBe(503);
    expect(error.isRetryable).toBe(true);
    expect(error.message).toBe(
      'hf-inference API error (503): Model sentence-transformers/all-MiniLM-L6-v2 is currently loading',
    );
    // Hugging Face's JS client retries a 503 without limit; the gateway answers 502 instead.
    expect(error.status).toBe(502);
    expect(error.upstreamBody).toMatchObject({ estimated_time: 20 });
  });

  it('an unknown model’s 404 is passed on as a client error with HF’s message', () => {
    const error = hostErrorFor('model-not-found');
    expect(error.status).toBe(404);
    expect(error.isRetryable).toBe(false);
    expect(error.message).toBe(
      'hf-inference API error (404): Model this-model-does-not-exist-123 does not exist',
    );
  });
});
