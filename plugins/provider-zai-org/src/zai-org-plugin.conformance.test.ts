// The shared provider conformance suite, run against the 'zai-org' simulator profile (chat and async images).
import { runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

runProviderConformance({
  plugin,
  tasks: {
    'text-to-image': {
      input: { inputs: 'A kitten on a sunny windowsill', parameters: { width: 1024, height: 1024 } },
      check: async (output, calls) => {
        const { images } = output as { images: { kind: string; url: string }[] };
        expect(images).toHaveLength(1);
        const png = Buffer.from(await (await fetch(images[0]!.url)).arrayBuffer());
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
        // Z.ai's channel and language headers go with the submit and every poll.
        const zai = calls.filter((call) => call.providerId === 'zai-org');
        expect(zai.length).toBeGreaterThan(1);
        for (const call of zai) {
          expect(call.headers).toMatchObject({
            'x-source-channel': 'hugging_face',
            'accept-language': 'en-US,en',
          });
        }
      },
    },
  },
});
