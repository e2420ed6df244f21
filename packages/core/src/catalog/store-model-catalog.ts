/**
 * The catalog every gateway instance shares through the store, read from an in-memory snapshot: requests never wait
 * for the store, and the snapshot follows the store by polling its revision and by reloading after this instance's
 * own writes.
 */
import type { TaskId } from '@tollgate/provider-spec';
import type { KernelLogger } from '../kernel/logger.js';
import type { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import type {
  CatalogMappingInput,
  CatalogMappingRecord,
  CatalogMappingStatus,
  CatalogRepository,
  CatalogUpsertOptions,
  CatalogUpsertOutcome,
  CatalogUpsertResult,
  TagFilterMappingRecord,
} from '../store/catalog-repository.js';
import { prepareCatalogMapping } from '../store/prepare-catalog-mapping.js';
import type { CatalogEntry } from './catalog-entry.js';
import { catalogSeed } from './catalog-seed.js';
import { CatalogSnapshot } from './catalog-snapshot.js';
import type { ModelCatalog } from './model-catalog.js';

/** How often, by default, an instance asks the store whether another instance changed the catalog. */
export const DEFAULT_CATALOG_REFRESH_INTERVAL_MS = 3_000;

export interface StoreModelCatalogOptions {
  readonly repository: CatalogRepository;
  /** The plugins whose built-in maps seed the store; also the order entries are listed in. */
  readonly registry: ProviderRegistry;
  /** The operator's mappings (`providers.<id>.models`), seeded over the plugins' own. */
  readonly providers: ProvidersConfig;
  readonly logger: KernelLogger;
  /** Between two polls of `revision()`; default {@link DEFAULT_CATALOG_REFRESH_INTERVAL_MS}. 0 turns polling off. */
  readonly refreshIntervalMs?: number;
}

/** What one seeding did, by upsert outcome, plus the plugin mappings removed because no plugin declares them now. */
export type CatalogSeedReport = Readonly<Record<CatalogUpsertOutcome | 'removed', number>>;

export class StoreModelCatalog implements ModelCatalog {
  private snapshot = CatalogSnapshot.empty;
  private loadedRevision: number | undefined;
  /** The last refresh queued; refreshes run one at a time, in order. */
  private chain: Promise<void> = Promise.resolve();
  /** A refresh queued that has not started reading yet. */
  private pending: Promise<void> | undefined;
  private starting: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private closed = false;
  private failedRefreshes = 0;
  private readonly refreshIntervalMs: number;

  constructor(private readonly options: StoreModelCatalogOptions) {
    this.refreshIntervalMs = options.refreshIntervalMs ?? DEFAULT_CATALOG_REFRESH_INTERVAL_MS;
  }

  entriesFor(hfModelId: string, task?: TaskId): readonly CatalogEntry[] {
    return this.snapshot.entriesFor(hfModelId, task);
  }

  entryForProviderModel(
    providerId: string,
    providerModelId: string,
    task?: TaskId,
  ): CatalogEntry | undefined {
    return this.snapshot.entryForProviderModel(providerId, providerModelId, task);
  }

  entriesForProviderModel(
    providerId: string,
    providerModelId: string,
    task?: TaskId,
  ): readonly CatalogEntry[] {
    return this.snapshot.entriesForProviderModel(providerId, providerModelId, task);
  }

  allEntries(): readonly CatalogEntry[] {
    return this.snapshot.allEntries();
  }

  hasStagingEntries(): boolean {
    return this.snapshot.hasStagingEntries();
  }

  /** Tag-filter mappings of registered providers; stored and listed, not routed yet (see `CatalogSnapshot`). */
  tagFilterMappings(): readonly TagFilterMappingRecord[] {
    return this.snapshot.tagFilterMappings();
  }

  /** The store revision the snapshot was read at; `undefined` before the first load. */
  get revision(): number | undefined {
    return this.loadedRevision;
  }

  /**
   * Seeds the store, loads the first snapshot and starts polling. Rejects when the store cannot be seeded or read,
   * so a gateway never serves from an empty catalog by accident. Idempotent.
   *
   * @example
   * const catalog = new StoreModelCatalog({ repository: store.catalog, registry, providers: {}, logger });
   * await catalog.start();
   * catalog.entriesFor('openai/gpt-oss-120b', 'conversational');
   */
  start(): Promise<void> {
    this.starting ??= (async () => {
      const report = await this.seed();
      this.options.logger.info({ catalog: report }, 'Catalog seeded from plugins and configuration');
      await this.inOrder(() => this.reload());
      this.schedulePoll();
    })();
    return this.starting;
  }

  /**
   * Upserts this instance's plugin and configured mappings (configuration wins for the same key; a partner's
   * mapping for the key is kept) and removes the `plugin` mappings of registered providers that their plugin no
   * longer declares. Safe while other instances seed: each upsert is atomic per key, and instances with the same
   * plugins and configuration converge on the same rows; with different ones, the last to start wins per key.
   * `config` rows left over from an older configuration are not removed.
   */
  async seed(): Promise<CatalogSeedReport> {
    const { repository, registry, providers } = this.options;
    const report = { created: 0, updated: 0, unchanged: 0, kept: 0, removed: 0 };
    const seeded = catalogSeed(registry, providers);
    for (const { input } of seeded) {
      const { outcome } = await repository.upsert(input, { keepOrigins: ['partner'] });
      report[outcome] += 1;
    }
    const wanted = new Set(seeded.map(({ naturalKey }) => naturalKey));
    for (const { plugin } of registry.list()) {
      for (const record of await repository.list({ providerId: plugin.id, origin: 'plugin' })) {
        if (wanted.has(prepareCatalogMapping(record).naturalKey)) continue;
        // Another instance may have removed it first; either way it is gone.
        if (await repository.delete(record.id)) report.removed += 1;
      }
    }
    return report;
  }

  /**
   * Re-reads the store when its revision moved. Never rejects: a failure is logged and the last snapshot stays,
   * so routing goes on with what it knew. Resolves once a read that started after this call has finished.
   */
  refresh(): Promise<void> {
    if (this.closed) return Promise.resolve();
    // A refresh queued but not started yet will see every write made before this call: share it.
    this.pending ??= this.inOrder(async () => {
      this.pending = undefined;
      try {
        await this.reload();
        if (this.failedRefreshes > 0) {
          this.options.logger.info({ failures: this.failedRefreshes }, 'Catalog refresh works again');
        }
        this.failedRefreshes = 0;
      } catch (error) {
        this.failedRefreshes += 1;
        this.options.logger.warn(
          { err: error, failures: this.failedRefreshes, revision: this.loadedRevision },
          'Catalog refresh failed; routing keeps the last catalog snapshot',
        );
      }
    });
    return this.pending;
  }

  /** Writes through the store, then refreshes, so this instance routes by its own write at once. */
  async upsert(input: CatalogMappingInput, options?: CatalogUpsertOptions): Promise<CatalogUpsertResult> {
    const result = await this.options.repository.upsert(input, options);
    if (result.outcome === 'created' || result.outcome === 'updated') await this.refresh();
    return result;
  }

  /** Sets a mapping's status in the store, then refreshes; `undefined` when no mapping has that id. */
  async setStatus(id: string, status: CatalogMappingStatus): Promise<CatalogMappingRecord | undefined> {
    const record = await this.options.repository.setStatus(id, status);
    if (record !== undefined) await this.refresh();
    return record;
  }

  /** Deletes a mapping from the store, then refreshes; false when no mapping has that id. */
  async delete(id: string): Promise<boolean> {
    const deleted = await this.options.repository.delete(id);
    if (deleted) await this.refresh();
    return deleted;
  }

  /** Stops polling and waits for a refresh in flight, so nothing reads the store after it is closed. Idempotent. */
  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.chain;
  }

  private async reload(): Promise<void> {
    const { repository, registry } = this.options;
    // Revision first, records second: a write landing in between is then seen again at the next poll, never missed.
    const revision = await repository.revision();
    if (revision === this.loadedRevision) return;
    const records = await repository.list();
    this.snapshot = CatalogSnapshot.fromRecords(
      records,
      registry.list().map(({ plugin }) => plugin.id),
    );
    this.loadedRevision = revision;
  }

  /** Runs reads one at a time, in the order asked, so an older read never replaces a newer snapshot. */
  private inOrder(read: () => Promise<void>): Promise<void> {
    const run = this.chain.then(() => (this.closed ? undefined : read()));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private schedulePoll(): void {
    if (this.closed || this.refreshIntervalMs <= 0) return;
    this.timer = setTimeout(() => {
      void this.refresh().then(() => this.schedulePoll());
    }, this.refreshIntervalMs);
    // Polling alone must not keep a process alive that has nothing else to do.
    this.timer.unref();
  }
}
