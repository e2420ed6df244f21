import { UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { fixture } from './wavespeed-fixtures.test-helpers.js';
import { parseWavespeedPrediction, predictionFailureMessage } from './wavespeed-prediction.js';

describe('parseWavespeedPrediction', () => {
  it('reads the id, status and result URL of a submitted prediction', () => {
    expect(parseWavespeedPrediction(fixture('submit'))).toEqual({
      id: '4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a',
      status: 'created',
      outputs: [],
      getUrl: 'https://api.wavespeed.ai/api/v3/predictions/4f2b9c0e7d1a4e6b8c3f5a2d9e0b1c7a/result',
      error: undefined,
    });
  });

  it('reads every output URL of a completed prediction', () => {
    const prediction = parseWavespeedPrediction(fixture('completed-images'));
    expect(prediction.status).toBe('completed');
    expect(prediction.outputs).toHaveLength(2);
  });

  it("keeps WaveSpeed's reason for a failed prediction", () => {
    const prediction = parseWavespeedPrediction(fixture('failed'));
    expect(predictionFailureMessage(prediction)).toBe(
      'The content you submitted was flagged by the safety checker.',
    );
  });

  it('names the prediction when a failure comes without a reason', () => {
    const prediction = parseWavespeedPrediction({
      code: 200,
      data: { id: 'p1', status: 'failed', error: '' },
    });
    expect(predictionFailureMessage(prediction)).toBe('prediction p1 failed without a reason');
  });

  it("turns an envelope whose code is not 200 into an upstream API error with WaveSpeed's message", () => {
    const read = () =>
      parseWavespeedPrediction({ code: 400, message: 'size must be at most 1536*1536', data: null });
    expect(read).toThrowError(/wavespeed API error \(400\): size must be at most 1536\*1536/);
    try {
      read();
    } catch (error) {
      expect(UpstreamApiError.isInstance(error)).toBe(true);
      expect((error as UpstreamApiError).upstreamStatus).toBe(400);
    }
  });

  it('refuses a body without a prediction id and status', () => {
    try {
      parseWavespeedPrediction({ code: 200, message: 'success', data: { outputs: [] } });
      expect.unreachable();
    } catch (error) {
      expect(UpstreamOutputError.isInstance(error)).toBe(true);
    }
  });
});
