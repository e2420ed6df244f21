/** The request that puts a model call on fal's queue. */
import type { UpstreamRequestV1 } from '@tollgate/provider-spec';

/**
 * `POST /{model}?_subdomain=queue` with the model's arguments as JSON. fal serves its queue on a sub-host
 * (`queue.fal.run`) and its synchronous API on the apex (`fal.run`); the plugin has one base URL (`https://fal.run`),
 * so a queued call names the queue the way Hugging Face's router does, with `_subdomain=queue`. The host turns
 * that into `https://queue.fal.run/{model}` on fal's own host and keeps it as a parameter behind a router or a
 * simulator (`http://127.0.0.1:4010/fal-ai/{model}?_subdomain=queue`), which serve both from one prefix.
 *
 * @example
 * buildFalQueueSubmission('fal-ai/flux/dev', { prompt: 'A lighthouse at dawn' });
 * // { method: 'POST', path: '/fal-ai/flux/dev', query: { _subdomain: 'queue' }, body: { kind: 'json', value: { prompt: ... } }, expect: 'json' }
 */
export function buildFalQueueSubmission(
  providerModelId: string,
  modelArguments: Readonly<Record<string, unknown>>,
): UpstreamRequestV1 {
  return {
    method: 'POST',
    path: `/${providerModelId.replace(/^\/+/, '')}`,
    query: { _subdomain: 'queue' },
    body: { kind: 'json', value: modelArguments },
    expect: 'json',
  };
}
