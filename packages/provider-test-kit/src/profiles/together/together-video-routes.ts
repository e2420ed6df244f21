/**
 * Together's video job API: `POST /v2/videos` queues a job (from a prompt, or keyframes in `frame_images`) and
 * answers it (`status: queued`); `GET /v2/videos/{id}` reports `queued`, `in_progress`, `completed` (with
 * `outputs.video_url` and `outputs.cost`, the USD charged) or `failed` (with `error.message`). The video is a
 * real MP4 served from the media store.
 *
 * Modelled: the job id's shape (a UUID) and the cost, which the simulator states as $0.04 per second of video
 * (no Together list price was confirmed); the MP4 runs at 1 frame per second whatever `fps` asks, to stay small.
 */
import { randomUUID } from 'node:crypto';
import { encodeMp4 } from '../../media/encode-mp4.js';
import { jobDurationMs, type SimulatedJob } from '../../simulator/job-book.js';
import { jobFailureMessage } from '../../simulator/job-failure-message.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import { checkModel } from '../openai-task-routes/check-model.js';
import { jsonBody } from '../openai-task-routes/json-body.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

const DEFAULT_SIZE = { width: 1280, height: 720 };
const DEFAULT_SECONDS = '5';
const MAX_SIDE = 1920;
const SIMULATED_USD_PER_SECOND = 0.04;
const FAILURE_MESSAGE = 'Video generation failed.';
/** Together's limit on an inline keyframe, in characters, as its 400 states it. */
const MAX_FRAME_IMAGE_LENGTH = 61_440;

interface VideoFacts {
  readonly model: string;
  readonly seconds: string;
  readonly width: number;
  readonly height: number;
}

const STATUS: Readonly<Record<SimulatedJob['state'], string>> = {
  queued: 'queued',
  running: 'in_progress',
  succeeded: 'completed',
  failed: 'failed',
};

/** Jobs by id, for the lifetime of the process (the job book keeps their state, this their request). */
const videos = new Map<string, VideoFacts>();

function evenSide(value: unknown, fallback: number): number | undefined {
  if (value === undefined) return fallback;
  return typeof value === 'number' &&
    Number.isInteger(value) &&
    value >= 16 &&
    value <= MAX_SIDE &&
    value % 2 === 0
    ? value
    : undefined;
}

function videoJob(
  id: string,
  facts: VideoFacts,
  job: SimulatedJob<string> | undefined,
): Record<string, unknown> {
  const state = job?.state ?? 'queued';
  return {
    id,
    object: 'video',
    model: facts.model,
    status: STATUS[state],
    created_at: Math.floor((job?.createdAt ?? Date.now()) / 1000),
    ...(job?.completedAt !== undefined ? { completed_at: Math.floor(job.completedAt / 1000) } : {}),
    seconds: facts.seconds,
    size: `${facts.width}x${facts.height}`,
    ...(state === 'succeeded'
      ? {
          outputs: {
            cost: Number((Number(facts.seconds) * SIMULATED_USD_PER_SECOND).toFixed(4)),
            video_url: job?.result,
          },
        }
      : {}),
    ...(state === 'failed'
      ? { error: { message: job?.error ?? FAILURE_MESSAGE, code: 'generation_failed' } }
      : {}),
  };
}

/**
 * @example
 * taskRoutes: [...togetherVideoRoutes(() => togetherProfile.errors)],
 */
export function togetherVideoRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  return [
    {
      method: 'POST',
      path: '/v2/videos',
      serve: async (exchange, request) => {
        const dialect = errors();
        const body = jsonBody(request);
        if (!body) return sendJsonResponse(exchange, dialect.invalidJson());
        const modelProblem = checkModel(body.model, request, dialect);
        if (modelProblem) return sendJsonResponse(exchange, modelProblem);
        const width = evenSide(body.width, DEFAULT_SIZE.width);
        const height = evenSide(body.height, DEFAULT_SIZE.height);
        if (width === undefined || height === undefined) {
          return sendJsonResponse(
            exchange,
            dialect.invalidRequest({
              message: `must be an even integer from 16 to ${MAX_SIDE}`,
              param: 'width',
            }),
          );
        }
        const seconds = body.seconds ?? DEFAULT_SECONDS;
        if (typeof seconds !== 'string' || !/^\d{1,2}$/.test(seconds) || Number(seconds) < 1) {
          return sendJsonResponse(
            exchange,
            dialect.invalidRequest({
              message: 'must be a whole number of seconds, as a string',
              param: 'seconds',
            }),
          );
        }
        const frames = body.frame_images;
        const badFrame =
          frames !== undefined &&
          (!Array.isArray(frames) ||
            !frames.every((frame: { input_image?: unknown } | null) => {
              const image = frame?.input_image;
              return typeof image === 'string' && image.length >= 1 && image.length <= MAX_FRAME_IMAGE_LENGTH;
            }));
        if (badFrame) {
          return sendJsonResponse(
            exchange,
            dialect.invalidRequest({
              message: `Range of input length should be [1, ${MAX_FRAME_IMAGE_LENGTH}]`,
              param: 'frame_images.input_image',
            }),
          );
        }
        const id = randomUUID();
        const facts: VideoFacts = { model: body.model as string, seconds, width, height };
        videos.set(id, facts);
        request.jobs.create({
          id,
          durationMs: jobDurationMs(request.latency),
          result: () =>
            request.media.put(
              encodeMp4({
                durationMs: Number(seconds) * 1000,
                width,
                height,
                seed: `${String(body.prompt)}\n${id}`,
              }),
              'video/mp4',
              'mp4',
            ),
          fails: jobFailureMessage(exchange, FAILURE_MESSAGE),
        });
        return sendJsonResponse(exchange, { status: 200, body: videoJob(id, facts, undefined) });
      },
    },
    {
      method: 'GET',
      path: '/v2/videos/:id',
      serve: async (exchange, request) => {
        const id = request.params.id ?? '';
        const facts = videos.get(id);
        const job = request.jobs.get<string>(id);
        if (!facts || !job) {
          return sendJsonResponse(
            exchange,
            errors().invalidRequest({ message: `Video job ${id} not found`, param: 'id', code: 'not_found' }),
          );
        }
        return sendJsonResponse(exchange, { status: 200, body: videoJob(id, facts, job) });
      },
    },
  ];
}
