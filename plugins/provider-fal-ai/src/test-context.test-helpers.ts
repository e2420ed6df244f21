// A call context for handler tests, and recorded-format fal answers read from __fixtures__.
import { readFileSync } from 'node:fs';
import type { CallContextV1 } from '@tollgate/provider-spec';

export function callContext(hfModelId: string, providerModelId: string): CallContextV1 {
  return { requestId: 'req-1', providerId: 'fal-ai', hfModelId, providerModelId };
}

export function fixture(name: string): Record<string, unknown> {
  return JSON.parse(readFileSync(new URL(`./__fixtures__/${name}.json`, import.meta.url), 'utf8')) as Record<
    string,
    unknown
  >;
}

/** An upstream answer as the host hands it to `mapResponse`. */
export function answer(body: unknown, headers: Record<string, string> = {}) {
  return { status: 200, headers, body };
}
