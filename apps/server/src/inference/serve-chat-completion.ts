/**
 * `POST /v1/chat/completions` on the lean inference path: routes through the kernel and answers JSON or a
 * server-sent event stream. The caller has authenticated the request and parsed its body.
 */
import { type BilledOrganization, type Kernel, type Principal, withUsageCost } from '@tollgate/core';
import type { UsageV1 } from '@tollgate/provider-spec';
import type { Logger } from 'pino';
import { writeSseStream } from '../http/write-sse-stream.js';
import { checkChatCompletionBody } from './chat-completion-body.js';
import type { InferenceExchange } from './inference-exchange.js';
import { PLACEHOLDER_COST_HEADER } from './placeholder-cost-header.js';
import { sendJson } from './send-json.js';

/** Token counts and cost for the request log; bigint cost as a string, since JSON has no bigint. */
function usageForLog(usage: UsageV1, costNanoUsd: bigint | undefined) {
  return {
    inputTokens: usage.inputTokens,
    outputTokens: usage.outputTokens,
    costNanoUsd: costNanoUsd?.toString(),
  };
}

export interface ServeChatCompletionArgs {
  readonly kernel: Kernel;
  readonly logger: Logger;
  readonly exchange: InferenceExchange;
  readonly principal: Principal;
  /** The organization paying (`X-HF-Bill-To`); absent when the caller pays. */
  readonly billTo?: BilledOrganization | undefined;
  readonly body: unknown;
}

/**
 * Resolves once the answer is complete (the whole stream, for a streamed one). Rejects, before anything was
 * sent, with the error to answer with.
 *
 * @example
 * await serveChatCompletion({ kernel, logger, exchange, principal, body });
 */
export async function serveChatCompletion({
  kernel,
  logger,
  exchange,
  principal,
  billTo,
  body,
}: ServeChatCompletionArgs): Promise<void> {
  const input = checkChatCompletionBody(body);
  const { requestId, signal, headers, response } = exchange;
  const result = await kernel.executor.execute({
    task: 'conversational',
    model: input.model,
    input,
    principal,
    ...(billTo ? { billTo } : {}),
    requestId,
    signal,
  });
  headers['x-inference-provider'] = result.route.providerId;
  // The provider reports the true cost later (decision 0021): usage.cost is the metered placeholder.
  if (result.providerCost === 'pending') headers[PLACEHOLDER_COST_HEADER] = 'placeholder';
  const logsInfo = logger.isLevelEnabled('info');
  if (result.kind === 'complete') {
    const cost = result.chargedNanoUsd ?? result.costNanoUsd;
    const output = cost === undefined ? result.output : withUsageCost(result.output, cost, true);
    sendJson(response, 200, headers, JSON.stringify(output));
    if (logsInfo) {
      logger.info(
        {
          requestId,
          provider: result.route.providerId,
          billing: result.billing,
          ...usageForLog(result.usage, result.costNanoUsd),
        },
        'Chat completion served',
      );
    }
    return;
  }
  const outcome = await writeSseStream({
    response,
    batches: result.batches,
    signal,
    headers,
    onUnexpectedError: (error) => logger.error({ requestId, err: error }, 'Chat stream failed unexpectedly'),
  });
  if (logsInfo) {
    // Not awaited: the response is over, and settlement must not hold the request.
    void result.completion.then((completion) =>
      logger.info(
        {
          requestId,
          provider: result.route.providerId,
          billing: result.billing,
          outcome,
          ...usageForLog(completion.usage, completion.costNanoUsd),
        },
        'Chat stream finished',
      ),
    );
  }
}
