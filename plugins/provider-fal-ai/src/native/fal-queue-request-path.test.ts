import { describe, expect, it } from 'vitest';
import { parseFalQueueRequestPath } from './fal-queue-request-path.js';

describe('parseFalQueueRequestPath', () => {
  it('reads the app, request id and action of status, result and cancel paths', () => {
    expect(parseFalQueueRequestPath('fal-ai/flux/requests/764cabcf/status')).toEqual({
      app: 'fal-ai/flux',
      requestId: '764cabcf',
      action: 'status',
      path: '/fal-ai/flux/requests/764cabcf/status',
    });
    expect(parseFalQueueRequestPath('fal-ai/flux/requests/764cabcf')?.action).toBe('result');
    expect(parseFalQueueRequestPath('fal-ai/wan/requests/r1/cancel')?.action).toBe('cancel');
  });

  it("keeps only fal's own path when the response URL carried another host's prefix", () => {
    expect(parseFalQueueRequestPath('fal-ai/fal-ai/flux/requests/r1/status')).toMatchObject({
      app: 'fal-ai/flux',
      path: '/fal-ai/flux/requests/r1/status',
    });
  });

  it('finds nothing in a model path or a path with more after the request', () => {
    expect(parseFalQueueRequestPath('fal-ai/flux/dev')).toBeUndefined();
    expect(parseFalQueueRequestPath('requests/r1')).toBeUndefined();
    expect(parseFalQueueRequestPath('fal-ai/flux/requests/r1/logs')).toBeUndefined();
  });
});
