/**
 * The official `@huggingface/inference` client, unmodified, with explicit providers against `tollgate serve
 * --sandbox`: every request it makes to huggingface.co (the Hub mapping lookup) and router.huggingface.co (the
 * provider's own API, fal's queue polling) goes to the gateway by an origin-rewriting fetch. The client polls fal
 * and downloads media with the global fetch, so that is patched for the duration of this file. Then a provider's
 * partner registration: a staging mapping its organization can use and nobody else can see, until it goes live.
 */
import { InferenceClient, InferenceClientHubApiError } from '@huggingface/inference';
import type { Store } from '@tollgate/core';
import { openSqliteStoreInDataDir } from '@tollgate/store-sqlite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUserToken } from '../support/run-cli.js';
import { type SandboxGateway, startSandboxGateway } from '../support/sandbox-gateway.js';

let gateway: SandboxGateway;
let client: InferenceClient;
const originalFetch = globalThis.fetch;
/** Every request the client made, as it addressed it (before the rewrite), with the provider that answered. */
const exchanges: { url: string; provider: string | null; status: number }[] = [];

/** Hugging Face's hosts, as the client has them hard-coded, sent to the gateway instead. */
const rewritingFetch: typeof fetch = async (input, init) => {
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
  const target = url.replace(/^https:\/\/(router\.)?huggingface\.co/, gateway.url);
  const response = await originalFetch(target, input instanceof Request ? new Request(target, input) : init);
  if (target !== url)
    exchanges.push({ url, provider: response.headers.get('x-inference-provider'), status: response.status });
  return response;
};

beforeAll(async () => {
  gateway = await startSandboxGateway();
  globalThis.fetch = rewritingFetch;
  client = new InferenceClient(gateway.token, { fetch: rewritingFetch });
}, 60_000);
afterAll(async () => {
  globalThis.fetch = originalFetch;
  await gateway?.stop();
});

const messages = [{ role: 'user', content: 'Name a lighthouse.' }];
const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** A PNG's width and height from its IHDR chunk, after checking the signature and the chunk's type. */
async function pngSize(image: Blob): Promise<{ width: number; height: number }> {
  const bytes = new Uint8Array(await image.arrayBuffer());
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
  expect(new TextDecoder().decode(bytes.subarray(12, 16))).toBe('IHDR');
  const view = new DataView(bytes.buffer, bytes.byteOffset);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

/** The exchanges of one call, from a mark taken before it. */
const since = (mark: number) => exchanges.slice(mark);

describe('@huggingface/inference with explicit providers', () => {
  it('chatCompletion through together: mapping lookup on the Hub API, then Together’s own chat route', async () => {
    const mark = exchanges.length;
    const answer = await client.chatCompletion({
      provider: 'together',
      model: 'meta-llama/Llama-3.3-70B-Instruct',
      messages,
      max_tokens: 30,
    });
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(answer.model).toBe('meta-llama/Llama-3.3-70B-Instruct-Turbo');
    expect(since(mark)).toEqual([
      {
        url: 'https://huggingface.co/api/models/meta-llama/Llama-3.3-70B-Instruct?expand[]=inferenceProviderMapping',
        provider: null,
        status: 200,
      },
      {
        url: 'https://router.huggingface.co/together/v1/chat/completions',
        provider: 'together',
        status: 200,
      },
    ]);
  });

  it('chatCompletionStream through groq streams from Groq', async () => {
    const mark = exchanges.length;
    let text = '';
    for await (const chunk of client.chatCompletionStream({
      provider: 'groq',
      model: 'openai/gpt-oss-120b',
      messages,
      max_tokens: 30,
    })) {
      text += chunk.choices[0]?.delta?.content ?? '';
    }
    expect(text.length).toBeGreaterThan(0);
    expect(since(mark).at(-1)).toEqual({
      url: 'https://router.huggingface.co/groq/openai/v1/chat/completions',
      provider: 'groq',
      status: 200,
    });
  });

  it('textToImage through fal-ai: queue submission, status polling and result on the router, a real PNG', async () => {
    const mark = exchanges.length;
    const image = await client.textToImage(
      {
        provider: 'fal-ai',
        model: 'black-forest-labs/FLUX.1-dev',
        inputs: 'A lighthouse at dawn',
        parameters: { width: 512, height: 384 },
      },
      { outputType: 'blob' },
    );
    const size = await pngSize(image);
    expect(size.width).toBeGreaterThan(0);
    expect(size.height).toBeGreaterThan(0);
    const urls = since(mark).map(({ url }) => url);
    expect(urls).toContain('https://router.huggingface.co/fal-ai/fal-ai/flux/dev?_subdomain=queue');
    expect(
      urls.some((url) =>
        /^https:\/\/router\.huggingface\.co\/fal-ai\/.+\/status\?_subdomain=queue$/.test(url),
      ),
    ).toBe(true);
    expect(
      since(mark)
        .filter(({ url }) => url.includes('/fal-ai/'))
        .every(({ provider }) => provider === 'fal-ai'),
    ).toBe(true);
  });

  it('textToImage through replicate: a prediction that waits, a real PNG', async () => {
    const mark = exchanges.length;
    const image = await client.textToImage(
      {
        provider: 'replicate',
        model: 'black-forest-labs/FLUX.1-schnell',
        inputs: 'A lighthouse at dawn',
      },
      { outputType: 'blob' },
    );
    expect((await pngSize(image)).width).toBeGreaterThan(0);
    expect(since(mark).at(-1)).toMatchObject({
      url: 'https://router.huggingface.co/replicate/v1/models/black-forest-labs/flux-schnell/predictions',
      provider: 'replicate',
    });
  });

  it('featureExtraction through hf-inference: a 384-dimensional embedding', async () => {
    const mark = exchanges.length;
    const embedding = await client.featureExtraction({
      provider: 'hf-inference',
      model: 'sentence-transformers/all-MiniLM-L6-v2',
      inputs: 'A lighthouse at dawn',
    });
    expect(embedding).toHaveLength(384);
    expect(
      (embedding as number[]).every((value) => typeof value === 'number' && Number.isFinite(value)),
    ).toBe(true);
    expect(since(mark).at(-1)).toMatchObject({
      url: 'https://router.huggingface.co/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
      provider: 'hf-inference',
    });
  });

  it("textClassification through hf-inference: the model's labels with scores", async () => {
    const labels = await client.textClassification({
      provider: 'hf-inference',
      model: 'distilbert/distilbert-base-uncased-finetuned-sst-2-english',
      inputs: 'I love this lighthouse.',
    });
    expect(labels.map(({ label }) => label).sort()).toEqual(['NEGATIVE', 'POSITIVE']);
    for (const { score } of labels) expect(score).toBeGreaterThanOrEqual(0);
    expect(labels.reduce((sum, { score }) => sum + score, 0)).toBeCloseTo(1, 5);
    expect(exchanges.at(-1)?.provider).toBe('hf-inference');
  });
});

describe('a partner-registered staging mapping', () => {
  const tuned = 'acme/llama-3.3-tuned';
  let store: Store;
  let partnerToken: string;

  beforeAll(async () => {
    partnerToken = await createUserToken(gateway.dataDir, 'groq-partner');
    store = openSqliteStoreInDataDir(gateway.dataDir);
    const partner = await store.users.findByName('groq-partner');
    const groq = await store.organizations.create({ name: 'groq' });
    await store.organizations.setMember({ organizationId: groq.id, userId: partner!.id, role: 'write' });
  });
  afterAll(async () => {
    await store?.close();
  });

  const chatAs = (token: string, model: string) =>
    originalFetch(`${gateway.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ model, messages, max_tokens: 20 }),
    });

  it('is routable by the organization, invisible to others, and open to all once live', async () => {
    const registered = await originalFetch(`${gateway.url}/api/partners/groq/models`, {
      method: 'POST',
      headers: { authorization: `Bearer ${partnerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        task: 'conversational',
        hfModel: tuned,
        providerModel: 'llama-3.3-70b-versatile',
      }),
    });
    expect(registered.status).toBe(201);
    const { _id, status } = (await registered.json()) as { _id: string; status: string };
    expect(status).toBe('staging');

    // Others: the client's mapping lookup finds no such model, the Hub API answers 404, the router 400.
    const lookup = await client
      .chatCompletion({ provider: 'groq', model: tuned, messages })
      .catch((error: unknown) => error);
    expect(lookup).toBeInstanceOf(InferenceClientHubApiError);
    expect((lookup as InferenceClientHubApiError).httpResponse.status).toBe(404);
    expect((await chatAs(gateway.token, `${tuned}:groq`)).status).toBe(400);
    const listed = (await (
      await originalFetch(`${gateway.url}/api/models?inference_provider=groq&search=tuned`)
    ).json()) as unknown[];
    expect(listed).toEqual([]);

    // The organization: the unmodified client finds the staging mapping and Groq serves it.
    const partner = new InferenceClient(partnerToken, { fetch: rewritingFetch });
    const answer = await partner.chatCompletion({ provider: 'groq', model: tuned, messages, max_tokens: 20 });
    expect(answer.choices[0]?.message.content?.length).toBeGreaterThan(0);
    expect(exchanges.at(-1)).toMatchObject({ provider: 'groq', status: 200 });
    expect((await chatAs(partnerToken, `${tuned}:groq`)).headers.get('x-inference-provider')).toBe('groq');

    const live = await originalFetch(`${gateway.url}/api/partners/groq/models/${_id}/status`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${partnerToken}`, 'content-type': 'application/json' },
      body: JSON.stringify({ status: 'live' }),
    });
    expect(live.status).toBe(200);
    const seen = await originalFetch(`${gateway.url}/api/models/${tuned}?expand[]=inferenceProviderMapping`);
    expect(await seen.json()).toMatchObject({
      inferenceProviderMapping: { groq: { status: 'live', providerId: 'llama-3.3-70b-versatile' } },
    });
    const served = await chatAs(gateway.token, tuned);
    expect(served.status).toBe(200);
    expect(served.headers.get('x-inference-provider')).toBe('groq');
  });
});
