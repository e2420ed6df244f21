import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import { postJson } from './task-api.test-helpers.js';

const MINILM = 'sentence-transformers/all-MiniLM-L6-v2';
const BGE = 'BAAI/bge-base-en-v1.5';

interface EmbeddingList {
  object: string;
  data: { object: string; index: number; embedding: number[] | string }[];
  model: string;
  usage: { prompt_tokens: number; total_tokens: number };
}

function decodeFloat32(base64: string): number[] {
  const bytes = Buffer.from(base64, 'base64');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Array.from({ length: bytes.byteLength / 4 }, (_, index) => view.getFloat32(index * 4, true));
}

describe('POST /v1/embeddings', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({
      plugins: TASK_PLUGINS,
      // Together's embeddings are staging (its answers carry no usage to bill by); an operator maps one live.
      config: {
        providers: {
          together: { models: [{ hfModelId: BGE, providerModelId: BGE, task: 'feature-extraction' }] },
        },
      },
    });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('embeds a list of texts through hf-inference, one float vector per text in order', async () => {
    const response = await postJson(test, '/v1/embeddings', {
      model: `${MINILM}:hf-inference`,
      input: ['The harbour at dawn.', 'A lighthouse keeper counts ships.'],
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('hf-inference');
    const list = (await response.json()) as EmbeddingList;
    expect(list).toMatchObject({ object: 'list', model: MINILM });
    expect(list.data.map((item) => [item.object, item.index])).toEqual([
      ['embedding', 0],
      ['embedding', 1],
    ]);
    const [first, second] = list.data.map((item) => item.embedding as number[]);
    // all-MiniLM-L6-v2 embeds into 384 dimensions; different texts give different vectors.
    expect(first).toHaveLength(384);
    expect(second).toHaveLength(384);
    expect(first).not.toEqual(second);
    // hf-inference bills compute time, not tokens: the cost is still there.
    expect(list.usage).toEqual({ prompt_tokens: 0, total_tokens: 0, cost: expect.any(Number) });
    const upstream = test.simulator.calls.filter((call) => call.providerId === 'hf-inference').at(-1)!;
    expect(upstream.path).toContain(MINILM);
    expect(upstream.body).toMatchObject({
      inputs: ['The harbour at dawn.', 'A lighthouse keeper counts ships.'],
    });
  });

  it('embeds one text through together, as floats or as base64 float32 with the same values', async () => {
    const floats = await postJson(test, '/v1/embeddings', { model: `${BGE}:together`, input: 'Tide tables' });
    expect(floats.status).toBe(200);
    expect(floats.headers.get('x-inference-provider')).toBe('together');
    const asFloats = (await floats.json()) as EmbeddingList;
    const vector = asFloats.data[0]!.embedding as number[];
    expect(vector).toHaveLength(768);
    const upstream = test.simulator.calls.filter((call) => call.providerId === 'together').at(-1)!;
    expect(upstream.path).toBe('/v1/embeddings');
    expect(upstream.body).toEqual({ model: BGE, input: 'Tide tables' });

    const encoded = await postJson(test, '/v1/embeddings', {
      model: `${BGE}:together`,
      input: 'Tide tables',
      encoding_format: 'base64',
    });
    const asBase64 = (await encoded.json()) as EmbeddingList;
    expect(asBase64.model).toBe(BGE);
    const decoded = decodeFloat32(asBase64.data[0]!.embedding as string);
    expect(decoded).toHaveLength(768);
    // The same vector, rounded to float32.
    expect(decoded).toEqual(vector.map((value) => Math.fround(value)));
  });

  it('passes dimensions to the provider and answers its refusal in terms of the request', async () => {
    const together = await postJson(test, '/v1/embeddings', {
      model: `${BGE}:together`,
      input: ['a'],
      dimensions: 256,
    });
    expect(together.status).toBe(200);
    expect(((await together.json()) as EmbeddingList).data[0]!.embedding).toHaveLength(256);
    expect(test.simulator.calls.at(-1)!.body).toMatchObject({ dimensions: 256 });

    const hf = await postJson(test, '/v1/embeddings', {
      model: `${MINILM}:hf-inference`,
      input: 'a',
      dimensions: 8,
    });
    expect(hf.status).toBe(400);
    const { error } = (await hf.json()) as { error: { param: string; message: string } };
    expect(error.param).toBe('dimensions');
    expect(error.message).toContain("takes no 'dimensions'");
  });

  it.each([
    [{ model: MINILM }, 'input', /required property 'input'/],
    [{ input: 'x' }, 'model', /required property 'model'/],
    [{ model: MINILM, input: ['fine', ' '] }, 'input.1', /must contain something to embed/],
    [{ model: MINILM, input: [] }, 'input', /input/],
    [{ model: MINILM, input: [101, 2023] }, 'input', /input/],
    [{ model: MINILM, input: 'x', encoding_format: 'binary' }, 'encoding_format', /allowed values/],
    [{ model: MINILM, input: 'x', dimensions: 0 }, 'dimensions', /dimensions/],
  ])('rejects %j with a 400 naming %s', async (body, param, message) => {
    const calls = test.simulator.calls.length;
    const response = await postJson(test, '/v1/embeddings', body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as { error: { param: string; message: string; type: string } };
    expect(error).toMatchObject({ type: 'invalid_request_error', param });
    expect(error.message).toMatch(message);
    expect(test.simulator.calls.length).toBe(calls);
  });

  it("answers the router's error for a model that does not serve feature-extraction", async () => {
    const chatModel = await postJson(test, '/v1/embeddings', { model: 'openai/gpt-oss-120b', input: 'x' });
    expect(chatModel.status).toBe(400);
    expect(await chatModel.json()).toMatchObject({
      error: {
        code: 'model_not_supported',
        param: 'model',
        message:
          "The requested model 'openai/gpt-oss-120b' does not support task 'feature-extraction' on any provider.",
      },
    });
    const wrongProvider = await postJson(test, '/v1/embeddings', { model: `${MINILM}:groq`, input: 'x' });
    expect(wrongProvider.status).toBe(400);
    expect(((await wrongProvider.json()) as { error: { message: string } }).error.message).toBe(
      `The requested model '${MINILM}' is not supported by provider 'groq' for task 'feature-extraction'.`,
    );
  });

  it('refuses a request without a valid token before routing it', async () => {
    const response = await test.request('/v1/embeddings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer hf_not-a-token' },
      body: JSON.stringify({ model: MINILM, input: 'x' }),
    });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { error: { type: string } }).error.type).toBe('authentication_error');
  });
});
