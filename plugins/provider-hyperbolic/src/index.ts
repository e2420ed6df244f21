/** @tollgate/provider-hyperbolic: the Hyperbolic provider plugin for Tollgate. */
import { hyperbolicPlugin } from './hyperbolic-plugin.js';

export { createHyperbolicTextToImageHandler } from './create-hyperbolic-text-to-image-handler.js';
export { hyperbolicModels } from './hyperbolic-models.js';
export { hyperbolicPlugin } from './hyperbolic-plugin.js';
export { hyperbolicRates } from './hyperbolic-rates.js';
export default hyperbolicPlugin;
