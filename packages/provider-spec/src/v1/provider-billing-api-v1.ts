/**
 * A provider that reports each request's true cost later, through a billing endpoint in Hugging Face's provider
 * billing API (`POST {"requestIds": [...]}` -> `{"requests": [{"requestId", "costNanoUsd"}]}`). The host then records
 * the request at its metered cost as a placeholder and replaces it with the reported cost once the provider knows it.
 */
export interface ProviderBillingApiV1 {
  /**
   * The billing endpoint: a path after the provider's base URL (`/v1/billing/requests`), or an absolute http(s)
   * URL. It is called with the same authentication as inference.
   */
  readonly url: string;
  /** The response header that carries the provider's id of each request (Hugging Face suggests `Inference-Id`). */
  readonly requestIdHeader: string;
  /** How long after a request the provider may still not know its cost, in milliseconds; the host asks after it. */
  readonly delayMs?: number;
}
