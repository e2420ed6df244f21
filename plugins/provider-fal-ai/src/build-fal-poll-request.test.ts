import { describe, expect, it } from 'vitest';
import { buildFalPollRequest } from './build-fal-poll-request.js';
import { readFalQueueSubmission } from './read-fal-queue-submission.js';
import { fixture } from './test-context.test-helpers.js';

const operation = readFalQueueSubmission(fixture('fal-ai-queue-submitted'), 'fal-ai')!;

describe('buildFalPollRequest', () => {
  it('asks the status URL fal returned while the request is in its status phase', () => {
    expect(buildFalPollRequest(operation)).toMatchInlineSnapshot(`
      {
        "absoluteUrl": "https://queue.fal.run/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b/status",
        "body": {
          "kind": "none",
        },
        "expect": "json",
        "method": "GET",
        "path": "/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b/status",
      }
    `);
  });

  it('fetches the response URL once the operation is in its result phase', () => {
    const request = buildFalPollRequest({ ...operation, state: { ...operation.state, phase: 'result' } });
    expect(request).toMatchObject({
      method: 'GET',
      absoluteUrl: 'https://queue.fal.run/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b',
    });
  });

  it('refuses an operation this plugin did not make', () => {
    expect(() => buildFalPollRequest({ id: 'x', state: { getUrl: 'https://api.replicate.com' } })).toThrow(
      /not a fal queue operation/,
    );
  });
});
