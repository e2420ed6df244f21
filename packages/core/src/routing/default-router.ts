/**
 * The router: an explicit `model:provider` suffix pins the provider; otherwise every live mapping this gateway can
 * call and the account has not disabled (and every staging one the caller's organizations may test) is a candidate, in the order of the policy (the suffix, else the account's
 * default): `:fastest` by measured output speed, `:cheapest` by output price, `:preferred` by the account's order.
 * Candidates the prober found unhealthy go last whatever the policy: tried only when the healthy ones failed.
 */
import { RoutingError, type TaskId } from '@tollgate/provider-spec';
import {
  DEFAULT_INFERENCE_PROVIDER_SETTINGS,
  type InferenceProviderSettings,
} from '../account-settings/inference-provider-settings.js';
import { providerDisabledError } from '../account-settings/provider-disabled-error.js';
import { CatalogAudience } from '../catalog/catalog-audience.js';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import type { ModelCatalog } from '../catalog/model-catalog.js';
import { type PerformanceView, unmeasuredPerformance } from '../performance/measured-performance.js';
import type { PricingService } from '../pricing/pricing-service.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import { parseModelReference, type RoutingPolicy } from './parse-model-reference.js';
import type { RoutePlan, RouteRequest, Router } from './router.js';

/** Ascending numbers first, undefined last; a stable sort keeps ties in catalog order. */
function byRank(
  entries: readonly CatalogEntry[],
  rank: (entry: CatalogEntry) => number | bigint | undefined,
) {
  const ranked = entries.map((entry, index) => ({ entry, index, rank: rank(entry) }));
  ranked.sort((left, right) => {
    if (left.rank === undefined || right.rank === undefined) {
      if (left.rank === right.rank) return left.index - right.index;
      return left.rank === undefined ? 1 : -1;
    }
    return left.rank < right.rank ? -1 : left.rank > right.rank ? 1 : left.index - right.index;
  });
  return ranked.map(({ entry }) => entry);
}

const noOwnKeys: ReadonlySet<string> = new Set();

const DISABLED_BY_ACCOUNT = 'disabled in your inference provider settings';

export class DefaultRouter implements Router {
  constructor(
    private readonly registry: ProviderRegistry,
    private readonly catalog: ModelCatalog,
    private readonly pricing: PricingService,
    private readonly settings: ReadonlyMap<string, ProviderRuntimeSettings>,
    private readonly performance: PerformanceView = unmeasuredPerformance,
  ) {}

  plan({
    model,
    task,
    settings = DEFAULT_INFERENCE_PROVIDER_SETTINGS,
    audience = CatalogAudience.public,
    ownKeyProviders = noOwnKeys,
  }: RouteRequest): RoutePlan {
    const unavailableReason = (providerId: string) => this.unavailableReason(providerId, ownKeyProviders);
    const reference = parseModelReference(model);
    const { hfModelId } = reference;
    // Live mappings, and the staging ones of providers whose organization the caller belongs to.
    const live = this.catalog.entriesFor(hfModelId, task).filter((entry) => audience.canUse(entry));

    if (reference.kind === 'provider') {
      const { providerId } = reference;
      if (!this.registry.has(providerId)) {
        // Hugging Face's wording, lower-case first letter included.
        throw new RoutingError({
          message: `the provider you attempted to explicitly specify '${providerId}' is not a valid provider.`,
        });
      }
      if (settings.disabledProviders.includes(providerId)) throw providerDisabledError(providerId);
      const entry = live.find((candidate) => candidate.providerId === providerId);
      if (!entry) {
        throw new RoutingError({
          message: `The requested model '${hfModelId}' is not supported by provider '${providerId}' for task '${task}'.`,
        });
      }
      const unavailable = unavailableReason(providerId);
      if (unavailable)
        throw new RoutingError({
          message: `Provider '${providerId}' cannot be used: ${unavailable}.`,
          code: 'provider_unavailable',
        });
      return { hfModelId, pinned: true, candidates: [{ entry }] };
    }

    const available = live.filter(
      (entry) =>
        unavailableReason(entry.providerId) === undefined &&
        !settings.disabledProviders.includes(entry.providerId),
    );
    if (available.length === 0) {
      throw new RoutingError({
        message: this.noProviderMessage(hfModelId, task, live, settings, audience),
      });
    }
    const policy = reference.kind === 'policy' ? reference.policy : settings.defaultPolicy;
    const ordered = this.healthyFirst(this.order(available, policy, settings));
    return { hfModelId, pinned: false, policy, candidates: ordered.map((entry) => ({ entry })) };
  }

  private order(
    entries: readonly CatalogEntry[],
    policy: RoutingPolicy,
    settings: InferenceProviderSettings,
  ): readonly CatalogEntry[] {
    if (entries.length < 2) return entries;
    switch (policy) {
      case 'cheapest':
        return byRank(entries, (entry) =>
          this.pricing.outputPricePerMillionTokens(entry.providerId, entry.providerModelId),
        );
      case 'preferred': {
        const position = new Map(settings.providerOrder.map((providerId, index) => [providerId, index]));
        return byRank(entries, (entry) => position.get(entry.providerId));
      }
      case 'fastest':
        // Highest output speed first: rank by its negation. Unmeasured mappings follow, in catalog order.
        return byRank(entries, (entry) => {
          const speed = this.performance.of(entry.providerId, entry.providerModelId)?.outputTokensPerSecond;
          return speed === undefined ? undefined : -speed;
        });
    }
  }

  /** The prober's unhealthy verdicts move a candidate to the end, never out: it may still be the only one that works. */
  private healthyFirst(entries: readonly CatalogEntry[]): readonly CatalogEntry[] {
    const unhealthy = entries.filter(
      (entry) => this.performance.of(entry.providerId, entry.providerModelId)?.health === 'unhealthy',
    );
    if (unhealthy.length === 0 || unhealthy.length === entries.length) return entries;
    return [...entries.filter((entry) => !unhealthy.includes(entry)), ...unhealthy];
  }

  /** A caller's own key stands in for a missing gateway key; a provider the operator disabled stays disabled. */
  private unavailableReason(
    providerId: string,
    ownKeyProviders: ReadonlySet<string> = noOwnKeys,
  ): string | undefined {
    const settings = this.settings.get(providerId);
    if (!settings) return 'it is not configured';
    if (!settings.enabled) return 'it is disabled on this gateway';
    return ownKeyProviders.has(providerId) ? undefined : settings.unavailableReason;
  }

  private noProviderMessage(
    hfModelId: string,
    task: TaskId,
    live: readonly CatalogEntry[],
    settings: InferenceProviderSettings,
    audience: CatalogAudience,
  ): string {
    if (live.length === 0) {
      // A staging mapping the caller may not see must not show through the message either.
      const known = this.catalog
        .entriesFor(hfModelId)
        .some((entry) => entry.status !== 'staging' || audience.seesStagingOf(entry.providerId));
      if (known) {
        return `The requested model '${hfModelId}' does not support task '${task}' on any provider.`;
      }
      return `The requested model '${hfModelId}' is not supported by any provider you have enabled.`;
    }
    const reasons = live.map(
      (entry) =>
        `${entry.providerId}: ${this.unavailableReason(entry.providerId) ?? (settings.disabledProviders.includes(entry.providerId) ? DISABLED_BY_ACCOUNT : 'unavailable')}`,
    );
    return `The requested model '${hfModelId}' is not supported by any provider you have enabled (${reasons.join('; ')}).`;
  }
}
