/** Records and checks shared by the store conformance scenarios. */
import { createHash, randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { CatalogMappingInput } from '../catalog-repository.js';
import type { Store } from '../store.js';
import type { TokenRecord } from '../token-repository.js';

/** Returns the store under test; valid only inside a test, after the suite's `beforeEach` ran. */
export type CurrentStore = () => Store;

/** A token record as core would insert it: random id, SHA-256 hex of a random secret. */
export function sampleToken(
  userId: string,
  overrides: Partial<Omit<TokenRecord, 'revokedAt'>> = {},
): Omit<TokenRecord, 'revokedAt'> {
  const secret = `hf_${randomUUID().replaceAll('-', '')}`;
  return {
    id: randomUUID(),
    userId,
    name: 'laptop',
    secretHash: createHash('sha256').update(secret).digest('hex'),
    displayPrefix: secret.slice(0, 7),
    permissions: ['inference.serverless.write'],
    createdAt: new Date().toISOString(),
    ...overrides,
  };
}

/** A live single-model chat mapping from a plugin; `overrides` may turn it into any other input. */
export function sampleMapping(overrides: Partial<CatalogMappingInput> = {}): CatalogMappingInput {
  return {
    type: 'single',
    hfModelId: 'meta-llama/Llama-3.3-70B-Instruct',
    providerId: 'groq',
    providerModelId: 'llama-3.3-70b-versatile',
    task: 'conversational',
    status: 'live',
    origin: 'plugin',
    ...overrides,
  } as CatalogMappingInput;
}

/** A tag filter for LoRA adapters of FLUX.1-dev, as a provider registers it through the partner API. */
export function sampleTagFilter(overrides: Partial<CatalogMappingInput> = {}): CatalogMappingInput {
  return {
    type: 'tag-filter',
    tags: ['base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora'],
    providerId: 'fal-ai',
    providerModelId: 'fal-ai/flux-lora',
    task: 'text-to-image',
    status: 'live',
    origin: 'partner',
    adapter: 'lora',
    ...overrides,
  } as CatalogMappingInput;
}

/** Asserts `value` is an ISO-8601 UTC timestamp as `Date#toISOString` writes it. */
export function expectIsoUtcTimestamp(value: string | null | undefined): void {
  expect(value).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(new Date(value ?? '').toISOString()).toBe(value);
}

/** Sorts by id, so that assertions do not depend on an order the interface leaves open. */
export function byId<T extends { readonly id: string }>(records: readonly T[]): T[] {
  return [...records].sort((left, right) => left.id.localeCompare(right.id));
}
