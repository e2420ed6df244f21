/** A small task-only profile (fal-like auth and queue) for testing the simulator's task routes and the suite. */
import { createHash } from 'node:crypto';
import { encodeMp4 } from '../media/encode-mp4.js';
import { encodePng } from '../media/encode-png.js';
import { encodeWav } from '../media/encode-wav.js';
import { createOpenAIStyleErrorDialect } from '../profiles/openai-style-error-dialect.js';
import type { ProviderProfile } from '../profiles/provider-profile.js';
import { createTaskProfile } from '../profiles/task-profile.js';
import { jobDurationMs } from './job-book.js';
import { jobFailureMessage } from './job-failure-message.js';
import { sendBytesResponse } from './send-bytes-response.js';
import { sendJsonResponse } from './send-json-response.js';

type Body = Record<string, unknown>;
const bodyOf = (body: unknown): Body => (body != null && typeof body === 'object' ? (body as Body) : {});

const QUEUE_STATUS = {
  queued: 'IN_QUEUE',
  running: 'IN_PROGRESS',
  succeeded: 'COMPLETED',
  failed: 'COMPLETED',
} as const;

export const FIXTURE_TASK_PROFILE_ID = 'media-lab';

export const fixtureTaskProfile: ProviderProfile = createTaskProfile({
  id: FIXTURE_TASK_PROFILE_ID,
  displayName: 'Media Lab (fixture)',
  auth: { header: 'authorization', prefix: 'Key ' },
  models: [
    { id: 'lab/flux', ownedBy: 'lab', contextLength: 0 },
    { id: 'lab/tts', ownedBy: 'lab', contextLength: 0 },
    { id: 'lab/video', ownedBy: 'lab', contextLength: 0 },
  ],
  errors: createOpenAIStyleErrorDialect({
    invalidKey: () => ({ status: 401, body: { detail: 'Invalid key' } }),
    missingKey: () => ({ status: 401, body: { detail: 'Missing key' } }),
    modelNotFound: (model) => ({ status: 404, body: { detail: `No model ${model}` } }),
    rateLimitMessage: () => 'Slow down',
  }),
  taskRoutes: [
    {
      method: 'POST',
      path: '/v1/images',
      serve: async (exchange, request) => {
        const {
          prompt,
          width = 64,
          height = 64,
        } = bodyOf(request.body) as { prompt?: string; width?: number; height?: number };
        const url = request.media.put(encodePng({ width, height, seed: prompt ?? '' }), 'image/png', 'png');
        await sendJsonResponse(exchange, {
          status: 200,
          body: { images: [{ url, width, height, content_type: 'image/png' }] },
        });
      },
    },
    {
      method: 'POST',
      path: '/v1/speech',
      serve: async (exchange, request) => {
        const text = String(bodyOf(request.body).text ?? '');
        const wav = encodeWav({ durationMs: 50 * text.length, seed: text });
        await sendBytesResponse(exchange, { status: 200, bytes: wav, contentType: 'audio/wav' });
      },
    },
    {
      method: 'POST',
      path: '/v1/upload',
      serve: async (exchange, request) => {
        await sendJsonResponse(exchange, {
          status: 200,
          body: {
            bytes: request.rawBody.length,
            sha256: createHash('sha256').update(request.rawBody).digest('hex'),
            contentType: request.contentType ?? null,
          },
        });
      },
    },
    {
      method: 'POST',
      path: '/queue/*',
      serve: async (exchange, request) => {
        const model = request.params['*'] ?? '';
        if (!request.models.some((candidate) => candidate.id === model)) {
          return sendJsonResponse(exchange, fixtureTaskProfile.errors.modelNotFound(model));
        }
        const id = createHash('sha256').update(`${Date.now()}-${Math.random()}`).digest('hex').slice(0, 16);
        const { prompt = '', duration_ms: durationMs = 1000 } = bodyOf(request.body) as {
          prompt?: string;
          duration_ms?: number;
        };
        request.jobs.create({
          id,
          durationMs: jobDurationMs(request.latency),
          fails: jobFailureMessage(exchange, 'The model crashed'),
          result: () => ({
            video: {
              url: request.media.put(
                encodeMp4({ durationMs, width: 32, height: 32, seed: prompt }),
                'video/mp4',
                'mp4',
              ),
            },
            // What the job made, for metering a result read on its own (the native routes' follow-ups).
            duration_ms: durationMs,
          }),
        });
        const requestUrl = `${request.baseUrl}/queue/requests/${id}`;
        await sendJsonResponse(exchange, {
          status: 200,
          body: {
            request_id: id,
            status: 'IN_QUEUE',
            status_url: `${requestUrl}/status`,
            response_url: requestUrl,
          },
        });
      },
    },
    {
      method: 'GET',
      path: '/queue/requests/:id/status',
      serve: async (exchange, request) => {
        const job = request.jobs.get(request.params.id ?? '');
        if (!job) return sendJsonResponse(exchange, { status: 404, body: { detail: 'Request not found' } });
        await sendJsonResponse(exchange, {
          status: 200,
          body: {
            status: QUEUE_STATUS[job.state],
            ...(job.error !== undefined ? { error: job.error } : {}),
            // Unlike fal, this fixture hands the result back with the status, so one poll request suffices.
            ...(job.state === 'succeeded' ? { response: job.result } : {}),
          },
        });
      },
    },
    {
      method: 'GET',
      path: '/queue/requests/:id',
      serve: async (exchange, request) => {
        const job = request.jobs.get(request.params.id ?? '');
        if (!job) return sendJsonResponse(exchange, { status: 404, body: { detail: 'Request not found' } });
        if (job.state === 'failed')
          return sendJsonResponse(exchange, { status: 422, body: { detail: job.error } });
        if (job.state !== 'succeeded')
          return sendJsonResponse(exchange, {
            status: 400,
            body: { detail: 'Request is still in progress' },
          });
        await sendJsonResponse(exchange, { status: 200, body: job.result });
      },
    },
  ],
});
