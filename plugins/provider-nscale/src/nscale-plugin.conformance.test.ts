// The shared provider conformance suite, run against the 'nscale' simulator profile, with a fixture per task.
import type { ImageGenerationOutputV1 } from '@tollgate/provider-spec';
import { runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

runProviderConformance({
  plugin,
  tasks: {
    'text-to-image': {
      input: { inputs: 'A lighthouse at dawn', parameters: { width: 512, height: 384 } },
      check: (output) => {
        const [image] = (output as ImageGenerationOutputV1).images;
        if (image?.kind !== 'bytes') throw new Error('Nscale answers base64, which becomes bytes');
        expect(image.contentType).toBe('image/png');
        const png = Buffer.from(image.bytes);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([512, 384]);
      },
    },
  },
  native: [
    {
      name: 'images',
      method: 'POST',
      path: '/v1/images/generations',
      body: {
        kind: 'json',
        value: {
          model: 'black-forest-labs/FLUX.1-schnell',
          prompt: 'A harbour at night',
          size: '256x128',
          n: 2,
          response_format: 'b64_json',
        },
      },
      check: ([answer]) => {
        const { data } = answer!.response!.body as { data: { b64_json: string }[] };
        expect(data).toHaveLength(2);
        const png = Buffer.from(data[1]!.b64_json, 'base64');
        expect([...png.subarray(1, 4)]).toEqual([0x50, 0x4e, 0x47]);
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([256, 128]);
        // Two images of 256 x 128 = 65,536 pixels, in thousandths of a megapixel rounded up.
        expect(answer!.usage).toEqual({ milliMegapixels: 66 });
      },
    },
  ],
});
