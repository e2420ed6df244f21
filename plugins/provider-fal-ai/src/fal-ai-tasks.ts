/** The six tasks fal serves for Hugging Face: four on its queue, two synchronously on fal.run. */
import type {
  AutomaticSpeechRecognitionInputV1,
  AutomaticSpeechRecognitionOutputV1,
  ImageGenerationOutputV1,
  ImageToImageInputV1,
  ImageToVideoInputV1,
  TaskHandlerV1,
  TaskId,
  TextToImageInputV1,
  TextToSpeechInputV1,
  TextToSpeechOutputV1,
  TextToVideoInputV1,
  VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import { createFalQueuedTask } from './create-fal-queued-task.js';
import { createFalSyncTask } from './create-fal-sync-task.js';
import { falAiRates as rates } from './fal-ai-rates.js';
import { imageSizeArgument } from './image-size-argument.js';
import { mapAutomaticSpeechRecognitionArguments } from './map-automatic-speech-recognition-arguments.js';
import { mapImageToImageArguments } from './map-image-to-image-arguments.js';
import { mapImageToVideoArguments } from './map-image-to-video-arguments.js';
import { mapTextToImageArguments } from './map-text-to-image-arguments.js';
import { mapTextToSpeechArguments } from './map-text-to-speech-arguments.js';
import { mapTextToVideoArguments } from './map-text-to-video-arguments.js';
import { readImageResult } from './read-image-result.js';
import { readSpeechResult } from './read-speech-result.js';
import { readTranscriptionResult } from './read-transcription-result.js';
import { readVideoResult } from './read-video-result.js';
import { wanFrameCount } from './wan-frame-count.js';

/**
 * Image and video generation run on fal's queue (they take from seconds to minutes); speech recognition and
 * text-to-speech finish in seconds and run on the synchronous API, as Hugging Face's clients call them.
 */
export const falAiTasks: Readonly<Partial<Record<TaskId, TaskHandlerV1>>> = {
  'text-to-image': createFalQueuedTask<TextToImageInputV1, ImageGenerationOutputV1>({
    rates,
    buildArguments: mapTextToImageArguments,
    readResult: (body, input, context) =>
      readImageResult(
        body,
        context.providerId,
        imageSizeArgument(input.parameters?.width, input.parameters?.height),
      ),
  }),
  'image-to-image': createFalQueuedTask<ImageToImageInputV1, ImageGenerationOutputV1>({
    rates,
    buildArguments: mapImageToImageArguments,
    readResult: (body, _input, context) => readImageResult(body, context.providerId),
  }),
  'text-to-video': createFalQueuedTask<TextToVideoInputV1, VideoGenerationOutputV1>({
    rates,
    buildArguments: mapTextToVideoArguments,
    readResult: (body, input, context) =>
      readVideoResult(body, wanFrameCount(input.parameters), context.providerId),
  }),
  'image-to-video': createFalQueuedTask<ImageToVideoInputV1, VideoGenerationOutputV1>({
    rates,
    buildArguments: mapImageToVideoArguments,
    readResult: (body, input, context) =>
      readVideoResult(body, wanFrameCount(input.parameters), context.providerId),
  }),
  'automatic-speech-recognition': createFalSyncTask<
    AutomaticSpeechRecognitionInputV1,
    AutomaticSpeechRecognitionOutputV1
  >({
    rates,
    buildArguments: mapAutomaticSpeechRecognitionArguments,
    readResult: (body, _input, context) => readTranscriptionResult(body, context.providerId),
  }),
  'text-to-speech': createFalSyncTask<TextToSpeechInputV1, TextToSpeechOutputV1>({
    rates,
    buildArguments: mapTextToSpeechArguments,
    readResult: (body, input, context) => readSpeechResult(body, input.inputs, context.providerId),
  }),
};
