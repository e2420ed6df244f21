/**
 * Novita's async video API beside its chat: `POST /v3/async/{model}` answers `{task_id}`, and
 * `GET /v3/async/task-result?task_id=` answers `{extra, task, images, videos, audios}` with `task.status`
 * `TASK_STATUS_QUEUED`, `TASK_STATUS_PROCESSING`, `TASK_STATUS_SUCCEED` or `TASK_STATUS_FAILED` (with `reason`)
 * and, once done, `videos[0]` `{video_url, video_url_ttl, video_type}`.
 *
 * Read from Novita's API reference: the routes, the bodies, the states and `reason`, Wan 2.1's inputs (prompt up
 * to 2000 characters, width x height one of 832x480, 480x832, 1280x720, 720x1280, default 832x480, steps 1-40,
 * guidance_scale 0-10, flow_shift 1-10, at most 3 LoRAs) and its 5-second clips. Modelled: task ids as UUIDs,
 * `task_type`, `eta`, the failure text, the answer for an unknown task, and the error wording.
 */
import { randomUUID } from 'node:crypto';
import { encodeMp4 } from '../../media/encode-mp4.js';
import { jobDurationMs, type SimulatedJob } from '../../simulator/job-book.js';
import { jobFailureMessage } from '../../simulator/job-failure-message.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { SimulatedErrorResponse } from '../provider-profile.js';
import type { SimulatedTaskRequest, SimulatedTaskRoute } from '../simulated-task-route.js';

/** Novita's video models the simulator serves, with the task type its results name. */
const VIDEO_MODELS: Readonly<Record<string, { readonly taskType: string }>> = {
  'wan-t2v': { taskType: 'WAN_T2V' },
};
const SIZES = new Set(['832x480', '480x832', '1280x720', '720x1280']);
const CLIP_SECONDS = 5;
/** Modelled: the reason of a failed task when a `job-failure` fault names none. */
const FAILURE_TEXT = 'The task failed during inference, please retry.';
/** Result URLs stay valid for an hour (`video_url_ttl`). */
const URL_TTL_SECONDS = '3600';

interface TaskFacts {
  readonly taskType: string;
  readonly seed: number;
}

/** What each task was, for its result answers; ids are random, so one map serves every simulator. */
const tasks = new Map<string, TaskFacts>();

function novitaError(status: number, reason: string, message: string): SimulatedErrorResponse {
  return { status, body: { code: status, reason, message, metadata: {} } };
}

function inRange(value: unknown, min: number, max: number): boolean {
  return value === undefined || (typeof value === 'number' && value >= min && value <= max);
}

/** Why Novita would refuse this body, or undefined. */
function problemOf(body: Record<string, unknown>): string | undefined {
  const { prompt } = body;
  if (typeof prompt !== 'string' || prompt.length < 1 || prompt.length > 2000)
    return 'prompt is required and must be 1 to 2000 characters';
  if (typeof body.negative_prompt === 'string' && body.negative_prompt.length > 2000)
    return 'negative_prompt must be at most 2000 characters';
  if (body.width !== undefined || body.height !== undefined) {
    if (!SIZES.has(`${body.width}x${body.height}`))
      return 'width and height must be one of 832x480, 480x832, 1280x720, 720x1280';
  }
  if (!inRange(body.steps, 1, 40) || (body.steps !== undefined && !Number.isInteger(body.steps)))
    return 'steps must be an integer from 1 to 40';
  if (!inRange(body.guidance_scale, 0, 10)) return 'guidance_scale must be between 0 and 10';
  if (!inRange(body.flow_shift, 1, 10)) return 'flow_shift must be between 1 and 10';
  if (!inRange(body.seed, -1, 9_999_999_999)) return 'seed must be between -1 and 9999999999';
  if (body.loras !== undefined && !(Array.isArray(body.loras) && body.loras.length <= 3))
    return 'loras must be a list of at most 3 LoRAs';
  return undefined;
}

async function submit(exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> {
  const model = request.params.model ?? '';
  const video = VIDEO_MODELS[model];
  if (!video)
    return sendJsonResponse(
      exchange,
      novitaError(404, 'MODEL_NOT_FOUND', `The requested model ${model} is not found.`),
    );
  const body = request.body;
  if (body == null || typeof body !== 'object' || Array.isArray(body))
    return sendJsonResponse(
      exchange,
      novitaError(400, 'INVALID_REQUEST_BODY', 'Invalid JSON in request body.'),
    );
  const fields = body as Record<string, unknown>;
  const problem = problemOf(fields);
  if (problem) return sendJsonResponse(exchange, novitaError(400, 'INVALID_REQUEST_BODY', problem));

  const taskId = randomUUID();
  const width = (fields.width as number | undefined) ?? 832;
  const height = (fields.height as number | undefined) ?? 480;
  const seed =
    typeof fields.seed === 'number' && fields.seed >= 0
      ? fields.seed
      : Number.parseInt(taskId.slice(0, 8), 16);
  tasks.set(taskId, { taskType: video.taskType, seed });
  request.jobs.create({
    id: taskId,
    durationMs: jobDurationMs(request.latency),
    result: () =>
      request.media.put(
        encodeMp4({ durationMs: CLIP_SECONDS * 1000, width, height, seed: taskId }),
        'video/mp4',
        'mp4',
      ),
    fails: jobFailureMessage(exchange, FAILURE_TEXT),
  });
  return sendJsonResponse(exchange, { status: 200, body: { task_id: taskId } });
}

const STATUS: Readonly<Record<SimulatedJob['state'], string>> = {
  queued: 'TASK_STATUS_QUEUED',
  running: 'TASK_STATUS_PROCESSING',
  succeeded: 'TASK_STATUS_SUCCEED',
  failed: 'TASK_STATUS_FAILED',
};

function taskResult(taskId: string, facts: TaskFacts, job: SimulatedJob<string>): Record<string, unknown> {
  const progress = { queued: 0, running: 50, succeeded: 100, failed: 0 }[job.state];
  const done = job.state === 'succeeded' || job.state === 'failed';
  return {
    extra: {
      seed: String(facts.seed),
      debug_info: {
        request_info: '',
        submit_time_ms: String(job.createdAt),
        execute_time_ms: job.startedAt === undefined ? '' : String(job.startedAt),
        complete_time_ms: job.completedAt === undefined ? '' : String(job.completedAt),
      },
    },
    task: {
      task_id: taskId,
      status: STATUS[job.state],
      reason: job.error ?? '',
      task_type: facts.taskType,
      eta: done ? 0 : 1,
      progress_percent: progress,
    },
    images: [],
    videos:
      job.state === 'succeeded'
        ? [{ video_url: job.result, video_url_ttl: URL_TTL_SECONDS, video_type: 'mp4' }]
        : [],
    audios: [],
  };
}

async function result(exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> {
  const taskId = request.query.get('task_id');
  if (!taskId)
    return sendJsonResponse(exchange, novitaError(400, 'INVALID_REQUEST_BODY', 'task_id is required.'));
  const job = request.jobs.get<string>(taskId);
  const facts = tasks.get(taskId);
  if (!job || !facts)
    return sendJsonResponse(exchange, novitaError(404, 'TASK_NOT_FOUND', `The task ${taskId} is not found.`));
  return sendJsonResponse(exchange, { status: 200, body: taskResult(taskId, facts, job) });
}

/** The result route is a GET on a fixed path, so it cannot be taken for a model id. */
export const NOVITA_VIDEO_ROUTES: readonly SimulatedTaskRoute[] = [
  { method: 'GET', path: '/v3/async/task-result', serve: result },
  { method: 'POST', path: '/v3/async/:model', serve: submit },
];
