/**
 * An account's inference provider settings, as on Hugging Face's settings/inference-providers page: the policy
 * for a model named without a suffix, the order of preference `:preferred` follows, and the providers it never
 * wants to be routed to. Every write goes through `normalizeInferenceProviderSettings`, so every store keeps the
 * same, valid shape.
 */
import { InputError } from '@tollgate/provider-spec';
import { ROUTING_POLICIES, type RoutingPolicy } from '../routing/parse-model-reference.js';

export interface InferenceProviderSettings {
  /** What a model without a suffix is routed by. */
  readonly defaultPolicy: RoutingPolicy;
  /** Provider ids, most preferred first; providers left out follow in the catalog's order. */
  readonly providerOrder: readonly string[];
  /** Provider ids this account is never routed to, not even when it names them. */
  readonly disabledProviders: readonly string[];
}

/** What an account that never saved settings gets: Hugging Face's defaults. */
export const DEFAULT_INFERENCE_PROVIDER_SETTINGS: InferenceProviderSettings = Object.freeze({
  defaultPolicy: 'fastest',
  providerOrder: Object.freeze([]),
  disabledProviders: Object.freeze([]),
});

/** Provider ids are Hugging Face's: lower-case words joined by single hyphens (`fal-ai`, `hf-inference`). */
const PROVIDER_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Far more than there are providers; a bound keeps a stored row small. */
export const MAX_PROVIDERS_PER_SETTING = 100;

function providerList(value: unknown, param: string): string[] {
  if (!Array.isArray(value)) {
    throw new InputError({ message: `\`${param}\` must be an array of provider ids.`, param });
  }
  if (value.length > MAX_PROVIDERS_PER_SETTING) {
    throw new InputError({
      message: `\`${param}\` lists ${value.length} providers; at most ${MAX_PROVIDERS_PER_SETTING} are allowed.`,
      param,
    });
  }
  const seen = new Set<string>();
  for (const [index, id] of value.entries()) {
    if (typeof id !== 'string' || !PROVIDER_ID.test(id)) {
      throw new InputError({
        message: `\`${param}[${index}]\` is not a provider id (lower-case words joined by hyphens, e.g. \`fal-ai\`): ${JSON.stringify(id)}.`,
        param: `${param}.${index}`,
      });
    }
    // A provider named twice is named once, at its first place: that is what the caller meant by the order.
    seen.add(id);
  }
  return [...seen];
}

/**
 * Checks and normalises settings before they are stored (duplicates dropped, first place kept); throws
 * `InputError` naming the field at fault.
 *
 * @example
 * normalizeInferenceProviderSettings({ defaultPolicy: 'cheapest', providerOrder: ['groq', 'groq'], disabledProviders: [] });
 * // { defaultPolicy: 'cheapest', providerOrder: ['groq'], disabledProviders: [] }
 */
export function normalizeInferenceProviderSettings(
  input: InferenceProviderSettings,
): InferenceProviderSettings {
  if (!(ROUTING_POLICIES as readonly unknown[]).includes(input.defaultPolicy)) {
    throw new InputError({
      message: `\`defaultPolicy\` must be one of ${ROUTING_POLICIES.map((policy) => `'${policy}'`).join(', ')}, not ${JSON.stringify(input.defaultPolicy)}.`,
      param: 'defaultPolicy',
      code: 'invalid_policy',
    });
  }
  return Object.freeze({
    defaultPolicy: input.defaultPolicy,
    providerOrder: Object.freeze(providerList(input.providerOrder, 'providerOrder')),
    disabledProviders: Object.freeze(providerList(input.disabledProviders, 'disabledProviders')),
  });
}
