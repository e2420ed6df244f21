/** Reads a `job-failure` fault off an exchange, for profiles that create jobs. */
import type { SimulatedExchange } from './simulated-exchange.js';

/**
 * The failure message a job created by this exchange must end with, or undefined when no `job-failure` fault
 * applies: the fault's own message, else `fallback` (the provider's usual failure text). Pass it to the job
 * book as `fails`.
 *
 * @example
 * jobs.create({ id, durationMs, result, fails: jobFailureMessage(exchange, 'Prediction failed') });
 */
export function jobFailureMessage(exchange: SimulatedExchange, fallback: string): string | undefined {
  const { fault } = exchange;
  if (fault?.kind !== 'job-failure') return undefined;
  return fault.message ?? fallback;
}
