import { describe, expect, it } from 'vitest';
import { fixture } from '../test-context.test-helpers.js';
import { meterFalResult } from './meter-fal-result.js';

describe('meterFalResult', () => {
  it("meters fal's billable units in the card's unit, as the task handlers do", () => {
    expect(
      meterFalResult(
        { perMegapixel: '0.025' },
        { 'x-fal-billable-units': '2' },
        fixture('fal-ai-flux-dev-result'),
      ),
    ).toEqual({ milliMegapixels: 2000 });
    expect(
      meterFalResult(
        { perComputeSecond: '0.00111' },
        { 'x-fal-billable-units': '3.2' },
        fixture('fal-ai-whisper-result'),
      ),
    ).toEqual({ computeMilliseconds: 3200 });
    expect(
      meterFalResult(
        { perVideoSecond: '0.08' },
        { 'x-fal-billable-units': '5.0625' },
        fixture('fal-ai-wan-t2v-result'),
      ),
    ).toEqual({ videoMilliseconds: 5063 });
    expect(
      meterFalResult(
        { perRequest: '0.02' },
        { 'x-fal-billable-units': '1' },
        fixture('fal-ai-kokoro-result'),
      ),
    ).toEqual({
      requests: 1,
    });
  });

  it('falls back to the megapixels of the images returned, rounded up per image', () => {
    // One 1024x768 image: one megapixel.
    expect(meterFalResult({ perMegapixel: '0.025' }, {}, fixture('fal-ai-flux-dev-result'))).toEqual({
      milliMegapixels: 1000,
    });
    expect(meterFalResult({ perImage: '0.04' }, {}, fixture('fal-ai-flux-dev-result'))).toEqual({
      images: 1,
    });
  });

  it('bills nothing it cannot know: a video or transcript without the header, a model without a card', () => {
    expect(meterFalResult({ perVideoSecond: '0.08' }, {}, fixture('fal-ai-wan-t2v-result'))).toEqual({});
    expect(meterFalResult({ perComputeSecond: '0.00111' }, {}, fixture('fal-ai-whisper-result'))).toEqual({});
    expect(
      meterFalResult(undefined, { 'x-fal-billable-units': '1' }, fixture('fal-ai-flux-dev-result')),
    ).toEqual({});
    expect(
      meterFalResult({ perMegapixel: '0.025' }, {}, { images: [{ url: 'https://v3.fal.media/a.png' }] }),
    ).toEqual({});
  });
});
