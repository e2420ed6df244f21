/**
 * `POST /v1/tasks/{task}`: every task a plugin can declare, routed by the kernel like chat — the unified API for
 * the tasks OpenAI's API has no endpoint for (classification, fill-mask, question answering, detection...). The
 * body is Hugging Face's task request (`inputs`, `parameters`) plus the `model` to route; the answer is the
 * task's output as `@tollgate/provider-spec` defines it, with files as base64 or URLs (see `media-json.ts`).
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { InputError, KNOWN_TASK_IDS, type TaskId } from '@tollgate/provider-spec';
import { clientAbortSignal } from '../http/client-abort-signal.js';
import { executeRoutedTask } from '../task-api/execute-routed-task.js';
import { inferenceCallers } from '../task-api/inference-callers.js';
import { decodeMediaJson, encodeMediaJson } from '../task-api/media-json.js';
import { OpenAiErrorSchema } from './openai-error-schema.js';
import type { TaskRouteOptions } from './task-route-options.js';
import { TaskParamsSchema, TaskRequestSchema, TaskResponseSchema } from './tasks-schema.js';

/** Chat has its own endpoint, which also streams. */
const ROUTED_TASKS: ReadonlySet<string> = new Set(KNOWN_TASK_IDS.filter((task) => task !== 'conversational'));

function taskOf(name: string): TaskId {
  if (name === 'conversational') {
    throw new InputError({
      message: 'Chat is served at POST /v1/chat/completions.',
      param: 'task',
      code: 'unsupported_task',
    });
  }
  if (!ROUTED_TASKS.has(name)) {
    throw new InputError({
      message: `Unknown task '${name}'. Known tasks: ${[...ROUTED_TASKS].join(', ')}.`,
      param: 'task',
      code: 'unsupported_task',
    });
  }
  return name;
}

/**
 * @example app.register(tasksRoute, { kernel });
 */
export const tasksRoute: FastifyPluginAsyncTypebox<TaskRouteOptions> = async (app, { kernel }) => {
  const principals = inferenceCallers(kernel);

  app.post(
    '/v1/tasks/:task',
    {
      schema: {
        summary: 'Run any task',
        description:
          "Hugging Face's task request (`inputs`, `parameters`) for any task, e.g. `text-classification`, " +
          'routed like chat: `model` may carry `:<provider>`, `:fastest`, `:cheapest` or `:preferred`. The ' +
          'answer is the task output; `x-inference-provider` names the provider that served it.',
        tags: ['inference'],
        security: [{ bearerAuth: [] }],
        params: TaskParamsSchema,
        body: TaskRequestSchema,
        response: { 200: TaskResponseSchema, '4xx': OpenAiErrorSchema, '5xx': OpenAiErrorSchema },
      },
      // Authenticate first, so that an anonymous client cannot make the gateway read a large body.
      onRequest: principals.onRequest,
    },
    async (request, reply) => {
      const task = taskOf(request.params.task);
      const { model, inputs, parameters } = request.body;
      if (inputs === undefined) {
        throw new InputError({ message: "The request needs the task's `inputs`.", param: 'inputs' });
      }
      const input = {
        inputs: decodeMediaJson(inputs, 'inputs'),
        ...(parameters !== undefined ? { parameters: decodeMediaJson(parameters, 'parameters') } : {}),
      };
      const { output } = await executeRoutedTask({
        kernel,
        request,
        reply,
        ...principals.of(request),
        task,
        clientParams: {},
        model,
        input,
        signal: clientAbortSignal(reply.raw),
      });
      return encodeMediaJson(output);
    },
  );
};
