/** `GET /api/models`'s answer: the models the caller can use, filtered as the Hub filters its listing. */
import type { CatalogEntry } from '@tollgate/core';
import { type HubModelView, type HubViewContext, hubModelView, modelIsKnown } from './hub-model-view.js';
import { pipelineTagOf } from './pipeline-tag.js';

export interface HubModelFilter {
  /** `all`: served by any provider; a list: by at least one of these; absent: every model the caller may know. */
  readonly inferenceProviders?: 'all' | readonly string[];
  /** The model's pipeline tag, or a task one of its usable mappings serves (`conversational`). */
  readonly pipelineTag?: string;
  /** A case-insensitive part of the model id. */
  readonly search?: string;
  readonly limit?: number;
  readonly expand?: readonly string[];
}

const isRoutable = (context: HubViewContext, entry: CatalogEntry) => {
  const settings = context.providerSettings.get(entry.providerId);
  return settings?.enabled === true && settings.unavailableReason === undefined;
};

/**
 * Models in id order.
 *
 * @example listHubModels(context, { inferenceProviders: ['fal-ai'], pipelineTag: 'text-to-image', limit: 10 });
 */
export function listHubModels(context: HubViewContext, filter: HubModelFilter): HubModelView[] {
  const byModel = new Map<string, CatalogEntry[]>();
  for (const entry of context.catalog.allEntries()) {
    const entries = byModel.get(entry.hfModelId);
    if (entries) entries.push(entry);
    else byModel.set(entry.hfModelId, [entry]);
  }
  const search = filter.search?.toLowerCase();
  const providers = filter.inferenceProviders;
  const models: HubModelView[] = [];
  for (const id of [...byModel.keys()].sort()) {
    if (filter.limit !== undefined && models.length >= filter.limit) break;
    const entries = byModel.get(id) ?? [];
    if (search !== undefined && !id.toLowerCase().includes(search)) continue;
    const usable = entries.filter(
      (entry) =>
        context.audience.canUse(entry) &&
        isRoutable(context, entry) &&
        !context.settings.disabledProviders.includes(entry.providerId) &&
        (providers === undefined || providers === 'all' || providers.includes(entry.providerId)),
    );
    if (providers === undefined ? !modelIsKnown(context, id) : usable.length === 0) continue;
    if (
      filter.pipelineTag !== undefined &&
      pipelineTagOf(entries) !== filter.pipelineTag &&
      !usable.some((entry) => entry.task === filter.pipelineTag)
    )
      continue;
    // The Hub lists a few fields by default; the mapping only when asked for (`expand[]=inferenceProviderMapping`).
    models.push(
      filter.expand === undefined
        ? { ...hubModelView(context, id, ['pipeline_tag']), modelId: id, private: false }
        : hubModelView(context, id, filter.expand),
    );
  }
  return models;
}
