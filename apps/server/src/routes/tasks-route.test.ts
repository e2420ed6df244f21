import { encodePng } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';
import { pngSize, postJson } from './task-api.test-helpers.js';

const SST2 = 'distilbert/distilbert-base-uncased-finetuned-sst-2-english';

describe('POST /v1/tasks/{task}', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ plugins: TASK_PLUGINS });
  });
  afterAll(async () => {
    await test?.close();
  });

  it('classifies a text through hf-inference, chosen by the router when no provider is named', async () => {
    for (const model of [`${SST2}:hf-inference`, SST2]) {
      const response = await postJson(test, '/v1/tasks/text-classification', {
        model,
        inputs: 'The harbour at dawn is lovely.',
        parameters: { top_k: 2 },
        options: { wait_for_model: true },
      });
      expect(response.status).toBe(200);
      expect(response.headers.get('x-inference-provider')).toBe('hf-inference');
      const classes = (await response.json()) as { label: string; score: number }[];
      expect(classes).toHaveLength(2);
      for (const { label, score } of classes) {
        expect(typeof label).toBe('string');
        expect(score).toBeGreaterThanOrEqual(0);
        expect(score).toBeLessThanOrEqual(1);
      }
      expect(classes[0]!.score).toBeGreaterThanOrEqual(classes[1]!.score);
    }
  });

  it('classifies an image sent as base64 bytes', async () => {
    const png = encodePng({ width: 32, height: 24, seed: 'gull' });
    const response = await postJson(test, '/v1/tasks/image-classification', {
      model: 'google/vit-base-patch16-224:hf-inference',
      inputs: { kind: 'bytes', base64: Buffer.from(png).toString('base64'), contentType: 'image/png' },
    });
    expect(response.status).toBe(200);
    const classes = (await response.json()) as { label: string; score: number }[];
    expect(classes.length).toBeGreaterThan(0);
    expect(test.simulator.calls.at(-1)).toMatchObject({ providerId: 'hf-inference' });
  });

  it('answers a generated image with its bytes as base64, or its URL', async () => {
    const response = await postJson(test, '/v1/tasks/text-to-image', {
      model: 'black-forest-labs/FLUX.1-schnell:fal-ai',
      inputs: 'A harbour at dawn',
      parameters: { width: 256, height: 192 },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('fal-ai');
    const { images } = (await response.json()) as {
      images: ({ kind: 'bytes'; base64: string } | { kind: 'url'; url: string })[];
    };
    expect(images.length).toBeGreaterThan(0);
    const image = images[0]!;
    const bytes =
      image.kind === 'bytes'
        ? Buffer.from(image.base64, 'base64')
        : Buffer.from(await (await fetch(image.url)).arrayBuffer());
    expect(pngSize(bytes)).toEqual({ width: 256, height: 192 });
  });

  it('refuses what it cannot route with a clear 400, and an anonymous caller with 401', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['/v1/tasks/not-a-task', { model: SST2, inputs: 'x' }, /Unknown task 'not-a-task'/],
      ['/v1/tasks/conversational', { model: SST2, inputs: 'x' }, /POST \/v1\/chat\/completions/],
      ['/v1/tasks/text-classification', { model: SST2 }, /inputs/],
      [
        '/v1/tasks/text-classification',
        { model: SST2, inputs: 'x', stream: true },
        /additional properties: 'stream'/,
      ],
      [
        '/v1/tasks/image-classification',
        {
          model: 'google/vit-base-patch16-224',
          inputs: { kind: 'bytes', base64: '%%%', contentType: 'image/png' },
        },
        /inputs\.base64 must be the file's bytes in base64/,
      ],
      ['/v1/tasks/fill-mask', { model: SST2, inputs: 'The [MASK] is calm.' }, /fill-mask/],
    ];
    for (const [path, body, message] of cases) {
      const response = await postJson(test, path, body);
      expect(response.status, path).toBe(400);
      const { error } = (await response.json()) as { error: { message: string } };
      expect(error.message).toMatch(message);
    }
    const anonymous = await test.request('/v1/tasks/text-classification', {
      method: 'POST',
      body: JSON.stringify({ model: SST2, inputs: 'x' }),
      headers: { 'content-type': 'application/json', authorization: '' },
    });
    expect(anonymous.status).toBe(401);
  });
});
