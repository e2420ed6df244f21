// Plain-fetch helpers for the fal profile's tests.
import type { ProviderSimulator } from '../simulator/simulator-types.js';

export interface FalQueueAnswer {
  status: string;
  request_id: string;
  response_url: string;
  status_url: string;
  cancel_url: string;
  queue_position?: number;
}

export async function falCall(
  simulator: ProviderSimulator,
  method: 'GET' | 'POST' | 'PUT',
  path: string,
  options: { body?: unknown; key?: string | null } = {},
): Promise<Response> {
  const key = options.key === undefined ? simulator.apiKeyFor('fal-ai') : options.key;
  const headers: Record<string, string> = {};
  if (key !== null) headers.authorization = `Key ${key}`;
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  const url = path.startsWith('http') ? path : `${simulator.baseUrlFor('fal-ai')}${path}`;
  return fetch(url, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
  });
}

export async function submitToQueue(
  simulator: ProviderSimulator,
  model: string,
  input: Record<string, unknown>,
): Promise<FalQueueAnswer> {
  const response = await falCall(simulator, 'POST', `/${model}?_subdomain=queue`, { body: input });
  if (response.status !== 200)
    throw new Error(`submit answered ${response.status}: ${await response.text()}`);
  return (await response.json()) as FalQueueAnswer;
}

/** Polls the status URL until COMPLETED, returning every status answer seen (with its HTTP status). */
export async function pollUntilCompleted(
  simulator: ProviderSimulator,
  statusUrl: string,
): Promise<{ code: number; body: Record<string, unknown> }[]> {
  const seen: { code: number; body: Record<string, unknown> }[] = [];
  for (let attempt = 0; attempt < 600; attempt += 1) {
    const response = await falCall(simulator, 'GET', `${statusUrl}?logs=1`);
    const body = (await response.json()) as Record<string, unknown>;
    seen.push({ code: response.status, body });
    if (body.status === 'COMPLETED') return seen;
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error('the request never completed');
}

export async function bytesOf(url: string): Promise<{ bytes: Uint8Array; contentType: string | null }> {
  const response = await fetch(url);
  return {
    bytes: new Uint8Array(await response.arrayBuffer()),
    contentType: response.headers.get('content-type'),
  };
}
