/** Checks a provider billing API declaration (`ProviderBillingApiV1`), for manifests and operators' configuration. */
import type { ProviderBillingApiV1 } from './v1/provider-billing-api-v1.js';

/** Hugging Face sends at most this many request ids per billing call. */
export const MAX_BILLING_API_BATCH = 10_000;
/** A request the provider has not priced this long after it ended is not charged (Hugging Face: about 30 minutes). */
export const PROVIDER_COST_DEADLINE_MS = 30 * 60 * 1000;

const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]+$/;
const PATH = /^\/[^\s?#]*$/;

/**
 * Every problem with `billingApi`, each prefixed with `name`; empty when it is valid.
 *
 * @example
 * validateProviderBillingApi({ url: '/v1/billing', requestIdHeader: 'Inference-Id' }, 'billingApi'); // []
 */
export function validateProviderBillingApi(billingApi: ProviderBillingApiV1, name: string): string[] {
  if (billingApi == null || typeof billingApi !== 'object') return [`${name} must be an object when present`];
  const problems: string[] = [];
  const { url, requestIdHeader, delayMs } = billingApi;
  if (typeof url !== 'string' || !(PATH.test(url) || isHttpUrl(url))) {
    problems.push(`${name}.url must be a path such as '/v1/billing/requests' or an http(s) URL`);
  }
  if (typeof requestIdHeader !== 'string' || !HEADER_NAME.test(requestIdHeader)) {
    problems.push(`${name}.requestIdHeader must be a header name such as 'Inference-Id'`);
  }
  if (
    delayMs !== undefined &&
    (typeof delayMs !== 'number' ||
      !Number.isInteger(delayMs) ||
      delayMs < 0 ||
      delayMs >= PROVIDER_COST_DEADLINE_MS)
  ) {
    problems.push(`${name}.delayMs must be a whole number of milliseconds below the 30-minute deadline`);
  }
  return problems;
}

function isHttpUrl(text: string): boolean {
  if (!/^https?:\/\//.test(text)) return false;
  try {
    new URL(text);
    return true;
  } catch {
    return false;
  }
}
