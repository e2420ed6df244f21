import { UpstreamOutputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { isFinished, parsePrediction, predictionFailureMessage } from './replicate-prediction.js';
import { fixture } from './test-context.test-helpers.js';

describe('parsePrediction', () => {
  it('reads a finished prediction: output, predict_time and the get and cancel links', () => {
    const prediction = parsePrediction(fixture('replicate-flux-schnell-succeeded'));
    expect(prediction).toMatchObject({
      id: 'k3q8v5m1yhrma0cm2h9aekn0bw',
      status: 'succeeded',
      model: 'black-forest-labs/flux-schnell',
      predictTimeSeconds: 0.865093,
      urls: {
        get: 'https://api.replicate.com/v1/predictions/k3q8v5m1yhrma0cm2h9aekn0bw',
        cancel: 'https://api.replicate.com/v1/predictions/k3q8v5m1yhrma0cm2h9aekn0bw/cancel',
      },
    });
    expect(prediction.output).toHaveLength(2);
  });

  it('reads a running prediction, which has no metrics and a null output yet', () => {
    const prediction = parsePrediction(fixture('replicate-whisper-processing'));
    expect(prediction.status).toBe('processing');
    expect(prediction.output).toBeUndefined();
    expect(prediction.predictTimeSeconds).toBeUndefined();
    expect(isFinished(prediction.status)).toBe(false);
  });

  it('refuses bodies that are not predictions', () => {
    expect(() => parsePrediction({ title: 'Not found', status: 404 })).toThrow(UpstreamOutputError);
    expect(() => parsePrediction({ id: 'x', status: 'queued' })).toThrow(/not a prediction/);
    expect(() => parsePrediction('oops')).toThrow(UpstreamOutputError);
  });

  it('words failures from the error field, and says when a prediction was canceled', () => {
    const failed = parsePrediction(fixture('replicate-failed'));
    expect(isFinished(failed.status)).toBe(true);
    expect(predictionFailureMessage(failed)).toBe('num_frames must be between 81 and 121');
    expect(predictionFailureMessage({ ...failed, status: 'canceled' })).toMatch(/was canceled/);
    expect(predictionFailureMessage({ ...failed, error: undefined })).toMatch(/without an error message/);
  });
});
