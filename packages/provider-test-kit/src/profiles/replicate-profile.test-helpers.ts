// Plain-fetch helpers for the Replicate profile's tests.
import type { ProviderSimulator } from '../simulator/simulator-types.js';

export const WHISPER = 'openai/whisper:8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e';
export const KOKORO = 'jaaari/kokoro-82m:f559560eb822dc509045f3921a1921234918b91739db4bf3daab2169b71c7a13';

export interface Prediction {
  id: string;
  model: string;
  version: string;
  input: Record<string, unknown>;
  output: unknown;
  status: string;
  error: string | null;
  logs: string;
  created_at: string;
  started_at?: string;
  completed_at?: string;
  urls: { get: string; cancel: string; web: string };
  metrics?: { predict_time: number; total_time: number; image_count?: number };
}

export async function replicateCall(
  simulator: ProviderSimulator,
  method: 'GET' | 'POST',
  path: string,
  options: { body?: unknown; prefer?: string; key?: string | null } = {},
): Promise<Response> {
  const key = options.key === undefined ? simulator.apiKeyFor('replicate') : options.key;
  const headers: Record<string, string> = {};
  if (key !== null) headers.authorization = `Bearer ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (options.prefer !== undefined) headers.prefer = options.prefer;
  const url = path.startsWith('http') ? path : `${simulator.baseUrlFor('replicate')}${path}`;
  return fetch(url, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

export async function createOfficial(
  simulator: ProviderSimulator,
  model: string,
  input: Record<string, unknown>,
  prefer?: string,
): Promise<Prediction> {
  const response = await replicateCall(simulator, 'POST', `/v1/models/${model}/predictions`, {
    body: { input },
    ...(prefer === undefined ? {} : { prefer }),
  });
  if (response.status !== 201)
    throw new Error(`create answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as Prediction;
}

export async function bytesOf(url: string): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  const response = await fetch(url);
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    contentType: response.headers.get('content-type'),
  };
}
