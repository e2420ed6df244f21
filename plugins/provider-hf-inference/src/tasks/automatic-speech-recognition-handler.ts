/** `automatic-speech-recognition` on hf-inference (Whisper and similar): the audio's raw bytes in, text out. */
import type {
  AutomaticSpeechRecognitionInputV1,
  AutomaticSpeechRecognitionOutputV1,
  TranscriptionChunkV1,
} from '@tollgate/provider-spec';
import { binaryInputBody } from '../binary-input-body.js';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { optionalParameters, requireInputObject } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

const TASK = 'automatic-speech-recognition';

/**
 * HF's parameters for the public ones: `return_timestamps` as is, `temperature` under
 * `generation_parameters`. `language` and `prompt` have no place in HF's specification (Whisper detects the
 * language itself), so they are not sent.
 */
function hfParameters(parameters: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
  if (parameters === undefined) return undefined;
  const { return_timestamps: returnTimestamps, temperature } = parameters;
  const mapped = {
    ...(returnTimestamps !== undefined ? { return_timestamps: returnTimestamps } : {}),
    ...(temperature !== undefined ? { generation_parameters: { temperature } } : {}),
  };
  return Object.keys(mapped).length === 0 ? undefined : mapped;
}

function toChunk(value: unknown): TranscriptionChunkV1 {
  const timestamp = isRecord(value) ? value.timestamp : undefined;
  if (!isRecord(value) || typeof value.text !== 'string' || !Array.isArray(timestamp)) {
    throw unusableOutput(TASK, 'expected chunks of {text, timestamp: [start, end]}');
  }
  const [start, end] = timestamp as unknown[];
  if (typeof start !== 'number' || (end !== null && typeof end !== 'number')) {
    throw unusableOutput(TASK, 'a chunk timestamp is not [start, end] in seconds');
  }
  // transformers' Whisper pipeline leaves the last chunk's end null when the audio stops mid-chunk; the start
  // is the only time the provider stated, so the chunk ends where it starts.
  return { text: value.text, timestamp: [start, end ?? start] };
}

/**
 * @example
 * automaticSpeechRecognitionHandler.mapRequest({ input: { inputs: { kind: 'bytes', bytes: wav, contentType: 'audio/wav' } }, context });
 * // POST /models/openai/whisper-large-v3 with the WAV as the body
 */
export const automaticSpeechRecognitionHandler = createPipelineHandler<
  AutomaticSpeechRecognitionInputV1,
  AutomaticSpeechRecognitionOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    return binaryInputBody(
      request.inputs as AutomaticSpeechRecognitionInputV1['inputs'],
      hfParameters(optionalParameters(request.parameters)),
    );
  },
  output: (body) => {
    if (!isRecord(body) || typeof body.text !== 'string') throw unusableOutput(TASK, 'expected {text}');
    if (body.chunks == null) return { text: body.text };
    if (!Array.isArray(body.chunks)) throw unusableOutput(TASK, 'chunks must be a list');
    return { text: body.text, chunks: body.chunks.map(toChunk) };
  },
});
