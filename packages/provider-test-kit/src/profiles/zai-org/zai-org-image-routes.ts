/**
 * Z.ai's async image API beside its chat: `POST /api/paas/v4/async/images/generations` answers
 * `{model, id, request_id, task_status: 'PROCESSING'}`, and `GET /api/paas/v4/async-result/{id}` answers
 * `{model, task_status, request_id}` with `image_result: [{url}]` once `task_status` is `SUCCESS` (or `FAIL`).
 *
 * Read from Z.ai's API reference: the routes and bodies, the three states, that the async route takes only
 * `glm-image`, its `quality` (`hd`) and `size` rules (default 1280x1280; custom sides of 1024-2048 px, multiples of
 * 32, at most 2^22 pixels), `user_id` of 6-128 characters, and the business codes (1211 unknown model, 1214 invalid
 * parameter). Modelled: the task id's shape, the answer for an unknown task id, and that a failed task's result
 * carries no message (Z.ai documents none).
 */
import { randomInt } from 'node:crypto';
import { encodePng } from '../../media/encode-png.js';
import { jobDurationMs } from '../../simulator/job-book.js';
import { jobFailureMessage } from '../../simulator/job-failure-message.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { SimulatedErrorResponse } from '../provider-profile.js';
import type { SimulatedTaskRequest, SimulatedTaskRoute } from '../simulated-task-route.js';
import { zaiId } from './zai-org-id.js';

const ASYNC_MODEL = 'glm-image';
/** Image models Z.ai serves only on its sync route. */
const SYNC_ONLY_MODELS = new Set(['cogview-4-250304', 'cogview-4', 'cogview-3-flash']);
const DEFAULT_SIZE = '1280x1280';
const SIZE = /^(\d+)x(\d+)$/;
const MAX_PIXELS = 2 ** 22;

interface ImageTask {
  readonly model: string;
  readonly requestId: string;
}

/** What each task was, for its result answers; ids are random, so one map serves every simulator. */
const imageTasks = new Map<string, ImageTask>();

function zaiError(status: number, code: string, message: string): SimulatedErrorResponse {
  return { status, body: { error: { code, message } } };
}

const invalidParameter = (name: string) =>
  zaiError(400, '1214', `Invalid ${name} parameter. Please check the documentation`);

/** Digits, a dash and digits: the shape modelled for Z.ai's async task ids. */
function taskId(): string {
  const digits = (count: number) => Array.from({ length: count }, () => randomInt(10)).join('');
  return `${randomInt(1, 10)}${digits(18)}-${randomInt(1, 10)}${digits(18)}`;
}

function sizeIsValid(size: string): boolean {
  const match = SIZE.exec(size);
  if (!match) return false;
  const [width, height] = [Number(match[1]), Number(match[2])];
  const side = (value: number) => value >= 1024 && value <= 2048 && value % 32 === 0;
  return side(width) && side(height) && width * height <= MAX_PIXELS;
}

/** Z.ai's refusal of this body, or undefined. */
function refusalOf(body: Record<string, unknown>): SimulatedErrorResponse | undefined {
  const { model } = body;
  if (typeof model !== 'string' || model === '') return invalidParameter('model');
  if (SYNC_ONLY_MODELS.has(model)) return invalidParameter('model');
  if (model !== ASYNC_MODEL)
    return zaiError(400, '1211', 'Model does not exist, please check the model code');
  if (typeof body.prompt !== 'string' || body.prompt.trim() === '') return invalidParameter('prompt');
  if (body.quality !== undefined && body.quality !== 'hd') return invalidParameter('quality');
  if (body.size !== undefined && (typeof body.size !== 'string' || !sizeIsValid(body.size)))
    return invalidParameter('size');
  const { user_id: userId } = body;
  if (userId !== undefined && (typeof userId !== 'string' || userId.length < 6 || userId.length > 128))
    return invalidParameter('user_id');
  return undefined;
}

async function submit(exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> {
  const body = request.body;
  if (body == null || typeof body !== 'object' || Array.isArray(body))
    return sendJsonResponse(
      exchange,
      zaiError(400, '1210', 'Incorrect API call parameters, please check the documentation'),
    );
  const fields = body as Record<string, unknown>;
  const refusal = refusalOf(fields);
  if (refusal) return sendJsonResponse(exchange, refusal);

  const id = taskId();
  const requestId = zaiId();
  const [, width, height] = SIZE.exec((fields.size as string | undefined) ?? DEFAULT_SIZE)!;
  imageTasks.set(id, { model: ASYNC_MODEL, requestId });
  request.jobs.create({
    id,
    durationMs: jobDurationMs(request.latency),
    result: () =>
      request.media.put(
        encodePng({ width: Number(width), height: Number(height), seed: id }),
        'image/png',
        'png',
      ),
    fails: jobFailureMessage(exchange, 'FAIL'),
  });
  return sendJsonResponse(exchange, {
    status: 200,
    body: { model: ASYNC_MODEL, id, request_id: requestId, task_status: 'PROCESSING' },
  });
}

async function result(exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> {
  const id = request.params.id ?? '';
  const job = request.jobs.get<string>(id);
  const task = imageTasks.get(id);
  if (!job || !task) return sendJsonResponse(exchange, invalidParameter('id'));
  const base = { model: task.model, request_id: task.requestId };
  const answer =
    job.state === 'succeeded'
      ? {
          model: task.model,
          image_result: [{ url: job.result }],
          request_id: task.requestId,
          task_status: 'SUCCESS',
        }
      : { ...base, task_status: job.state === 'failed' ? 'FAIL' : 'PROCESSING' };
  return sendJsonResponse(exchange, { status: 200, body: answer });
}

export const ZAI_ORG_IMAGE_ROUTES: readonly SimulatedTaskRoute[] = [
  { method: 'POST', path: '/api/paas/v4/async/images/generations', serve: submit },
  { method: 'GET', path: '/api/paas/v4/async-result/:id', serve: result },
];
