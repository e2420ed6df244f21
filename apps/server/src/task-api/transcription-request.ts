/** Checks OpenAI's transcription form and turns it into the `automatic-speech-recognition` task input. */
import { type AutomaticSpeechRecognitionInputV1, InputError } from '@tollgate/provider-spec';
import { audioMediaType } from './audio-media-type.js';
import { definedFields } from './defined-fields.js';
import { TRANSCRIPTION_FORMATS, type TranscriptionFormat } from './openai-transcription.js';
import type { UploadForm } from './read-upload-form.js';

export interface TranscriptionRequest {
  readonly model: string;
  readonly input: AutomaticSpeechRecognitionInputV1;
  readonly format: TranscriptionFormat;
  readonly language: string | undefined;
}

function isTranscriptionFormat(value: string): value is TranscriptionFormat {
  return (TRANSCRIPTION_FORMATS as readonly string[]).includes(value);
}

function optionalText(fields: UploadForm['fields'], name: string): string | undefined {
  const value = fields[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function temperatureOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const temperature = Number(value);
  if (!Number.isFinite(temperature) || temperature < 0 || temperature > 1) {
    throw new InputError({
      message: `'temperature' must be a number from 0 to 1 (got '${value}')`,
      param: 'temperature',
    });
  }
  return temperature;
}

/**
 * `verbose_json` asks the provider for timestamps, since its segments are made of them.
 *
 * @example
 * const { model, input, format } = transcriptionRequest(await readUploadForm(request, limits));
 */
export function transcriptionRequest({ fields, file }: UploadForm): TranscriptionRequest {
  if (file === undefined || file.field !== 'file') {
    throw new InputError({ message: "Attach the audio as the form's 'file' field.", param: 'file' });
  }
  if (file.bytes.byteLength === 0) throw new InputError({ message: "The 'file' is empty.", param: 'file' });
  const model = optionalText(fields, 'model');
  if (model === undefined)
    throw new InputError({ message: "The form needs a 'model' field.", param: 'model' });
  const format = optionalText(fields, 'response_format') ?? 'json';
  if (!isTranscriptionFormat(format)) {
    throw new InputError({
      message: `'response_format' must be one of ${TRANSCRIPTION_FORMATS.join(', ')} (got '${format}')`,
      param: 'response_format',
    });
  }
  const language = optionalText(fields, 'language');
  const parameters = definedFields({
    language,
    prompt: optionalText(fields, 'prompt'),
    temperature: temperatureOf(optionalText(fields, 'temperature')),
    return_timestamps: format === 'verbose_json' ? true : undefined,
  });
  return {
    model,
    format,
    language,
    input: {
      inputs: { kind: 'bytes', bytes: file.bytes, contentType: audioMediaType(file.filename, file.mimetype) },
      ...(Object.keys(parameters).length > 0 ? { parameters } : {}),
    },
  };
}
