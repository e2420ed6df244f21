/**
 * The official `@huggingface/inference` client, unmodified, against `tollgate serve --sandbox`: its requests to
 * router.huggingface.co and huggingface.co go to the gateway through a `fetch` that rewrites the origin. Automatic
 * routing (`:cheapest`, `:fastest`, `provider: 'auto'`) must pick what the gateway's own `/v1/models` figures say.
 */
import { InferenceClient, InferenceClientProviderApiError } from '@huggingface/inference';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxGateway, startSandboxGateway } from '../support/sandbox-gateway.js';

interface ProviderFigures {
  readonly provider: string;
  readonly status: string;
  readonly pricing?: { readonly output?: number };
  readonly throughput?: number;
}

const gptOss = 'openai/gpt-oss-120b';
const messages = [{ role: 'user', content: 'Which provider is cheapest today?' }];

let gateway: SandboxGateway;
/** `x-inference-provider` of every answer, in order. */
const served: (string | null)[] = [];
let client: InferenceClient;

/** Hugging Face's hosts, as the client has them hard-coded, sent to the gateway instead. */
function toGateway(url: string): string {
  return url.replace(/^https:\/\/(router\.)?huggingface\.co/, gateway.url);
}

beforeAll(async () => {
  gateway = await startSandboxGateway();
  client = new InferenceClient(gateway.token, {
    fetch: async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      const response = await fetch(toGateway(url), init);
      served.push(response.headers.get('x-inference-provider'));
      return response;
    },
  });
}, 60_000);
afterAll(async () => {
  await gateway?.stop();
});

async function providersOf(model: string): Promise<ProviderFigures[]> {
  const response = await fetch(`${gateway.url}/v1/models/${model}`);
  expect(response.status).toBe(200);
  const { providers } = (await response.json()) as { providers: ProviderFigures[] };
  return providers.filter((figures) => figures.status === 'live');
}

/** Lowest output price first; the catalog's order (the listing's) breaks ties; unpriced ones last. */
async function expectedCheapest(model: string, disabled: readonly string[] = []): Promise<string> {
  const priced = (await providersOf(model)).filter(
    (figures) => figures.pricing?.output !== undefined && !disabled.includes(figures.provider),
  );
  const lowest = Math.min(...priced.map((figures) => figures.pricing!.output!));
  return priced.find((figures) => figures.pricing!.output === lowest)!.provider;
}

/** Highest measured throughput first; unmeasured providers after, in the catalog's order. */
async function expectedFastest(model: string): Promise<string> {
  const providers = await providersOf(model);
  const measured = providers.filter((figures) => figures.throughput !== undefined);
  if (measured.length === 0) return providers[0]!.provider;
  return measured.reduce((best, figures) => (figures.throughput! > best.throughput! ? figures : best))
    .provider;
}

/** What the gateway answered, as the client's error carries it (its own message is generic for OpenAI bodies). */
async function refusal(call: Promise<unknown>) {
  const error = await call.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(InferenceClientProviderApiError);
  const { status, body } = (error as InferenceClientProviderApiError).httpResponse;
  return { status, error: (body as { error: { message: string; code: string } }).error };
}

async function putSettings(body: unknown): Promise<void> {
  const response = await fetch(`${gateway.url}/api/settings/inference-providers`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${gateway.token}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  expect(response.status).toBe(200);
}

describe('@huggingface/inference with automatic provider selection', () => {
  it('chatCompletion with `:cheapest` is served by the provider with the lowest output price', async () => {
    const expected = await expectedCheapest(gptOss);
    const answer = await client.chatCompletion({ model: `${gptOss}:cheapest`, messages, max_tokens: 30 });
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(served.at(-1)).toBe(expected);
  });

  it('chatCompletion with `:fastest` and with `provider: "auto"` follow the measured speed', async () => {
    const expected = await expectedFastest(gptOss);
    const answer = await client.chatCompletion({ model: `${gptOss}:fastest`, messages, max_tokens: 30 });
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(served.at(-1)).toBe(expected);

    const auto = await client.chatCompletion({
      provider: 'auto',
      model: gptOss,
      messages,
      max_tokens: 30,
    });
    expect(auto.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(served.at(-1)).toBe(await expectedFastest(gptOss));
  });

  it('chatCompletionStream with `:cheapest` streams from the cheapest provider', async () => {
    const llama = 'meta-llama/Llama-3.3-70B-Instruct';
    const expected = await expectedCheapest(llama);
    let text = '';
    for await (const chunk of client.chatCompletionStream({
      model: `${llama}:cheapest`,
      messages,
      max_tokens: 30,
    })) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text.length).toBeGreaterThan(0);
    expect(served.at(-1)).toBe(expected);
  });

  it("honours the account's settings: a disabled provider is never chosen and cannot be named", async () => {
    const cheapest = await expectedCheapest(gptOss);
    await putSettings({ disabledProviders: [cheapest] });
    try {
      const next = await expectedCheapest(gptOss, [cheapest]);
      await client.chatCompletion({ model: `${gptOss}:cheapest`, messages, max_tokens: 20 });
      expect(served.at(-1)).toBe(next);
      const refused = await refusal(
        client.chatCompletion({ model: `${gptOss}:${cheapest}`, messages, max_tokens: 20 }),
      );
      expect(refused).toMatchObject({ status: 403, error: { code: 'provider_disabled' } });
      expect(refused.error.message).toMatch(/disabled in your inference provider settings/);
    } finally {
      await putSettings({});
    }
  });

  it('rejects an unknown suffix with Hugging Face’s message', async () => {
    expect(await refusal(client.chatCompletion({ model: `${gptOss}:auto`, messages }))).toEqual({
      status: 400,
      error: {
        message: "the provider you attempted to explicitly specify 'auto' is not a valid provider.",
        type: 'invalid_request_error',
        param: 'model',
        code: 'model_not_supported',
      },
    });
  });
});
