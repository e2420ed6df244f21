import { readFileSync } from 'node:fs';
import {
  InputError,
  type NativeRequestV1,
  type NativeRouteV1,
  type UpstreamResponseV1,
} from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { togetherPlugin } from '../together-plugin.js';
import { togetherNativeRoutes } from './together-native-routes.js';

const [submitVideo, videoJob] = togetherNativeRoutes as [NativeRouteV1, NativeRouteV1];

const contextFor = (providerModelId: string) => ({
  requestId: 'req-1',
  providerId: 'together',
  hfModelId: providerModelId,
  providerModelId,
});
const jobId = '019abb7e-5f4c-7c21-9d1e-6a2f3b8c4d10';

const answer = (name: string): UpstreamResponseV1 => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.parse(readFileSync(new URL(`../__fixtures__/together-${name}.json`, import.meta.url), 'utf8')),
});

function native(
  method: NativeRequestV1['method'],
  path: string,
  body: NativeRequestV1['body'] = { kind: 'none' },
  params: Record<string, string> = {},
): NativeRequestV1 {
  return { method, path, query: {}, params, headers: {}, body };
}

describe('Together native video routes', () => {
  it('declares the video job API', () => {
    expect(togetherNativeRoutes.map(({ method, path, role, task }) => [method, path, role, task])).toEqual([
      ['POST', '/v2/videos', 'start', undefined],
      ['GET', '/v2/videos/:id', 'follow-up', undefined],
    ]);
  });

  describe("images, on the shared OpenAI-style route with Together's knobs", () => {
    const images = togetherPlugin.nativeRoutes!.find((route) => route.task === 'text-to-image')!;
    const context = contextFor('black-forest-labs/FLUX.1-dev');
    const sized = native('POST', '/v1/images/generations', {
      kind: 'json',
      value: { model: 'black-forest-labs/FLUX.1-dev', prompt: 'A lighthouse', width: 512, height: 768, n: 2 },
    });

    it('serves /v1/images/generations with the model named in the body', () => {
      expect([images.method, images.path, images.modelOf!(sized)]).toEqual([
        'POST',
        '/v1/images/generations',
        'black-forest-labs/FLUX.1-dev',
      ]);
    });

    it('bills the megapixels of the images returned, at the width and height asked for', () => {
      // 2 images x 512 x 768 = 786,432 pixels = 786.432 thousandths of a megapixel, rounded up.
      expect(images.meterResponse!({ request: sized, context, response: answer('images-url') })).toEqual({
        usage: { milliMegapixels: 787 },
      });
    });

    it("bills Together's default 1024x1024 when no size was asked for", () => {
      const unsized = native('POST', '/v1/images/generations', {
        kind: 'json',
        value: { model: 'black-forest-labs/FLUX.1-dev', prompt: 'x' },
      });
      expect(images.meterResponse!({ request: unsized, context, response: answer('images-url') })).toEqual({
        usage: { milliMegapixels: 2098 },
      });
    });
  });

  describe('video jobs', () => {
    const context = contextFor('Wan-AI/Wan2.2-T2V-A14B');
    const body = { model: 'Wan-AI/Wan2.2-T2V-A14B', prompt: 'Waves at dusk', seconds: '5' };
    const submission = native('POST', '/v2/videos', { kind: 'json', value: body });

    it('forwards a video job for a video model and ties it to the job id', () => {
      expect(submitVideo.modelOf!(submission)).toBe('Wan-AI/Wan2.2-T2V-A14B');
      expect(submitVideo.mapRequest({ request: submission, context })).toEqual({
        method: 'POST',
        path: '/v2/videos',
        body: { kind: 'json', value: body },
        expect: 'json',
      });
      expect(
        submitVideo.meterResponse!({ request: submission, context, response: answer('video-job-queued') }),
      ).toEqual({ operationId: jobId });
    });

    it('refuses a model mapped for another task, so /v2/videos never runs a chat model', () => {
      const chat = contextFor('openai/gpt-oss-120b');
      expect(() => submitVideo.mapRequest({ request: submission, context: chat })).toThrow(InputError);
    });

    it('bills a job that finished inside the submission there, handing on no operation', () => {
      expect(
        submitVideo.meterResponse!({ request: submission, context, response: answer('video-job-completed') }),
      ).toEqual({ usage: { videoMilliseconds: 5000, reportedCostNanoUsd: 660_000_000n } });
    });

    it('bills a polled job once completed, at the cost Together states, and nothing before or on failure', () => {
      const poll = native('GET', `/v2/videos/${jobId}`, { kind: 'none' }, { id: jobId });
      expect(videoJob.operationOf!(poll)).toBe(jobId);
      expect(videoJob.mapRequest({ request: poll, context })).toEqual({
        method: 'GET',
        path: `/v2/videos/${jobId}`,
        body: { kind: 'none' },
        expect: 'json',
      });
      expect(
        videoJob.meterResponse!({ request: poll, context, response: answer('video-job-queued') }),
      ).toEqual({});
      expect(
        videoJob.meterResponse!({ request: poll, context, response: answer('video-job-failed') }),
      ).toEqual({});
      expect(
        videoJob.meterResponse!({ request: poll, context, response: answer('video-job-completed') }),
      ).toEqual({ usage: { videoMilliseconds: 5000, reportedCostNanoUsd: 660_000_000n } });
    });
  });
});
