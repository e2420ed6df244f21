/**
 * Replicate's predictions API: create through `/v1/models/{owner}/{name}/predictions` (official models) or
 * `/v1/predictions` with a `version` (community models), optionally held open with `Prefer: wait`; read with
 * `GET /v1/predictions/{id}`; stop with `POST /v1/predictions/{id}/cancel`.
 */
import { abortableSleep } from '../../simulator/abortable-sleep.js';
import { jobDurationMs } from '../../simulator/job-book.js';
import { jobFailureMessage } from '../../simulator/job-failure-message.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import { randomLowerBase32 } from '../random-ids.js';
import type { SimulatedTaskRequest, SimulatedTaskRoute } from '../simulated-task-route.js';
import { preferWaitSeconds } from './prefer-wait-seconds.js';
import { type PredictionRecord, predictionRecords } from './replicate-prediction-book.js';
import { type PredictionResult, predictionObject, predictionStatus } from './replicate-prediction-object.js';
import { inputValidationFailed, replicateErrors, replicateProblem } from './replicate-problem.js';
import {
  findModelByVersion,
  findOfficialModel,
  type ReplicateSimulatedModel,
} from './replicate-simulated-models.js';
import { runSimulatedModel } from './run-simulated-model.js';
import { validatePredictionInput } from './validate-prediction-input.js';

/** How often a held create call looks at its prediction. */
const WAIT_STEP_MS = 5;
/** What a prediction that a `job-failure` fault fails says, unless the fault words it. */
const DEFAULT_FAILURE = 'Prediction failed.';
/** The share of a job's duration it waits in the queue (the job book's own split). */
const QUEUED_SHARE = 0.2;

export interface ReplicateRouteOptions {
  /**
   * The longest a `Prefer: wait` call is held, in milliseconds, whatever the header asks: 60 000 (Replicate's
   * maximum) by default; tests lower it to see a prediction outlast the wait without waiting a minute.
   */
  readonly maxWaitMs?: number;
}

const isFinished = (status: string) => status === 'succeeded' || status === 'failed' || status === 'canceled';

function currentPrediction(record: PredictionRecord, request: SimulatedTaskRequest): Record<string, unknown> {
  const job = request.jobs.get<PredictionResult>(record.id)!;
  return predictionObject(record, job, request.baseUrl);
}

async function holdUntilFinished(
  exchange: SimulatedExchange,
  record: PredictionRecord,
  request: SimulatedTaskRequest,
  waitMs: number,
): Promise<boolean> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const job = request.jobs.get<PredictionResult>(record.id)!;
    if (isFinished(predictionStatus(record, job)) || Date.now() >= deadline) return true;
    if (!(await abortableSleep(Math.min(WAIT_STEP_MS, deadline - Date.now()), exchange.signal))) return false;
  }
}

async function createPrediction(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  model: ReplicateSimulatedModel,
  options: ReplicateRouteOptions,
): Promise<void> {
  const body = request.body as { input?: unknown } | undefined;
  const input = body?.input;
  if (input == null || typeof input !== 'object' || Array.isArray(input)) {
    return sendJsonResponse(
      exchange,
      inputValidationFailed([{ type: 'required', field: '(root)', description: 'input is required' }]),
    );
  }
  const fields = validatePredictionInput(model, input as Record<string, unknown>);
  if (fields.length > 0) return sendJsonResponse(exchange, inputValidationFailed(fields));

  const record: PredictionRecord = {
    id: randomLowerBase32(26),
    model,
    input: input as Record<string, unknown>,
  };
  predictionRecords(request.jobs).set(record.id, record);
  const durationMs = jobDurationMs(request.latency);
  request.jobs.create<PredictionResult>({
    id: record.id,
    durationMs,
    // The files are made when the prediction leaves the queue, so encoding them does not hold up the answer
    // to a create call that does not wait.
    result: () =>
      new Promise((resolve, reject) => {
        setTimeout(() => {
          try {
            resolve(runSimulatedModel(model, record.input, request.media, request.origin));
          } catch (error) {
            reject(error);
          }
        }, durationMs * QUEUED_SHARE);
      }),
    fails: jobFailureMessage(exchange, DEFAULT_FAILURE),
  });
  const waitSeconds = preferWaitSeconds(exchange.request.headers.prefer);
  if (waitSeconds !== undefined) {
    const waitMs = Math.min(waitSeconds * 1000, options.maxWaitMs ?? Number.POSITIVE_INFINITY);
    if (!(await holdUntilFinished(exchange, record, request, waitMs))) return;
  }
  return sendJsonResponse(exchange, { status: 201, body: currentPrediction(record, request) });
}

function findRecord(request: SimulatedTaskRequest): PredictionRecord | undefined {
  return predictionRecords(request.jobs).get(request.params.id ?? '');
}

/**
 * The routes, with `options` deciding how long `Prefer: wait` may hold a call.
 *
 * @example
 * createTaskProfile({ id: 'replicate', taskRoutes: replicateTaskRoutes(), ... });
 */
export function replicateTaskRoutes(options: ReplicateRouteOptions = {}): SimulatedTaskRoute[] {
  return [
    {
      method: 'POST',
      path: '/v1/models/:owner/:name/predictions',
      serve: async (exchange, request) => {
        const model = findOfficialModel(`${request.params.owner}/${request.params.name}`);
        if (model === undefined) return sendJsonResponse(exchange, replicateErrors.modelNotFound(''));
        return createPrediction(exchange, request, model, options);
      },
    },
    {
      method: 'POST',
      path: '/v1/predictions',
      serve: async (exchange, request) => {
        const version = (request.body as { version?: unknown } | undefined)?.version;
        if (typeof version !== 'string' || version === '') {
          return sendJsonResponse(
            exchange,
            inputValidationFailed([
              { type: 'required', field: '(root)', description: 'version is required' },
            ]),
          );
        }
        const model = findModelByVersion(version);
        if (model === undefined) {
          return sendJsonResponse(
            exchange,
            replicateProblem(
              422,
              'Invalid version or not permitted',
              "The specified version does not exist (or perhaps you don't have permission to use it?)",
            ),
          );
        }
        return createPrediction(exchange, request, model, options);
      },
    },
    {
      method: 'GET',
      path: '/v1/predictions/:id',
      serve: async (exchange, request) => {
        const record = findRecord(request);
        if (record === undefined) return sendJsonResponse(exchange, replicateErrors.modelNotFound(''));
        return sendJsonResponse(exchange, { status: 200, body: currentPrediction(record, request) });
      },
    },
    {
      method: 'POST',
      path: '/v1/predictions/:id/cancel',
      serve: async (exchange, request) => {
        const record = findRecord(request);
        if (record === undefined) return sendJsonResponse(exchange, replicateErrors.modelNotFound(''));
        const job = request.jobs.get<PredictionResult>(record.id)!;
        // A finished prediction cannot be canceled; Replicate answers with it as it is.
        if (!isFinished(predictionStatus(record, job))) record.canceledAt = Date.now();
        return sendJsonResponse(exchange, { status: 200, body: currentPrediction(record, request) });
      },
    },
  ];
}
