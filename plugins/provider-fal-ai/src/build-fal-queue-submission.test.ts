import { describe, expect, it } from 'vitest';
import { buildFalQueueSubmission } from './build-fal-queue-submission.js';

describe('buildFalQueueSubmission', () => {
  it("posts the arguments to the model's path and names the queue with _subdomain=queue", () => {
    expect(
      buildFalQueueSubmission('fal-ai/flux/dev', { prompt: 'A lighthouse at dawn' }),
    ).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "prompt": "A lighthouse at dawn",
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/fal-ai/flux/dev",
        "query": {
          "_subdomain": "queue",
        },
      }
    `);
  });

  it('does not double a leading slash in the model id', () => {
    expect(buildFalQueueSubmission('/fal-ai/whisper', {}).path).toBe('/fal-ai/whisper');
  });
});
