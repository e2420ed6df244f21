// Plain-fetch helpers for the hf-inference profile's tests.
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';

export function startHfInferenceSimulator(): Promise<ProviderSimulator> {
  return createProviderSimulator({ providers: ['hf-inference'] });
}

export interface HfAnswer {
  readonly status: number;
  readonly headers: Headers;
  readonly json: unknown;
  readonly bytes: Uint8Array;
}

/** POSTs JSON (an object) or a raw file (bytes with its type) to `/hf-inference/models/<path>`. */
export async function hfPost(
  simulator: ProviderSimulator,
  path: string,
  body: unknown,
  options: { contentType?: string; key?: string | null } = {},
): Promise<HfAnswer> {
  const key = options.key === undefined ? simulator.apiKeyFor('hf-inference') : options.key;
  const raw = body instanceof Uint8Array;
  const headers: Record<string, string> = {
    'content-type': options.contentType ?? (raw ? 'application/octet-stream' : 'application/json'),
  };
  if (key !== null) headers.authorization = `Bearer ${key}`;
  const response = await fetch(`${simulator.baseUrlFor('hf-inference')}/models/${path}`, {
    method: 'POST',
    headers,
    body: raw ? body : JSON.stringify(body),
  });
  const bytes = new Uint8Array(await response.arrayBuffer());
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(bytes).toString('utf8'));
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, bytes };
}

export const norm = (vector: readonly number[]) =>
  Math.sqrt(vector.reduce((total, value) => total + value * value, 0));
export const sum = (values: readonly number[]) => values.reduce((total, value) => total + value, 0);
