/** Builders for the store-backed catalog's tests: a recording logger, a repository that can be made to fail. */
import type { ProviderPluginV1 } from '@tollgate/provider-spec';
import type { KernelLogger } from '../kernel/logger.js';
import { ProviderRegistry } from '../registry/provider-registry.js';
import type { ProvidersConfig } from '../settings/provider-config.js';
import type { CatalogRepository } from '../store/catalog-repository.js';
import { StoreModelCatalog } from './store-model-catalog.js';

export interface LogLine {
  readonly level: 'debug' | 'info' | 'warn' | 'error';
  readonly message: string | undefined;
  readonly fields: object;
}

export function recordingLogger(): KernelLogger & { readonly lines: LogLine[] } {
  const lines: LogLine[] = [];
  const at =
    (level: LogLine['level']) =>
    (fields: object, message?: string): void => {
      lines.push({ level, message, fields });
    };
  return { lines, debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/** Wraps a repository; while `failing` is set, reads and writes reject as a store that went away would. */
export function breakableRepository(inner: CatalogRepository) {
  const state = { failing: false, listCalls: 0, revisionCalls: 0 };
  const guard = <T>(run: () => Promise<T>): Promise<T> =>
    state.failing ? Promise.reject(new Error('connection to the store lost')) : run();
  const repository: CatalogRepository = {
    upsert: (input, options) => guard(() => inner.upsert(input, options)),
    findById: (id) => guard(() => inner.findById(id)),
    list: (filter) => {
      state.listCalls += 1;
      return guard(() => inner.list(filter));
    },
    setStatus: (id, status) => guard(() => inner.setStatus(id, status)),
    delete: (id) => guard(() => inner.delete(id)),
    revision: () => {
      state.revisionCalls += 1;
      return guard(() => inner.revision());
    },
  };
  return { repository, state };
}

/** A catalog (not started) over `repository` for `plugins`, polling every `refreshIntervalMs` (default: never). */
export function catalogOver(
  repository: CatalogRepository,
  plugins: readonly ProviderPluginV1[],
  options: { providers?: ProvidersConfig; refreshIntervalMs?: number; logger?: KernelLogger } = {},
): StoreModelCatalog {
  const registry = new ProviderRegistry();
  for (const plugin of plugins) registry.add(plugin);
  return new StoreModelCatalog({
    repository,
    registry,
    providers: options.providers ?? {},
    logger: options.logger ?? recordingLogger(),
    refreshIntervalMs: options.refreshIntervalMs ?? 0,
  });
}
