import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { findBox } from '../media/iso-box-reader.test-helpers.js';
import { createProviderSimulator } from '../simulator/create-provider-simulator.js';
import type { ProviderSimulator } from '../simulator/simulator-types.js';

interface TaskResult {
  task: { task_id: string; status: string; reason: string; progress_percent: number };
  videos: { video_url: string; video_url_ttl: string; video_type: string }[];
}

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['novita'] });
});
afterAll(() => simulator.close());
beforeEach(() => simulator.clearFaults());

const headers = { authorization: 'Bearer sim-novita-key', 'content-type': 'application/json' };

async function submit(
  body: unknown,
  model = 'wan-t2v',
): Promise<{ status: number; body: Record<string, unknown> }> {
  const response = await fetch(`${simulator.baseUrlFor('novita')}/v3/async/${model}`, {
    method: 'POST',
    headers,
    body: JSON.stringify(body),
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function taskResult(taskId: string): Promise<{ status: number; body: TaskResult }> {
  const url = `${simulator.baseUrlFor('novita')}/v3/async/task-result?task_id=${encodeURIComponent(taskId)}`;
  const response = await fetch(url, { headers });
  return { status: response.status, body: (await response.json()) as TaskResult };
}

async function untilDone(taskId: string): Promise<TaskResult[]> {
  const seen: TaskResult[] = [];
  for (let attempt = 0; attempt < 100; attempt += 1) {
    const { body } = await taskResult(taskId);
    seen.push(body);
    if (body.task.status === 'TASK_STATUS_SUCCEED' || body.task.status === 'TASK_STATUS_FAILED') return seen;
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error('the task never finished');
}

describe('novita async video', () => {
  it('answers a task_id, then reports the task through to a 5-second MP4 at the asked size', async () => {
    const submitted = await submit({ prompt: 'A fox in the snow', width: 480, height: 832, steps: 20 });
    expect(submitted.status).toBe(200);
    expect(Object.keys(submitted.body)).toEqual(['task_id']);
    const taskId = submitted.body.task_id as string;

    const states = await untilDone(taskId);
    const done = states.at(-1)!;
    expect(done.task).toMatchObject({
      task_id: taskId,
      status: 'TASK_STATUS_SUCCEED',
      progress_percent: 100,
    });
    expect(done.videos[0]).toMatchObject({ video_url_ttl: '3600', video_type: 'mp4' });

    const file = new Uint8Array(await (await fetch(done.videos[0]!.video_url)).arrayBuffer());
    const mvhd = findBox(file, ['moov', 'mvhd']).payload;
    expect(mvhd.getUint32(16) / mvhd.getUint32(12)).toBe(5);
    const tkhd = findBox(file, ['moov', 'trak', 'tkhd']).payload;
    // tkhd v0: width and height are 16.16 fixed point at the end of the box.
    expect([tkhd.getUint32(76) >>> 16, tkhd.getUint32(80) >>> 16]).toEqual([480, 832]);
  });

  it('fails the task with the fault message under a job-failure fault', async () => {
    simulator.injectFault('novita', { kind: 'job-failure', message: 'Prompt rejected', times: 1 });
    const taskId = (await submit({ prompt: 'A fox' })).body.task_id as string;
    const done = (await untilDone(taskId)).at(-1)!;
    expect(done.task).toMatchObject({ status: 'TASK_STATUS_FAILED', reason: 'Prompt rejected' });
    expect(done.videos).toEqual([]);
  });

  it("refuses bad input, unknown models and unknown tasks in Novita's error shape", async () => {
    expect(await submit({ prompt: 'x', width: 1024, height: 1024 })).toMatchObject({
      status: 400,
      body: { code: 400, reason: 'INVALID_REQUEST_BODY', metadata: {} },
    });
    expect((await submit({ prompt: '' })).status).toBe(400);
    expect((await submit({ prompt: 'x', steps: 60 })).status).toBe(400);
    expect(await submit({ prompt: 'x' }, 'no-such-model')).toMatchObject({
      status: 404,
      body: { reason: 'MODEL_NOT_FOUND' },
    });
    expect(await taskResult('00000000-0000-4000-8000-000000000000')).toMatchObject({
      status: 404,
      body: { code: 404, reason: 'TASK_NOT_FOUND' },
    });
  });

  it('still serves chat beside the video routes', async () => {
    const response = await fetch(`${simulator.baseUrlFor('novita')}/v3/openai/chat/completions`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        model: 'meta-llama/llama-3.3-70b-instruct',
        messages: [{ role: 'user', content: 'Hi' }],
      }),
    });
    expect(response.status).toBe(200);
  });
});
