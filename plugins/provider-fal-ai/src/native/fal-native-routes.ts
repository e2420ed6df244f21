/**
 * fal's own API at `/fal-ai/...`, as Hugging Face's router serves it: `POST /{model}` runs a model at once
 * (fal.run) and `POST /{model}?_subdomain=queue` queues it (queue.fal.run); a queued request is then read at
 * `GET /{owner}/{app}/requests/{id}/status` and `GET /{owner}/{app}/requests/{id}` and cancelled with
 * `PUT /{owner}/{app}/requests/{id}/cancel`, all with `?_subdomain=queue`. The model is the path itself, every
 * task alike, so the task is the one the model is mapped for. Results are billed by fal's billable units.
 */
import type { NativeRequestV1, NativeRouteV1, RateTableV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { falAiRates } from '../fal-ai-rates.js';
import { parseFalQueueRequestPath } from './fal-queue-request-path.js';
import { meterFalResult } from './meter-fal-result.js';

const QUEUE = 'queue';

const isQueued = (request: NativeRequestV1) => request.query._subdomain === QUEUE;

function queuedRequestId(body: unknown): string | undefined {
  const id =
    body != null && typeof body === 'object' ? (body as { request_id?: unknown }).request_id : undefined;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** A follow-up goes to the queue host at the request's own path, whatever prefix the client's path carried. */
function followUpRequest(request: NativeRequestV1) {
  const named = parseFalQueueRequestPath(request.params['*'] ?? '');
  // Status, result and cancel live only on queue.fal.run: the subdomain is asked for even if the client left it out.
  return forwardNativeRequest(
    { ...request, query: { ...request.query, _subdomain: QUEUE } },
    named ? { path: named.path } : {},
  );
}

/**
 * The routes, metered with `rates` (the plugin's own table by default).
 *
 * @example
 * defineProviderPlugin({ ..., nativeRoutes: createFalNativeRoutes() });
 */
export function createFalNativeRoutes(rates: RateTableV1 = falAiRates): NativeRouteV1[] {
  const cardOf = (providerModelId: string) => rates.models[providerModelId] ?? rates.fallback;
  const operationOf = (request: NativeRequestV1) =>
    parseFalQueueRequestPath(request.params['*'] ?? '')?.requestId;
  return [
    {
      method: 'GET',
      path: '/*',
      role: 'follow-up',
      operationOf,
      mapRequest: ({ request }) => followUpRequest(request),
      meterResponse: ({ request, response, context }) => {
        // A status answer carries no output; the result does, with its billable units.
        if (parseFalQueueRequestPath(request.params['*'] ?? '')?.action !== 'result') return {};
        return { usage: meterFalResult(cardOf(context.providerModelId), response.headers, response.body) };
      },
    },
    {
      method: 'PUT',
      path: '/*',
      role: 'follow-up',
      operationOf,
      mapRequest: ({ request }) => followUpRequest(request),
      // Cancelling bills nothing; work fal finished anyway is billed when its result is read.
      meterResponse: () => ({}),
    },
    {
      method: 'POST',
      path: '/*',
      role: 'start',
      modelOf: (request) => request.params['*'],
      mapRequest: ({ request }) => forwardNativeRequest(request),
      meterResponse: ({ request, response, context }) => {
        const requestId = isQueued(request) ? queuedRequestId(response.body) : undefined;
        if (requestId !== undefined) return { operationId: requestId };
        // The synchronous API (or a queue host that ran the call at once) answers with the model's output.
        return { usage: meterFalResult(cardOf(context.providerModelId), response.headers, response.body) };
      },
    },
  ];
}
