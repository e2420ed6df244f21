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
});
