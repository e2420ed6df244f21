/** @tollgate/provider-replicate: the Replicate provider plugin for Tollgate (predictions API). */
import { replicatePlugin } from './replicate-plugin.js';

export { buildPollRequest } from './build-poll-request.js';
export { buildPredictionRequest, PREFER_WAIT, parseModelReference } from './build-prediction-request.js';
export { createPredictionTask, type PredictionTaskOptions } from './create-prediction-task.js';
export { meterPrediction } from './native/meter-prediction.js';
export { createReplicateNativeRoutes } from './native/replicate-native-routes.js';
export { resolveVersionModel } from './native/resolve-version-model.js';
export { replicateModels } from './replicate-models.js';
export { replicatePlugin } from './replicate-plugin.js';
export {
  parsePrediction,
  type ReplicatePrediction,
  type ReplicatePredictionStatus,
} from './replicate-prediction.js';
export { replicateRates } from './replicate-rates.js';
export default replicatePlugin;
