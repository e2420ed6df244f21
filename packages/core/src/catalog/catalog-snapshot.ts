/** An immutable, indexed set of catalog entries: what the router reads on every request, without allocating. */
import type { TaskId } from '@tollgate/provider-spec';
import type {
  CatalogMappingRecord,
  SingleModelMappingRecord,
  TagFilterMappingRecord,
} from '../store/catalog-repository.js';
import type { CatalogEntry } from './catalog-entry.js';
import type { ModelCatalog } from './model-catalog.js';

const none: readonly CatalogEntry[] = Object.freeze([]);

/** One key's entries, in catalog order, and the same split by task. */
interface EntryIndex {
  readonly all: CatalogEntry[];
  readonly byTask: Map<TaskId, CatalogEntry[]>;
}

function addTo<Key>(index: Map<Key, EntryIndex>, key: Key, entry: CatalogEntry): void {
  let slot = index.get(key);
  if (slot === undefined) {
    slot = { all: [], byTask: new Map() };
    index.set(key, slot);
  }
  slot.all.push(entry);
  const forTask = slot.byTask.get(entry.task);
  if (forTask) forTask.push(entry);
  else slot.byTask.set(entry.task, [entry]);
}

function toEntry(record: SingleModelMappingRecord): CatalogEntry {
  return Object.freeze({
    id: record.id,
    providerId: record.providerId,
    hfModelId: record.hfModelId,
    providerModelId: record.providerModelId,
    task: record.task,
    status: record.status,
    origin: record.origin,
    ...(record.adapter !== null ? { adapter: record.adapter } : {}),
    ...(record.adapterWeightsPath !== null ? { adapterWeightsPath: record.adapterWeightsPath } : {}),
    metadata: record.metadata,
  });
}

const compareText = (left: string, right: string): number => (left < right ? -1 : left > right ? 1 : 0);

export class CatalogSnapshot implements ModelCatalog {
  static readonly empty = new CatalogSnapshot([], []);

  /**
   * Indexes store records for routing. Entries come in `providerOrder` (the registry's order, which the router
   * keeps for policies without an order of their own), then by Hub model, task and provider model id. Records of
   * providers outside `providerOrder` are left out: this instance has no plugin to call them with.
   *
   * @example
   * const snapshot = CatalogSnapshot.fromRecords(await store.catalog.list(), ['groq', 'together']);
   * snapshot.entriesFor('openai/gpt-oss-120b', 'conversational');
   */
  static fromRecords(
    records: readonly CatalogMappingRecord[],
    providerOrder: readonly string[],
  ): CatalogSnapshot {
    const rank = new Map(providerOrder.map((providerId, index) => [providerId, index]));
    const singles: SingleModelMappingRecord[] = [];
    const tagFilters: TagFilterMappingRecord[] = [];
    for (const record of records) {
      if (!rank.has(record.providerId)) continue;
      if (record.type === 'single') singles.push(record);
      else tagFilters.push(record);
    }
    singles.sort(
      (left, right) =>
        (rank.get(left.providerId) ?? 0) - (rank.get(right.providerId) ?? 0) ||
        compareText(left.hfModelId, right.hfModelId) ||
        compareText(left.task, right.task) ||
        compareText(left.providerModelId, right.providerModelId),
    );
    return new CatalogSnapshot(singles.map(toEntry), tagFilters);
  }

  private readonly byModel = new Map<string, EntryIndex>();
  private readonly byProviderModel = new Map<string, Map<string, EntryIndex>>();
  private readonly entries: readonly CatalogEntry[];
  private readonly tagFilters: readonly TagFilterMappingRecord[];
  private readonly staging: boolean;

  constructor(entries: readonly CatalogEntry[], tagFilters: readonly TagFilterMappingRecord[]) {
    this.entries = Object.freeze([...entries]);
    this.tagFilters = Object.freeze([...tagFilters]);
    this.staging = this.entries.some((entry) => entry.status === 'staging');
    for (const entry of this.entries) {
      addTo(this.byModel, entry.hfModelId, entry);
      let ofProvider = this.byProviderModel.get(entry.providerId);
      if (ofProvider === undefined) {
        ofProvider = new Map();
        this.byProviderModel.set(entry.providerId, ofProvider);
      }
      addTo(ofProvider, entry.providerModelId, entry);
    }
  }

  entriesFor(hfModelId: string, task?: TaskId): readonly CatalogEntry[] {
    // A model no single mapping names may still match a tag filter (a LoRA adapter of a base model a provider
    // serves by tags). Matching needs the model's Hub tags, which the gateway does not fetch yet; until it does,
    // tag filters are stored and listed (`tagFilterMappings()`) but never route. This is where they would.
    const slot = this.byModel.get(hfModelId);
    if (slot === undefined) return none;
    return task === undefined ? slot.all : (slot.byTask.get(task) ?? none);
  }

  entryForProviderModel(
    providerId: string,
    providerModelId: string,
    task?: TaskId,
  ): CatalogEntry | undefined {
    const slot = this.byProviderModel.get(providerId)?.get(providerModelId);
    if (slot === undefined) return undefined;
    return task === undefined ? slot.all[0] : slot.byTask.get(task)?.[0];
  }

  entriesForProviderModel(
    providerId: string,
    providerModelId: string,
    task?: TaskId,
  ): readonly CatalogEntry[] {
    const slot = this.byProviderModel.get(providerId)?.get(providerModelId);
    if (slot === undefined) return none;
    return task === undefined ? slot.all : (slot.byTask.get(task) ?? none);
  }

  allEntries(): readonly CatalogEntry[] {
    return this.entries;
  }

  hasStagingEntries(): boolean {
    return this.staging;
  }

  /** The tag-filter mappings of registered providers, oldest first; not used for routing yet. */
  tagFilterMappings(): readonly TagFilterMappingRecord[] {
    return this.tagFilters;
  }
}
