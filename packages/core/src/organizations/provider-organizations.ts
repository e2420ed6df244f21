/**
 * Which Hub organization speaks for each provider: its members register the provider's mappings (write or admin
 * role) and see its staging mappings (any role). Data, not code: the table below holds the public facts, and an
 * operator overrides or extends it with `providers.<id>.organization`.
 */
import type { ProvidersConfig } from '../settings/provider-config.js';

/**
 * Provider id -> Hub organization name, as Hugging Face's clients list them (`PROVIDERS_HUB_ORGS` in
 * `@huggingface/inference` 4.13; Hyperbolic and SambaNova from the versions before their July 2026 removal).
 * A provider missing here speaks through an organization named like itself.
 */
export const DEFAULT_PROVIDER_ORGANIZATIONS: Readonly<Record<string, string>> = Object.freeze({
  baseten: 'baseten',
  cerebras: 'cerebras',
  cohere: 'CohereLabs',
  deepinfra: 'DeepInfra',
  'fal-ai': 'fal',
  'featherless-ai': 'featherless-ai',
  'fireworks-ai': 'fireworks-ai',
  groq: 'groq',
  'hf-inference': 'hf-inference',
  hyperbolic: 'Hyperbolic',
  novita: 'novita',
  nscale: 'nscale',
  openai: 'openai',
  ovhcloud: 'ovhcloud',
  publicai: 'publicai',
  replicate: 'replicate',
  sambanova: 'sambanovasystems',
  scaleway: 'scaleway',
  together: 'togethercomputer',
  wavespeed: 'wavespeed',
  'zai-org': 'zai-org',
});

export class ProviderOrganizations {
  private readonly table: ReadonlyMap<string, string>;

  /**
   * @example
   * const organizations = new ProviderOrganizations({ groq: { organization: 'groq-staff' } });
   * organizations.organizationOf('fal-ai'); // 'fal'
   * organizations.organizationOf('groq'); // 'groq-staff'
   */
  constructor(providers: ProvidersConfig = {}, defaults = DEFAULT_PROVIDER_ORGANIZATIONS) {
    const table = new Map(Object.entries(defaults));
    for (const [providerId, config] of Object.entries(providers)) {
      if (config.organization !== undefined) table.set(providerId, config.organization);
    }
    this.table = table;
  }

  /** The organization whose members act for `providerId`. */
  organizationOf(providerId: string): string {
    return this.table.get(providerId) ?? providerId;
  }

  /**
   * True when the provider's organization publishes the model (`zai-org` serving `zai-org/GLM-4.6`, `cohere` serving
   * `CohereLabs/...`): Hugging Face's `isModelAuthor` / `is_model_author`. Hub names compare without case, as the
   * Hub resolves them.
   */
  isModelAuthor(providerId: string, hfModelId: string): boolean {
    const slash = hfModelId.indexOf('/');
    if (slash <= 0) return false;
    return hfModelId.slice(0, slash).toLowerCase() === this.organizationOf(providerId).toLowerCase();
  }
}
