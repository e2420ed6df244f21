import type { QueuedTaskHandlerV1, TextToImageInputV1 } from '@tollgate/provider-spec';
import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { falAiTasks } from './fal-ai-tasks.js';
import { answer, callContext, fixture } from './test-context.test-helpers.js';

const handler = falAiTasks['text-to-image'] as QueuedTaskHandlerV1<TextToImageInputV1>;
const context = callContext('black-forest-labs/FLUX.1-dev', 'fal-ai/flux/dev');
const input: TextToImageInputV1 = {
  inputs: 'A lighthouse at dawn',
  parameters: { width: 1024, height: 768, num_inference_steps: 28, guidance_scale: 3.5, seed: 42 },
};

function submitted() {
  const started = handler.start.mapResponse({
    input,
    context,
    response: answer(fixture('fal-ai-queue-submitted')),
  });
  if (!('operation' in started)) throw new Error('expected an operation');
  return started.operation;
}

describe('fal text-to-image', () => {
  it('submits the prompt and FLUX arguments to the queue', () => {
    expect(handler.start.mapRequest({ input, context })).toMatchInlineSnapshot(`
      {
        "body": {
          "kind": "json",
          "value": {
            "guidance_scale": 3.5,
            "image_size": {
              "height": 768,
              "width": 1024,
            },
            "num_inference_steps": 28,
            "prompt": "A lighthouse at dawn",
            "seed": 42,
          },
        },
        "expect": "json",
        "method": "POST",
        "path": "/fal-ai/flux/dev",
        "query": {
          "_subdomain": "queue",
        },
      }
    `);
  });

  it('polls the status URL, then fetches the result from the response URL once COMPLETED', () => {
    const operation = submitted();
    expect(handler.status.mapRequest({ input, context, operation }).absoluteUrl).toBe(
      'https://queue.fal.run/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b/status',
    );
    const running = handler.status.mapResponse({
      input,
      context,
      operation,
      response: { ...answer(fixture('fal-ai-queue-in-progress')), status: 202 },
    });
    expect(running).toEqual({ state: 'pending', pollAfterMs: 500 });

    const done = handler.status.mapResponse({
      input,
      context,
      operation,
      response: answer(fixture('fal-ai-queue-completed')),
    });
    if (done.state !== 'pending' || done.operation === undefined)
      throw new Error('expected the result phase');
    expect(handler.status.mapRequest({ input, context, operation: done.operation }).absoluteUrl).toBe(
      'https://queue.fal.run/fal-ai/flux/requests/764cabcf-b745-4b3e-ae38-1200304cf45b',
    );

    const result = handler.status.mapResponse({
      input,
      context,
      operation: done.operation,
      response: answer(fixture('fal-ai-flux-dev-result'), { 'x-fal-billable-units': '1' }),
    });
    expect(result).toEqual({
      state: 'completed',
      result: {
        output: {
          images: [
            {
              kind: 'url',
              url: 'https://v3.fal.media/files/penguin/Zb1YBQ1v2b8VxX0mEj7kK_4b1d6b2e0a7f4c2f9a3e2d1c0b9a8f7e.jpg',
              contentType: 'image/jpeg',
            },
          ],
        },
        usage: { milliMegapixels: 1000 },
      },
    });
  });

  it('meters the returned image sizes, rounded up to megapixels, when fal sends no billable units', () => {
    const operation = { ...submitted(), state: { ...submitted().state, phase: 'result' } };
    const body = {
      images: [
        { url: 'https://v3.fal.media/a.jpg', width: 1536, height: 1024 },
        { url: 'https://v3.fal.media/b.jpg', width: 1024, height: 768 },
      ],
    };
    const result = handler.status.mapResponse({ input, context, operation, response: answer(body) });
    expect(result.state === 'completed' && result.result.usage).toEqual({ milliMegapixels: 3000 });
  });

  it('ends a request that completed with an error in the failed state', () => {
    const status = handler.status.mapResponse({
      input,
      context,
      operation: submitted(),
      response: answer(fixture('fal-ai-queue-completed-error')),
    });
    expect(status).toEqual({ state: 'failed', message: 'Request timed out (request_timeout)' });
  });

  it("sends a LoRA mapping's weights as loras, on fal's LoRA endpoint", () => {
    const lora = callContext('openfree/flux-chatgpt-ghibli-lora', 'fal-ai/flux-lora');
    const request = handler.start.mapRequest({ input: { inputs: 'A ghibli harbour' }, context: lora });
    expect(request.path).toBe('/fal-ai/flux-lora');
    expect(request.body).toEqual({
      kind: 'json',
      value: {
        prompt: 'A ghibli harbour',
        loras: [
          {
            path: 'https://huggingface.co/openfree/flux-chatgpt-ghibli-lora/resolve/main/flux-chatgpt-ghibli-lora.safetensors',
            scale: 1,
          },
        ],
      },
    });
  });

  it('refuses an empty prompt or half an image size before anything is queued', () => {
    expect(() => handler.start.mapRequest({ input: { inputs: ' ' }, context })).toThrow(InputError);
    expect(() =>
      handler.start.mapRequest({ input: { inputs: 'x', parameters: { width: 512 } }, context }),
    ).toThrow(/both width and height/);
  });

  it('takes an output that came back at once (a host that ran the call synchronously) as the result', () => {
    const started = handler.start.mapResponse({
      input,
      context,
      response: answer(fixture('fal-ai-flux-dev-result')),
    });
    expect(started).toMatchObject({ result: { usage: { milliMegapixels: 1000 } } });
  });
});
