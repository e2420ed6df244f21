/** What an operator may configure per provider (config file or environment), on top of the plugin's defaults. */
import type { ModelMetadataV1, ProviderBillingApiV1, RateCardV1, TaskId } from '@tollgate/provider-spec';

export interface ConfiguredModelMapping {
  readonly hfModelId: string;
  readonly providerModelId: string;
  /** Defaults to `conversational`. */
  readonly task?: TaskId;
  readonly status?: 'live' | 'staging' | 'error';
  readonly metadata?: ModelMetadataV1;
}

export interface ProviderConfig {
  /** Overrides the plugin's base URL (also `TOLLGATE_PROVIDER_<ID>_BASE_URL`). */
  readonly baseUrl?: string;
  /** The provider key; usually given by the provider's conventional environment variable instead. */
  readonly apiKey?: string;
  /** False takes the provider out of routing without uninstalling its plugin. */
  readonly enabled?: boolean;
  /** Extra model mappings, merged over the plugin's built-in ones. */
  readonly models?: readonly ConfiguredModelMapping[];
  /** Extra or overriding rate cards, keyed by provider model id. */
  readonly rates?: Readonly<Record<string, RateCardV1>>;
  /**
   * The organization whose members register the provider's mappings and see its staging ones; default from
   * `DEFAULT_PROVIDER_ORGANIZATIONS` (Hugging Face's table, e.g. `fal` for `fal-ai`).
   */
  readonly organization?: string;
  /**
   * Where the provider reports each request's true cost later (decision 0021), over the plugin's own declaration;
   * `false` turns the plugin's off (its requests are charged their metered cost).
   */
  readonly billingApi?: ProviderBillingApiV1 | false;
}

export type ProvidersConfig = Readonly<Record<string, ProviderConfig>>;
