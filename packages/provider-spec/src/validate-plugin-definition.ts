/** Structural checks on a manifest; returns every problem found, so an author fixes them in one pass. */
import type { ProviderPluginDefinitionV1 } from './v1/provider-plugin-v1.js';
import { validateProviderBillingApi } from './validate-provider-billing-api.js';

const PROVIDER_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const DECIMAL = /^\d+(?:\.\d+)?$/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function checkTaskHandler(task: string, handler: unknown, problems: string[]): void {
  if (handler == null || typeof handler !== 'object') {
    problems.push(`tasks.${task} must be a handler object`);
    return;
  }
  const candidate = handler as Record<string, unknown>;
  if (candidate.kind === 'sync') {
    for (const name of ['mapRequest', 'mapResponse']) {
      if (typeof candidate[name] !== 'function') problems.push(`tasks.${task}.${name} must be a function`);
    }
    if (candidate.mapStreamChunk !== undefined && typeof candidate.mapStreamChunk !== 'function') {
      problems.push(`tasks.${task}.mapStreamChunk must be a function when present`);
    }
  } else if (candidate.kind === 'queued') {
    for (const phase of ['start', 'status']) {
      const steps = candidate[phase] as Record<string, unknown> | undefined;
      if (typeof steps?.mapRequest !== 'function' || typeof steps?.mapResponse !== 'function') {
        problems.push(`tasks.${task}.${phase} must have mapRequest and mapResponse functions`);
      }
    }
  } else {
    problems.push(`tasks.${task}.kind must be 'sync' or 'queued'`);
  }
}

const NATIVE_METHODS = ['GET', 'POST', 'PUT', 'DELETE'];
const PATH_PATTERN = /^(?:\/(?:[A-Za-z0-9._~@-]+|:[A-Za-z][A-Za-z0-9]*))*(?:\/\*)?$/;

function checkNativeRoutes(definition: ProviderPluginDefinitionV1, problems: string[]): void {
  const routes = definition.nativeRoutes;
  if (routes === undefined) return;
  if (!Array.isArray(routes)) {
    problems.push('nativeRoutes must be an array when present');
    return;
  }
  routes.forEach((route, index) => {
    const name = `nativeRoutes[${index}]`;
    if (!NATIVE_METHODS.includes(route?.method))
      problems.push(`${name}.method must be GET, POST, PUT or DELETE`);
    if (typeof route?.path !== 'string' || route.path === '' || !PATH_PATTERN.test(route.path)) {
      problems.push(
        `${name}.path must be a path pattern such as '/v1/models/:owner/:name/predictions' or '/*'`,
      );
    }
    if (route?.task !== undefined && !(route.task in (definition.tasks ?? {}))) {
      problems.push(`${name} serves task '${route?.task}' that the plugin does not declare`);
    }
    if (typeof route?.mapRequest !== 'function') problems.push(`${name}.mapRequest must be a function`);
    if (route?.role === 'start') {
      if (typeof route.modelOf !== 'function') problems.push(`${name} is a start route and needs modelOf`);
    } else if (route?.role === 'follow-up') {
      if (typeof route.operationOf !== 'function')
        problems.push(`${name} is a follow-up route and needs operationOf`);
    } else {
      problems.push(`${name}.role must be 'start' or 'follow-up'`);
    }
    if (typeof route?.meterResponse !== 'function' && typeof route?.mapStreamEvent !== 'function') {
      problems.push(`${name} needs meterResponse or mapStreamEvent, so its answers are metered`);
    }
  });
}

function checkRates(definition: ProviderPluginDefinitionV1, problems: string[]): void {
  const table = definition.rates?.table;
  if (definition.rates?.kind !== 'static' || table == null) {
    problems.push(`rates must be a static rate source with a table`);
    return;
  }
  if (!ISO_DAY.test(table.asOf ?? '')) problems.push(`rates.table.asOf must be a YYYY-MM-DD date`);
  if (!/^https?:\/\//.test(table.sourceUrl ?? '')) problems.push(`rates.table.sourceUrl must be a URL`);
  const cards = { ...table.models, ...(table.fallback ? { '(fallback)': table.fallback } : {}) };
  for (const [model, card] of Object.entries(cards)) {
    for (const [field, value] of Object.entries(card ?? {})) {
      if (typeof value !== 'string' || !DECIMAL.test(value)) {
        problems.push(
          `rates.table.models['${model}'].${field} must be a decimal string, got ${JSON.stringify(value)}`,
        );
      }
    }
  }
}

export function validatePluginDefinition(definition: ProviderPluginDefinitionV1): string[] {
  const problems: string[] = [];
  if (definition == null || typeof definition !== 'object') return ['the manifest must be an object'];
  if (definition.specificationVersion !== 'v1') problems.push(`specificationVersion must be 'v1'`);
  if (typeof definition.id !== 'string' || !PROVIDER_ID.test(definition.id)) {
    problems.push(`id must be kebab-case (a-z, 0-9, dashes), got ${JSON.stringify(definition.id)}`);
  }
  if (typeof definition.displayName !== 'string' || definition.displayName.length === 0) {
    problems.push('displayName must be a non-empty string');
  }
  if (typeof definition.version !== 'string' || definition.version.length === 0)
    problems.push('version is required');
  if (typeof definition.compatibility !== 'string' || definition.compatibility.length === 0) {
    problems.push('compatibility must be a semver range of @tollgate/provider-spec');
  }
  const settings = definition.settings;
  if (settings == null || typeof settings !== 'object') {
    problems.push('settings are required');
  } else {
    if (!Array.isArray(settings.apiKeyEnvVars)) problems.push('settings.apiKeyEnvVars must be an array');
    if (typeof settings.baseUrl !== 'string' || !/^https?:\/\//.test(settings.baseUrl)) {
      problems.push('settings.baseUrl must be an http(s) URL');
    }
    if (!['bearer', 'header', 'none'].includes(settings.auth?.kind)) {
      problems.push(`settings.auth.kind must be 'bearer', 'header' or 'none'`);
    }
  }
  const tasks = definition.tasks ?? {};
  if (Object.keys(tasks).length === 0) problems.push('tasks must declare at least one task');
  for (const [task, handler] of Object.entries(tasks)) checkTaskHandler(task, handler, problems);
  if (!Array.isArray(definition.models)) {
    problems.push('models must be an array');
  } else {
    definition.models.forEach((mapping, index) => {
      if (!mapping?.hfModelId || !mapping.providerModelId) {
        problems.push(`models[${index}] needs hfModelId and providerModelId`);
      }
      if (!(mapping?.task in tasks)) {
        problems.push(
          `models[${index}] (${mapping?.hfModelId}) maps task '${mapping?.task}' that the plugin does not declare`,
        );
      }
      if (!['live', 'staging', 'error'].includes(mapping?.status)) {
        problems.push(`models[${index}].status must be live, staging or error`);
      }
    });
  }
  checkRates(definition, problems);
  checkNativeRoutes(definition, problems);
  if (definition.billing !== 'integrated' && definition.billing !== 'estimated') {
    problems.push(`billing must be 'integrated' or 'estimated'`);
  }
  if (definition.billingApi !== undefined) {
    problems.push(...validateProviderBillingApi(definition.billingApi, 'billingApi'));
    if (definition.billing !== 'integrated') problems.push(`billingApi needs billing 'integrated'`);
  }
  return problems;
}
