/**
 * What the gateway has measured of one provider serving one model: from real traffic (time to first token and
 * output speed, as moving averages) and from the validation prober (health, tool calling, structured output).
 * Routing reads it on every request, so a view answers synchronously from memory; the store keeps the figures
 * so that every gateway instance routes on the same ones.
 */
export type MeasuredHealth = 'healthy' | 'unhealthy' | 'unknown';

export interface MeasuredPerformance {
  /** Moving average over streamed answers, in milliseconds; undefined until measured. */
  readonly firstTokenLatencyMs: number | undefined;
  /** Moving average of output tokens per second after the first token; undefined until measured. */
  readonly outputTokensPerSecond: number | undefined;
  /** Moving average over non-streamed answers, in milliseconds; absent until measured. */
  readonly completionLatencyMs?: number;
  /** The prober's last verdict; `unknown` before it ran. */
  readonly health: MeasuredHealth;
  /** What the prober found; undefined until checked. */
  readonly supportsTools: boolean | undefined;
  readonly supportsStructuredOutput: boolean | undefined;
  /** Answers measured so far (traffic and probes). */
  readonly sampleCount: number;
  /** ISO-8601 UTC of the last measurement; undefined when there is none. */
  readonly updatedAt: string | undefined;
  /** ISO-8601 UTC of the prober's last verdict, and why it failed; absent before a probe (or when it passed). */
  readonly lastProbeAt?: string;
  readonly lastProbeError?: string;
}

export interface PerformanceView {
  /** The figures for `providerId` serving `providerModelId`, or undefined when nothing was measured. */
  of(providerId: string, providerModelId: string): MeasuredPerformance | undefined;
}

/** The view of a gateway that has measured nothing yet (or an embedding host that measures elsewhere). */
export const unmeasuredPerformance: PerformanceView = Object.freeze({
  of: () => undefined,
});
