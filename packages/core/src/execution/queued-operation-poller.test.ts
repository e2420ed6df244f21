import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type QueuedTaskHandlerV1, UpstreamApiError } from '@tollgate/provider-spec';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pollQueuedOperation } from './queued-operation-poller.js';

/** A queue API in miniature: POST /jobs -> {id}; GET /jobs/:id -> pending for `pendingPolls` polls, then done. */
let server: Server;
let baseUrl: string;
const polls = new Map<string, number>();

beforeAll(async () => {
  server = createServer((request, response) => {
    response.setHeader('content-type', 'application/json');
    if (request.method === 'POST') {
      const id = `job-${polls.size + 1}`;
      polls.set(id, 0);
      response.end(JSON.stringify({ id }));
      return;
    }
    const [, , id, pending] = (request.url ?? '').split('/');
    const seen = (polls.get(id!) ?? 0) + 1;
    polls.set(id!, seen);
    if (pending === 'fail') response.end(JSON.stringify({ status: 'failed', error: 'out of GPUs' }));
    else if (seen <= Number(pending)) response.end(JSON.stringify({ status: 'running' }));
    else response.end(JSON.stringify({ status: 'done', image: 'https://cdn.example/1.png', polls: seen }));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

function handler(pendingPolls: number | 'fail'): QueuedTaskHandlerV1 {
  return {
    kind: 'queued',
    start: {
      mapRequest: () => ({
        method: 'POST',
        path: '/jobs',
        body: { kind: 'json', value: {} },
        expect: 'json',
      }),
      mapResponse: ({ response }) => ({
        operation: { id: (response.body as { id: string }).id, state: {}, pollAfterMs: 1 },
      }),
    },
    status: {
      mapRequest: ({ operation }) => ({
        method: 'GET',
        path: `/jobs/${operation.id}/${pendingPolls}`,
        body: { kind: 'none' },
        expect: 'json',
      }),
      mapResponse: ({ response }) => {
        const body = response.body as { status: string; image?: string; error?: string; polls?: number };
        if (body.status === 'done')
          return {
            state: 'completed',
            result: { output: { url: body.image, polls: body.polls }, usage: { images: 1 } },
          };
        if (body.status === 'failed') return { state: 'failed', message: body.error! };
        return { state: 'pending' };
      },
    },
  };
}

const args = (pendingPolls: number | 'fail', signal = new AbortController().signal, deadlineMs = 5_000) => ({
  handler: handler(pendingPolls),
  input: {},
  context: { requestId: 'r', providerId: 'queue', hfModelId: 'a/b', providerModelId: 'b' },
  target: { providerId: 'queue', baseUrl, auth: { kind: 'none' as const } },
  signal,
  options: { queuedPollMinMs: 5, queuedPollMaxMs: 20, queuedDeadlineMs: deadlineMs },
});

describe('pollQueuedOperation', () => {
  it('polls until the provider reports the result', async () => {
    const result = await pollQueuedOperation(args(3));
    expect(result).toEqual({ output: { url: 'https://cdn.example/1.png', polls: 4 }, usage: { images: 1 } });
  });

  it('polls the operation a pending status names from then on (fal: status URL, then result URL)', async () => {
    const base = handler(2);
    const moving: QueuedTaskHandlerV1 = {
      ...base,
      status: {
        mapRequest: ({ operation }) => ({
          method: 'GET',
          path: `/jobs/${operation.id}/${operation.state.pending as number}`,
          body: { kind: 'none' },
          expect: 'json',
        }),
        mapResponse: (statusArgs) => {
          const status = base.status.mapResponse(statusArgs);
          // The first pending answer moves polling to a path that reports done after no further wait.
          if (status.state === 'pending' && statusArgs.operation.state.pending !== 0) {
            return { state: 'pending', operation: { ...statusArgs.operation, state: { pending: 0 } } };
          }
          return status;
        },
      },
      start: {
        ...base.start,
        mapResponse: ({ response }) => ({
          operation: { id: (response.body as { id: string }).id, state: { pending: 5 }, pollAfterMs: 1 },
        }),
      },
    };
    const result = await pollQueuedOperation({ ...args(2), handler: moving });
    // One poll of the first operation (pending), then the named one answers done at once.
    expect(result.output).toMatchObject({ polls: 2 });
  });

  it('turns a provider-reported failure into a non-retryable upstream error', async () => {
    const error = await pollQueuedOperation(args('fail')).catch((caught: unknown) => caught);
    expect(UpstreamApiError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ isRetryable: false, message: expect.stringContaining('out of GPUs') });
  });

  it('gives up at the deadline', async () => {
    const error = await pollQueuedOperation(args(1_000_000, undefined, 100)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ reason: 'timeout', status: 504 });
  });

  it('stops polling when the caller aborts', async () => {
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await pollQueuedOperation(args(1_000_000, controller.signal)).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ reason: 'aborted' });
  });
});
