/** @tollgate/provider-spec: the contract between the Tollgate host and its provider plugins. */
export { defineProviderPlugin } from './define-provider-plugin.js';
export { AuthError } from './errors/auth-error.js';
export { GatewayError, type GatewayErrorOptions, hasMarker } from './errors/gateway-error.js';
export { InputError } from './errors/input-error.js';
export { InsufficientCreditError } from './errors/insufficient-credit-error.js';
export { PluginDefinitionError } from './errors/plugin-definition-error.js';
export { RoutingError } from './errors/routing-error.js';
export { UpstreamApiError, type UpstreamApiErrorOptions } from './errors/upstream-api-error.js';
export { UpstreamOutputError } from './errors/upstream-output-error.js';
export { isProviderPlugin, PROVIDER_PLUGIN_BRAND } from './plugin-brand.js';
export type { CallContextV1 } from './v1/call-context-v1.js';
export type { ModelMappingStatusV1, ModelMappingV1, ModelMetadataV1 } from './v1/model-mapping-v1.js';
export type {
  NativeBodyV1,
  NativeMeteringV1,
  NativeRequestV1,
  NativeRouteArgsV1,
  NativeRouteV1,
} from './v1/native-route-v1.js';
export type { AuthSchemeV1, PluginSettingsV1 } from './v1/plugin-settings-v1.js';
export type { ProviderBillingApiV1 } from './v1/provider-billing-api-v1.js';
export type { BillingModeV1, ProviderPluginDefinitionV1, ProviderPluginV1 } from './v1/provider-plugin-v1.js';
export type { RateCardV1, RateSourceV1, RateTableV1, RateUnitV1 } from './v1/rate-source-v1.js';
export type {
  BoundUsageArgsV1,
  LimitOutputTokensArgsV1,
  MapRequestArgsV1,
  MapResponseArgsV1,
  MapStatusRequestArgsV1,
  MapStatusResponseArgsV1,
  MapStreamChunkArgsV1,
  QueuedOperationV1,
  QueuedStatusV1,
  QueuedTaskHandlerV1,
  StreamChunkResultV1,
  SyncTaskHandlerV1,
  TaskHandlerV1,
  TaskResultV1,
  UsageBoundV1,
} from './v1/task-handler-v1.js';
export { KNOWN_TASK_IDS, type TaskId } from './v1/task-id.js';
export type {
  AudioClassificationInputV1,
  AudioClassificationOutputV1,
} from './v1/tasks/audio-classification-v1.js';
export type {
  ClassificationFunctionV1,
  ClassificationOutputElementV1,
  ClassificationOutputV1,
  ClassificationParametersV1,
} from './v1/tasks/classification-output-v1.js';
export type {
  FeatureExtractionInputV1,
  FeatureExtractionOutputV1,
} from './v1/tasks/feature-extraction-v1.js';
export type { FillMaskElementV1, FillMaskInputV1, FillMaskOutputV1 } from './v1/tasks/fill-mask-v1.js';
export type {
  GenerationParametersV1,
  Text2TextTruncationV1,
} from './v1/tasks/generation-parameters-v1.js';
export type {
  ImageClassificationInputV1,
  ImageClassificationOutputV1,
} from './v1/tasks/image-classification-v1.js';
export type {
  ImageGenerationOutputV1,
  ImageGenerationParametersV1,
  ImageSizeV1,
  ImageToImageInputV1,
  TextToImageInputV1,
} from './v1/tasks/image-generation-v1.js';
export type {
  ImageSegmentationElementV1,
  ImageSegmentationInputV1,
  ImageSegmentationOutputV1,
} from './v1/tasks/image-segmentation-v1.js';
export type { ImageToTextInputV1, ImageToTextOutputV1 } from './v1/tasks/image-to-text-v1.js';
export type { MediaBytesV1, MediaUrlV1, MediaV1 } from './v1/tasks/media-v1.js';
export type {
  BoundingBoxV1,
  ObjectDetectionElementV1,
  ObjectDetectionInputV1,
  ObjectDetectionOutputV1,
} from './v1/tasks/object-detection-v1.js';
export type {
  QuestionAnsweringElementV1,
  QuestionAnsweringInputV1,
  QuestionAnsweringOutputV1,
} from './v1/tasks/question-answering-v1.js';
export type {
  SentenceSimilarityInputV1,
  SentenceSimilarityOutputV1,
} from './v1/tasks/sentence-similarity-v1.js';
export type {
  AutomaticSpeechRecognitionInputV1,
  AutomaticSpeechRecognitionOutputV1,
  TextToSpeechInputV1,
  TextToSpeechOutputV1,
  TranscriptionChunkV1,
} from './v1/tasks/speech-v1.js';
export type { SummarizationInputV1, SummarizationOutputV1 } from './v1/tasks/summarization-v1.js';
export type {
  TableQuestionAnsweringElementV1,
  TableQuestionAnsweringInputV1,
  TableQuestionAnsweringOutputV1,
} from './v1/tasks/table-question-answering-v1.js';
export type {
  TextClassificationInputV1,
  TextClassificationOutputV1,
} from './v1/tasks/text-classification-v1.js';
export type { TextGenerationInputV1, TextGenerationOutputV1 } from './v1/tasks/text-generation-v1.js';
export type {
  TokenAggregationStrategyV1,
  TokenClassificationElementV1,
  TokenClassificationInputV1,
  TokenClassificationOutputV1,
} from './v1/tasks/token-classification-v1.js';
export type { TranslationInputV1, TranslationOutputV1 } from './v1/tasks/translation-v1.js';
export type {
  ImageToVideoInputV1,
  TextToVideoInputV1,
  VideoGenerationOutputV1,
  VideoGenerationParametersV1,
} from './v1/tasks/video-generation-v1.js';
export type {
  ZeroShotClassificationInputV1,
  ZeroShotClassificationOutputV1,
} from './v1/tasks/zero-shot-classification-v1.js';
export type {
  ZeroShotImageClassificationInputV1,
  ZeroShotImageClassificationOutputV1,
} from './v1/tasks/zero-shot-image-classification-v1.js';
export type { UpstreamBodyV1, UpstreamRequestV1, UpstreamResponseKindV1 } from './v1/upstream-request-v1.js';
export type { StreamEventV1, UpstreamResponseV1 } from './v1/upstream-response-v1.js';
export type { UsageV1 } from './v1/usage-v1.js';
export { validatePluginDefinition } from './validate-plugin-definition.js';
export {
  MAX_BILLING_API_BATCH,
  PROVIDER_COST_DEADLINE_MS,
  validateProviderBillingApi,
} from './validate-provider-billing-api.js';
export { PROVIDER_SPEC_VERSION } from './version.js';
