import { readFileSync } from 'node:fs';
import type { NativeRequestV1, NativeRouteV1, StreamEventV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { contextFor, fixture, tinyPng } from '../fixtures.test-helpers.js';
import { hfInferenceNativeRoutes } from './hf-inference-native-routes.js';

const route = (path: string): NativeRouteV1 => {
  const found = hfInferenceNativeRoutes.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no native route ${path}`);
  return found;
};

/** The request as the host hands it over: the captured segments in `params`, headers lower-cased. */
function native(
  path: string,
  params: Record<string, string>,
  body: NativeRequestV1['body'],
  headers: Record<string, string> = {},
): NativeRequestV1 {
  return { method: 'POST', path, query: {}, params, headers, body };
}

const json = (value: unknown): NativeRequestV1['body'] => ({ kind: 'json', value });
const smol = { owner: 'HuggingFaceTB', name: 'SmolLM3-3B' };
const miniLm = { owner: 'sentence-transformers', name: 'all-MiniLM-L6-v2' };

function streamEvents(name: string): StreamEventV1[] {
  return readFileSync(new URL(`../__fixtures__/${name}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((data) => ({ data }));
}

describe('hf-inference native routes', () => {
  it("declares every /models route of Hugging Face's client, the owner/name endpoints with their tasks", () => {
    expect(hfInferenceNativeRoutes.map(({ method, path, task, role }) => [method, path, task, role])).toEqual(
      [
        ['POST', '/models/:owner/:name/v1/chat/completions', 'conversational', 'start'],
        ['POST', '/models/:owner/:name/v1/completions', 'text-generation', 'start'],
        ['POST', '/models/:owner/:name/pipeline/feature-extraction', 'feature-extraction', 'start'],
        ['POST', '/models/:owner/:name/pipeline/sentence-similarity', 'sentence-similarity', 'start'],
        // The model's own pipeline, and legacy ids: the task comes from the model's mapping.
        ['POST', '/models/*', undefined, 'start'],
      ],
    );
  });

  it('reads the Hub id from the path: owner/name, or a legacy id without an owner', () => {
    const owned = route('/models/:owner/:name/v1/completions').modelOf!;
    expect(owned(native('/models/HuggingFaceTB/SmolLM3-3B/v1/completions', smol, json({})))).toBe(
      'HuggingFaceTB/SmolLM3-3B',
    );
    const any = route('/models/*').modelOf!;
    const rest = (path: string) => native(`/models/${path}`, { '*': path }, json({}));
    expect(any(rest('google-bert/bert-base-uncased'))).toBe('google-bert/bert-base-uncased');
    expect(any(rest('gpt2'))).toBe('gpt2');
    expect(any(rest('gpt2/v1/completions'))).toBe('gpt2');
    expect(any(rest('a/b/c'))).toBeUndefined();
  });

  it('serves every endpoint of a legacy id through /models/*', () => {
    const any = route('/models/*');
    const context = contextFor('gpt2');
    const completions = native(
      '/models/gpt2/v1/completions',
      { '*': 'gpt2/v1/completions' },
      json({ prompt: 'Hi', stream: true }),
    );
    expect(any.mapRequest({ request: completions, context })).toMatchObject({
      path: '/models/gpt2/v1/completions',
      body: { value: { prompt: 'Hi', stream: true, stream_options: { include_usage: true } } },
      expect: 'sse',
    });
    const pipeline = native('/models/gpt2', { '*': 'gpt2' }, json({ inputs: 'Hello' }));
    expect(any.mapRequest({ request: pipeline, context })).toEqual({
      method: 'POST',
      path: '/models/gpt2',
      body: { kind: 'json', value: { inputs: 'Hello' } },
      expect: 'json',
    });
    expect(any.meterResponse!({ request: completions, context, response: fixture('completions') })).toEqual({
      usage: { computeMilliseconds: 112 },
    });
  });

  describe('chat', () => {
    const chat = route('/models/:owner/:name/v1/chat/completions');
    const context = contextFor('HuggingFaceTB/SmolLM3-3B');
    const messages = [{ role: 'user', content: 'Capital of France?' }];

    it("posts to the model's own chat route, asking a stream for usage", () => {
      const request = native(
        '/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions',
        smol,
        json({ model: 'HuggingFaceTB/SmolLM3-3B', messages, stream: true }),
      );
      expect(chat.mapRequest({ request, context })).toEqual({
        method: 'POST',
        path: '/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions',
        body: {
          kind: 'json',
          value: {
            model: 'HuggingFaceTB/SmolLM3-3B',
            messages,
            stream: true,
            stream_options: { include_usage: true },
          },
        },
        expect: 'sse',
      });
    });

    it('meters a JSON answer by its compute time, the one unit the rate card prices', () => {
      const request = native(
        '/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions',
        smol,
        json({ messages }),
      );
      expect(chat.meterResponse!({ request, context, response: fixture('chat') })).toEqual({
        usage: { computeMilliseconds: 112 },
      });
    });

    it('streams the chunks through, hiding the usage chunk from a client that did not ask, and bills no tokens', () => {
      const request = native(
        '/models/HuggingFaceTB/SmolLM3-3B/v1/chat/completions',
        smol,
        json({ messages, stream: true }),
      );
      const results = streamEvents('hf-inference-chat-stream.chunks.txt').map((event) =>
        chat.mapStreamEvent!({ request, context, event }),
      );
      const emitted = results.filter((result) => result.emit !== undefined);
      expect(emitted).toHaveLength(3);
      // The usage chunk reports tokens only, which the compute-time card does not price.
      expect(results.at(-2)).toEqual({});
      expect(results.some((result) => result.usage !== undefined)).toBe(false);
      expect(results.at(-1)).toEqual({ done: true });
    });
  });

  describe('completions', () => {
    const completions = route('/models/:owner/:name/v1/completions');
    const context = contextFor('HuggingFaceTB/SmolLM3-3B');

    it('forwards the body as sent to the model route, with stream usage asked for', () => {
      const request = native(
        '/models/HuggingFaceTB/SmolLM3-3B/v1/completions',
        smol,
        json({ model: 'HuggingFaceTB/SmolLM3-3B', prompt: 'The answer is', max_tokens: 4, stream: true }),
      );
      expect(completions.mapRequest({ request, context })).toEqual({
        method: 'POST',
        path: '/models/HuggingFaceTB/SmolLM3-3B/v1/completions',
        body: {
          kind: 'json',
          value: {
            model: 'HuggingFaceTB/SmolLM3-3B',
            prompt: 'The answer is',
            max_tokens: 4,
            stream: true,
            stream_options: { include_usage: true },
          },
        },
        expect: 'sse',
      });
    });

    it('meters a JSON answer by compute time', () => {
      const request = native('/models/HuggingFaceTB/SmolLM3-3B/v1/completions', smol, json({ prompt: 'x' }));
      expect(completions.meterResponse!({ request, context, response: fixture('completions') })).toEqual({
        usage: { computeMilliseconds: 112 },
      });
    });
  });

  describe('pipelines', () => {
    it('posts a sentence-transformers call to its /pipeline route and meters the compute time', () => {
      const pipeline = route('/models/:owner/:name/pipeline/feature-extraction');
      const context = contextFor('sentence-transformers/all-MiniLM-L6-v2');
      const request = native(
        '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
        miniLm,
        json({ inputs: ['Hello world'], normalize: true }),
        { 'x-wait-for-model': 'true' },
      );
      expect(pipeline.mapRequest({ request, context })).toEqual({
        method: 'POST',
        path: '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction',
        headers: { 'x-wait-for-model': 'true' },
        body: { kind: 'json', value: { inputs: ['Hello world'], normalize: true } },
        expect: 'json',
      });
      expect(pipeline.meterResponse!({ request, context, response: fixture('feature-extraction') })).toEqual({
        usage: { computeMilliseconds: 12 },
      });
    });

    it('forwards a raw file as bytes with its own content type, and reads the JSON answer', () => {
      const model = route('/models/*');
      const context = contextFor('google/vit-base-patch16-224');
      const image = tinyPng(4, 4);
      const request = native(
        '/models/google/vit-base-patch16-224',
        { '*': 'google/vit-base-patch16-224' },
        { kind: 'bytes', value: image, contentType: 'image/png' },
      );
      expect(model.mapRequest({ request, context })).toEqual({
        method: 'POST',
        path: '/models/google/vit-base-patch16-224',
        body: { kind: 'bytes', value: image, contentType: 'image/png' },
        expect: 'json',
      });
      expect(model.meterResponse!({ request, context, response: fixture('image-classification') })).toEqual({
        usage: { computeMilliseconds: 88 },
      });
    });

    it("reads a text-to-image model's answer as bytes, decided by the model's mapping", () => {
      const model = route('/models/*');
      const context = contextFor('black-forest-labs/FLUX.1-schnell');
      const request = native(
        '/models/black-forest-labs/FLUX.1-schnell',
        { '*': 'black-forest-labs/FLUX.1-schnell' },
        json({ inputs: 'A lighthouse at dawn', parameters: { width: 512, height: 512 } }),
        { accept: 'image/png' },
      );
      expect(model.mapRequest({ request, context })).toMatchObject({
        path: '/models/black-forest-labs/FLUX.1-schnell',
        headers: { accept: 'image/png' },
        expect: 'bytes',
      });
      const response = {
        status: 200,
        headers: { 'content-type': 'image/png', 'x-compute-time': '1.870', 'x-compute-type': 'gpu' },
        body: tinyPng(8, 8),
      };
      expect(model.meterResponse!({ request, context, response })).toEqual({
        usage: { computeMilliseconds: 1870 },
      });
    });

    it('rebuilds the path from the mapped id, escaping each segment but keeping its slash', () => {
      const model = route('/models/*');
      const context = contextFor('someone/a model');
      const request = native(
        '/models/someone/a%20model',
        { '*': 'someone/a model' },
        json({ inputs: 'Hello' }),
      );
      expect(model.mapRequest({ request, context }).path).toBe('/models/someone/a%20model');
    });

    it('bills nothing for an answer without compute headers rather than guessing', () => {
      const model = route('/models/*');
      const context = contextFor('facebook/detr-resnet-50');
      const request = native('/models/facebook/detr-resnet-50', { '*': 'facebook/detr-resnet-50' }, json({}));
      const response = { status: 200, headers: { 'content-type': 'application/json' }, body: [] };
      expect(model.meterResponse!({ request, context, response })).toEqual({});
    });
  });
});
