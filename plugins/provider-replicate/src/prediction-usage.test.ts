import { describe, expect, it } from 'vitest';
import { predictionUsage } from './prediction-usage.js';
import { parsePrediction } from './replicate-prediction.js';
import { fixture } from './test-context.test-helpers.js';

const whisper = parsePrediction(fixture('replicate-whisper-succeeded'));
const flux = parsePrediction(fixture('replicate-flux-schnell-succeeded'));

describe('predictionUsage', () => {
  it('meters a time-priced model by predict_time, to the millisecond', () => {
    expect(predictionUsage({ perComputeSecond: '0.000225' }, whisper, {})).toEqual({
      computeMilliseconds: 8903,
    });
  });

  it('meters an image-priced model by images only, not by run time', () => {
    expect(predictionUsage({ perImage: '0.003' }, flux, { images: 2 })).toEqual({ images: 2 });
  });

  it('meters a per-output model as one request', () => {
    expect(predictionUsage({ perRequest: '0.0125' }, flux, {})).toEqual({ requests: 1 });
  });

  it('meters a model without a card by run time, and reports nothing it was not told', () => {
    expect(predictionUsage(undefined, flux, { images: 2 })).toEqual({ computeMilliseconds: 865 });
    expect(
      predictionUsage({ perComputeSecond: '0.001' }, { ...whisper, predictTimeSeconds: undefined }, {}),
    ).toEqual({});
  });
});
