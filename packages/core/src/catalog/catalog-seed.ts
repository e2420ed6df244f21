/** The mappings this instance brings to the shared catalog: its plugins' built-in maps and the operator's configuration. */
import { InputError } from '@tollgate/provider-spec';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import type { CatalogMappingInput } from '../store/catalog-repository.js';
import { prepareCatalogMapping } from '../store/prepare-catalog-mapping.js';

export interface CatalogSeedMapping {
  readonly input: CatalogMappingInput;
  readonly naturalKey: string;
}

/**
 * One mapping per natural key, for every registered provider: the plugin's (origin `plugin`), replaced by the
 * operator's for the same provider, model and task (origin `config`). Configuration for a provider without a
 * plugin is ignored, as it was before the catalog moved to the store. Throws `InputError` naming the configured
 * mapping that is invalid.
 *
 * @example
 * const seed = catalogSeed(registry, { groq: { models: [{ hfModelId: 'x/y', providerModelId: 'y' }] } });
 */
export function catalogSeed(registry: ProviderRegistry, providers: ProvidersConfig): CatalogSeedMapping[] {
  const byKey = new Map<string, CatalogSeedMapping>();
  const add = (input: CatalogMappingInput, where: string) => {
    let naturalKey: string;
    try {
      naturalKey = prepareCatalogMapping(input).naturalKey;
    } catch (error) {
      if (!InputError.isInstance(error)) throw error;
      throw new InputError({
        message: `${where}: ${error.message}`,
        code: 'invalid_catalog_mapping',
        cause: error,
      });
    }
    byKey.set(naturalKey, { input, naturalKey });
  };
  for (const { plugin } of registry.list()) {
    plugin.models.forEach((mapping, index) => {
      add(
        {
          type: 'single',
          hfModelId: mapping.hfModelId,
          providerId: plugin.id,
          providerModelId: mapping.providerModelId,
          task: mapping.task,
          status: mapping.status,
          origin: 'plugin',
          adapter: mapping.adapter ?? null,
          adapterWeightsPath: mapping.adapterWeightsPath ?? null,
          ...(mapping.metadata ? { metadata: mapping.metadata } : {}),
        },
        `plugin ${plugin.id}, models[${index}]`,
      );
    });
    providers[plugin.id]?.models?.forEach((configured, index) => {
      add(
        {
          type: 'single',
          hfModelId: configured.hfModelId,
          providerId: plugin.id,
          providerModelId: configured.providerModelId,
          task: configured.task ?? 'conversational',
          status: configured.status ?? 'live',
          origin: 'config',
          ...(configured.metadata ? { metadata: configured.metadata } : {}),
        },
        `providers.${plugin.id}.models[${index}]`,
      );
    });
  }
  return [...byKey.values()];
}
