/** Runs one non-streaming task through the kernel for a Fastify route, and says which provider served it. */
import type { BilledOrganization, CompletedExecution, Kernel, Principal } from '@tollgate/core';
import { InputError, type TaskId } from '@tollgate/provider-spec';
import type { FastifyReply, FastifyRequest } from 'fastify';

export interface RoutedTaskArgs {
  readonly kernel: Kernel;
  readonly request: FastifyRequest;
  readonly reply: FastifyReply;
  readonly principal: Principal;
  /** The organization paying (`X-HF-Bill-To`); absent when the caller pays. */
  readonly billTo?: BilledOrganization | undefined;
  readonly task: TaskId;
  /** The caller's model reference, routing suffix included (`:fal-ai`, `:cheapest`). */
  readonly model: string;
  /** The task's public input shape (`@tollgate/provider-spec`). */
  readonly input: unknown;
  /** Aborted when the client goes away (`clientAbortSignal(reply.raw)`); the upstream call is aborted with it. */
  readonly signal: AbortSignal;
  /**
   * The client's names for task input fields a plugin may name in an `InputError` (`inputs` -> `input`);
   * `parameters.<name>` becomes `<name>` unless listed here.
   */
  readonly clientParams?: Readonly<Record<string, string>>;
}

/** A plugin names the task input's field; the client should hear the name of the field it sent. */
function inClientTerms(error: unknown, clientParams: Readonly<Record<string, string>>): unknown {
  if (!InputError.isInstance(error) || error.param === undefined) return error;
  const param = clientParams[error.param] ?? error.param.replace(/^parameters\./, '');
  if (param === error.param) return error;
  return new InputError({ message: error.message, param, code: error.code, cause: error });
}

/**
 * Routing, failover, polling of queued providers, metering and settlement are the kernel's; this sets
 * `x-inference-provider` on the reply, logs what was served, and hands back the task output.
 *
 * @example
 * const { output } = await executeRoutedTask({ kernel, request, reply, principal, task: 'feature-extraction',
 *   model: 'BAAI/bge-base-en-v1.5:together', input: { inputs: ['a', 'b'] }, signal: clientAbortSignal(reply.raw) });
 */
export async function executeRoutedTask(args: RoutedTaskArgs): Promise<CompletedExecution> {
  const { kernel, request, reply, principal, billTo, task, model, input, signal, clientParams = {} } = args;
  const result = await kernel.executor
    .execute({ task, model, input, principal, ...(billTo ? { billTo } : {}), requestId: request.id, signal })
    .catch((error: unknown) => {
      throw inClientTerms(error, clientParams);
    });
  reply.header('x-inference-provider', result.route.providerId);
  if (result.kind !== 'complete') {
    // Only chat handlers stream; a task handler that did is a plugin bug. Stop the upstream stream and say so.
    await result.batches[Symbol.asyncIterator]().return?.();
    throw new Error(
      `Provider '${result.route.providerId}' streamed task '${task}', which this route does not.`,
    );
  }
  // The usage's bigint has no JSON form; the cost is logged as a string.
  const { reportedCostNanoUsd: _reported, ...units } = result.usage;
  request.log.info(
    {
      provider: result.route.providerId,
      task,
      model: result.route.hfModelId,
      usage: units,
      costNanoUsd: result.costNanoUsd?.toString(),
      billing: result.billing,
    },
    'Task served',
  );
  return result;
}
