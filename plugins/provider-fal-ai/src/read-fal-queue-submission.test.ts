import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { readFalQueueSubmission } from './read-fal-queue-submission.js';
import { fixture } from './test-context.test-helpers.js';

describe('readFalQueueSubmission', () => {
  it('keeps the request id and the three URLs fal returned, and asks for a poll after 500 ms', () => {
    expect(readFalQueueSubmission(fixture('fal-ai-queue-submitted'), 'fal-ai')).toEqual({
      id: '764cabcf-b745-4b3e-ae38-1200304cf45b',
      state: {
        phase: 'status',
        statusUrl: 'https://queue.fal.run/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b/status',
        responseUrl: 'https://queue.fal.run/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b',
        cancelUrl: 'https://queue.fal.run/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b/cancel',
      },
      pollAfterMs: 500,
    });
  });

  it('derives the status and cancel URLs from response_url when an older answer omits them', () => {
    const operation = readFalQueueSubmission(
      {
        request_id: 'r1',
        status: 'IN_QUEUE',
        response_url: 'https://queue.fal.run/fal-ai/whisper/requests/r1',
      },
      'fal-ai',
    );
    expect(operation?.state).toMatchObject({
      statusUrl: 'https://queue.fal.run/fal-ai/whisper/requests/r1/status',
      cancelUrl: 'https://queue.fal.run/fal-ai/whisper/requests/r1/cancel',
    });
  });

  it('says "not a queue answer" for a body without a request id, such as a model output', () => {
    expect(readFalQueueSubmission(fixture('fal-ai-flux-dev-result'), 'fal-ai')).toBeUndefined();
    expect(readFalQueueSubmission(null, 'fal-ai')).toBeUndefined();
    expect(readFalQueueSubmission([1], 'fal-ai')).toBeUndefined();
  });

  it('rejects a queue answer whose response_url is missing or not an http(s) URL', () => {
    expect(() => readFalQueueSubmission({ request_id: 'r1' }, 'fal-ai')).toThrow(UpstreamOutputError);
    expect(() =>
      readFalQueueSubmission({ request_id: 'r1', response_url: 'file:///etc/passwd' }, 'fal-ai'),
    ).toThrow(/no response_url/);
  });

  it('ignores a status_url that is not a URL and derives it instead', () => {
    const operation = readFalQueueSubmission(
      { request_id: 'r1', response_url: 'https://queue.fal.run/a/b/requests/r1', status_url: 'nope' },
      'fal-ai',
    );
    expect(operation?.state.statusUrl).toBe('https://queue.fal.run/a/b/requests/r1/status');
  });
});
