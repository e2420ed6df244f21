/**
 * The Hub API's error bodies: `{"error": "..."}`, the shape Hugging Face's Hub answers with and its clients read
 * (`@huggingface/inference` raises the `error` string of a failed mapping lookup). Statuses follow the gateway's
 * error taxonomy, as on the OpenAI-style routes.
 */
import type { FastifyInstance } from 'fastify';
import { openAiErrorFor } from '../http/openai-error.js';

export interface HubErrorBody {
  readonly error: string;
}

/**
 * Installs the handler on an encapsulated plugin, so only the Hub routes answer this way.
 *
 * @example
 * app.register(async (hub) => { installHubErrorHandler(hub); hub.get('/api/models/*', ...); });
 */
export function installHubErrorHandler(app: FastifyInstance): void {
  app.setErrorHandler((error, request, reply) => {
    const { status, body, internal } = openAiErrorFor(error);
    if (internal) request.log.error({ err: error }, 'Request failed with an internal error');
    else request.log.info({ status, code: body.error.code }, `Request rejected: ${body.error.message}`);
    if (reply.sent) return;
    const hubBody: HubErrorBody = { error: body.error.message };
    reply.code(status).type('application/json; charset=utf-8').send(hubBody);
  });
}
