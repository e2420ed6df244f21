/** Reads WaveSpeed's `{code, message, data}` envelope around a prediction, as its submit and result routes send it. */
import { UpstreamApiError, UpstreamOutputError } from '@tollgate/provider-spec';

/** WaveSpeed's prediction states: `created` and `processing` while it runs, then `completed` or `failed`. */
export type WavespeedStatus = 'created' | 'processing' | 'completed' | 'failed';

export interface WavespeedPrediction {
  readonly id: string;
  /** The state as WaveSpeed wrote it; a state it adds later is read as still running. */
  readonly status: string;
  /** Output file URLs on WaveSpeed's CDN; empty until the prediction completes. */
  readonly outputs: readonly string[];
  /** `data.urls.get`, where WaveSpeed says the result can be polled. */
  readonly getUrl: string | undefined;
  /** `data.error`, WaveSpeed's reason for a failed prediction (an empty string while there is none). */
  readonly error: string | undefined;
}

const PROVIDER_ID = 'wavespeed';

function record(value: unknown): Record<string, unknown> | undefined {
  return value != null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function nonEmpty(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/**
 * The prediction inside a 2xx answer. WaveSpeed repeats the HTTP status in the envelope's `code`; an envelope whose
 * `code` is not 200 is an API error even when the HTTP status was 2xx, and becomes an `UpstreamApiError` with
 * WaveSpeed's `message`. A body without `data.id` and `data.status` is an `UpstreamOutputError`.
 *
 * @example
 * parseWavespeedPrediction({ code: 200, message: 'success', data: { id: 'a1', status: 'created', outputs: [],
 *   urls: { get: 'https://api.wavespeed.ai/api/v3/predictions/a1/result' } } });
 * // { id: 'a1', status: 'created', outputs: [], getUrl: 'https://api.wavespeed.ai/api/v3/predictions/a1/result', error: undefined }
 */
export function parseWavespeedPrediction(body: unknown): WavespeedPrediction {
  const envelope = record(body);
  const code = envelope?.code;
  if (typeof code === 'number' && code !== 200) {
    const message = nonEmpty(envelope?.message) ?? `envelope code ${code}`;
    throw new UpstreamApiError({
      message: `${PROVIDER_ID} API error (${code}): ${message}`,
      providerId: PROVIDER_ID,
      upstreamStatus: code,
      upstreamBody: body,
    });
  }
  const data = record(envelope?.data);
  const id = nonEmpty(data?.id);
  const status = nonEmpty(data?.status);
  if (data === undefined || id === undefined || status === undefined) {
    throw new UpstreamOutputError({
      message: `${PROVIDER_ID} answered without a prediction id and status: ${JSON.stringify(body)?.slice(0, 200)}`,
      providerId: PROVIDER_ID,
    });
  }
  const outputs = Array.isArray(data.outputs)
    ? data.outputs.filter((item): item is string => typeof item === 'string' && item !== '')
    : [];
  return {
    id,
    status,
    outputs,
    getUrl: nonEmpty(record(data.urls)?.get),
    error: nonEmpty(data.error),
  };
}

/** The failure text of a failed prediction: WaveSpeed's `error`, or a plain statement when it gave none. */
export function predictionFailureMessage(prediction: WavespeedPrediction): string {
  return prediction.error ?? `prediction ${prediction.id} failed without a reason`;
}
