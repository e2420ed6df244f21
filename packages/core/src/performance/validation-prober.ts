/**
 * The validation prober: every `checkIntervalMs` it looks for live chat mappings whose probe is due (last passed
 * more than `healthyIntervalMs` ago, last failed more than `unhealthyIntervalMs` ago, never probed, or turned live
 * since the last look), takes the store's probe lease for each so that one instance probes a key at a time, probes
 * it through its plugin and records the verdict and the speed it measured. Failing mappings are routed last until a
 * probe passes again. Probes call providers directly: no account, no credit.
 */
import { randomUUID } from 'node:crypto';
import type { CatalogEntry } from '../catalog/catalog-entry.js';
import type { ModelCatalog } from '../catalog/model-catalog.js';
import type { UpstreamTargets } from '../execution/upstream-targets.js';
import { type KernelLogger, silentLogger } from '../kernel/logger.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProviderRuntimeSettings } from '../settings/provider-runtime-settings.js';
import type {
  PerformanceKey,
  PerformanceRepository,
  PerformanceSampleBatch,
} from '../store/performance-repository.js';
import { type ChatProbeArgs, type ChatProbeVerdict, probeChatMapping } from './chat-probe.js';
import type { PerformanceView } from './measured-performance.js';
import { ewmaContribution } from './moving-average.js';
import { PeriodicTask } from './periodic-task.js';

/** Hugging Face's schedule: every mapped model every 6 hours, a failed one again after an hour. */
export const DEFAULT_PROBE_SCHEDULE = Object.freeze({
  healthyIntervalMs: 6 * 60 * 60 * 1000,
  unhealthyIntervalMs: 60 * 60 * 1000,
  checkIntervalMs: 60 * 1000,
  timeoutMs: 30_000,
  maxFirstTokenMs: 5_000,
  capabilities: true,
  concurrency: 2,
});

export interface ValidationProberOptions {
  /** A mapping whose last probe passed is probed again after this long; default 6 h. */
  readonly healthyIntervalMs?: number;
  /** A mapping whose last probe failed is retested after this long; default 1 h. */
  readonly unhealthyIntervalMs?: number;
  /** How often to look for due probes (the first look is one interval after start); default 60 s. */
  readonly checkIntervalMs?: number;
  /** One probe request's time limit; default 30 s. */
  readonly timeoutMs?: number;
  /** A streamed first token later than this fails the probe; default 5 s. */
  readonly maxFirstTokenMs?: number;
  /** Also probe tool calling and structured output; default true. */
  readonly capabilities?: boolean;
  /** Mappings probed at once by this instance; default 2. */
  readonly concurrency?: number;
  /** How long a claimed probe may take before another instance may claim it; default 4 x `timeoutMs`. */
  readonly leaseMs?: number;
}

export interface ValidationProberDependencies {
  readonly repository: PerformanceRepository;
  readonly catalog: ModelCatalog;
  readonly registry: ProviderRegistry;
  readonly settings: ReadonlyMap<string, ProviderRuntimeSettings>;
  readonly targets: UpstreamTargets;
  /** Refreshed after verdicts were recorded, so this instance routes by them at once. */
  readonly view?: PerformanceView & { refresh?(): Promise<void> };
  readonly logger?: KernelLogger;
  readonly now?: () => Date;
  /** This instance's lease holder id; default a random UUID. */
  readonly holder?: string;
  /** Replaces the probe itself (tests). */
  readonly probe?: (args: ChatProbeArgs) => Promise<ChatProbeVerdict>;
}

const keyOf = ({ providerId, providerModelId }: PerformanceKey) => `${providerId}\u0000${providerModelId}`;

/** The verdict's speed as one sample, merged like traffic so that `/v1/models` shows figures before any traffic. */
function speedBatch(key: PerformanceKey, verdict: ChatProbeVerdict): PerformanceSampleBatch | undefined {
  const { firstTokenLatencyMs, outputTokensPerSecond, completionLatencyMs } = verdict;
  if (
    firstTokenLatencyMs === undefined &&
    outputTokensPerSecond === undefined &&
    completionLatencyMs === undefined
  )
    return undefined;
  return {
    providerId: key.providerId,
    providerModelId: key.providerModelId,
    samples: 1,
    ...(firstTokenLatencyMs !== undefined
      ? { firstTokenLatencyMs: ewmaContribution(firstTokenLatencyMs, 1) }
      : {}),
    ...(outputTokensPerSecond !== undefined
      ? { outputTokensPerSecond: ewmaContribution(outputTokensPerSecond, 1) }
      : {}),
    ...(completionLatencyMs !== undefined
      ? { completionLatencyMs: ewmaContribution(completionLatencyMs, 1) }
      : {}),
  };
}

export class ValidationProber {
  readonly holder: string;
  private readonly schedule: Required<ValidationProberOptions>;
  private readonly task: PeriodicTask;
  private readonly logger: KernelLogger;
  private readonly now: () => Date;
  private readonly probe: (args: ChatProbeArgs) => Promise<ChatProbeVerdict>;
  /** Each chat mapping's status at the last look: a mapping that turned live since is probed at once. */
  private seenStatus = new Map<string, string>();
  private probes = 0;
  /** Aborted by `stop()`: probes in flight end at once and record nothing (their leases run out). */
  private readonly stopping = new AbortController();

  constructor(
    private readonly deps: ValidationProberDependencies,
    options: ValidationProberOptions = {},
  ) {
    const timeoutMs = options.timeoutMs ?? DEFAULT_PROBE_SCHEDULE.timeoutMs;
    this.schedule = {
      ...DEFAULT_PROBE_SCHEDULE,
      leaseMs: timeoutMs * 4,
      ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
    } as Required<ValidationProberOptions>;
    this.holder = deps.holder ?? randomUUID();
    this.logger = deps.logger ?? silentLogger;
    this.now = deps.now ?? (() => new Date());
    this.probe = deps.probe ?? probeChatMapping;
    this.task = new PeriodicTask({
      intervalMs: this.schedule.checkIntervalMs,
      run: () => this.probeDue(),
      onError: (error) => this.logger.warn({ err: error }, 'Validation probing failed; it runs again later'),
    });
  }

  /** Starts looking for due probes every `checkIntervalMs`. */
  start(): void {
    this.task.start();
  }

  /**
   * Probes every mapping that is due now (or waits for the round in flight and runs another). Never rejects.
   *
   * @example await prober.runOnce();
   */
  runOnce(): Promise<void> {
    return this.task.runNow();
  }

  /** Stops the schedule, aborts probes in flight and waits for them to end. */
  stop(): Promise<void> {
    this.stopping.abort();
    return this.task.stop();
  }

  /** The live chat mappings this instance can probe, one per (provider, provider model), and those forced now. */
  private candidates(): { readonly entries: CatalogEntry[]; readonly forced: Set<string> } {
    const entries = new Map<string, CatalogEntry>();
    const forced = new Set<string>();
    const seen = new Map<string, string>();
    for (const entry of this.deps.catalog.allEntries()) {
      if (entry.task !== 'conversational') continue;
      const key = keyOf(entry);
      const previous = this.seenStatus.get(key);
      if (entry.status === 'live' || !seen.has(key)) seen.set(key, entry.status);
      if (entry.status !== 'live' || entries.has(key)) continue;
      const settings = this.deps.settings.get(entry.providerId);
      if (!settings?.enabled || settings.unavailableReason !== undefined) continue;
      if (this.deps.registry.get(entry.providerId)?.tasks.conversational?.kind !== 'sync') continue;
      entries.set(key, entry);
      if (previous !== undefined && previous !== 'live') forced.add(key);
    }
    this.seenStatus = seen;
    return { entries: [...entries.values()], forced };
  }

  private async probeDue(): Promise<void> {
    const { entries, forced } = this.candidates();
    let next = 0;
    let recorded = 0;
    const worker = async () => {
      while (next < entries.length && !this.stopping.signal.aborted) {
        const entry = entries[next]!;
        next += 1;
        try {
          if (await this.probeIfDue(entry, forced.has(keyOf(entry)))) recorded += 1;
        } catch (error) {
          this.logger.warn(
            { err: error, provider: entry.providerId, providerModel: entry.providerModelId },
            'Could not record a validation probe',
          );
        }
      }
    };
    await Promise.all(
      Array.from({ length: Math.max(1, Math.min(this.schedule.concurrency, entries.length)) }, worker),
    );
    if (recorded > 0) await this.deps.view?.refresh?.();
  }

  /** Claims, probes and records one mapping; false when it was not due or another instance holds its lease. */
  private async probeIfDue(entry: CatalogEntry, forced: boolean): Promise<boolean> {
    const { repository } = this.deps;
    const key = { providerId: entry.providerId, providerModelId: entry.providerModelId };
    const now = this.now();
    const at = (offsetMs: number) => new Date(now.getTime() + offsetMs).toISOString();
    const claimed = await repository.claimProbe({
      ...key,
      holder: this.holder,
      now: now.toISOString(),
      leaseUntil: at(this.schedule.leaseMs),
      healthyProbedBefore: forced ? now.toISOString() : at(-this.schedule.healthyIntervalMs),
      unhealthyProbedBefore: forced ? now.toISOString() : at(-this.schedule.unhealthyIntervalMs),
    });
    if (!claimed) return false;
    const plugin = this.deps.registry.get(entry.providerId)!;
    this.probes += 1;
    const verdict = await this.probe({
      plugin,
      entry,
      targets: this.deps.targets,
      requestId: `probe-${this.holder.slice(0, 8)}-${this.probes}`,
      signal: this.stopping.signal,
      limits: {
        timeoutMs: this.schedule.timeoutMs,
        maxFirstTokenMs: this.schedule.maxFirstTokenMs,
        capabilities: this.schedule.capabilities,
      },
    });
    // A probe cut short by shutdown says nothing about the provider.
    if (this.stopping.signal.aborted) return false;
    const speed = speedBatch(key, verdict);
    if (speed) await repository.merge([speed], this.now().toISOString());
    const before = this.deps.view?.of(key.providerId, key.providerModelId)?.health;
    await repository.recordProbe({
      ...key,
      holder: this.holder,
      health: verdict.health,
      probedAt: this.now().toISOString(),
      ...(verdict.error !== undefined ? { error: verdict.error } : {}),
      ...(verdict.supportsTools !== undefined ? { supportsTools: verdict.supportsTools } : {}),
      ...(verdict.supportsStructuredOutput !== undefined
        ? { supportsStructuredOutput: verdict.supportsStructuredOutput }
        : {}),
    });
    const fields = { provider: key.providerId, providerModel: key.providerModelId, model: entry.hfModelId };
    if (verdict.health === 'unhealthy') {
      this.logger.warn(
        { ...fields, error: verdict.error },
        'Validation probe failed: the mapping is routed last and retested sooner',
      );
    } else if (before === 'unhealthy') {
      this.logger.info(fields, 'Validation probe passed again: the mapping is routed normally');
    }
    return true;
  }
}
