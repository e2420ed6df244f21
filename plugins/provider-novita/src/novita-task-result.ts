/** Reads the answers of Novita's async API: the `task_id` of a submit and the body of `/v3/async/task-result`. */
import { UpstreamOutputError } from '@tollgate/provider-spec';

export interface NovitaTaskResult {
  readonly taskId: string | undefined;
  /** `TASK_STATUS_QUEUED`, `TASK_STATUS_PROCESSING`, `TASK_STATUS_SUCCEED` or `TASK_STATUS_FAILED`. */
  readonly status: string;
  /** `task.reason`, Novita's explanation of a failure. */
  readonly reason: string | undefined;
  readonly videos: readonly { readonly url: string; readonly type: string | undefined }[];
}

const PROVIDER_ID = 'novita';

function record(value: unknown): Record<string, unknown> | undefined {
  return value != null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The `task_id` Novita returns for a submitted task.
 *
 * @example
 * novitaTaskId({ task_id: '8d0c0f8a-…' }); // '8d0c0f8a-…'
 */
export function novitaTaskId(body: unknown): string {
  const taskId = text(record(body)?.task_id);
  if (taskId === undefined) {
    throw new UpstreamOutputError({
      message: `${PROVIDER_ID} accepted the task without a task_id: ${JSON.stringify(body)?.slice(0, 200)}`,
      providerId: PROVIDER_ID,
    });
  }
  return taskId;
}

/**
 * A task-result body; one without `task.status` is an `UpstreamOutputError`.
 *
 * @example
 * parseNovitaTaskResult({ task: { task_id: 't1', status: 'TASK_STATUS_SUCCEED' }, videos: [{ video_url: 'https://…/v.mp4', video_type: 'mp4' }] });
 * // { taskId: 't1', status: 'TASK_STATUS_SUCCEED', reason: undefined, videos: [{ url: 'https://…/v.mp4', type: 'mp4' }] }
 */
export function parseNovitaTaskResult(body: unknown): NovitaTaskResult {
  const task = record(record(body)?.task);
  const status = text(task?.status);
  if (status === undefined) {
    throw new UpstreamOutputError({
      message: `${PROVIDER_ID} answered a task-result without task.status: ${JSON.stringify(body)?.slice(0, 200)}`,
      providerId: PROVIDER_ID,
    });
  }
  const rawVideos = record(body)?.videos;
  const videos = (Array.isArray(rawVideos) ? rawVideos : []).flatMap((item) => {
    const url = text(record(item)?.video_url);
    return url === undefined ? [] : [{ url, type: text(record(item)?.video_type) }];
  });
  return { taskId: text(task?.task_id), status, reason: text(task?.reason), videos };
}
