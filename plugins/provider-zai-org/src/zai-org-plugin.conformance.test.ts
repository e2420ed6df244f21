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
  native: [
    {
      name: 'chat',
      method: 'POST',
      path: '/api/paas/v4/chat/completions',
      body: {
        kind: 'json',
        value: { model: 'glm-4.7', messages: [{ role: 'user', content: 'Capital of Slovenia?' }] },
      },
      check: ([answer]) => {
        expect(answer!.response?.body).toMatchObject({ choices: [{ message: { role: 'assistant' } }] });
        expect(answer!.usage.inputTokens).toBeGreaterThan(0);
      },
    },
    {
      name: 'async image',
      method: 'POST',
      path: '/api/paas/v4/async/images/generations',
      body: {
        kind: 'json',
        value: { model: 'glm-image', prompt: 'A kitten on a windowsill', size: '1024x1024' },
      },
      followUps: (id) => [{ method: 'GET', path: `/api/paas/v4/async-result/${id}` }],
      check: async (answers, calls) => {
        const done = answers.at(-1)!;
        expect(done.usage).toEqual({ images: 1 });
        const { image_result: images } = done.response!.body as { image_result: { url: string }[] };
        const png = Buffer.from(await (await fetch(images[0]!.url)).arrayBuffer());
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1024, 1024]);
        // The plugin's channel and language headers go with the native calls too.
        for (const call of calls.filter((candidate) => candidate.providerId === 'zai-org')) {
          expect(call.headers).toMatchObject({ 'x-source-channel': 'hugging_face' });
        }
      },
    },
  ],
});
