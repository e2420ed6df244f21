/** Authorizes a Fastify inference route's request in `onRequest`, before its body is read, and keeps the caller. */
import type { Kernel } from '@tollgate/core';
import type { FastifyRequest } from 'fastify';
import { authorizeInferenceCall, type InferenceCaller } from '../inference/authorize-inference-call.js';

export interface InferenceCallers {
  /** An `onRequest` hook: rejects with 401 or 403 (`authorizeInferenceCall`) before any of the body is read. */
  readonly onRequest: (request: FastifyRequest) => Promise<void>;
  /** The caller `onRequest` authorized for `request`: its principal and the organization it bills, if any. */
  of(request: FastifyRequest): InferenceCaller;
}

/**
 * @example
 * const callers = inferenceCallers(kernel);
 * app.post('/v1/embeddings', { onRequest: callers.onRequest }, async (request) => execute({ ...callers.of(request) }));
 */
// One map for every route: a request is authorized once, and the error hook that records refusals reads it too.
const callers = new WeakMap<FastifyRequest, InferenceCaller>();

/** The caller an inference route authorized for `request`; undefined before (or without) authorization. */
export function authorizedCallerOf(request: FastifyRequest): InferenceCaller | undefined {
  return callers.get(request);
}

export function inferenceCallers(kernel: Kernel): InferenceCallers {
  return {
    onRequest: async (request) => {
      callers.set(request, await authorizeInferenceCall(kernel, request.headers));
    },
    of(request) {
      const caller = callers.get(request);
      if (!caller) throw new Error('The route did not authorize the request in onRequest.');
      return caller;
    },
  };
}
