/**
 * The native `/v1/audio/transcriptions` route of an OpenAI-style provider: OpenAI's multipart upload, passed on
 * as it came whenever its audio's duration (what transcription is billed by) can be known.
 */
import { InputError, type NativeRouteV1 } from '@tollgate/provider-spec';
import { encodeMultipartForm, forwardNativeRequest, type MultipartField } from '@tollgate/provider-utils';
import type { OpenAICompatibleAutomaticSpeechRecognitionConfig } from '../automatic-speech-recognition/openai-compatible-automatic-speech-recognition-config.js';
import { transcriptionAudioMs } from '../automatic-speech-recognition/transcription-audio-ms.js';
import { wavDurationMs } from '../media/wav-duration-ms.js';
import { finishRequestBody } from '../shared-task-config.js';
import { multipartFileOf, multipartFormOf, multipartModelOf, multipartTextOf } from './multipart-form-of.js';

const isFile = (part: MultipartField) => 'bytes' in part;

/**
 * The form with the task's `unsupportedParameters` and `transformRequestBody` applied to its text fields (a
 * repeated field, such as `timestamp_granularities[]`, as a list), or the form itself when they change nothing.
 */
function withTaskQuirks(
  config: OpenAICompatibleAutomaticSpeechRecognitionConfig,
  form: readonly MultipartField[],
): readonly MultipartField[] {
  if (!config.unsupportedParameters?.length && !config.transformRequestBody) return form;
  const fields: Record<string, string | string[]> = {};
  for (const part of form) {
    if (isFile(part)) continue;
    const seen = fields[part.name];
    fields[part.name] = seen === undefined ? part.value : [seen, part.value].flat();
  }
  const finished = finishRequestBody(config, fields);
  if (JSON.stringify(finished) === JSON.stringify(fields)) return form;
  const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));
  return [
    ...Object.entries(finished).flatMap(([name, value]) =>
      value === undefined || value === null
        ? []
        : (Array.isArray(value) ? value : [value]).map((item) => ({ name, value: text(item) })),
    ),
    ...form.filter(isFile),
  ];
}

/** The form with text field `name` set to `value`, in place of its first occurrence or at the end. */
function withField(form: readonly MultipartField[], name: string, value: string): MultipartField[] {
  const at = form.findIndex((part) => part.name === name && !isFile(part));
  if (at === -1) return [...form, { name, value }];
  return form.map((part, index) => (index === at ? { name, value } : part));
}

/**
 * `POST {path}` for `automatic-speech-recognition`: the model from the form's `model` field (a body that is not a
 * readable multipart form is a 400), and the answer metered by {@link transcriptionAudioMs}, as the routed task
 * meters it: the `duration` a `verbose_json` answer states, else the uploaded WAV's own length. So that every
 * transcription can be billed, a form whose duration neither would give is changed or refused: one asking for
 * `json` (or nothing, OpenAI's default) is sent asking for `verbose_json`, which is `json`'s `text` with the
 * duration and segments added, so a client reading `json` still reads its answer; one asking for a text format
 * (`text`, `srt`, `vtt`) is refused, unless its audio is WAV. Text formats come back as the provider's bytes.
 *
 * @example
 * nativeTranscriptionRoute({ providerId: 'deepinfra', path: '/v1/openai/audio/transcriptions' });
 */
export function nativeTranscriptionRoute(
  config: OpenAICompatibleAutomaticSpeechRecognitionConfig,
): NativeRouteV1 {
  return {
    method: 'POST',
    path: config.path ?? '/v1/audio/transcriptions',
    task: 'automatic-speech-recognition',
    role: 'start',
    modelOf: multipartModelOf,
    mapRequest: ({ request }) => {
      const received = multipartFormOf(request);
      let form = withTaskQuirks(config, received);
      const format = multipartTextOf(form, 'response_format');
      const upload = multipartFileOf(form, 'file');
      const uploadMs = upload ? wavDurationMs(upload.bytes) : undefined;
      if (format !== 'verbose_json' && uploadMs === undefined) {
        if (format !== undefined && format !== 'json') {
          throw new InputError({
            message: `${config.providerId} transcriptions are billed by the audio's duration, which a '${format}' answer does not state: ask for json or verbose_json, or upload WAV audio.`,
            param: 'response_format',
          });
        }
        form = withField(form, 'response_format', 'verbose_json');
      }
      const answerFormat = multipartTextOf(form, 'response_format');
      const expect = answerFormat === undefined || answerFormat.endsWith('json') ? 'json' : 'bytes';
      const forwarded = forwardNativeRequest(request, { expect });
      if (form === received) return forwarded;
      const encoded = encodeMultipartForm(form);
      return {
        ...forwarded,
        body: { kind: 'bytes', value: encoded.bytes, contentType: encoded.contentType },
      };
    },
    meterResponse: ({ request, response }) => {
      const upload = multipartFileOf(multipartFormOf(request), 'file');
      const audioMilliseconds = transcriptionAudioMs(
        response.body instanceof Uint8Array ? undefined : response.body,
        upload?.bytes,
      );
      return audioMilliseconds ? { usage: { audioMilliseconds } } : {};
    },
  };
}
