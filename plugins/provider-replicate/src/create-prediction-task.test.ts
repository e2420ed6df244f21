import { UpstreamApiError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { createPredictionTask } from './create-prediction-task.js';
import { readTranscriptionOutput } from './read-transcription-output.js';
import { callContext, fixture } from './test-context.test-helpers.js';

const model = 'openai/whisper:8099696689d249cf8b122d833c36ac3f75505c666a395ca40ef26f68e7d3d16e';
const handler = createPredictionTask({
  rates: {
    asOf: '2026-12-01',
    sourceUrl: 'https://replicate.com/pricing',
    currency: 'USD',
    models: { [model]: { perComputeSecond: '0.000225' } },
  },
  buildInput: (input: { inputs: { kind: 'url'; url: string } }) => ({ audio: input.inputs.url }),
  readOutput: readTranscriptionOutput,
});
const input = { inputs: { kind: 'url' as const, url: 'https://example.com/a.wav' } };
const context = callContext('openai/whisper-large-v3', model);
const respond = (body: unknown) => ({ status: 201, headers: { 'content-type': 'application/json' }, body });

describe('a Replicate prediction task', () => {
  it('creates the prediction with Prefer: wait', () => {
    expect(handler.start.mapRequest({ input, context })).toMatchObject({
      method: 'POST',
      path: '/v1/predictions',
      headers: { prefer: 'wait' },
      body: {
        kind: 'json',
        value: { version: model.split(':')[1], input: { audio: 'https://example.com/a.wav' } },
      },
    });
  });

  it('returns the result at once when the prediction finished within the wait', () => {
    const started = handler.start.mapResponse({
      input,
      context,
      response: respond(fixture('replicate-whisper-succeeded')),
    });
    expect(started).toEqual({
      result: {
        output: {
          text: 'The birch canoe slid on the smooth planks. Glue the sheet to the dark blue background.',
        },
        usage: { computeMilliseconds: 8903 },
      },
    });
  });

  it('returns the prediction to poll, at its urls.get link, when it is still running', () => {
    const started = handler.start.mapResponse({
      input,
      context,
      response: respond(fixture('replicate-whisper-processing')),
    });
    expect(started).toEqual({
      operation: {
        id: '4bzv3trbxdeyon73ve6itzvycq',
        state: {
          getUrl: 'https://api.replicate.com/v1/predictions/4bzv3trbxdeyon73ve6itzvycq',
          cancelUrl: 'https://api.replicate.com/v1/predictions/4bzv3trbxdeyon73ve6itzvycq/cancel',
        },
        pollAfterMs: 1000,
      },
    });
    if (!('operation' in started)) throw new Error('expected an operation');
    expect(handler.status.mapRequest({ input, context, operation: started.operation })).toMatchObject({
      method: 'GET',
      absoluteUrl: 'https://api.replicate.com/v1/predictions/4bzv3trbxdeyon73ve6itzvycq',
    });
  });

  it('raises a non-retryable upstream error when the wait ends in failure', () => {
    const fail = () =>
      handler.start.mapResponse({ input, context, response: respond(fixture('replicate-failed')) });
    expect(fail).toThrow(UpstreamApiError);
    expect(fail).toThrow(/num_frames must be between 81 and 121/);
    try {
      fail();
    } catch (error) {
      expect(UpstreamApiError.isInstance(error) && error.isRetryable).toBe(false);
    }
  });

  it('maps each polled state: running is pending, succeeded completes, failed and canceled fail', () => {
    const operation = { id: '4bzv3trbxdeyon73ve6itzvycq', state: { getUrl: '' } };
    const poll = (body: unknown) =>
      handler.status.mapResponse({ input, context, operation, response: respond(body) });
    expect(poll(fixture('replicate-whisper-processing'))).toEqual({ state: 'pending', pollAfterMs: 1000 });
    expect(poll({ ...fixture('replicate-whisper-processing'), status: 'starting' })).toMatchObject({
      state: 'pending',
    });
    expect(poll(fixture('replicate-whisper-succeeded'))).toMatchObject({
      state: 'completed',
      result: { usage: { computeMilliseconds: 8903 } },
    });
    expect(poll(fixture('replicate-failed'))).toEqual({
      state: 'failed',
      message: 'num_frames must be between 81 and 121',
    });
    expect(poll({ ...fixture('replicate-whisper-processing'), status: 'canceled' })).toMatchObject({
      state: 'failed',
      message: expect.stringMatching(/canceled/),
    });
  });
});
