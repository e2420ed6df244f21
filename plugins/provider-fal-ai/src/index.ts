/** @tollgate/provider-fal-ai: the fal provider plugin for Tollgate (queue and synchronous model APIs). */
import { falAiPlugin } from './fal-ai-plugin.js';

export { buildFalPollRequest } from './build-fal-poll-request.js';
export { buildFalQueueSubmission } from './build-fal-queue-submission.js';
export { createFalQueuedTask } from './create-fal-queued-task.js';
export { createFalSyncTask } from './create-fal-sync-task.js';
export { falAiModels } from './fal-ai-models.js';
export { falAiPlugin } from './fal-ai-plugin.js';
export { falAiRates } from './fal-ai-rates.js';
export { falAiTasks } from './fal-ai-tasks.js';
export type { FalQueueOperationState, FalQueuePhase } from './fal-queue-operation.js';
export type { FalResultReading, FalTaskOptions } from './fal-task-options.js';
export { falUsage } from './fal-usage.js';
export { createFalNativeRoutes } from './native/fal-native-routes.js';
export { type FalQueueRequestPath, parseFalQueueRequestPath } from './native/fal-queue-request-path.js';
export { meterFalResult } from './native/meter-fal-result.js';
export { parseBillableUnits } from './parse-billable-units.js';
export { readFalQueueStatus } from './read-fal-queue-status.js';
export { readFalQueueSubmission } from './read-fal-queue-submission.js';
export default falAiPlugin;
