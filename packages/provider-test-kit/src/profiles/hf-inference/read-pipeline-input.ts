/** Reads an hf-inference request the way its inference server does: JSON `{inputs, parameters}`, or raw bytes. */
import type { SimulatedTaskRequest } from '../simulated-task-route.js';
import { PipelineError } from './pipeline-answer.js';

export interface TextPipelineInput {
  readonly inputs: unknown;
  readonly parameters: Readonly<Record<string, unknown>>;
  /** The whole JSON body, for pipelines whose options sit beside `inputs` (feature extraction). */
  readonly body: Readonly<Record<string, unknown>>;
}

export interface BinaryPipelineInput {
  readonly bytes: Uint8Array;
  readonly parameters: Readonly<Record<string, unknown>>;
}

const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=|[A-Za-z0-9+/]{2,3})?$/;

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

function isJson(request: SimulatedTaskRequest): boolean {
  return /\bjson\b/i.test(request.contentType ?? '');
}

function parametersOf(body: Record<string, unknown>): Record<string, unknown> {
  if (body.parameters == null) return {};
  if (!isRecord(body.parameters)) throw new PipelineError(400, 'parameters must be an object');
  return body.parameters;
}

/**
 * `{inputs, parameters}` of a text pipeline. A body that is not JSON is taken as the text itself, as the
 * inference server does; JSON without `inputs` is a 400.
 *
 * @example
 * readTextPipelineInput(request); // { inputs: 'I like you.', parameters: {}, body: { inputs: 'I like you.' } }
 */
export function readTextPipelineInput(request: SimulatedTaskRequest): TextPipelineInput {
  if (typeof request.body === 'string') return { inputs: request.body, parameters: {}, body: {} };
  if (!isRecord(request.body)) throw new PipelineError(400, 'Body needs to provide a inputs key');
  if (request.body.inputs === undefined) throw new PipelineError(400, 'Body needs to provide a inputs key');
  return { inputs: request.body.inputs, parameters: parametersOf(request.body), body: request.body };
}

/**
 * The file of an image or audio pipeline: the raw body, or the base64 `inputs` of a JSON body (the only way
 * to send parameters with it).
 *
 * @example
 * readBinaryPipelineInput(request); // { bytes: Uint8Array [...], parameters: { top_k: 2 } }
 */
export function readBinaryPipelineInput(request: SimulatedTaskRequest): BinaryPipelineInput {
  if (!isJson(request)) {
    if (request.rawBody.length === 0)
      throw new PipelineError(400, 'Body is empty: send the file as the body');
    return { bytes: new Uint8Array(request.rawBody), parameters: {} };
  }
  if (!isRecord(request.body) || typeof request.body.inputs !== 'string') {
    throw new PipelineError(400, 'Body needs to provide a inputs key with the base64-encoded file');
  }
  const compact = request.body.inputs.replace(/\s+/g, '');
  if (compact === '' || !BASE64.test(compact)) throw new PipelineError(400, 'inputs is not valid base64');
  return { bytes: new Uint8Array(Buffer.from(compact, 'base64')), parameters: parametersOf(request.body) };
}
