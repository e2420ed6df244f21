/**
 * Reads and writes accounts' inference provider settings for the router and the admin surfaces. Routing reads them
 * on every request, so reads come from a short-lived in-memory copy per account: a hit is one map lookup and no
 * store query. This instance's own writes replace the copy at once; another instance's writes are seen within
 * `cacheTtlMs`. A store that fails while a stale copy exists keeps the stale copy in use (and logs it) rather than
 * failing the request; without any copy the failure propagates.
 */
import type { KernelLogger } from '../kernel/logger.js';
import { silentLogger } from '../kernel/logger.js';
import type {
  InferenceProviderSettingsRecord,
  InferenceProviderSettingsRepository,
} from '../store/inference-provider-settings-repository.js';
import {
  DEFAULT_INFERENCE_PROVIDER_SETTINGS,
  type InferenceProviderSettings,
} from './inference-provider-settings.js';

/** What the executor needs: an account's settings, as fresh as the source keeps them. */
export interface InferenceProviderSettingsSource {
  forAccount(accountId: string): Promise<InferenceProviderSettings>;
}

export const DEFAULT_SETTINGS_CACHE_TTL_MS = 5_000;

export interface InferenceProviderSettingsServiceOptions {
  readonly repository: InferenceProviderSettingsRepository;
  /** How long a copy is used before the store is asked again; default {@link DEFAULT_SETTINGS_CACHE_TTL_MS}. */
  readonly cacheTtlMs?: number;
  /** The most accounts kept in memory; the oldest copy goes first. Default 10 000. */
  readonly cacheSize?: number;
  readonly now?: () => number;
  readonly logger?: KernelLogger;
}

interface CachedSettings {
  /** Already settled: a hit hands out the same promise, with no allocation. */
  readonly settings: Promise<InferenceProviderSettings>;
  readonly value: InferenceProviderSettings;
  expiresAt: number;
}

function settingsOf(record: InferenceProviderSettingsRecord | undefined): InferenceProviderSettings {
  if (record === undefined) return DEFAULT_INFERENCE_PROVIDER_SETTINGS;
  const { defaultPolicy, providerOrder, disabledProviders } = record;
  return Object.freeze({ defaultPolicy, providerOrder, disabledProviders });
}

export class InferenceProviderSettingsService implements InferenceProviderSettingsSource {
  private readonly cache = new Map<string, CachedSettings>();
  private readonly loading = new Map<string, Promise<InferenceProviderSettings>>();
  private readonly repository: InferenceProviderSettingsRepository;
  private readonly ttl: number;
  private readonly size: number;
  private readonly now: () => number;
  private readonly logger: KernelLogger;
  /** Bumped by every write here, so that a read that started before it cannot put back what it replaced. */
  private writes = 0;

  constructor(options: InferenceProviderSettingsServiceOptions) {
    this.repository = options.repository;
    this.ttl = options.cacheTtlMs ?? DEFAULT_SETTINGS_CACHE_TTL_MS;
    this.size = options.cacheSize ?? 10_000;
    this.now = options.now ?? Date.now;
    this.logger = options.logger ?? silentLogger;
  }

  /**
   * The settings routing uses for `accountId`: the defaults when it saved none.
   *
   * @example
   * const { defaultPolicy } = await settings.forAccount(principal.userId);
   */
  forAccount(accountId: string): Promise<InferenceProviderSettings> {
    const cached = this.cache.get(accountId);
    if (cached !== undefined && cached.expiresAt > this.now()) return cached.settings;
    return this.loading.get(accountId) ?? this.load(accountId, cached);
  }

  /** The stored record, read from the store (admin surfaces show what is saved, not a copy). */
  find(accountId: string): Promise<InferenceProviderSettingsRecord | undefined> {
    return this.repository.find(accountId);
  }

  /**
   * Replaces the account's settings; this instance routes with them from the next request on.
   *
   * @example
   * await settings.save(user.id, { defaultPolicy: 'cheapest', providerOrder: ['groq'], disabledProviders: [] });
   */
  async save(
    accountId: string,
    settings: InferenceProviderSettings,
  ): Promise<InferenceProviderSettingsRecord> {
    const record = await this.repository.put(accountId, settings);
    this.writes += 1;
    this.remember(accountId, settingsOf(record));
    return record;
  }

  /** Back to the defaults. */
  async reset(accountId: string): Promise<void> {
    await this.repository.delete(accountId);
    this.writes += 1;
    this.remember(accountId, DEFAULT_INFERENCE_PROVIDER_SETTINGS);
  }

  private async load(
    accountId: string,
    stale: CachedSettings | undefined,
  ): Promise<InferenceProviderSettings> {
    const writes = this.writes;
    const loading = (async () => {
      try {
        const settings = settingsOf(await this.repository.find(accountId));
        if (writes === this.writes) this.remember(accountId, settings);
        return settings;
      } catch (error) {
        if (stale === undefined) throw error;
        this.logger.warn(
          { accountId, err: error },
          'Reading inference provider settings failed; routing with the last copy',
        );
        stale.expiresAt = this.now() + this.ttl;
        return stale.value;
      } finally {
        this.loading.delete(accountId);
      }
    })();
    this.loading.set(accountId, loading);
    return loading;
  }

  private remember(accountId: string, value: InferenceProviderSettings): void {
    this.cache.delete(accountId);
    if (this.cache.size >= this.size) this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(accountId, { settings: Promise.resolve(value), value, expiresAt: this.now() + this.ttl });
  }
}
