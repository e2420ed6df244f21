/**
 * Novita's async API at `/novita/v3/async/...`, as Hugging Face's router serves it: `POST /v3/async/{model}`
 * submits a task and answers its `task_id`; `GET /v3/async/task-result?task_id=` reads it. The task is billed once,
 * when a result first shows it `TASK_STATUS_SUCCEED` with its video.
 */
import type { NativeRequestV1, NativeRouteV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import { novitaTaskId, parseNovitaTaskResult } from '../novita-task-result.js';

const RESULT_SEGMENT = 'task-result';

/**
 * The model is the rest of the path (`wan-t2v`); `task-result` is the result route, never a model.
 *
 * @example
 * novitaModelOfPath({ ...request, params: { '*': 'wan-t2v' } }); // 'wan-t2v'
 */
export function novitaModelOfPath(request: NativeRequestV1): string | undefined {
  const model = request.params['*'];
  if (
    model === undefined ||
    model === '' ||
    model === RESULT_SEGMENT ||
    model.startsWith(`${RESULT_SEGMENT}/`)
  )
    return undefined;
  return model;
}

const submit: NativeRouteV1 = {
  method: 'POST',
  path: '/v3/async/*',
  task: 'text-to-video',
  role: 'start',
  modelOf: novitaModelOfPath,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  // The submission answers only `{task_id}`: nothing is finished yet.
  meterResponse: ({ response }) => ({ operationId: novitaTaskId(response.body) }),
};

const result: NativeRouteV1 = {
  method: 'GET',
  path: `/v3/async/${RESULT_SEGMENT}`,
  role: 'follow-up',
  // The operation is named by the query, not the path.
  operationOf: (request) => request.query.task_id,
  mapRequest: ({ request }) => forwardNativeRequest(request),
  meterResponse: ({ response }) => {
    const task = parseNovitaTaskResult(response.body);
    // Novita bills a video per clip: one request, as the task handler meters it; a task that ended without a
    // video delivered nothing to bill.
    return task.status === 'TASK_STATUS_SUCCEED' && task.videos.length > 0 ? { usage: { requests: 1 } } : {};
  },
};

/**
 * The submission, then its result; the submission is a POST, so `/v3/async/*` never takes a result GET.
 *
 * @example
 * nativeRoutes: [...createOpenAICompatibleNativeRoutes(novitaChatConfig), ...novitaAsyncRoutes]
 */
export const novitaAsyncRoutes: readonly NativeRouteV1[] = [submit, result];
