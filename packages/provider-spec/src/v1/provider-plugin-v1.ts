/** The manifest a provider plugin package default-exports. */
import type { ModelMappingV1 } from './model-mapping-v1.js';
import type { NativeRouteV1 } from './native-route-v1.js';
import type { PluginSettingsV1 } from './plugin-settings-v1.js';
import type { ProviderBillingApiV1 } from './provider-billing-api-v1.js';
import type { RateSourceV1 } from './rate-source-v1.js';
import type { TaskHandlerV1 } from './task-handler-v1.js';
import type { TaskId } from './task-id.js';

/**
 * `integrated`: the exact cost is known (reported by the provider or computed from exact usage).
 * `estimated`: the cost is estimated on the high side, and the provider is blocked once included credits run out.
 */
export type BillingModeV1 = 'integrated' | 'estimated';

export interface ProviderPluginDefinitionV1 {
  readonly specificationVersion: 'v1';
  /** The Hugging Face provider id, kebab-case (`groq`, `fal-ai`, `hf-inference`). */
  readonly id: string;
  readonly displayName: string;
  /** The plugin package's own version. */
  readonly version: string;
  /** The semver range of `@tollgate/provider-spec` this plugin was built for, e.g. `^0.1.0`. */
  readonly compatibility: string;
  readonly settings: PluginSettingsV1;
  readonly tasks: Readonly<Partial<Record<TaskId, TaskHandlerV1>>>;
  readonly models: readonly ModelMappingV1[];
  readonly rates: RateSourceV1;
  readonly billing: BillingModeV1;
  /** The provider's own API as the gateway passes it through at `/{id}/...`; absent: no native routes. */
  readonly nativeRoutes?: readonly NativeRouteV1[];
  /**
   * Where the provider reports each request's true cost after the fact; absent: the cost metered from the answer is
   * final. Needs `billing: 'integrated'`.
   */
  readonly billingApi?: ProviderBillingApiV1;
}

declare const brand: unique symbol;

/** A manifest that went through {@link defineProviderPlugin}: validated, branded and frozen. */
export type ProviderPluginV1 = ProviderPluginDefinitionV1 & { readonly [brand]: true };
