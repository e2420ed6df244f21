/**
 * Reads a partner's registration (`POST /api/partners/{provider}/models`) into a catalog mapping: a single model
 * `{task, hfModel, providerModel, status?}` or a tag filter `{type: 'tag-filter', task, tags, providerModel,
 * adapterType?, status?}`. Every refusal is a 400 naming the field, so a partner can fix the request at once.
 */
import type { CatalogMappingInput } from '@tollgate/core';
import { InputError, type ProviderPluginV1 } from '@tollgate/provider-spec';

const SINGLE_FIELDS = [
  'type',
  'task',
  'hfModel',
  'providerModel',
  'status',
  'adapterType',
  'adapterWeightsPath',
];
const TAG_FILTER_FIELDS = ['type', 'task', 'tags', 'providerModel', 'status', 'adapterType'];
/** A Hub repository id: an optional namespace and a name, of letters, digits, `-`, `_` and `.`. */
const HUB_MODEL_ID = /^(?:[\w.-]+\/)?[\w.-]+$/;

function invalid(param: string, message: string): InputError {
  return new InputError({ message: `\`${param}\`: ${message}`, param, code: 'invalid_mapping' });
}

function text(body: Record<string, unknown>, field: string): string {
  const value = body[field];
  if (typeof value !== 'string' || value.trim() === '') throw invalid(field, 'required, a non-empty string.');
  return value;
}

function optionalLora(body: Record<string, unknown>): 'lora' | undefined {
  const value = body.adapterType;
  if (value === undefined || value === null) return undefined;
  if (value !== 'lora')
    throw invalid('adapterType', `the only adapter type is 'lora', not ${JSON.stringify(value)}.`);
  return value;
}

/**
 * @example
 * readPartnerMappingBody({ task: 'conversational', hfModel: 'org/name', providerModel: 'name' }, groqPlugin);
 * // { type: 'single', hfModelId: 'org/name', status: 'staging', origin: 'partner', ... }
 */
export function readPartnerMappingBody(body: unknown, plugin: ProviderPluginV1): CatalogMappingInput {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw invalid('body', 'a JSON object is required.');
  const fields = body as Record<string, unknown>;
  const type = fields.type ?? 'single-model';
  if (type !== 'single-model' && type !== 'tag-filter')
    throw invalid('type', `'single-model' (the default) or 'tag-filter', not ${JSON.stringify(type)}.`);
  const allowed = type === 'tag-filter' ? TAG_FILTER_FIELDS : SINGLE_FIELDS;
  const extra = Object.keys(fields).find((field) => !allowed.includes(field));
  if (extra !== undefined) throw invalid(extra, `not a field of a ${type} mapping.`);

  const task = text(fields, 'task');
  if (plugin.tasks[task] === undefined) {
    const served = Object.keys(plugin.tasks).join(', ');
    throw invalid(
      'task',
      `provider '${plugin.id}' does not serve task '${task}' on this gateway (it serves: ${served}).`,
    );
  }
  const status = fields.status ?? 'staging';
  if (status !== 'live' && status !== 'staging')
    throw invalid('status', `'live' or 'staging' (the default), not ${JSON.stringify(status)}.`);
  const providerModelId = text(fields, 'providerModel');
  const adapter = optionalLora(fields);
  const common = { providerId: plugin.id, providerModelId, task, status, origin: 'partner' } as const;

  if (type === 'tag-filter') {
    const tags = fields.tags;
    if (!Array.isArray(tags) || tags.length === 0)
      throw invalid('tags', 'required, a non-empty array of tags.');
    const index = tags.findIndex((tag) => typeof tag !== 'string' || tag.trim() === '');
    if (index !== -1) throw invalid(`tags.${index}`, 'each tag is a non-empty string.');
    return { ...common, type: 'tag-filter', tags: tags as string[], adapter: adapter ?? null };
  }
  const hfModelId = text(fields, 'hfModel');
  if (!HUB_MODEL_ID.test(hfModelId))
    throw invalid('hfModel', `'${hfModelId}' is not a Hub model id (namespace/name).`);
  const weights = fields.adapterWeightsPath;
  if (weights !== undefined && (typeof weights !== 'string' || weights === ''))
    throw invalid('adapterWeightsPath', 'a non-empty string, the path of the weights in the repository.');
  if (weights !== undefined && adapter === undefined)
    throw invalid('adapterWeightsPath', "only for an adapter: set `adapterType: 'lora'` too.");
  return {
    ...common,
    type: 'single',
    hfModelId,
    adapter: adapter ?? null,
    adapterWeightsPath: (weights as string | undefined) ?? null,
  };
}
