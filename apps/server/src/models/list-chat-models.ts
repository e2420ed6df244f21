/**
 * The chat models this gateway can route, in the shape of Hugging Face's `/v1/models`: OpenAI model objects
 * with a `providers` array (status, context length, prices per million tokens, capabilities, measured speed).
 * What the gateway measured wins over what plugins declare: a mapping the prober found unhealthy is `error`, and a
 * capability the prober checked is reported as found.
 */
import {
  CatalogAudience,
  type CatalogEntry,
  type MeasuredPerformance,
  type ModelCatalog,
  nanoToUsd,
  type PerformanceView,
  type PricingService,
  ProviderOrganizations,
  type ProviderRuntimeSettings,
  unmeasuredPerformance,
} from '@tollgate/core';
import type { ModelInfo, ModelProviderInfo } from './model-schema.js';

export interface ListChatModelsArgs {
  readonly catalog: ModelCatalog;
  /** What requests are charged (`coreTokens.chargedPricing`), not the bare rate cards. */
  readonly pricing: PricingService;
  readonly settings: ReadonlyMap<string, ProviderRuntimeSettings>;
  /** The `created` timestamp to report (the catalog does not know when models were published). */
  readonly created: number;
  /** Measured speed, health and capabilities; default: nothing measured. */
  readonly performance?: PerformanceView;
  /** Whose staging mappings are listed (as `staging`); default: nobody's. */
  readonly audience?: CatalogAudience;
  /** Which organization speaks for each provider, for `is_model_author`; default: the built-in table. */
  readonly organizations?: ProviderOrganizations;
}

/** A provider is listed only when the router could use it: configured, enabled, with a key if it needs one. */
function isRoutable(settings: ProviderRuntimeSettings | undefined): boolean {
  return settings?.enabled === true && settings.unavailableReason === undefined;
}

/** Per million tokens in USD, as Hugging Face lists them; exact for any price of nine decimals or fewer. */
function pricingOf(pricing: PricingService, entry: CatalogEntry): ModelProviderInfo['pricing'] {
  const input = pricing.inputPricePerMillionTokens(entry.providerId, entry.providerModelId);
  const output = pricing.outputPricePerMillionTokens(entry.providerId, entry.providerModelId);
  if (input === undefined && output === undefined) return undefined;
  return {
    ...(input !== undefined ? { input: Number(nanoToUsd(input)) } : {}),
    ...(output !== undefined ? { output: Number(nanoToUsd(output)) } : {}),
  };
}

function providerInfo(
  pricing: PricingService,
  organizations: ProviderOrganizations,
  entry: CatalogEntry,
  measured: MeasuredPerformance | undefined,
): ModelProviderInfo {
  const metadata = entry.metadata ?? {};
  const prices = pricingOf(pricing, entry);
  const supportsTools = measured?.supportsTools ?? metadata.supportsTools;
  const supportsStructuredOutput = measured?.supportsStructuredOutput ?? metadata.supportsStructuredOutput;
  const latency = measured?.firstTokenLatencyMs;
  const throughput = measured?.outputTokensPerSecond;
  return {
    provider: entry.providerId,
    status:
      entry.status === 'staging'
        ? 'staging'
        : entry.status === 'live' && measured?.health !== 'unhealthy'
          ? 'live'
          : 'error',
    ...(metadata.contextLength !== undefined ? { context_length: metadata.contextLength } : {}),
    ...(prices ? { pricing: prices } : {}),
    ...(supportsTools !== undefined ? { supports_tools: supportsTools } : {}),
    ...(supportsStructuredOutput !== undefined
      ? { supports_structured_output: supportsStructuredOutput }
      : {}),
    ...(latency !== undefined ? { first_token_latency_ms: Math.round(latency) } : {}),
    ...(throughput !== undefined ? { throughput: Math.round(throughput * 100) / 100 } : {}),
    is_model_author: organizations.isModelAuthor(entry.providerId, entry.hfModelId),
  };
}

function architectureOf(entries: readonly CatalogEntry[]): ModelInfo['architecture'] {
  const input = new Set(entries.flatMap((entry) => entry.metadata?.inputModalities ?? []));
  const output = new Set(entries.flatMap((entry) => entry.metadata?.outputModalities ?? []));
  if (input.size === 0 && output.size === 0) return undefined;
  return { input_modalities: [...input], output_modalities: [...output] };
}

/**
 * @example
 * const settings = kernel.providerSettings();
 * const models = listChatModels({ catalog: kernel.catalog, pricing, settings, created });
 * models[0]?.providers[0]?.pricing; // { input: 0.59, output: 0.79 }
 */
export function listChatModels({
  catalog,
  pricing,
  settings,
  created,
  performance = unmeasuredPerformance,
  audience = CatalogAudience.public,
  organizations = new ProviderOrganizations(),
}: ListChatModelsArgs): ModelInfo[] {
  const byModel = new Map<string, CatalogEntry[]>();
  for (const entry of catalog.allEntries()) {
    // Staging mappings are for the provider's own testing: listed only to its organization and admins.
    if (entry.task !== 'conversational') continue;
    if (entry.status === 'staging' && !audience.seesStagingOf(entry.providerId)) continue;
    if (!isRoutable(settings.get(entry.providerId))) continue;
    const entries = byModel.get(entry.hfModelId);
    if (entries) entries.push(entry);
    else byModel.set(entry.hfModelId, [entry]);
  }
  return [...byModel.entries()]
    .sort(([left], [right]) => (left < right ? -1 : left > right ? 1 : 0))
    .map(([id, entries]) => {
      const architecture = architectureOf(entries);
      return {
        id,
        object: 'model',
        created,
        owned_by: id.includes('/') ? id.slice(0, id.indexOf('/')) : 'huggingface',
        ...(architecture ? { architecture } : {}),
        providers: entries.map((entry) =>
          providerInfo(
            pricing,
            organizations,
            entry,
            performance.of(entry.providerId, entry.providerModelId),
          ),
        ),
      };
    });
}
