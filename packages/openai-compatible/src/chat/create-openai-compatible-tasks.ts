/** The task map an OpenAI-compatible provider plugin puts in its manifest: chat, plus the other tasks it serves. */
import type {
  AutomaticSpeechRecognitionInputV1,
  AutomaticSpeechRecognitionOutputV1,
  FeatureExtractionInputV1,
  FeatureExtractionOutputV1,
  ImageGenerationOutputV1,
  SyncTaskHandlerV1,
  TextGenerationInputV1,
  TextGenerationOutputV1,
  TextToImageInputV1,
  TextToSpeechInputV1,
  TextToSpeechOutputV1,
} from '@tollgate/provider-spec';
import { createOpenAICompatibleAutomaticSpeechRecognitionHandler } from '../automatic-speech-recognition/create-openai-compatible-automatic-speech-recognition-handler.js';
import type { OpenAICompatibleAutomaticSpeechRecognitionConfig } from '../automatic-speech-recognition/openai-compatible-automatic-speech-recognition-config.js';
import { createOpenAICompatibleFeatureExtractionHandler } from '../feature-extraction/create-openai-compatible-feature-extraction-handler.js';
import type { OpenAICompatibleFeatureExtractionConfig } from '../feature-extraction/openai-compatible-feature-extraction-config.js';
import { createOpenAICompatibleTextGenerationHandler } from '../text-generation/create-openai-compatible-text-generation-handler.js';
import type { OpenAICompatibleTextGenerationConfig } from '../text-generation/openai-compatible-text-generation-config.js';
import { createOpenAICompatibleTextToImageHandler } from '../text-to-image/create-openai-compatible-text-to-image-handler.js';
import type { OpenAICompatibleTextToImageConfig } from '../text-to-image/openai-compatible-text-to-image-config.js';
import { createOpenAICompatibleTextToSpeechHandler } from '../text-to-speech/create-openai-compatible-text-to-speech-handler.js';
import type { OpenAICompatibleTextToSpeechConfig } from '../text-to-speech/openai-compatible-text-to-speech-config.js';
import type { ChatCompletion, ChatCompletionRequest } from './chat-completion-types.js';
import { createOpenAICompatibleChatHandler } from './create-openai-compatible-chat-handler.js';
import type { OpenAICompatibleChatConfig } from './openai-compatible-chat-config.js';

type TaskKnobs<Config> = Omit<Config, 'providerId'>;

/** The chat knobs, and the knobs of each other task the provider serves; a task left out is not declared. */
export interface OpenAICompatibleTasksConfig extends OpenAICompatibleChatConfig {
  readonly textGeneration?: TaskKnobs<OpenAICompatibleTextGenerationConfig>;
  readonly featureExtraction?: TaskKnobs<OpenAICompatibleFeatureExtractionConfig>;
  readonly textToImage?: TaskKnobs<OpenAICompatibleTextToImageConfig>;
  readonly textToSpeech?: TaskKnobs<OpenAICompatibleTextToSpeechConfig>;
  readonly automaticSpeechRecognition?: TaskKnobs<OpenAICompatibleAutomaticSpeechRecognitionConfig>;
}

/** A type alias, not an interface, so that it fits the manifest's `tasks` record (which has an index signature). */
export type OpenAICompatibleTasks = {
  readonly conversational: SyncTaskHandlerV1<ChatCompletionRequest, ChatCompletion>;
  readonly 'text-generation'?: SyncTaskHandlerV1<TextGenerationInputV1, TextGenerationOutputV1>;
  readonly 'feature-extraction'?: SyncTaskHandlerV1<FeatureExtractionInputV1, FeatureExtractionOutputV1>;
  readonly 'text-to-image'?: SyncTaskHandlerV1<TextToImageInputV1, ImageGenerationOutputV1>;
  readonly 'text-to-speech'?: SyncTaskHandlerV1<TextToSpeechInputV1, TextToSpeechOutputV1>;
  readonly 'automatic-speech-recognition'?: SyncTaskHandlerV1<
    AutomaticSpeechRecognitionInputV1,
    AutomaticSpeechRecognitionOutputV1
  >;
};

/**
 * `{ conversational, ... }` for `defineProviderPlugin({ tasks })`: chat always, and each other task whose knobs
 * are given (`{}` for the OpenAI defaults).
 *
 * @example
 * defineProviderPlugin({ ..., tasks: createOpenAICompatibleTasks({ providerId: 'scaleway', textGeneration: {}, featureExtraction: {} }) });
 */
export function createOpenAICompatibleTasks(config: OpenAICompatibleTasksConfig): OpenAICompatibleTasks {
  const {
    textGeneration,
    featureExtraction,
    textToImage,
    textToSpeech,
    automaticSpeechRecognition,
    ...chat
  } = config;
  const { providerId } = config;
  return {
    conversational: createOpenAICompatibleChatHandler(chat),
    ...(textGeneration
      ? { 'text-generation': createOpenAICompatibleTextGenerationHandler({ ...textGeneration, providerId }) }
      : {}),
    ...(featureExtraction
      ? {
          'feature-extraction': createOpenAICompatibleFeatureExtractionHandler({
            ...featureExtraction,
            providerId,
          }),
        }
      : {}),
    ...(textToImage
      ? { 'text-to-image': createOpenAICompatibleTextToImageHandler({ ...textToImage, providerId }) }
      : {}),
    ...(textToSpeech
      ? { 'text-to-speech': createOpenAICompatibleTextToSpeechHandler({ ...textToSpeech, providerId }) }
      : {}),
    ...(automaticSpeechRecognition
      ? {
          'automatic-speech-recognition': createOpenAICompatibleAutomaticSpeechRecognitionHandler({
            ...automaticSpeechRecognition,
            providerId,
          }),
        }
      : {}),
  };
}
