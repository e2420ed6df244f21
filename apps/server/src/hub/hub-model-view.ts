/**
 * What the Hub API says about a model: its `inferenceProviderMapping` (one entry per provider, in the caller's
 * order of preference) and the few model fields the gateway knows. Everything is read from the catalog snapshot
 * for one caller: its audience decides which staging mappings exist for it, its settings the order and which
 * providers are left out.
 */
import type {
  CatalogAudience,
  CatalogEntry,
  InferenceProviderSettings,
  ModelCatalog,
  ProviderOrganizations,
  ProviderRuntimeSettings,
} from '@tollgate/core';
import { hubObjectId } from './hub-object-id.js';
import { pipelineTagOf } from './pipeline-tag.js';

export interface HubViewContext {
  readonly catalog: ModelCatalog;
  readonly providerSettings: ReadonlyMap<string, ProviderRuntimeSettings>;
  readonly organizations: ProviderOrganizations;
  readonly audience: CatalogAudience;
  /** The caller's settings; the defaults for an anonymous caller. */
  readonly settings: InferenceProviderSettings;
}

/** One provider's entry, as `@huggingface/inference` reads it. */
export interface HubProviderMapping {
  readonly status: 'live' | 'staging';
  readonly providerId: string;
  /** Hugging Face's task (WidgetType) spelling: `conversational` for chat. */
  readonly task: string;
  readonly isModelAuthor: boolean;
  readonly adapter?: 'lora';
  readonly adapterWeightsPath?: string;
  readonly type: 'single-model';
}

export interface HubModelView {
  readonly _id: string;
  readonly id: string;
  readonly modelId?: string;
  readonly private?: false;
  readonly pipeline_tag?: string;
  readonly inference?: 'warm';
  readonly inferenceProviderMapping?: Readonly<Record<string, HubProviderMapping>>;
}

/** The fields `expand` may ask for; others are ignored, since the gateway has nothing to say about them. */
export const HUB_EXPANDABLE_FIELDS = ['inferenceProviderMapping', 'pipeline_tag', 'inference'] as const;

const isRoutable = (settings: ProviderRuntimeSettings | undefined) =>
  settings?.enabled === true && settings.unavailableReason === undefined;

/**
 * True when the caller may know the model exists: some mapping of it is not a staging one hidden from the caller.
 *
 * @example if (!modelIsKnown(context, id)) throw notFound(id);
 */
export function modelIsKnown(context: HubViewContext, hfModelId: string): boolean {
  return context.catalog
    .entriesFor(hfModelId)
    .some((entry) => entry.status !== 'staging' || context.audience.seesStagingOf(entry.providerId));
}

/** The caller's usable mappings of a model: live or staging-for-it, of providers this gateway can call and it enabled. */
function usableEntries(context: HubViewContext, hfModelId: string): CatalogEntry[] {
  return context.catalog
    .entriesFor(hfModelId)
    .filter(
      (entry) =>
        context.audience.canUse(entry) &&
        isRoutable(context.providerSettings.get(entry.providerId)) &&
        !context.settings.disabledProviders.includes(entry.providerId),
    );
}

/** Account order first, then the catalog's (the registry's) order; a stable sort keeps ties as they are. */
function inPreferenceOrder(entries: CatalogEntry[], providerOrder: readonly string[]): CatalogEntry[] {
  if (providerOrder.length === 0) return entries;
  const rank = (entry: CatalogEntry) => {
    const position = providerOrder.indexOf(entry.providerId);
    return position === -1 ? providerOrder.length : position;
  };
  return entries.sort((left, right) => rank(left) - rank(right));
}

/**
 * The Hub's object keyed by provider, one entry each: a provider mapping the model for several tasks is shown with
 * its chat task, else the one matching the model's pipeline tag, else its first.
 *
 * @example inferenceProviderMappingOf(context, 'openai/gpt-oss-120b'); // { groq: { status: 'live', ... }, ... }
 */
export function inferenceProviderMappingOf(
  context: HubViewContext,
  hfModelId: string,
): Record<string, HubProviderMapping> {
  const entries = inPreferenceOrder(usableEntries(context, hfModelId), context.settings.providerOrder);
  const pipelineTag = pipelineTagOf(context.catalog.entriesFor(hfModelId));
  const chosen = new Map<string, CatalogEntry>();
  for (const entry of entries) {
    const current = chosen.get(entry.providerId);
    if (current === undefined || preference(entry, pipelineTag) < preference(current, pipelineTag))
      chosen.set(entry.providerId, entry);
  }
  const mapping: Record<string, HubProviderMapping> = {};
  for (const [providerId, entry] of chosen) {
    mapping[providerId] = {
      status: entry.status === 'staging' ? 'staging' : 'live',
      providerId: entry.providerModelId,
      task: entry.task,
      isModelAuthor: context.organizations.isModelAuthor(providerId, hfModelId),
      ...(entry.adapter ? { adapter: entry.adapter } : {}),
      ...(entry.adapterWeightsPath ? { adapterWeightsPath: entry.adapterWeightsPath } : {}),
      type: 'single-model',
    };
  }
  return mapping;
}

function preference(entry: CatalogEntry, pipelineTag: string | undefined): number {
  if (entry.task === 'conversational') return 0;
  return entry.task === pipelineTag ? 1 : 2;
}

/**
 * The model as the Hub API shows it: with `expand`, `_id`, `id` and the expanded fields; without, every field the
 * gateway knows.
 *
 * @example hubModelView(context, 'openai/gpt-oss-120b', ['inferenceProviderMapping']);
 */
export function hubModelView(
  context: HubViewContext,
  hfModelId: string,
  expand: readonly string[] | undefined,
): HubModelView {
  const wants = (field: (typeof HUB_EXPANDABLE_FIELDS)[number]) =>
    expand === undefined || expand.includes(field);
  const mapping =
    wants('inferenceProviderMapping') || wants('inference')
      ? inferenceProviderMappingOf(context, hfModelId)
      : undefined;
  const pipelineTag = wants('pipeline_tag')
    ? pipelineTagOf(context.catalog.entriesFor(hfModelId))
    : undefined;
  const served = mapping !== undefined && Object.keys(mapping).length > 0;
  return {
    _id: hubObjectId(hfModelId),
    id: hfModelId,
    ...(expand === undefined ? { modelId: hfModelId, private: false as const } : {}),
    ...(pipelineTag !== undefined ? { pipeline_tag: pipelineTag } : {}),
    ...(wants('inference') && served ? { inference: 'warm' as const } : {}),
    ...(wants('inferenceProviderMapping') && mapping ? { inferenceProviderMapping: mapping } : {}),
  };
}
