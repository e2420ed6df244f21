/** The billing API a provider is reconciled through: the operator's configuration over the plugin's declaration. */
import {
  type ProviderBillingApiV1,
  type ProviderPluginV1,
  validateProviderBillingApi,
} from '@tollgate/provider-spec';
import type { ProvidersConfig } from '../settings/provider-config.js';

/**
 * `providers.<id>.billingApi` wins over the plugin's `billingApi`; `false` there turns the plugin's off. Throws on
 * an invalid configured one, so a mistake fails the start.
 *
 * @example
 * billingApiOf(plugin, { 'openai-compatible': { billingApi: { url: '/billing', requestIdHeader: 'Inference-Id' } } });
 */
export function billingApiOf(
  plugin: ProviderPluginV1,
  providers: ProvidersConfig,
): ProviderBillingApiV1 | undefined {
  const configured = providers[plugin.id]?.billingApi;
  if (configured === false) return undefined;
  if (configured === undefined) return plugin.billingApi;
  const problems = validateProviderBillingApi(configured, `providers.${plugin.id}.billingApi`);
  if (problems.length > 0) throw new Error(`Invalid provider configuration:\n  - ${problems.join('\n  - ')}`);
  return configured;
}
