// The shared provider conformance suite, run against the 'hyperbolic' simulator profile, with a fixture per task.
import type { ImageGenerationOutputV1 } from '@tollgate/provider-spec';
import { runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

runProviderConformance({
  plugin,
  tasks: {
    'text-to-image': {
      input: {
        inputs: 'A lighthouse at dawn',
        parameters: { width: 512, height: 384, num_inference_steps: 20 },
      },
      model: 'FLUX.1-dev',
      check: (output) => {
        const [image] = (output as ImageGenerationOutputV1).images;
        if (image?.kind !== 'bytes') throw new Error('Hyperbolic answers base64, which becomes bytes');
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
          model_name: 'SDXL1.0-base',
          prompt: 'A harbour at night',
          width: 320,
          height: 256,
          steps: 10,
        },
      },
      check: ([answer]) => {
        const { images } = answer!.response!.body as { images: { image: string }[] };
        const png = Buffer.from(images[0]!.image, 'base64');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([320, 256]);
        expect(answer!.usage).toEqual({ images: 1 });
      },
    },
  ],
});
