import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['zai-org'] });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.clearFaults());

const headers = {
  authorization: 'Bearer sim-zai-org-key',
  'content-type': 'application/json',
  'x-source-channel': 'hugging_face',
  'accept-language': 'en-US,en',
};

async function submit(body: unknown): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simulator.baseUrlFor('zai-org')}/api/paas/v4/async/images/generations`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function untilDone(id: string): Promise<Record<string, unknown>> {
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const response = await fetch(`${simulator.baseUrlFor('zai-org')}/api/paas/v4/async-result/${id}`, {
      headers,
    });
    const body = (await response.json()) as Record<string, unknown>;
    if (body.task_status !== 'PROCESSING') return body;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the task never finished');
}

describe('zai-org async images', () => {
  it('answers a PROCESSING task, then a SUCCESS result whose URL serves a PNG of the asked size', async () => {
    const submitted = await submit({ model: 'glm-image', prompt: 'A kitten', size: '1088x1472' });
    expect(submitted.status).toBe(200);
    expect(submitted.body).toMatchObject({ model: 'glm-image', task_status: 'PROCESSING' });
    expect(submitted.body.request_id).toMatch(/^\d{14}[0-9a-f]{16}$/);
    const done = await untilDone(submitted.body.id as string);
    expect(done).toMatchObject({
      model: 'glm-image',
      task_status: 'SUCCESS',
      request_id: submitted.body.request_id,
    });
    const url = (done.image_result as { url: string }[])[0]!.url;
    const png = Buffer.from(await (await fetch(url)).arrayBuffer());
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1088, 1472]);
  });

  it('ends the task FAIL, with no image, under a job-failure fault', async () => {
    simulator.injectFault('zai-org', { kind: 'job-failure', times: 1 });
    const submitted = await submit({ model: 'glm-image', prompt: 'A kitten' });
    const done = await untilDone(submitted.body.id as string);
    expect(done).toMatchObject({ task_status: 'FAIL' });
    expect(done).not.toHaveProperty('image_result');
  });

  it('refuses what Z.ai refuses, with its business codes', async () => {
    const code = async (body: unknown) => {
      const answer = await submit(body);
      return [answer.status, (answer.body.error as { code: string }).code];
    };
    expect(await code({ model: 'glm-image', prompt: 'x', size: '1000x1000' })).toEqual([400, '1214']);
    expect(await code({ model: 'glm-image', prompt: 'x', size: '2048x2560' })).toEqual([400, '1214']);
    expect(await code({ model: 'glm-image', prompt: '' })).toEqual([400, '1214']);
    expect(await code({ model: 'cogview-4-250304', prompt: 'x' })).toEqual([400, '1214']);
    expect(await code({ model: 'glm-9-image', prompt: 'x' })).toEqual([400, '1211']);
    const unknown = await fetch(`${simulator.baseUrlFor('zai-org')}/api/paas/v4/async-result/123-456`, {
      headers,
    });
    expect(unknown.status).toBe(400);
  });
});
