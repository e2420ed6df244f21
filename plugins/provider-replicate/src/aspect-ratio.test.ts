import { describe, expect, it } from 'vitest';
import { aspectRatioFor, FLUX_ASPECT_RATIOS, WAN_ASPECT_RATIOS } from './aspect-ratio.js';

describe('aspectRatioFor', () => {
  it('sends the offered ratio nearest a size, within 3%', () => {
    expect(aspectRatioFor(1024, 1024, FLUX_ASPECT_RATIOS)).toBe('1:1');
    expect(aspectRatioFor(1920, 1080, FLUX_ASPECT_RATIOS)).toBe('16:9');
    expect(aspectRatioFor(768, 1024, FLUX_ASPECT_RATIOS)).toBe('3:4');
    expect(aspectRatioFor(720, 1280, WAN_ASPECT_RATIOS)).toBe('9:16');
    expect(aspectRatioFor(1344, 768, FLUX_ASPECT_RATIOS)).toBe('16:9');
    expect(aspectRatioFor(1280, 704, WAN_ASPECT_RATIOS)).toBe('16:9');
  });

  it('gives nothing for a ratio the model does not offer, or a missing or bad size', () => {
    expect(aspectRatioFor(1000, 500, FLUX_ASPECT_RATIOS)).toBeUndefined();
    expect(aspectRatioFor(1024, 1024, WAN_ASPECT_RATIOS)).toBeUndefined();
    expect(aspectRatioFor(undefined, 512, FLUX_ASPECT_RATIOS)).toBeUndefined();
    expect(aspectRatioFor(0, 512, FLUX_ASPECT_RATIOS)).toBeUndefined();
    expect(aspectRatioFor(512.5, 512, FLUX_ASPECT_RATIOS)).toBeUndefined();
  });
});
