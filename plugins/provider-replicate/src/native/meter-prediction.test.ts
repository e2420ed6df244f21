import { describe, expect, it } from 'vitest';
import { WHISPER_VERSION } from '../replicate-models.js';
import { replicateRates } from '../replicate-rates.js';
import { fixture } from '../test-context.test-helpers.js';
import { meterPrediction } from './meter-prediction.js';

const whisper = `openai/whisper:${WHISPER_VERSION}`;

describe('meterPrediction', () => {
  it('bills a succeeded prediction in the unit its card prices, as the task handlers do', () => {
    const flux = fixture('replicate-flux-schnell-succeeded');
    expect(meterPrediction(replicateRates, 'black-forest-labs/flux-schnell', flux, 'start')).toEqual({
      usage: { images: 2 },
    });
    expect(
      meterPrediction(replicateRates, whisper, fixture('replicate-whisper-succeeded'), 'follow-up'),
    ).toEqual({
      usage: { computeMilliseconds: 8903 },
    });
    expect(
      meterPrediction(
        replicateRates,
        'wan-video/wan-2.2-5b-fast',
        fixture('replicate-wan-succeeded'),
        'start',
      ),
    ).toEqual({ usage: { requests: 1 } });
  });

  it('names an unfinished, failed or canceled prediction from a create call as the operation', () => {
    expect(
      meterPrediction(replicateRates, whisper, fixture('replicate-whisper-processing'), 'start'),
    ).toEqual({
      operationId: '4bzv3trbxdeyon73ve6itzvycq',
    });
    expect(
      meterPrediction(
        replicateRates,
        'wan-video/wan-2.2-5b-fast',
        fixture('replicate-wan-canceled'),
        'start',
      ),
    ).toEqual({ operationId: '9yxd2w6s7hrm80cm2hbtq1f6tr' });
  });

  it('bills nothing for a poll of unfinished or failed work, nor for a body that is no prediction', () => {
    expect(
      meterPrediction(replicateRates, whisper, fixture('replicate-whisper-processing'), 'follow-up'),
    ).toEqual({});
    expect(meterPrediction(replicateRates, whisper, fixture('replicate-failed'), 'follow-up')).toEqual({});
    expect(meterPrediction(replicateRates, whisper, { detail: 'Not found' }, 'start')).toEqual({});
  });
});
