import { describe, expect, it } from 'vitest';
import { boundImageUsage } from './bound-image-usage.js';
import { imageUsage } from './image-usage.js';

describe('boundImageUsage', () => {
  it('is the usage of every image asked for, per image or per megapixel', () => {
    expect(boundImageUsage({ kind: 'images' }, { inputs: 'x', parameters: { num_images: 3 } })).toEqual({
      usage: { images: 3 },
    });
    const meter = { kind: 'megapixels', defaultSize: { width: 1024, height: 1024 } } as const;
    expect(boundImageUsage(meter, { inputs: 'x' })).toEqual({ usage: imageUsage(meter, 1, {}) });
    expect(
      boundImageUsage(meter, { inputs: 'x', parameters: { num_images: 2, width: 512, height: 768 } }),
    ).toEqual({ usage: { milliMegapixels: Math.ceil((2 * 512 * 768) / 1000) } });
  });
});
