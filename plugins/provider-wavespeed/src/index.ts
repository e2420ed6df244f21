/** @tollgate/provider-wavespeed: the WaveSpeed provider plugin for Tollgate. */
import { wavespeedPlugin } from './wavespeed-plugin.js';

export { createWavespeedTasks } from './create-wavespeed-tasks.js';
export { wavespeedModels } from './wavespeed-models.js';
export { wavespeedPlugin } from './wavespeed-plugin.js';
export { wavespeedRates } from './wavespeed-rates.js';
export default wavespeedPlugin;
