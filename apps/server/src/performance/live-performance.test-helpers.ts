/** Shared by the live performance tests: the chat model's provider figures as `/v1/models/{id}` gives them. */
import type { ModelProviderInfo } from '../models/model-schema.js';
import { CHAT_MODEL, type TestGateway } from '../test-gateway.test-helpers.js';

export const messages = [{ role: 'user', content: 'Count the toll gates between here and the coast.' }];

/** Each provider's entry for the chat model, by provider id. */
export async function figuresOf(url: string, model = CHAT_MODEL): Promise<Record<string, ModelProviderInfo>> {
  const response = await fetch(`${url}/v1/models/${model}`);
  if (response.status !== 200) throw new Error(`/v1/models/${model} answered ${response.status}`);
  const { providers } = (await response.json()) as { providers: ModelProviderInfo[] };
  return Object.fromEntries(providers.map((figures) => [figures.provider, figures]));
}

/** Streams one answer to the end and returns the provider that served it. */
export async function streamOnce(test: TestGateway, model: string): Promise<string | null> {
  const response = await test.chat({ model, messages, stream: true, max_tokens: 24 });
  if (response.status !== 200) throw new Error(`chat answered ${response.status}: ${await response.text()}`);
  await response.text();
  return response.headers.get('x-inference-provider');
}
