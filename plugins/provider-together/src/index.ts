/** @tollgate/provider-together: the Together AI provider plugin for Tollgate. */
import { togetherPlugin } from './together-plugin.js';

export {
  createTogetherImageToVideoHandler,
  createTogetherTextToVideoHandler,
} from './create-together-text-to-video-handler.js';
export { flattenJsonSchemaResponseFormat } from './flatten-json-schema-response-format.js';
export { togetherModels } from './together-models.js';
export { togetherPlugin } from './together-plugin.js';
export { togetherRates } from './together-rates.js';
export default togetherPlugin;
