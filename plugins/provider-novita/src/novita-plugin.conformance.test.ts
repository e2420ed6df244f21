// The shared provider conformance suite, run against the 'novita' simulator profile (chat and async video).
import { runProviderConformance } from '@tollgate/provider-test-kit';
import { expect } from 'vitest';
import plugin from './index.js';

runProviderConformance({
  plugin,
  tasks: {
    'text-to-video': {
      input: { inputs: 'A fox running through snow', parameters: { num_inference_steps: 20, seed: 7 } },
      check: async (output) => {
        const { video } = output as { video: { kind: string; url: string; contentType: string } };
        expect(video).toMatchObject({ kind: 'url', contentType: 'video/mp4' });
        const bytes = Buffer.from(await (await fetch(video.url)).arrayBuffer());
        expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
      },
    },
  },
});
