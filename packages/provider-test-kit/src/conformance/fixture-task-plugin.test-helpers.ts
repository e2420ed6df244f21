/** A plugin for the fixture task profile (`media-lab`), for testing the task conformance checks, with knobs that break it. */
import {
  defineProviderPlugin,
  type ProviderPluginDefinitionV1,
  type ProviderPluginV1,
  type QueuedTaskHandlerV1,
  type SyncTaskHandlerV1,
  type UsageV1,
} from '@tollgate/provider-spec';
import { wavDurationMs } from '../media/wav-duration-ms.js';

export interface FixtureTaskPluginOptions {
  /** Break: report no usage for images. */
  readonly emptyUsage?: boolean;
  /** Break: report a unit the rate card does not price. */
  readonly unpricedUsage?: boolean;
  /** Break: throw from mapRequest (what a plugin that rejects the fixture's input does). */
  readonly throwInMapRequest?: boolean;
  /** Break: never see the job finish. */
  readonly neverFinishes?: boolean;
  /** Break: take a failed job for a finished one. */
  readonly ignoresFailure?: boolean;
  /** Break: answer at once with the result URL instead of polling. */
  readonly skipsPolling?: boolean;
  /** The wait the handler suggests between polls; default 10 ms. */
  readonly pollAfterMs?: number;
  readonly overrides?: Partial<ProviderPluginDefinitionV1>;
}

interface ImageInput {
  readonly inputs: string;
  readonly parameters?: { readonly width?: number; readonly height?: number };
}

function textToImage(options: FixtureTaskPluginOptions): SyncTaskHandlerV1<ImageInput, unknown> {
  return {
    kind: 'sync',
    mapRequest: ({ input, context }) => {
      if (options.throwInMapRequest) throw new Error('fixture: refusing the input');
      return {
        method: 'POST',
        path: '/v1/images',
        body: {
          kind: 'json',
          value: { model: context.providerModelId, prompt: input.inputs, ...input.parameters },
        },
        expect: 'json',
      };
    },
    mapResponse: ({ response }) => {
      const { images } = response.body as { images: { url: string; content_type: string }[] };
      const usage: UsageV1 = options.emptyUsage
        ? {}
        : options.unpricedUsage
          ? { images: images.length, computeMilliseconds: 1200 }
          : { images: images.length };
      return {
        output: {
          images: images.map((image) => ({ kind: 'url', url: image.url, contentType: image.content_type })),
        },
        usage,
      };
    },
  };
}

const textToSpeech: SyncTaskHandlerV1<{ inputs: string }, unknown> = {
  kind: 'sync',
  mapRequest: ({ input }) => ({
    method: 'POST',
    path: '/v1/speech',
    body: { kind: 'json', value: { text: input.inputs } },
    expect: 'bytes',
  }),
  mapResponse: ({ response }) => {
    const bytes = response.body as Uint8Array;
    return {
      output: {
        audio: { kind: 'bytes', bytes, contentType: response.headers['content-type'] ?? 'audio/wav' },
      },
      usage: { audioMilliseconds: Math.round(wavDurationMs(bytes)) },
    };
  },
};

interface VideoInput {
  readonly inputs: string;
  readonly parameters?: { readonly duration_seconds?: number };
}

interface QueueStatus {
  readonly status: string;
  readonly error?: string;
  readonly response?: { readonly video: { readonly url: string } };
}

function textToVideo(options: FixtureTaskPluginOptions): QueuedTaskHandlerV1<VideoInput, unknown> {
  const durationMs = (input: VideoInput) => (input.parameters?.duration_seconds ?? 1) * 1000;
  return {
    kind: 'queued',
    start: {
      mapRequest: ({ input, context }) => ({
        method: 'POST',
        path: `/queue/${context.providerModelId}`,
        body: { kind: 'json', value: { prompt: input.inputs, duration_ms: durationMs(input) } },
        expect: 'json',
      }),
      mapResponse: ({ input, response }) => {
        const submitted = response.body as { request_id: string; status_url: string; response_url: string };
        if (options.skipsPolling) {
          return {
            result: {
              output: { video: { kind: 'url', url: submitted.response_url } },
              usage: { videoMilliseconds: durationMs(input) },
            },
          };
        }
        return {
          operation: {
            id: submitted.request_id,
            state: { statusUrl: submitted.status_url },
            pollAfterMs: options.pollAfterMs ?? 10,
          },
        };
      },
    },
    status: {
      mapRequest: ({ operation }) => ({
        method: 'GET',
        path: '/',
        absoluteUrl: String(operation.state.statusUrl),
        body: { kind: 'none' },
        expect: 'json',
      }),
      mapResponse: ({ input, response }) => {
        const status = response.body as QueueStatus;
        if (options.neverFinishes || status.status !== 'COMPLETED')
          return { state: 'pending', pollAfterMs: options.pollAfterMs ?? 10 };
        if (status.error !== undefined && !options.ignoresFailure)
          return { state: 'failed', message: status.error };
        return {
          state: 'completed',
          result: {
            output: {
              video: { kind: 'url', url: status.response?.video.url ?? '', contentType: 'video/mp4' },
            },
            usage: { videoMilliseconds: durationMs(input) },
          },
        };
      },
    },
  };
}

/**
 * A branded `media-lab` plugin serving text-to-image (sync JSON), text-to-speech (sync bytes) and text-to-video
 * (queued), with `Key` auth as the fixture profile expects.
 *
 * @example
 * runProviderConformance({ plugin: createFixtureTaskPlugin(), simulatorProfile: fixtureTaskProfile, tasks });
 */
export function createFixtureTaskPlugin(options: FixtureTaskPluginOptions = {}): ProviderPluginV1 {
  return defineProviderPlugin({
    specificationVersion: 'v1',
    id: 'media-lab',
    displayName: 'Media Lab (fixture)',
    version: '0.0.0',
    compatibility: '^0.1.0',
    settings: {
      apiKeyEnvVars: ['MEDIA_LAB_KEY'],
      apiKeyRequired: true,
      baseUrl: 'https://api.media-lab.example',
      auth: { kind: 'header', header: 'Authorization', prefix: 'Key ' },
    },
    tasks: {
      'text-to-image': textToImage(options),
      'text-to-speech': textToSpeech,
      'text-to-video': textToVideo(options),
    },
    models: [
      { hfModelId: 'lab/FLUX', providerModelId: 'lab/flux', task: 'text-to-image', status: 'live' },
      { hfModelId: 'lab/TTS', providerModelId: 'lab/tts', task: 'text-to-speech', status: 'live' },
      { hfModelId: 'lab/Video', providerModelId: 'lab/video', task: 'text-to-video', status: 'live' },
    ],
    rates: {
      kind: 'static',
      table: {
        asOf: '2026-01-15',
        sourceUrl: 'https://example.com/pricing',
        currency: 'USD',
        models: {
          'lab/flux': { perImage: '0.025' },
          'lab/tts': { perAudioSecond: '0.0002' },
          'lab/video': { perVideoSecond: '0.10' },
        },
      },
    },
    billing: 'integrated',
    ...options.overrides,
  });
}

/** Fixtures for every task of the fixture task plugin. */
export const FIXTURE_TASKS = {
  'text-to-image': { input: { inputs: 'A lighthouse at dawn', parameters: { width: 48, height: 32 } } },
  'text-to-speech': { input: { inputs: 'Hello from the conformance suite' } },
  'text-to-video': { input: { inputs: 'A cat surfing', parameters: { duration_seconds: 2 } } },
} as const;
