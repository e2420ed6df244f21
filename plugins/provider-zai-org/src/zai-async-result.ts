/** Reads the answers of Z.ai's async API: the task a submit creates and the body of `/async-result/{id}`. */
import { UpstreamOutputError } from '@tollgate/provider-spec';

export interface ZaiAsyncResult {
  /** The task id (`id`), used to poll; absent in result bodies, which carry only `request_id`. */
  readonly id: string | undefined;
  /** `PROCESSING`, `SUCCESS` or `FAIL`. */
  readonly taskStatus: string;
  /** `image_result[].url`, once the task succeeded. */
  readonly imageUrls: readonly string[];
  /** An error message, when Z.ai gives one with a failed task. */
  readonly errorMessage: string | undefined;
}

const PROVIDER_ID = 'zai-org';

function record(value: unknown): Record<string, unknown> | undefined {
  return value != null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * A submit or result body; one without `task_status` is an `UpstreamOutputError`.
 *
 * @example
 * parseZaiAsyncResult({ model: 'glm-image', id: '8120…', request_id: '2026…', task_status: 'PROCESSING' });
 * // { id: '8120…', taskStatus: 'PROCESSING', imageUrls: [], errorMessage: undefined }
 */
export function parseZaiAsyncResult(body: unknown): ZaiAsyncResult {
  const answer = record(body);
  const taskStatus = text(answer?.task_status);
  if (taskStatus === undefined) {
    throw new UpstreamOutputError({
      message: `${PROVIDER_ID} answered without a task_status: ${JSON.stringify(body)?.slice(0, 200)}`,
      providerId: PROVIDER_ID,
    });
  }
  const images = Array.isArray(answer?.image_result) ? answer.image_result : [];
  const imageUrls = images.flatMap((item) => {
    const url = text(record(item)?.url);
    return url === undefined ? [] : [url];
  });
  const error = answer?.error;
  const errorMessage = text(record(error)?.message) ?? text(error) ?? text(answer?.message);
  return { id: text(answer?.id), taskStatus, imageUrls, errorMessage };
}
