/** The task map of the WaveSpeed plugin: image and video generation, all on WaveSpeed's prediction queue. */
import type {
  ImageGenerationOutputV1,
  ImageToImageInputV1,
  ImageToVideoInputV1,
  ModelMappingV1,
  QueuedTaskHandlerV1,
  RateTableV1,
  TextToImageInputV1,
  TextToVideoInputV1,
  VideoGenerationOutputV1,
} from '@tollgate/provider-spec';
import { createWavespeedTask } from './create-wavespeed-task.js';
import { imageToImageBody, textToImageBody } from './map-image-bodies.js';
import { imageToVideoBody, textToVideoBody } from './map-video-bodies.js';
import { readImageOutputs, readVideoOutput } from './read-prediction-outputs.js';

/** A type alias rather than an interface, so it fits the manifest's task record. */
export type WavespeedTasks = {
  readonly 'text-to-image': QueuedTaskHandlerV1<TextToImageInputV1, ImageGenerationOutputV1>;
  readonly 'image-to-image': QueuedTaskHandlerV1<ImageToImageInputV1, ImageGenerationOutputV1>;
  readonly 'text-to-video': QueuedTaskHandlerV1<TextToVideoInputV1, VideoGenerationOutputV1>;
  readonly 'image-to-video': QueuedTaskHandlerV1<ImageToVideoInputV1, VideoGenerationOutputV1>;
};

/**
 * @example
 * defineProviderPlugin({ ..., tasks: createWavespeedTasks({ rates: wavespeedRates, models: wavespeedModels }) });
 */
export function createWavespeedTasks(catalog: {
  readonly rates: RateTableV1;
  readonly models: readonly ModelMappingV1[];
}): WavespeedTasks {
  return {
    'text-to-image': createWavespeedTask({
      ...catalog,
      buildBody: textToImageBody,
      readOutput: readImageOutputs,
    }),
    'image-to-image': createWavespeedTask({
      ...catalog,
      buildBody: imageToImageBody,
      readOutput: readImageOutputs,
    }),
    'text-to-video': createWavespeedTask({
      ...catalog,
      buildBody: textToVideoBody,
      readOutput: (prediction, input: TextToVideoInputV1) => readVideoOutput(prediction, input.parameters),
    }),
    'image-to-video': createWavespeedTask({
      ...catalog,
      buildBody: imageToVideoBody,
      readOutput: (prediction, input: ImageToVideoInputV1) => readVideoOutput(prediction, input.parameters),
    }),
  };
}
