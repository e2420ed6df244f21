// Test helpers: recorded-format hf-inference answers and the call context a handler receives.
import { readFileSync } from 'node:fs';
import type { CallContextV1, UpstreamResponseV1 } from '@tollgate/provider-spec';
import { encodePng } from '@tollgate/provider-test-kit';

/** A recorded answer from `src/__fixtures__/hf-inference-<scenario>.json` (status, lower-cased headers, body). */
export function fixture(scenario: string): UpstreamResponseV1 {
  const url = new URL(`./__fixtures__/hf-inference-${scenario}.json`, import.meta.url);
  return JSON.parse(readFileSync(url, 'utf8')) as UpstreamResponseV1;
}

/** The context the host passes for `providerModelId` (hf-inference maps every model to its own Hub id). */
export function contextFor(providerModelId: string): CallContextV1 {
  return { requestId: 'req-1', providerId: 'hf-inference', hfModelId: providerModelId, providerModelId };
}

/** A real PNG of the given size (the kit's encoder), for image inputs and answers in tests. */
export function tinyPng(width = 2, height = 2): Uint8Array {
  return encodePng({ width, height, seed: `${width}x${height}` });
}
