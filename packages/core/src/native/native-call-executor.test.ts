import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { defineProviderPlugin, type NativeRequestV1, RoutingError } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StreamItem } from '../execution/execution-types.js';
import { kernelFor, principal } from '../execution/executor.test-helpers.js';
import { createKernel } from '../kernel/create-kernel.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import type { CompletedNativeCall, NativeCallRequest, StreamingNativeCall } from './native-call-types.js';

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'] });
});
afterAll(() => simulator.close());

const chatCall = (body: unknown, overrides: Partial<NativeCallRequest> = {}): NativeCallRequest => ({
  providerId: 'groq',
  method: 'POST',
  path: '/openai/v1/chat/completions',
  query: {},
  headers: {},
  body: { kind: 'json', value: body },
  principal,
  requestId: crypto.randomUUID(),
  signal: new AbortController().signal,
  ...overrides,
});

const messages = [{ role: 'user', content: 'Price this native request.' }];

describe('NativeCallExecutor against an OpenAI-style provider', () => {
  it("forwards the provider's own body with the provider key, and charges rate x usage", async () => {
    const { kernel, ledger, reports } = await kernelFor(simulator);
    const result = (await kernel.native.execute(
      chatCall({ model: 'openai/gpt-oss-120b', messages }, { requestId: 'native-json' }),
    )) as CompletedNativeCall;
    expect(result.kind).toBe('complete');
    expect(result.route).toEqual({
      providerId: 'groq',
      hfModelId: 'openai/gpt-oss-120b',
      providerModelId: 'openai/gpt-oss-120b',
    });
    expect((result.response.body as { object: string }).object).toBe('chat.completion');
    const { inputTokens, outputTokens } = result.usage;
    expect(result.costNanoUsd).toBe(BigInt(inputTokens!) * 150n + BigInt(outputTokens!) * 600n);
    expect(ledger.events).toEqual(['hold native-json', `settle native-json ${result.costNanoUsd}`]);
    expect(reports.at(-1)).toMatchObject({ providerId: 'groq', outcome: 'ok', task: 'conversational' });
    expect(simulator.calls.at(-1)?.headers.authorization).toBe(`Bearer ${simulator.apiKeyFor('groq')}`);
  });

  it('meters a stream the client asked no usage of, without showing it the usage chunk', async () => {
    const { kernel, ledger } = await kernelFor(simulator);
    const result = (await kernel.native.execute(
      chatCall({ model: 'openai/gpt-oss-120b', messages, stream: true }, { requestId: 'native-stream' }),
    )) as StreamingNativeCall;
    const items: StreamItem[] = [];
    for await (const batch of result.batches) items.push(...batch);
    const completion = await result.completion;
    expect(completion.outcome).toBe('completed');
    expect(completion.usage.outputTokens).toBeGreaterThan(0);
    expect(ledger.events.at(-1)).toBe(`settle native-stream ${completion.costNanoUsd}`);
    const chunks = items.map((item) => (item.type === 'chunk' ? JSON.parse(String(item.data)) : item));
    expect(chunks.every((chunk) => Array.isArray(chunk.choices) && chunk.choices.length > 0)).toBe(true);
    expect(simulator.calls.at(-1)?.body).toMatchObject({ stream_options: { include_usage: true } });
  });

  it('refuses a model the provider does not map, as Hugging Face does, and releases nothing it did not hold', async () => {
    const { kernel, ledger } = await kernelFor(simulator);
    const failure = kernel.native.execute(chatCall({ model: 'unmapped/model', messages }));
    await expect(failure).rejects.toSatisfy(
      (error) => RoutingError.isInstance(error) && /Model not supported by provider groq/.test(error.message),
    );
    expect(ledger.events).toEqual([]);
  });

  it('answers 404 for an unknown provider and for a path the provider has no route for', async () => {
    const { kernel } = await kernelFor(simulator);
    await expect(kernel.native.execute(chatCall({}, { providerId: 'nope' }))).rejects.toMatchObject({
      status: 404,
    });
    await expect(kernel.native.execute(chatCall({}, { path: '/openai/v1/other' }))).rejects.toMatchObject({
      status: 404,
      code: 'unknown_url',
    });
  });

  it('releases the hold when the provider fails', async () => {
    const { kernel, ledger } = await kernelFor(simulator);
    simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    await expect(
      kernel.native.execute(
        chatCall({ model: 'openai/gpt-oss-120b', messages }, { requestId: 'native-fail' }),
      ),
    ).rejects.toMatchObject({ upstreamStatus: 500 });
    expect(ledger.events).toEqual(['hold native-fail', 'release native-fail']);
  });
});

/** A queue in miniature: POST /queue/:model -> {request_id}; GET /queue/requests/:id -> pending, then done. */
describe('NativeCallExecutor with queued work', () => {
  let server: Server;
  let baseUrl: string;
  const polls = new Map<string, number>();
  beforeAll(async () => {
    server = createServer((request, response) => {
      response.setHeader('content-type', 'application/json');
      if (request.method === 'POST') {
        const id = `job-${polls.size + 1}`;
        polls.set(id, 0);
        // `/queue/:model?sync=1` answers finished at once, like a provider's synchronous mode.
        const sync = (request.url ?? '').includes('sync=1');
        if (sync) polls.set(id, 10);
        response.end(
          JSON.stringify({
            request_id: id,
            status: sync ? 'COMPLETED' : 'IN_QUEUE',
            images: sync ? [{}] : [],
          }),
        );
        return;
      }
      const id = (request.url ?? '').split('/').at(-1)!;
      const seen = (polls.get(id) ?? 0) + 1;
      polls.set(id, seen);
      response.end(
        JSON.stringify(seen < 2 ? { status: 'IN_PROGRESS' } : { status: 'COMPLETED', images: [{}, {}] }),
      );
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const queuePlugin = defineProviderPlugin({
    specificationVersion: 'v1',
    id: 'queue-example',
    displayName: 'Queue example',
    version: '0.0.0',
    compatibility: '^0.1.0',
    settings: {
      apiKeyEnvVars: [],
      apiKeyRequired: false,
      baseUrl: 'https://queue.example',
      auth: { kind: 'none' },
    },
    tasks: {
      'text-to-image': {
        kind: 'sync',
        mapRequest: () => ({ method: 'POST', path: '/', body: { kind: 'none' }, expect: 'json' }),
        mapResponse: () => ({ output: { images: [] }, usage: {} }),
      },
    },
    models: [
      { hfModelId: 'org/image-model', providerModelId: 'image-model', task: 'text-to-image', status: 'live' },
    ],
    rates: {
      kind: 'static',
      table: {
        asOf: '2026-12-01',
        sourceUrl: 'https://queue.example/pricing',
        currency: 'USD',
        models: { 'image-model': { perImage: '0.025' } },
      },
    },
    billing: 'integrated',
    nativeRoutes: [
      {
        method: 'POST',
        path: '/queue/:model',
        task: 'text-to-image',
        role: 'start',
        modelOf: (request) => request.params.model,
        mapRequest: ({ request }) => forwardNativeRequest(request),
        meterResponse: ({ response }) => {
          const body = response.body as { request_id: string; status: string; images: unknown[] };
          const done = body.status === 'COMPLETED' ? { usage: { images: body.images.length } } : {};
          return { operationId: body.request_id, ...done };
        },
      },
      {
        method: 'GET',
        path: '/queue/requests/:id',
        task: 'text-to-image',
        role: 'follow-up',
        operationOf: (request) => request.params.id,
        mapRequest: ({ request }) => forwardNativeRequest(request),
        meterResponse: ({ response }) => {
          const body = response.body as { status: string; images?: unknown[] };
          return body.status === 'COMPLETED' ? { usage: { images: body.images?.length ?? 0 } } : {};
        },
      },
    ],
  });

  const kernel = async () => {
    const instance = createKernel({
      store: { catalog: createInMemoryCatalogRepository() } as Store,
      plugins: [queuePlugin],
      env: { TOLLGATE_PROVIDER_QUEUE_EXAMPLE_BASE_URL: baseUrl },
    });
    await instance.start();
    return instance;
  };
  const call = (method: NativeRequestV1['method'], path: string, who = principal): NativeCallRequest => ({
    providerId: 'queue-example',
    method,
    path,
    query: {},
    headers: {},
    body: method === 'POST' ? { kind: 'json', value: { prompt: 'a lighthouse' } } : { kind: 'none' },
    principal: who,
    requestId: crypto.randomUUID(),
    signal: new AbortController().signal,
  });

  it('bills queued work once, when a follow-up first reports it done, at the model that started it', async () => {
    const native = (await kernel()).native;
    const started = (await native.execute(call('POST', '/queue/image-model'))) as CompletedNativeCall;
    expect(started.costNanoUsd).toBeUndefined();
    const id = (started.response.body as { request_id: string }).request_id;
    const pending = (await native.execute(call('GET', `/queue/requests/${id}`))) as CompletedNativeCall;
    expect(pending.costNanoUsd).toBeUndefined();
    const done = (await native.execute(call('GET', `/queue/requests/${id}`))) as CompletedNativeCall;
    // Two images at $0.025 each.
    expect(done.costNanoUsd).toBe(50_000_000n);
    expect(done.route.hfModelId).toBe('org/image-model');
    const again = (await native.execute(call('GET', `/queue/requests/${id}`))) as CompletedNativeCall;
    expect(again.costNanoUsd).toBeUndefined();
  });

  it('does not bill the follow-ups of a start that was billed when it finished at once', async () => {
    const native = (await kernel()).native;
    const started = (await native.execute({
      ...call('POST', '/queue/image-model'),
      query: { sync: '1' },
    })) as CompletedNativeCall;
    expect(started.costNanoUsd).toBe(25_000_000n);
    const id = (started.response.body as { request_id: string }).request_id;
    const result = (await native.execute(call('GET', `/queue/requests/${id}`))) as CompletedNativeCall;
    expect(result.costNanoUsd).toBeUndefined();
  });

  it('does not let anyone follow up work they did not start, nor work it never saw', async () => {
    const native = (await kernel()).native;
    const started = (await native.execute(call('POST', '/queue/image-model'))) as CompletedNativeCall;
    const id = (started.response.body as { request_id: string }).request_id;
    const stranger = { ...principal, userId: 'someone-else' };
    await expect(native.execute(call('GET', `/queue/requests/${id}`, stranger))).rejects.toMatchObject({
      status: 404,
      code: 'unknown_request',
    });
    await expect(native.execute(call('GET', '/queue/requests/never-started'))).rejects.toMatchObject({
      status: 404,
    });
  });

  it('refuses a start for a model the provider does not map', async () => {
    await expect((await kernel()).native.execute(call('POST', '/queue/other-model'))).rejects.toSatisfy(
      (error) =>
        RoutingError.isInstance(error) && /Model not supported by provider queue-example/.test(error.message),
    );
  });
});
