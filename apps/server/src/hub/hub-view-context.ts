/** The catalog as one caller of the Hub API sees it: its audience (staging mappings) and its settings (order). */
import {
  CatalogAudience,
  coreTokens,
  DEFAULT_INFERENCE_PROVIDER_SETTINGS,
  type Kernel,
  type Principal,
  settingsAccountOf,
} from '@tollgate/core';
import type { HubViewContext } from './hub-model-view.js';

/**
 * @example const context = await hubViewContext(kernel, await optionalPrincipal(kernel, request));
 */
export async function hubViewContext(
  kernel: Kernel,
  principal: Principal | undefined,
): Promise<HubViewContext> {
  const base = {
    catalog: kernel.catalog,
    providerSettings: kernel.providerSettings(),
    organizations: kernel.resolve(coreTokens.providerOrganizations),
  };
  if (principal === undefined)
    return { ...base, audience: CatalogAudience.public, settings: DEFAULT_INFERENCE_PROVIDER_SETTINGS };
  const [audience, settings] = await Promise.all([
    kernel.resolve(coreTokens.catalogAudiences).forPrincipal(principal),
    kernel.inferenceProviderSettings.forAccount(settingsAccountOf(principal)),
  ]);
  return { ...base, audience, settings };
}
