/** The audio duration an OpenAI-style transcription is billed by, from the answer or the upload itself. */
import { wavDurationMs } from '../media/wav-duration-ms.js';

interface Reported {
  readonly duration?: unknown;
  readonly usage?: { readonly type?: unknown; readonly seconds?: unknown };
}

function seconds(value: unknown): number | undefined {
  return typeof value === 'number' && Number.isFinite(value) && value >= 0 ? value : undefined;
}

/**
 * The duration in milliseconds (rounded up): `duration` of a `verbose_json` answer, else OpenAI's
 * `usage: {type: 'duration', seconds}`, else the WAV header of the upload when it is a WAV (exactly known either
 * way); undefined when none of them says. Shared by the routed task and the native route, so both bill the same
 * transcription alike.
 *
 * @example
 * transcriptionAudioMs({ text: 'Hello.', duration: 2.5 }, undefined); // 2500
 */
export function transcriptionAudioMs(answer: unknown, upload: Uint8Array | undefined): number | undefined {
  const body: Reported = answer !== null && typeof answer === 'object' ? answer : {};
  const reported =
    seconds(body.duration) ?? (body.usage?.type === 'duration' ? seconds(body.usage.seconds) : undefined);
  if (reported !== undefined) return Math.ceil(reported * 1000);
  return upload ? wavDurationMs(upload) : undefined;
}
