/**
 * Native fixtures the suite derives from a plugin's synchronous task handlers: the request a handler sends its
 * provider is, by construction, a request in the provider's own format with the provider's model id, which is
 * exactly what a client sends to `/{provider}{path}`. A start route that such a request reaches needs no
 * hand-written fixture (every OpenAI-style chat, completions and embeddings route is covered this way); queued
 * work and follow-ups still need explicit ones, since only the plugin's fixture knows how its work is followed up.
 */
import type { ModelMappingV1, NativeRouteV1, ProviderPluginV1 } from '@tollgate/provider-spec';
import { matchNativeRoute } from './match-native-route.js';
import { type NativeFixture, nativeFixtureName } from './native-fixture.js';

/** One synchronous task the suite can run: its input and the mapping to run it at. */
export interface TaskRequestSource {
  readonly task: string;
  readonly input: unknown;
  readonly mapping: ModelMappingV1;
}

/**
 * A fixture for each start route that no explicit fixture covers and that a synchronous task's own request
 * reaches, named `<task> (from the task's request)`. Handlers that stream, name an absolute URL or throw for the
 * input derive nothing.
 *
 * @example
 * deriveNativeFixtures(groq, [{ task: 'conversational', input: { messages }, mapping }], []);
 * // [{ name: "conversational (from the task's request)", method: 'POST', path: '/openai/v1/chat/completions', body }]
 */
export function deriveNativeFixtures(
  plugin: ProviderPluginV1,
  sources: readonly TaskRequestSource[],
  explicit: readonly NativeFixture[],
): NativeFixture[] {
  const routes = plugin.nativeRoutes ?? [];
  const covered = new Set<NativeRouteV1>();
  for (const fixture of explicit) {
    const match = matchNativeRoute(routes, fixture.method, fixture.path);
    if (match) covered.add(match.route);
  }
  const taken = new Set(explicit.map(nativeFixtureName));
  const derived: NativeFixture[] = [];
  for (const { task, input, mapping } of sources) {
    const handler = plugin.tasks[task as keyof typeof plugin.tasks];
    if (handler?.kind !== 'sync') continue;
    let upstream: ReturnType<typeof handler.mapRequest>;
    try {
      upstream = handler.mapRequest({
        input,
        context: {
          requestId: 'conformance-derive',
          providerId: plugin.id,
          hfModelId: mapping.hfModelId,
          providerModelId: mapping.providerModelId,
        },
      });
    } catch {
      continue;
    }
    if (upstream.expect === 'sse' || upstream.absoluteUrl !== undefined) continue;
    const match = matchNativeRoute(routes, upstream.method, upstream.path);
    if (match?.route.role !== 'start' || covered.has(match.route)) continue;
    const name = `${task} (from the task's request)`;
    if (taken.has(name)) continue;
    covered.add(match.route);
    derived.push({
      name,
      method: upstream.method,
      path: upstream.path,
      ...(upstream.query ? { query: upstream.query } : {}),
      ...(upstream.headers ? { headers: upstream.headers } : {}),
      body: upstream.body,
    });
  }
  return derived;
}
