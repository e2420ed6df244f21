/**
 * Z.ai's async image API at `/zai-org/api/paas/v4/...`, as Hugging Face's router serves it:
 * `POST /api/paas/v4/async/images/generations` (the model in the body) starts a task, and
 * `GET /api/paas/v4/async-result/{id}` reads it. The task is billed once, when a result first shows it `SUCCESS`.
 */
import { modelFieldOf } from '@tollgate/openai-compatible';
import type { NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { parseZaiAsyncResult, type ZaiAsyncResult } from '../zai-async-result.js';

/** Z.ai bills per image generated; every URL is one image, as the task handler meters it. */
const succeededUsage = (result: ZaiAsyncResult) =>
  result.taskStatus === 'SUCCESS' && result.imageUrls.length > 0
    ? { usage: { images: result.imageUrls.length } }
    : undefined;

const submit: NativeRouteV1 = {
  method: 'POST',
  path: '/api/paas/v4/async/images/generations',
  task: 'text-to-image',
  role: 'start',
  modelOf: modelFieldOf,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  meterResponse: ({ response }) => {
    const result = parseZaiAsyncResult(response.body);
    // A task that finished inside the submission is billed here and handed on as no operation, since the host
    // would bill its first successful result again.
    const finished = succeededUsage(result);
    if (finished) return finished;
    return result.id === undefined || result.taskStatus === 'FAIL' ? {} : { operationId: result.id };
  },
};

const result: NativeRouteV1 = {
  method: 'GET',
  path: '/api/paas/v4/async-result/:id',
  role: 'follow-up',
  operationOf: (request) => request.params.id,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  meterResponse: ({ response }) => succeededUsage(parseZaiAsyncResult(response.body)) ?? {},
};

/**
 * @example
 * nativeRoutes: [...createOpenAICompatibleNativeRoutes(zaiOrgChatConfig), ...zaiOrgImageRoutes]
 */
export const zaiOrgImageRoutes: readonly NativeRouteV1[] = [submit, result];
