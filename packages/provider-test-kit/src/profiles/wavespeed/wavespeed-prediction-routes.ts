/** WaveSpeed's prediction queue: submit to `/api/v3/{model}`, read `/api/v3/predictions/{id}/result`. */
import { encodeMp4 } from '../../media/encode-mp4.js';
import { encodePng } from '../../media/encode-png.js';
import { abortableSleep } from '../../simulator/abortable-sleep.js';
import { jobDurationMs, type SimulatedJob } from '../../simulator/job-book.js';
import { jobFailureMessage } from '../../simulator/job-failure-message.js';
import type { SimulatorMediaStore } from '../../simulator/media-store.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import { randomHex } from '../random-ids.js';
import type { SimulatedTaskRequest, SimulatedTaskRoute } from '../simulated-task-route.js';
import { planWavespeedRequest, type WavespeedRequestPlan } from './validate-wavespeed-input.js';
import { type WavespeedModelSpec, wavespeedModelSpec } from './wavespeed-catalog.js';
import { WAVESPEED_ERRORS, wavespeedEnvelope, wavespeedError } from './wavespeed-envelope.js';

/** Modelled: the reason text of a failed prediction when a `job-failure` fault names none. */
const FAILURE_TEXT = 'Inference failed: the model could not generate an output, please try again.';

interface PredictionFacts {
  readonly model: string;
  readonly getUrl: string;
}

/** What each prediction was, for its result answers; ids are random, so one map serves every simulator. */
const predictions = new Map<string, PredictionFacts>();

/** The prediction's files, stored in the simulator's media store (or as bare base64 when asked for). */
function makeOutputs(
  spec: WavespeedModelSpec,
  plan: WavespeedRequestPlan,
  id: string,
  media: SimulatorMediaStore,
  asBase64: boolean,
): string[] {
  const files =
    spec.output === 'video'
      ? [
          {
            bytes: encodeMp4({
              durationMs: plan.durationSeconds * 1000,
              width: plan.width,
              height: plan.height,
              seed: id,
            }),
            type: 'video/mp4',
            extension: 'mp4',
          },
        ]
      : Array.from({ length: plan.count }, (_, index) => ({
          // PNG, which WaveSpeed writes when `output_format` is `png` (its default, JPEG, has no encoder here).
          bytes: encodePng({ width: plan.width, height: plan.height, seed: `${id}/${index}` }),
          type: 'image/png',
          extension: 'png',
        }));
  return files.map(({ bytes, type, extension }) =>
    asBase64 ? Buffer.from(bytes).toString('base64') : media.put(bytes, type, extension),
  );
}

/** The prediction object WaveSpeed returns in `data`, from the job's state. */
function predictionData(
  id: string,
  facts: PredictionFacts,
  job: SimulatedJob<readonly string[]>,
): Record<string, unknown> {
  const status = { queued: 'created', running: 'processing', succeeded: 'completed', failed: 'failed' }[
    job.state
  ];
  const outputs = job.state === 'succeeded' ? (job.result ?? []) : [];
  const inferenceMs =
    job.completedAt !== undefined && job.startedAt !== undefined ? job.completedAt - job.startedAt : 0;
  return {
    id,
    model: facts.model,
    outputs,
    urls: { get: facts.getUrl },
    has_nsfw_contents: outputs.map(() => false),
    status,
    created_at: new Date(job.createdAt).toISOString(),
    error: job.error ?? '',
    executionTime: inferenceMs,
    timings: { inference: inferenceMs },
  };
}

async function submit(exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> {
  const model = request.params['*'] ?? '';
  const spec = wavespeedModelSpec(model, request.models);
  if (!spec) return sendJsonResponse(exchange, WAVESPEED_ERRORS.modelNotFound(model));
  const body = request.body;
  if (body == null || typeof body !== 'object' || Array.isArray(body))
    return sendJsonResponse(exchange, WAVESPEED_ERRORS.invalidJson());
  const fields = body as Record<string, unknown>;
  const planned = planWavespeedRequest(fields, spec);
  if ('problem' in planned)
    return sendJsonResponse(exchange, WAVESPEED_ERRORS.invalidRequest(planned.problem));

  const id = randomHex(32);
  const durationMs = jobDurationMs(request.latency);
  const facts = { model, getUrl: `${request.baseUrl}/api/v3/predictions/${id}/result` };
  predictions.set(id, facts);
  request.jobs.create({
    id,
    durationMs,
    result: () => makeOutputs(spec, planned.plan, id, request.media, fields.enable_base64_output === true),
    fails: jobFailureMessage(exchange, FAILURE_TEXT),
  });
  // Sync mode holds the answer until the prediction is done, then answers with it finished. Otherwise the answer
  // is the prediction as just created, however long making its files took here.
  const sync = fields.enable_sync_mode === true;
  if (sync && !(await abortableSleep(durationMs, exchange.signal))) return;
  const job = request.jobs.get<readonly string[]>(id)!;
  const shown: SimulatedJob<readonly string[]> = sync
    ? job
    : { id, state: 'queued', createdAt: job.createdAt };
  return sendJsonResponse(exchange, {
    status: 200,
    body: wavespeedEnvelope(200, predictionData(id, facts, shown)),
  });
}

async function result(exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> {
  const id = request.params.id ?? '';
  const job = request.jobs.get<readonly string[]>(id);
  const facts = predictions.get(id);
  if (!job || !facts) return sendJsonResponse(exchange, wavespeedError(404, `Prediction not found: ${id}`));
  return sendJsonResponse(exchange, {
    status: 200,
    body: wavespeedEnvelope(200, predictionData(id, facts, job)),
  });
}

/**
 * The result routes come first: `/api/v3/*` would otherwise take any POST, and results are GETs anyway. WaveSpeed
 * documents the result both at `/api/v3/predictions/{id}/result` (its API reference, and `urls.get`) and at
 * `/api/v3/predictions/{id}` (its "How to Get Result" guide); both answer the same prediction.
 */
export const WAVESPEED_TASK_ROUTES: readonly SimulatedTaskRoute[] = [
  { method: 'GET', path: '/api/v3/predictions/:id/result', serve: result },
  { method: 'GET', path: '/api/v3/predictions/:id', serve: result },
  { method: 'POST', path: '/api/v3/*', serve: submit },
];
