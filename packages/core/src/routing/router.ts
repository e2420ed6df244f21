/** Chooses, for one request, the providers to try and in which order. */
import type { TaskId } from '@tollgate/provider-spec';
import type { InferenceProviderSettings } from '../account-settings/inference-provider-settings.js';
import type { Principal } from '../auth/principal.js';
import type { CatalogAudience } from '../catalog/catalog-audience.js';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import type { RoutingPolicy } from './parse-model-reference.js';

export interface RouteRequest {
  /** The caller's `model` field, suffix included. */
  readonly model: string;
  readonly task: TaskId;
  readonly principal: Principal;
  /** The account's settings (default policy, provider order, disabled providers); the defaults when absent. */
  readonly settings?: InferenceProviderSettings;
  /** Whose staging mappings the caller may use besides live ones; the public audience (live only) when absent. */
  readonly audience?: CatalogAudience;
  /** Providers the caller routes with a key of their own: routable even when this gateway has no key for them. */
  readonly ownKeyProviders?: ReadonlySet<string>;
}

export interface RouteCandidate {
  readonly entry: CatalogEntry;
}

export interface RoutePlan {
  readonly hfModelId: string;
  /** True when the caller named the provider: no other provider may be used. */
  readonly pinned: boolean;
  /** The policy that ordered the candidates; undefined when pinned. */
  readonly policy?: RoutingPolicy;
  /** In the order they should be tried; never empty (the router throws a RoutingError instead). */
  readonly candidates: readonly RouteCandidate[];
}

export interface Router {
  plan(request: RouteRequest): RoutePlan;
}
