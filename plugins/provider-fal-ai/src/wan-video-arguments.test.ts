import { InputError } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { wanAspectRatio } from './wan-aspect-ratio.js';
import { billedVideoMilliseconds, wanFrameCount } from './wan-frame-count.js';

describe('wanFrameCount', () => {
  it("takes num_frames as given, turns a duration into frames at 16 per second, or uses fal's default of 81", () => {
    expect(wanFrameCount({ num_frames: 49 })).toBe(49);
    expect(wanFrameCount({ duration_seconds: 5 })).toBe(81);
    expect(wanFrameCount({ duration_seconds: 3 })).toBe(49);
    expect(wanFrameCount(undefined)).toBe(81);
  });

  it("keeps a duration within fal's 17 to 161 frames", () => {
    expect(wanFrameCount({ duration_seconds: 0.2 })).toBe(17);
    expect(wanFrameCount({ duration_seconds: 60 })).toBe(161);
  });
});

describe('billedVideoMilliseconds', () => {
  it('counts video seconds at 16 frames per second, as fal bills Wan, rounded up to a millisecond', () => {
    expect(billedVideoMilliseconds(81)).toBe(5063);
    expect(billedVideoMilliseconds(80)).toBe(5000);
    expect(billedVideoMilliseconds(17)).toBe(1063);
  });
});

describe('wanAspectRatio', () => {
  it("passes one of Wan's ratios through and lets image-to-video ask for auto", () => {
    expect(wanAspectRatio({ aspect_ratio: '9:16' }, false)).toBe('9:16');
    expect(wanAspectRatio({ aspect_ratio: 'auto' }, true)).toBe('auto');
    expect(wanAspectRatio(undefined, false)).toBeUndefined();
  });

  it('reads the ratio of a width and height', () => {
    expect(wanAspectRatio({ width: 1280, height: 720 }, false)).toBe('16:9');
    expect(wanAspectRatio({ width: 720, height: 1280 }, false)).toBe('9:16');
    expect(wanAspectRatio({ width: 960, height: 960 }, false)).toBe('1:1');
  });

  it('refuses a ratio Wan does not make', () => {
    expect(() => wanAspectRatio({ aspect_ratio: '4:3' }, false)).toThrow(InputError);
    expect(() => wanAspectRatio({ aspect_ratio: 'auto' }, false)).toThrow(/16:9, 9:16 or 1:1/);
    expect(() => wanAspectRatio({ width: 1024, height: 768 }, false)).toThrow(/1024x768/);
  });
});
