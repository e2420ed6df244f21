/** One call to a provider's billing API: the costs of up to 10,000 of its request ids. */
import { MAX_BILLING_API_BATCH, type ProviderBillingApiV1 } from '@tollgate/provider-spec';
import { callUpstream, type UpstreamTarget } from '@tollgate/provider-utils';
import type { UpstreamCallOptions } from '../execution/upstream-call-options.js';
import { type ParsedProviderCosts, parseProviderCosts } from './parse-provider-costs.js';

export interface FetchProviderCostsArgs {
  /** The provider's inference target: its base URL and the gateway's key, since billing takes the same auth. */
  readonly target: UpstreamTarget;
  readonly billingApi: ProviderBillingApiV1;
  readonly requestIds: readonly string[];
  readonly callOptions?: UpstreamCallOptions;
  readonly signal?: AbortSignal;
}

/**
 * `POST {"requestIds": [...]}` to the billing URL (a path after the base URL, or an absolute URL the plugin or the
 * operator configured). Rejects with the upstream error on a failed call or a body of the wrong shape.
 *
 * @example
 * const { costs } = await fetchProviderCosts({ target, billingApi, requestIds: ['inf-1'] });
 */
export async function fetchProviderCosts(args: FetchProviderCostsArgs): Promise<ParsedProviderCosts> {
  const { target, billingApi, requestIds, callOptions = {} } = args;
  if (requestIds.length > MAX_BILLING_API_BATCH) {
    throw new RangeError(`At most ${MAX_BILLING_API_BATCH} request ids go in one billing call.`);
  }
  const where = billingLocation(target, billingApi.url);
  const response = await callUpstream({
    target: where.target,
    request: {
      method: 'POST',
      path: where.path,
      ...(where.query ? { query: where.query } : {}),
      body: { kind: 'json', value: { requestIds } },
      expect: 'json',
    },
    ...(args.signal ? { signal: args.signal } : {}),
    ...(callOptions.dispatcher ? { dispatcher: callOptions.dispatcher } : {}),
    ...(callOptions.headersTimeoutMs !== undefined ? { headersTimeoutMs: callOptions.headersTimeoutMs } : {}),
    ...(callOptions.bodyTimeoutMs !== undefined ? { bodyTimeoutMs: callOptions.bodyTimeoutMs } : {}),
  });
  return parseProviderCosts(response.body, new Set(requestIds));
}

/** An absolute billing URL is configuration, like a base URL, so it is called as one rather than as a provider link. */
function billingLocation(
  target: UpstreamTarget,
  url: string,
): { target: UpstreamTarget; path: string; query?: Record<string, string> } {
  if (url.startsWith('/')) return { target, path: url };
  const absolute = new URL(url);
  const query = Object.fromEntries(absolute.searchParams);
  return {
    target: { ...target, baseUrl: absolute.origin },
    path: absolute.pathname,
    ...(Object.keys(query).length > 0 ? { query } : {}),
  };
}
