/** How far an automatically routed request may go looking for a provider that answers. */
export interface FailoverOptions {
  /** Providers tried at most for one request, the first included; default {@link DEFAULT_FAILOVER_MAX_ATTEMPTS}. 1 turns failover off. */
  readonly maxAttempts?: number;
  /**
   * No further provider is tried once this long has passed since the first attempt began; default
   * {@link DEFAULT_FAILOVER_DEADLINE_MS}. An attempt already running is not cut: it ends by its own timeouts, so
   * a long generation is never killed for having started on the second provider.
   */
  readonly deadlineMs?: number;
}

export const DEFAULT_FAILOVER_MAX_ATTEMPTS = 3;
export const DEFAULT_FAILOVER_DEADLINE_MS = 30_000;

/** The options with defaults filled in; throws `RangeError` for values that cannot work. */
export function resolveFailoverOptions(options: FailoverOptions = {}): Required<FailoverOptions> {
  const maxAttempts = options.maxAttempts ?? DEFAULT_FAILOVER_MAX_ATTEMPTS;
  const deadlineMs = options.deadlineMs ?? DEFAULT_FAILOVER_DEADLINE_MS;
  if (!Number.isInteger(maxAttempts) || maxAttempts < 1)
    throw new RangeError(`failover.maxAttempts must be a positive integer, not ${maxAttempts}.`);
  if (!Number.isFinite(deadlineMs) || deadlineMs < 0)
    throw new RangeError(`failover.deadlineMs must be zero or more milliseconds, not ${deadlineMs}.`);
  return { maxAttempts, deadlineMs };
}
