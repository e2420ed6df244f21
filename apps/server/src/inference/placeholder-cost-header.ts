/**
 * Set to `placeholder` on an answer whose `usage.cost` is the metered cost shown until the provider reports the true
 * one through its billing API (decision 0021); the usage API shows the final cost once it is known.
 */
export const PLACEHOLDER_COST_HEADER = 'x-tollgate-cost';
