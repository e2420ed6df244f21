/**
 * Issue 3's proof through the providers' own APIs, as Hugging Face's router serves them and its client calls
 * them: against `tollgate serve --sandbox` as a real process, an image from fal-ai (queue submission, status
 * polling, result) and from Replicate (a prediction with `Prefer: wait`), an embedding, a text classification
 * and a transcription from hf-inference, an image from Nscale's OpenAI-style images API, and a transcription
 * uploaded to Together's OpenAI-style API by the official `openai` SDK. The same answers through the unified API
 * are in openai-sdk.tasks.
 */
import { encodeWav } from '@tollgate/provider-test-kit';
import OpenAI, { toFile } from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type SandboxGateway, startSandboxGateway } from '../support/sandbox-gateway.js';

let gateway: SandboxGateway;
beforeAll(async () => {
  gateway = await startSandboxGateway();
});
afterAll(async () => {
  await gateway?.stop();
});

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function call(
  path: string,
  init: { method?: string; body?: unknown; bytes?: Uint8Array; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { authorization: `Bearer ${gateway.token}`, ...init.headers };
  let body: string | Uint8Array | undefined;
  if (init.bytes) {
    headers['content-type'] = 'audio/wav';
    body = init.bytes;
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  return fetch(`${gateway.url}${path}`, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body });
}

async function expectPng(url: string): Promise<void> {
  const bytes = new Uint8Array(await (await fetch(url)).arrayBuffer());
  expect([...bytes.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
}

describe('native routes in sandbox mode', () => {
  it('returns a fal-ai image through its queue: submit, poll the status, fetch the result', async () => {
    const submitted = await call('/fal-ai/fal-ai/flux/dev?_subdomain=queue', {
      body: { prompt: 'A lighthouse at dawn', image_size: { width: 512, height: 512 } },
    });
    expect(submitted.status).toBe(200);
    expect(submitted.headers.get('x-inference-provider')).toBe('fal-ai');
    const { response_url: responseUrl } = (await submitted.json()) as { response_url: string };
    // As Hugging Face's client does: the path of `response_url` on the router, with the query kept.
    const resultPath = new URL(responseUrl).pathname;
    let status = '';
    for (let attempt = 0; attempt < 100 && status !== 'COMPLETED'; attempt += 1) {
      const polled = await call(`${resultPath}/status?_subdomain=queue`);
      expect([200, 202]).toContain(polled.status);
      status = ((await polled.json()) as { status: string }).status;
      if (status !== 'COMPLETED') await new Promise((resolve) => setTimeout(resolve, 20));
    }
    expect(status).toBe('COMPLETED');
    const result = await call(`${resultPath}?_subdomain=queue`);
    expect(result.status).toBe(200);
    const { images } = (await result.json()) as { images: { url: string }[] };
    await expectPng(images[0]!.url);
  });

  it('returns a Replicate image from a prediction that waits for its output', async () => {
    const response = await call('/replicate/v1/models/black-forest-labs/flux-schnell/predictions', {
      body: { input: { prompt: 'A lighthouse at dawn' } },
      headers: { prefer: 'wait' },
    });
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get('x-inference-provider')).toBe('replicate');
    let prediction = (await response.json()) as {
      id: string;
      status: string;
      output: string | string[] | null;
    };
    for (let attempt = 0; attempt < 100 && prediction.status !== 'succeeded'; attempt += 1) {
      await new Promise((resolve) => setTimeout(resolve, 20));
      prediction = (await (
        await call(`/replicate/v1/predictions/${prediction.id}`)
      ).json()) as typeof prediction;
    }
    expect(prediction.status).toBe('succeeded');
    const output = Array.isArray(prediction.output) ? prediction.output[0]! : prediction.output!;
    await expectPng(output);
  });

  it('returns an hf-inference embedding of the model’s dimension', async () => {
    const response = await call(
      '/hf-inference/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
      { body: { inputs: 'A lighthouse keeper counts ships.' } },
    );
    expect(response.status).toBe(200);
    const vector = (await response.json()) as number[];
    expect(vector).toHaveLength(384);
  });

  it('returns an hf-inference text classification', async () => {
    const response = await call(
      '/hf-inference/models/distilbert/distilbert-base-uncased-finetuned-sst-2-english',
      {
        body: { inputs: 'What a wonderful toll gate.' },
      },
    );
    expect(response.status).toBe(200);
    const labels = ((await response.json()) as { label: string; score: number }[][]).flat();
    expect(labels.map((entry) => entry.label).sort()).toEqual(['NEGATIVE', 'POSITIVE']);
  });

  it('transcribes a raw WAV upload through hf-inference', async () => {
    const response = await call('/hf-inference/models/openai/whisper-large-v3', {
      bytes: encodeWav({ durationMs: 1500, seed: 3 }),
    });
    expect(response.status).toBe(200);
    expect(((await response.json()) as { text: string }).text.length).toBeGreaterThan(0);
  });

  it('returns an Nscale image from its own /v1/images/generations, as base64 of a real PNG', async () => {
    const response = await call('/nscale/v1/images/generations', {
      body: {
        model: 'black-forest-labs/FLUX.1-schnell',
        prompt: 'A lighthouse at dawn',
        size: '320x192',
        response_format: 'b64_json',
      },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('nscale');
    const { data } = (await response.json()) as { data: { b64_json: string }[] };
    const png = Buffer.from(data[0]!.b64_json, 'base64');
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE);
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 192]);
  });

  it("transcribes a multipart upload sent by the openai SDK to Together's own /v1/audio/transcriptions", async () => {
    // The SDK pointed at the router's Together prefix, as a client of Together's own API would be.
    const together = new OpenAI({
      baseURL: `${gateway.url}/together/v1`,
      apiKey: gateway.token,
      maxRetries: 0,
    });
    const wav = encodeWav({ durationMs: 2000, seed: 5 });
    const { data, response } = await together.audio.transcriptions
      .create({
        file: await toFile(Buffer.from(wav), 'harbour.wav', { type: 'audio/wav' }),
        model: 'openai/whisper-large-v3',
      })
      .withResponse();
    expect(response.headers.get('x-inference-provider')).toBe('together');
    // Two seconds at the simulator's pace of 2.5 words a second.
    expect(data.text.trim().split(/\s+/)).toHaveLength(5);
  });

  it('refuses a transcription upload for a model the provider does not map, or a body that is not a form', async () => {
    const form = new FormData();
    form.append('file', new Blob([encodeWav({ durationMs: 500, seed: 6 })], { type: 'audio/wav' }), 'a.wav');
    form.append('model', 'openai/not-a-whisper');
    const unmapped = await fetch(`${gateway.url}/together/v1/audio/transcriptions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${gateway.token}` },
      body: form,
    });
    expect(unmapped.status).toBe(400);
    expect(((await unmapped.json()) as { error: { message: string } }).error.message).toContain(
      'Model not supported by provider together',
    );
    const notAForm = await call('/together/v1/audio/transcriptions', {
      body: { model: 'openai/whisper-large-v3', file: 'audio.wav' },
    });
    expect(notAForm.status).toBe(400);
    expect(((await notAForm.json()) as { error: { message: string } }).error.message).toContain(
      'multipart/form-data',
    );
  });

  it('refuses a model the provider does not map, as Hugging Face does', async () => {
    const response = await call('/fal-ai/fal-ai/not-a-model?_subdomain=queue', { body: { prompt: 'x' } });
    expect(response.status).toBe(400);
    expect(((await response.json()) as { error: { message: string } }).error.message).toContain(
      'Model not supported by provider fal-ai',
    );
  });
});
