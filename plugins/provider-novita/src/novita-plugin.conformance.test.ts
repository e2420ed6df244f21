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
  native: [
    {
      name: 'chat stream',
      method: 'POST',
      path: '/v3/openai/chat/completions',
      body: {
        kind: 'json',
        value: {
          model: 'meta-llama/llama-3.3-70b-instruct',
          messages: [{ role: 'user', content: 'Say hello' }],
          stream: true,
        },
      },
      check: ([answer]) => {
        expect(answer!.events!.length).toBeGreaterThan(0);
        // Usage was asked for on the client's behalf; the client, which did not ask, never sees it.
        const chunks = answer!.events!.map((event) =>
          typeof event === 'string'
            ? (JSON.parse(event) as { usage?: unknown })
            : (event as { usage?: unknown }),
        );
        expect(chunks.filter((chunk) => chunk.usage != null)).toEqual([]);
        expect(answer!.usage.outputTokens).toBeGreaterThan(0);
      },
    },
    {
      name: 'async video',
      method: 'POST',
      path: '/v3/async/wan-t2v',
      body: { kind: 'json', value: { prompt: 'A fox running through snow', steps: 20, seed: 7 } },
      // Hugging Face's client polls the task by its id in the query.
      followUps: (taskId) => [{ method: 'GET', path: '/v3/async/task-result', query: { task_id: taskId } }],
      check: async (answers) => {
        const done = answers.at(-1)!;
        expect(done.usage).toEqual({ requests: 1 });
        const { videos } = done.response!.body as { videos: { video_url: string }[] };
        const bytes = Buffer.from(await (await fetch(videos[0]!.video_url)).arrayBuffer());
        expect(bytes.subarray(4, 8).toString('latin1')).toBe('ftyp');
      },
    },
  ],
});
