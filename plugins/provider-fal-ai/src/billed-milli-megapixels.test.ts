import { describe, expect, it } from 'vitest';
import { billedMilliMegapixels } from './billed-milli-megapixels.js';

describe('billedMilliMegapixels', () => {
  it('rounds each image up to whole megapixels of 1024x1024 pixels', () => {
    expect(billedMilliMegapixels([{ width: 1024, height: 1024 }])).toBe(1000);
    expect(billedMilliMegapixels([{ width: 1024, height: 768 }])).toBe(1000);
    expect(billedMilliMegapixels([{ width: 1025, height: 1024 }])).toBe(2000);
    expect(
      billedMilliMegapixels([
        { width: 512, height: 512 },
        { width: 1536, height: 1024 },
      ]),
    ).toBe(3000);
  });

  it('uses the requested size for an image fal returned without one', () => {
    expect(billedMilliMegapixels([{}, { width: 2048, height: 2048 }], { width: 512, height: 512 })).toBe(
      5000,
    );
  });

  it('knows nothing when an image has no size and none was asked for', () => {
    expect(billedMilliMegapixels([{ width: 1024 }])).toBeUndefined();
    expect(billedMilliMegapixels([{ width: 0, height: 10 }])).toBeUndefined();
  });
});
