/** @tollgate/openai-compatible: reusable task handlers for providers that speak OpenAI-style APIs. */
export { createOpenAICompatibleAutomaticSpeechRecognitionHandler } from './automatic-speech-recognition/create-openai-compatible-automatic-speech-recognition-handler.js';
export { mapAutomaticSpeechRecognitionRequest } from './automatic-speech-recognition/map-automatic-speech-recognition-request.js';
export { mapAutomaticSpeechRecognitionResponse } from './automatic-speech-recognition/map-automatic-speech-recognition-response.js';
export type { OpenAICompatibleAutomaticSpeechRecognitionConfig } from './automatic-speech-recognition/openai-compatible-automatic-speech-recognition-config.js';
export { transcriptionAudioMs } from './automatic-speech-recognition/transcription-audio-ms.js';
export {
  boundChatUsage,
  limitChatOutputTokens,
  requestedMaxTokens,
} from './chat/bound-chat-usage.js';
export type {
  ChatCompletion,
  ChatCompletionChoice,
  ChatCompletionChunk,
  ChatCompletionChunkChoice,
  ChatCompletionMessage,
  ChatCompletionRequest,
  ChatCompletionStreamOptions,
  ChatCompletionUsage,
} from './chat/chat-completion-types.js';
export { createOpenAICompatibleChatHandler } from './chat/create-openai-compatible-chat-handler.js';
export {
  createOpenAICompatibleTasks,
  type OpenAICompatibleTasks,
  type OpenAICompatibleTasksConfig,
} from './chat/create-openai-compatible-tasks.js';
export { extractOpenAIUsage } from './chat/extract-openai-usage.js';
export { isChatStreaming, mapChatRequest } from './chat/map-chat-request.js';
export { mapChatResponse } from './chat/map-chat-response.js';
export { mapChatStreamChunk } from './chat/map-chat-stream-chunk.js';
export { mapOpenAIUsage } from './chat/map-openai-usage.js';
export type { OpenAICompatibleChatConfig } from './chat/openai-compatible-chat-config.js';
export { boundFeatureExtractionUsage } from './feature-extraction/bound-feature-extraction-usage.js';
export { createOpenAICompatibleFeatureExtractionHandler } from './feature-extraction/create-openai-compatible-feature-extraction-handler.js';
export { mapFeatureExtractionRequest } from './feature-extraction/map-feature-extraction-request.js';
export { mapFeatureExtractionResponse } from './feature-extraction/map-feature-extraction-response.js';
export type { OpenAICompatibleFeatureExtractionConfig } from './feature-extraction/openai-compatible-feature-extraction-config.js';
export { audioFileName } from './media/audio-file-name.js';
export { decodeBase64 } from './media/decode-base64.js';
export { type MediaBytes, readMediaBytes } from './media/read-media-bytes.js';
export { sniffMediaType } from './media/sniff-media-type.js';
export { wavDurationMs } from './media/wav-duration-ms.js';
export { createOpenAICompatibleNativeRoutes } from './native/create-openai-compatible-native-routes.js';
export { jsonBodyOf, modelFieldOf } from './native/json-body-of.js';
export {
  multipartFileOf,
  multipartFormOf,
  multipartModelOf,
  multipartTextOf,
} from './native/multipart-form-of.js';
export type { OpenAICompatibleTaskConfig } from './shared-task-config.js';
export {
  boundTextGenerationUsage,
  limitTextGenerationOutputTokens,
} from './text-generation/bound-text-generation-usage.js';
export { createOpenAICompatibleTextGenerationHandler } from './text-generation/create-openai-compatible-text-generation-handler.js';
export { mapTextGenerationRequest } from './text-generation/map-text-generation-request.js';
export { mapTextGenerationResponse } from './text-generation/map-text-generation-response.js';
export type { OpenAICompatibleTextGenerationConfig } from './text-generation/openai-compatible-text-generation-config.js';
export { boundImageUsage } from './text-to-image/bound-image-usage.js';
export { createOpenAICompatibleTextToImageHandler } from './text-to-image/create-openai-compatible-text-to-image-handler.js';
export { imageUsage } from './text-to-image/image-usage.js';
export { mapImageData } from './text-to-image/map-image-data.js';
export { mapTextToImageRequest } from './text-to-image/map-text-to-image-request.js';
export { mapTextToImageResponse } from './text-to-image/map-text-to-image-response.js';
export type {
  ImageMeter,
  ImageParameterName,
  OpenAICompatibleTextToImageConfig,
} from './text-to-image/openai-compatible-text-to-image-config.js';
export { createOpenAICompatibleTextToSpeechHandler } from './text-to-speech/create-openai-compatible-text-to-speech-handler.js';
export { mapTextToSpeechRequest } from './text-to-speech/map-text-to-speech-request.js';
export { mapTextToSpeechResponse } from './text-to-speech/map-text-to-speech-response.js';
export type { OpenAICompatibleTextToSpeechConfig } from './text-to-speech/openai-compatible-text-to-speech-config.js';
export { speechContentType, speechUsage } from './text-to-speech/speech-audio.js';
