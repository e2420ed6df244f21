/**
 * `/{provider}/{provider's own path}`: a provider's API passed through as Hugging Face's router serves it. The
 * kernel's native executor checks the model mapping, swaps in the provider key, forwards and meters; this
 * writes the provider's answer back (JSON, bytes or an event stream) with the gateway's headers.
 */
import type { BilledOrganization, Kernel, Principal } from '@tollgate/core';
import type { NativeBodyV1, NativeRequestV1 } from '@tollgate/provider-spec';
import type { Logger } from 'pino';
import { writeSseStream } from '../http/write-sse-stream.js';
import { forwardableHeaders } from './forwardable-headers.js';
import type { InferenceExchange } from './inference-exchange.js';
import { PLACEHOLDER_COST_HEADER } from './placeholder-cost-header.js';
import { sendJson } from './send-json.js';

export interface NativeTarget {
  readonly providerId: string;
  /** After `/{providerId}`, starting with `/`. */
  readonly path: string;
  readonly query: Readonly<Record<string, string>>;
}

export interface ServeNativeCallArgs {
  readonly kernel: Kernel;
  readonly logger: Logger;
  readonly exchange: InferenceExchange;
  readonly principal: Principal;
  /** The organization paying (`X-HF-Bill-To`); absent when the caller pays. */
  readonly billTo?: BilledOrganization | undefined;
  readonly target: NativeTarget;
  readonly body: NativeBodyV1;
}

/**
 * Resolves once the answer is complete; rejects, before anything was sent, with the error to answer.
 *
 * @example
 * await serveNativeCall({ kernel, logger, exchange, principal, target: { providerId: 'groq', path, query }, body });
 */
export async function serveNativeCall({
  kernel,
  logger,
  exchange,
  principal,
  billTo,
  target,
  body,
}: ServeNativeCallArgs): Promise<void> {
  const { request, response, requestId, signal, headers } = exchange;
  const result = await kernel.native.execute({
    providerId: target.providerId,
    method: request.method as NativeRequestV1['method'],
    path: target.path,
    query: target.query,
    headers: forwardableHeaders(request.headers),
    body,
    principal,
    ...(billTo ? { billTo } : {}),
    requestId,
    signal,
  });
  headers['x-inference-provider'] = result.route.providerId;
  if (result.providerCost === 'pending') headers[PLACEHOLDER_COST_HEADER] = 'placeholder';
  if (result.kind === 'stream') {
    await writeSseStream({
      response,
      batches: result.batches,
      signal,
      headers,
      onUnexpectedError: (error) =>
        logger.error({ requestId, err: error }, 'Native stream failed unexpectedly'),
    });
    return;
  }
  const answer = result.response;
  if (result.bodyKind === 'bytes') {
    const bytes = answer.body as Uint8Array;
    headers['content-type'] = answer.headers['content-type'] ?? 'application/octet-stream';
    headers['content-length'] = bytes.byteLength;
    response.writeHead(answer.status, headers);
    response.end(bytes);
    return;
  }
  sendJson(response, answer.status, headers, JSON.stringify(answer.body));
}
