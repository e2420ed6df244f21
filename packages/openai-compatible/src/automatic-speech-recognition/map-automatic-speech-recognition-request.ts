/** Builds an OpenAI-style `/v1/audio/transcriptions` multipart upload from the public ASR input. */
import {
  type AutomaticSpeechRecognitionInputV1,
  type CallContextV1,
  InputError,
  type UpstreamRequestV1,
} from '@tollgate/provider-spec';
import { encodeMultipartForm, type MultipartField } from '@tollgate/provider-utils';
import { audioFileName } from '../media/audio-file-name.js';
import { readMediaBytes } from '../media/read-media-bytes.js';
import { definedFields, finishRequestBody } from '../shared-task-config.js';
import type { OpenAICompatibleAutomaticSpeechRecognitionConfig } from './openai-compatible-automatic-speech-recognition-config.js';

function textField(name: string, value: unknown): MultipartField {
  return { name, value: typeof value === 'string' ? value : JSON.stringify(value) };
}

function fileField(
  config: OpenAICompatibleAutomaticSpeechRecognitionConfig,
  input: AutomaticSpeechRecognitionInputV1,
): MultipartField {
  const media = readMediaBytes(input?.inputs);
  if (media) {
    return {
      name: 'file',
      filename: audioFileName(media.contentType),
      contentType: media.contentType,
      bytes: media.bytes,
    };
  }
  const url = input.inputs.kind === 'url' ? input.inputs.url : '';
  if (config.acceptsFileUrl) return { name: 'file', value: url };
  throw new InputError({
    message: `${config.providerId} needs the audio itself, not a link to it: send the file's bytes or a data: URL`,
    param: 'inputs',
  });
}

/**
 * A `multipart/form-data` body: the text fields `model`, `response_format` (`verbose_json` by default, for the
 * duration), `language`, `prompt` and `temperature`, then the audio as the `file` part named `audio.<ext>` after
 * its type. The fields pass through `unsupportedParameters` and `transformRequestBody` like a JSON body does.
 *
 * @example
 * mapAutomaticSpeechRecognitionRequest({ providerId: 'together' }, { input: { inputs: { kind: 'bytes', bytes: wav, contentType: 'audio/wav' } }, context });
 * // { method: 'POST', path: '/v1/audio/transcriptions', body: { kind: 'bytes', contentType: 'multipart/form-data; boundary=…', value }, expect: 'json' }
 */
export function mapAutomaticSpeechRecognitionRequest(
  config: OpenAICompatibleAutomaticSpeechRecognitionConfig,
  { input, context }: { input: AutomaticSpeechRecognitionInputV1; context: CallContextV1 },
): UpstreamRequestV1 {
  const file = fileField(config, input);
  const parameters = input.parameters ?? {};
  const fields = finishRequestBody(
    config,
    definedFields({
      model: context.providerModelId,
      response_format:
        config.responseFormat === undefined ? 'verbose_json' : (config.responseFormat ?? undefined),
      language: parameters.language,
      prompt: parameters.prompt,
      temperature: parameters.temperature,
    }),
  );
  const form = encodeMultipartForm([
    ...Object.entries(fields)
      .filter(([, value]) => value !== undefined && value !== null)
      .map(([name, value]) => textField(name, value)),
    file,
  ]);
  return {
    method: 'POST',
    path: config.path ?? '/v1/audio/transcriptions',
    body: { kind: 'bytes', value: form.bytes, contentType: form.contentType },
    expect: 'json',
  };
}
