/** @tollgate/provider-test-kit: provider simulators that speak real wire formats, and the plugin conformance suite. */

export type { ConformanceSkip } from './conformance/conformance-check.js';
export { matchNativeRoute, type NativeRouteMatch } from './conformance/native/match-native-route.js';
export { NATIVE_CHECK_SUFFIXES, NATIVE_COVERAGE_CHECK } from './conformance/native/native-checks.js';
export type { NativeFixture, NativeRequestFixture } from './conformance/native/native-fixture.js';
export { type NativeOperation, NativeOperations } from './conformance/native/native-operations.js';
export {
  type RunNativeRouteOptions,
  type RunNativeRouteResult,
  runNativeRoute,
} from './conformance/native/run-native-route.js';
export {
  PROVIDER_CONFORMANCE_CHECKS,
  type ProviderConformanceOptions,
  runProviderConformance,
} from './conformance/run-provider-conformance.js';
export { type RunTaskOptions, type RunTaskResult, runTask } from './conformance/run-task.js';
export { type StreamingChatHandler, streamingChatHandler } from './conformance/streaming-chat-handler.js';
export { TASK_CHECK_SUFFIXES } from './conformance/task-checks.js';
export type { TaskFixture } from './conformance/task-fixture.js';
export { unpricedUsageUnits } from './conformance/unpriced-usage-units.js';
export { type DecodedDataUrl, decodeDataUrl, toDataUrl } from './media/data-url.js';
export { encodeMp4, type Mp4Options } from './media/encode-mp4.js';
export { encodePng, type PngOptions } from './media/encode-png.js';
export { encodeWav, type WavOptions } from './media/encode-wav.js';
export { type FormDataBody, formDataBody } from './media/form-data-body.js';
export { wavDurationMs } from './media/wav-duration-ms.js';
export { basetenProfile } from './profiles/baseten-profile.js';
export { cerebrasProfile } from './profiles/cerebras-profile.js';
export { cohereProfile } from './profiles/cohere-profile.js';
export { deepinfraProfile } from './profiles/deepinfra-profile.js';
export { falAiProfile } from './profiles/fal-ai-profile.js';
export { featherlessAiProfile } from './profiles/featherless-ai-profile.js';
export { fireworksAiProfile } from './profiles/fireworks-ai-profile.js';
export { groqProfile } from './profiles/groq-profile.js';
export { hfInferenceProfile } from './profiles/hf-inference-profile.js';
export { hyperbolicProfile } from './profiles/hyperbolic-profile.js';
export { novitaProfile } from './profiles/novita-profile.js';
export { nscaleProfile } from './profiles/nscale-profile.js';
export { openAICompatibleProfile } from './profiles/openai-compatible-profile.js';
export { createOpenAITaskRoutes } from './profiles/openai-task-routes/create-openai-task-routes.js';
export type {
  OpenAICompletionRouteOptions,
  OpenAIEmbeddingsRouteOptions,
  OpenAIImagesRouteOptions,
  OpenAISpeechRouteOptions,
  OpenAITaskRoutesOptions,
  OpenAITranscriptionsRouteOptions,
} from './profiles/openai-task-routes/openai-task-routes-options.js';
export { ovhcloudProfile } from './profiles/ovhcloud-profile.js';
export type {
  ChunkKind,
  CompletionFacts,
  ProviderErrorDialect,
  ProviderProfile,
  SimulatedAuthScheme,
  SimulatedErrorResponse,
  SimulatedModel,
} from './profiles/provider-profile.js';
export { findProviderProfile, PROVIDER_PROFILES } from './profiles/provider-profiles.js';
export { publicaiProfile } from './profiles/publicai-profile.js';
export { createReplicateProfile, replicateProfile } from './profiles/replicate-profile.js';
export { sambanovaProfile } from './profiles/sambanova-profile.js';
export { scalewayProfile } from './profiles/scaleway-profile.js';
export type { SimulatedTaskRequest, SimulatedTaskRoute } from './profiles/simulated-task-route.js';
export { createTaskProfile, type TaskProfileOptions } from './profiles/task-profile.js';
export { togetherProfile } from './profiles/together-profile.js';
export { wavespeedProfile } from './profiles/wavespeed-profile.js';
export { zaiOrgProfile } from './profiles/zai-org-profile.js';
export type { SimulatedBillingApi, SimulatedBillingApiOptions } from './simulator/billing-book.js';
export { countPromptTokens, countTextTokens } from './simulator/count-prompt-tokens.js';
export { createProviderSimulator } from './simulator/create-provider-simulator.js';
export {
  createJobBook,
  DEFAULT_JOB_DURATION_MS,
  jobDurationMs,
  type SimulatedJob,
  type SimulatedJobSpec,
  type SimulatedJobState,
  type SimulatorJobBook,
} from './simulator/job-book.js';
export { jobFailureMessage } from './simulator/job-failure-message.js';
export { createMediaStore, type SimulatorMediaStore, type StoredMedia } from './simulator/media-store.js';
export {
  type ChatCompletionPlan,
  type PlannedToolCall,
  planChatCompletion,
} from './simulator/plan-chat-completion.js';
export { type BytesAnswer, sendBytesResponse } from './simulator/send-bytes-response.js';
export { type JsonAnswer, sendJsonResponse } from './simulator/send-json-response.js';
export type { SimulatedExchange } from './simulator/simulated-exchange.js';
export type {
  ProviderSimulator,
  RecordedCall,
  RecordedCallOutcome,
  SimulatedFault,
  SimulatorLatency,
  SimulatorOptions,
} from './simulator/simulator-types.js';
export type { RequestProblem } from './simulator/validate-chat-request.js';
