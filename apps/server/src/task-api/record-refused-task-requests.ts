/**
 * Records the task API's requests that fail before an executor took them (a body the schema refuses, a model
 * field missing...): the executors record everything after that, and a second record of a request id is a no-op.
 */
import { coreTokens, type Kernel } from '@tollgate/core';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { openAiErrorFor } from '../http/openai-error.js';
import { authorizedCallerOf } from './inference-callers.js';

/** The Hub task behind each OpenAI-style path; `/v1/tasks/{task}` names its own. */
const TASK_OF_PATH = new Map([
  ['/v1/embeddings', 'feature-extraction'],
  ['/v1/images/generations', 'text-to-image'],
  ['/v1/audio/transcriptions', 'automatic-speech-recognition'],
  ['/v1/audio/speech', 'text-to-speech'],
]);

function taskOf(request: FastifyRequest): string {
  const task = (request.params as { task?: unknown } | undefined)?.task;
  if (typeof task === 'string') return task;
  return TASK_OF_PATH.get(request.routeOptions.url ?? '') ?? 'unknown';
}

/**
 * @example installRefusedTaskRequestRecording(app, kernel); // inside the task API plugin, before its routes
 */
export function installRefusedTaskRequestRecording(app: FastifyInstance, kernel: Kernel): void {
  app.addHook('onError', async (request, reply, error) => {
    const caller = authorizedCallerOf(request);
    // Unauthenticated or unauthorized requests have no account to record them for.
    if (!caller) return;
    const { status, body } = openAiErrorFor(error);
    const model = (request.body as { model?: unknown } | undefined)?.model;
    await kernel.resolve(coreTokens.requestLog)?.refused({
      requestId: request.id,
      principal: caller.principal,
      billedToOrganizationId: caller.billTo?.id,
      task: taskOf(request),
      model: typeof model === 'string' ? model : undefined,
      error,
      answered: { status: body.error.code ?? body.error.type, httpStatus: status },
      startedAt: Date.now() - Math.round(reply.elapsedTime),
    });
  });
}
