/** The fixture task plugin (`media-lab`) with native routes, for testing the native checks, with knobs that break it. */
import type { NativeRouteV1, ProviderPluginV1, UpstreamRequestV1 } from '@tollgate/provider-spec';
import { forwardNativeRequest } from '@tollgate/provider-utils';
import {
  createFixtureTaskPlugin,
  type FixtureTaskPluginOptions,
} from '../fixture-task-plugin.test-helpers.js';
import type { NativeFixture } from './native-fixture.js';

export interface FixtureNativeOptions {
  /** Break: `modelOf` answers the mapped model whatever the request names. */
  readonly constantModel?: boolean;
  /** Break: the queue submission's metering names no operation. */
  readonly noOperationId?: boolean;
  /** Break: follow-ups name an operation other than the one in their path. */
  readonly constantOperation?: boolean;
  /** Break: the image route reports no usage. */
  readonly noUsage?: boolean;
  /** Break: the image route reports a unit the rate card does not price. */
  readonly unpricedUsage?: boolean;
  /** Break: every client header goes upstream, the client's credentials among them. */
  readonly forwardsAllHeaders?: boolean;
  /** Break: the queue submission also bills (as if it were done), and the result bills again. */
  readonly billsSubmission?: boolean;
  /** The status poll meters the finished job itself (so the result route need not be read). */
  readonly statusReportsUsage?: boolean;
  readonly task?: FixtureTaskPluginOptions;
}

type Json = Record<string, unknown>;
const jsonOf = (body: unknown): Json => (body != null && typeof body === 'object' ? (body as Json) : {});

function forward(options: FixtureNativeOptions) {
  return ({ request }: Parameters<NativeRouteV1['mapRequest']>[0]): UpstreamRequestV1 => {
    const upstream = forwardNativeRequest(request);
    return options.forwardsAllHeaders ? { ...upstream, headers: { ...request.headers } } : upstream;
  };
}

/** The four native routes of the fixture profile: images (sync), queue submission, status and result. */
export function fixtureNativeRoutes(options: FixtureNativeOptions = {}): NativeRouteV1[] {
  const operationOf: NativeRouteV1['operationOf'] = (request) =>
    options.constantOperation ? 'some-other-job' : request.params.id;
  return [
    {
      method: 'POST',
      path: '/v1/images',
      task: 'text-to-image',
      role: 'start',
      modelOf: (request) =>
        options.constantModel
          ? 'lab/flux'
          : request.body.kind === 'json'
            ? (jsonOf(request.body.value).model as string | undefined)
            : undefined,
      mapRequest: forward(options),
      meterResponse: ({ response }) => {
        const images = (jsonOf(response.body).images as unknown[] | undefined)?.length ?? 0;
        if (options.noUsage) return {};
        return { usage: options.unpricedUsage ? { images, computeMilliseconds: 900 } : { images } };
      },
    },
    {
      method: 'POST',
      path: '/queue/*',
      task: 'text-to-video',
      role: 'start',
      modelOf: (request) => (options.constantModel ? 'lab/video' : request.params['*']),
      mapRequest: forward(options),
      meterResponse: ({ response }) => ({
        ...(options.noOperationId ? {} : { operationId: String(jsonOf(response.body).request_id) }),
        ...(options.billsSubmission ? { usage: { videoMilliseconds: 1000 } } : {}),
      }),
    },
    {
      method: 'GET',
      path: '/queue/requests/:id/status',
      task: 'text-to-video',
      role: 'follow-up',
      operationOf,
      mapRequest: forward(options),
      meterResponse: ({ response }) => {
        const body = jsonOf(response.body);
        const done = jsonOf(body.response);
        if (!options.statusReportsUsage || body.status !== 'COMPLETED') return {};
        return { usage: { videoMilliseconds: Number(done.duration_ms) } };
      },
    },
    {
      method: 'GET',
      path: '/queue/requests/:id',
      task: 'text-to-video',
      role: 'follow-up',
      operationOf,
      mapRequest: forward(options),
      meterResponse: ({ response }) => ({
        usage: { videoMilliseconds: Number(jsonOf(response.body).duration_ms) },
      }),
    },
  ];
}

/**
 * The fixture task plugin with `fixtureNativeRoutes(options)`.
 *
 * @example
 * runProviderConformance({ plugin: createFixtureNativePlugin(), simulatorProfile: fixtureTaskProfile, tasks, native: FIXTURE_NATIVE });
 */
export function createFixtureNativePlugin(options: FixtureNativeOptions = {}): ProviderPluginV1 {
  return createFixtureTaskPlugin({
    ...options.task,
    overrides: { ...options.task?.overrides, nativeRoutes: fixtureNativeRoutes(options) },
  });
}

const isCompleted = (response: { body: unknown }) => jsonOf(response.body).status === 'COMPLETED';

/** Fixtures for every native route of the fixture plugin. */
export const FIXTURE_NATIVE: Readonly<Record<'images' | 'video', NativeFixture>> = {
  images: {
    name: 'images',
    method: 'POST',
    path: '/v1/images',
    body: { kind: 'json', value: { model: 'lab/flux', prompt: 'A lighthouse', width: 48, height: 32 } },
  },
  video: {
    name: 'video',
    method: 'POST',
    path: '/queue/lab/video',
    body: { kind: 'json', value: { prompt: 'A cat surfing', duration_ms: 2000 } },
    followUps: (id) => [
      { method: 'GET', path: `/queue/requests/${id}/status`, until: isCompleted },
      { method: 'GET', path: `/queue/requests/${id}` },
    ],
  },
};
