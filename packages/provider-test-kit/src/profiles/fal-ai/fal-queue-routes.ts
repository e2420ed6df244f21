/**
 * fal's two APIs under one prefix, as Hugging Face's router serves them: `POST /{model}` runs a model at once
 * (fal.run) and `POST /{model}?_subdomain=queue` queues it (queue.fal.run), whose request is then read at
 * `GET /{owner}/{app}/requests/{id}/status`, `GET /{owner}/{app}/requests/{id}` and cancelled with
 * `PUT /{owner}/{app}/requests/{id}/cancel`.
 */
import { randomUUID } from 'node:crypto';
import { abortableSleep } from '../../simulator/abortable-sleep.js';
import { jobDurationMs, type SimulatedJob } from '../../simulator/job-book.js';
import { jobFailureMessage } from '../../simulator/job-failure-message.js';
import { sendJsonResponse } from '../../simulator/send-json-response.js';
import type { SimulatedExchange } from '../../simulator/simulated-exchange.js';
import type { SimulatedErrorResponse } from '../provider-profile.js';
import type { SimulatedTaskRequest, SimulatedTaskRoute } from '../simulated-task-route.js';
import { falAppOf, falModelSpec } from './fal-catalog.js';
import { FAL_ERRORS, falDetail, falRequestError } from './fal-errors.js';
import type { FalRunOutcome } from './fal-run-outcome.js';
import { runSimulatedFalModel } from './run-simulated-fal-model.js';

/** fal's documented example of a failed request: a request error, ending the request COMPLETED with it. */
const FAILURE_TEXT = 'Request timed out';
const FAILURE_TYPE = 'request_timeout';
/** Modelled: what a cancelled request reads as; fal does not document it. */
const CANCELLED_TEXT = 'Request was cancelled';

interface QueuedRequest {
  readonly app: string;
  readonly urls: { readonly response_url: string; readonly status_url: string; readonly cancel_url: string };
  cancelled: boolean;
}

/** What each queued request was; ids are random UUIDs, so one map serves every simulator. */
const queued = new Map<string, QueuedRequest>();

const REQUEST_PATH = /^([^/]+\/[^/]+)\/requests\/([^/]+)(?:\/(status|cancel))?$/;

function send(
  exchange: SimulatedExchange,
  answer: SimulatedErrorResponse,
  requestId?: string,
): Promise<void> {
  const headers = { ...answer.headers, ...(requestId ? { 'x-fal-request-id': requestId } : {}) };
  return sendJsonResponse(exchange, { status: answer.status, body: answer.body, headers });
}

function modelInput(body: unknown): Readonly<Record<string, unknown>> | undefined {
  return body != null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}

function run(request: SimulatedTaskRequest, model: string, input: Readonly<Record<string, unknown>>) {
  const spec = falModelSpec(model, request.models)!;
  return runSimulatedFalModel(spec, input, {
    media: request.media,
    origin: request.origin,
    seed: `${model} ${JSON.stringify(input)}`,
  });
}

/** `POST /{model}`: the synchronous API (fal.run) or, with `_subdomain=queue`, a queue submission. */
async function submitOrRun(exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> {
  const model = request.params['*'] ?? '';
  if (falModelSpec(model, request.models) === undefined)
    return send(exchange, FAL_ERRORS.modelNotFound(model));
  const input = modelInput(request.body);
  if (input === undefined) return send(exchange, FAL_ERRORS.invalidJson());
  if (request.query.get('_subdomain') === 'queue') return submit(exchange, request, model, input);

  const requestId = randomUUID();
  if (!(await abortableSleep(jobDurationMs(request.latency), exchange.signal))) return;
  // A synchronous call has no job to fail later: a job-failure fault fails the call itself.
  const failure = jobFailureMessage(exchange, FAILURE_TEXT);
  if (failure !== undefined) return send(exchange, falRequestError(504, failure), requestId);
  return sendOutcome(exchange, run(request, model, input), requestId);
}

function submit(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  model: string,
  input: Readonly<Record<string, unknown>>,
): Promise<void> {
  const id = randomUUID();
  const app = falAppOf(model);
  const responseUrl = `${request.baseUrl}/${app}/requests/${id}`;
  const urls = {
    response_url: responseUrl,
    status_url: `${responseUrl}/status`,
    cancel_url: `${responseUrl}/cancel`,
  };
  queued.set(id, { app, urls, cancelled: false });
  // fal takes any JSON into the queue; invalid input surfaces when the result is read (a 422 there).
  request.jobs.create<FalRunOutcome>({
    id,
    durationMs: jobDurationMs(request.latency),
    result: () => run(request, model, input),
    fails: jobFailureMessage(exchange, FAILURE_TEXT),
  });
  const body = { status: 'IN_QUEUE', request_id: id, ...urls, queue_position: 0 };
  return sendJsonResponse(exchange, { status: 200, body, headers: { 'x-fal-request-id': id } });
}

function logLines(job: SimulatedJob<FalRunOutcome>): Record<string, unknown>[] {
  const outcome = job.result;
  const lines = outcome?.ok ? outcome.logs : job.state === 'running' ? ['Running'] : [];
  const at = new Date(job.startedAt ?? job.createdAt).toISOString();
  return lines.map((message) => ({ message, level: 'INFO', source: 'user', timestamp: at }));
}

/** `GET …/requests/{id}/status`: 202 while queued or running, 200 once COMPLETED (with `error` if it failed). */
function status(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  id: string,
  facts: QueuedRequest,
) {
  const job = request.jobs.get<FalRunOutcome>(id)!;
  const logs = request.query.get('logs') === '1' ? { logs: logLines(job) } : {};
  const base = { request_id: id, ...facts.urls };
  const answer = (code: number, body: Record<string, unknown>) =>
    sendJsonResponse(exchange, {
      status: code,
      body: { ...body, ...base },
      headers: { 'x-fal-request-id': id },
    });
  if (facts.cancelled) {
    return answer(200, {
      status: 'COMPLETED',
      ...logs,
      metrics: { inference_time: null },
      error: CANCELLED_TEXT,
    });
  }
  if (job.state === 'queued') return answer(202, { status: 'IN_QUEUE', queue_position: 0 });
  if (job.state === 'running') return answer(202, { status: 'IN_PROGRESS', ...logs });
  if (job.state === 'failed') {
    const error = { error: job.error ?? FAILURE_TEXT, error_type: FAILURE_TYPE };
    return answer(200, { status: 'COMPLETED', ...logs, metrics: { inference_time: null }, ...error });
  }
  const inference = job.result?.ok ? job.result.inferenceSeconds : null;
  return answer(200, { status: 'COMPLETED', ...logs, metrics: { inference_time: inference } });
}

/** `GET …/requests/{id}`: the model's output, or the model's error, once COMPLETED. */
function result(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  id: string,
  facts: QueuedRequest,
) {
  const job = request.jobs.get<FalRunOutcome>(id)!;
  if (facts.cancelled) return send(exchange, falDetail(400, CANCELLED_TEXT), id);
  if (job.state === 'queued' || job.state === 'running') {
    // The AI SDK's fal client recognises this answer by its detail text; the status code is not documented.
    return send(exchange, falDetail(400, 'Request is still in progress'), id);
  }
  if (job.state === 'failed') return send(exchange, falRequestError(504, job.error), id);
  return sendOutcome(exchange, job.result!, id);
}

/** `PUT …/requests/{id}/cancel`: 202 CANCELLATION_REQUESTED before it finished, 400 ALREADY_COMPLETED after. */
function cancel(
  exchange: SimulatedExchange,
  request: SimulatedTaskRequest,
  id: string,
  facts: QueuedRequest,
) {
  const job = request.jobs.get<FalRunOutcome>(id)!;
  if (facts.cancelled || job.state === 'succeeded' || job.state === 'failed') {
    return sendJsonResponse(exchange, { status: 400, body: { status: 'ALREADY_COMPLETED' } });
  }
  facts.cancelled = true;
  return sendJsonResponse(exchange, { status: 202, body: { status: 'CANCELLATION_REQUESTED' } });
}

function sendOutcome(exchange: SimulatedExchange, outcome: FalRunOutcome, requestId: string): Promise<void> {
  if (!outcome.ok) return send(exchange, outcome.error, requestId);
  const headers = { 'x-fal-request-id': requestId, 'x-fal-billable-units': outcome.billableUnits };
  return sendJsonResponse(exchange, { status: 200, body: outcome.body, headers });
}

function queueRoute(action: 'read' | 'cancel') {
  return async (exchange: SimulatedExchange, request: SimulatedTaskRequest): Promise<void> => {
    const match = REQUEST_PATH.exec(request.params['*'] ?? '');
    const [, app = '', id = '', tail] = match ?? [];
    if (match === null || (action === 'cancel') !== (tail === 'cancel')) {
      return send(exchange, falDetail(405, 'Method Not Allowed'));
    }
    const facts = queued.get(id);
    if (facts === undefined || facts.app !== app || request.jobs.get(id) === undefined) {
      // Third-party clients report these two bodies for unknown request ids.
      return tail === undefined
        ? send(exchange, falDetail(404, 'Request not found'))
        : sendJsonResponse(exchange, { status: 404, body: { status: 'NOT_FOUND' } });
    }
    if (tail === 'cancel') return cancel(exchange, request, id, facts);
    if (tail === 'status') return status(exchange, request, id, facts);
    return result(exchange, request, id, facts);
  };
}

export const FAL_TASK_ROUTES: readonly SimulatedTaskRoute[] = [
  { method: 'GET', path: '/*', serve: queueRoute('read') },
  { method: 'PUT', path: '/*', serve: queueRoute('cancel') },
  { method: 'POST', path: '/*', serve: submitOrRun },
];
