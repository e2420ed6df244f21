/**
 * Requests the native-route checks derive from a fixture: the same start naming a model the plugin does not map,
 * and the same follow-up naming work that was never started. Both are found by changing one part of the request
 * at a time, so they show that `modelOf` and `operationOf` read the request rather than answer a constant.
 */
import type { NativeBodyV1, NativeRequestV1, ProviderPluginV1 } from '@tollgate/provider-spec';
import { encodeMultipartForm, type MultipartField, readMultipartForm } from '@tollgate/provider-utils';
import { matchNativeRoute } from './match-native-route.js';
import type { NativeRequestFixture } from './native-fixture.js';

const UNMAPPED_PREFIX = 'tollgate-unmapped-';
const NEVER_STARTED_SUFFIX = '-never-started';

/** Every way of replacing one string leaf of `value` (objects and arrays walked depth first). */
function stringLeafVariants(value: unknown, replace: (text: string) => string): unknown[] {
  if (typeof value === 'string') return [replace(value)];
  if (Array.isArray(value)) {
    return value.flatMap((item, index) =>
      stringLeafVariants(item, replace).map((changed) =>
        value.map((old, at) => (at === index ? changed : old)),
      ),
    );
  }
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    return Object.keys(record).flatMap((key) =>
      stringLeafVariants(record[key], replace).map((changed) => ({ ...record, [key]: changed })),
    );
  }
  return [];
}

/** The parts of a multipart form body, or none for any other body (or a form that cannot be read). */
function multipartParts(body: NativeBodyV1 | undefined): MultipartField[] {
  if (body?.kind !== 'bytes' || !/^multipart\/form-data/i.test(body.contentType)) return [];
  try {
    return readMultipartForm(body.value, body.contentType);
  } catch {
    return [];
  }
}

/**
 * The fixture with one path segment, query value, JSON string leaf or text field of a multipart form changed, for
 * each one there is.
 */
function oneChangeVariants(
  fixture: NativeRequestFixture,
  replace: (text: string) => string,
): NativeRequestFixture[] {
  const variants: NativeRequestFixture[] = [];
  const segments = fixture.path.split('/');
  segments.forEach((segment, index) => {
    if (segment === '') return;
    const path = segments.map((old, at) => (at === index ? replace(segment) : old)).join('/');
    variants.push({ ...fixture, path });
  });
  for (const [name, value] of Object.entries(fixture.query ?? {})) {
    variants.push({ ...fixture, query: { ...fixture.query, [name]: replace(value) } });
  }
  const body = fixture.body;
  if (body?.kind === 'json') {
    for (const value of stringLeafVariants(body.value, replace)) {
      variants.push({ ...fixture, body: { kind: 'json', value } satisfies NativeBodyV1 });
    }
  }
  const parts = multipartParts(body);
  parts.forEach((part, index) => {
    if ('bytes' in part) return;
    const form = encodeMultipartForm(
      parts.map((old, at) => (at === index ? { name: part.name, value: replace(part.value) } : old)),
    );
    variants.push({ ...fixture, body: { kind: 'bytes', value: form.bytes, contentType: form.contentType } });
  });
  return variants;
}

function asNativeRequest(
  fixture: NativeRequestFixture,
  params: Readonly<Record<string, string>>,
): NativeRequestV1 {
  return {
    method: fixture.method,
    path: fixture.path,
    query: fixture.query ?? {},
    params,
    headers: {},
    body: fixture.body ?? { kind: 'none' },
  };
}

export interface UnmappedModelVariant {
  readonly request: NativeRequestFixture;
  /** What the route's `modelOf` reads from it. */
  readonly model: string | undefined;
}

/**
 * The start `fixture` changed in one place so that the same route's `modelOf` names another model, one the
 * plugin has no live mapping for; undefined when no single change does (a `modelOf` that ignores the request).
 *
 * @example
 * unmappedModelVariant(falAi, { method: 'POST', path: '/fal-ai/flux/dev', body });
 * // { request: { ..., path: '/tollgate-unmapped-fal-ai/flux/dev' }, model: 'tollgate-unmapped-fal-ai/flux/dev' }
 */
export function unmappedModelVariant(
  plugin: ProviderPluginV1,
  fixture: NativeRequestFixture,
): UnmappedModelVariant | undefined {
  const routes = plugin.nativeRoutes ?? [];
  const original = matchNativeRoute(routes, fixture.method, fixture.path);
  if (!original?.route.modelOf) return undefined;
  const { route } = original;
  const originalModel = route.modelOf!(asNativeRequest(fixture, original.params));
  const isLiveMapping = (model: string | undefined) =>
    plugin.models.some(
      (mapping) =>
        mapping.providerModelId === model &&
        mapping.status === 'live' &&
        (route.task === undefined || mapping.task === route.task),
    );
  for (const variant of oneChangeVariants(fixture, (text) => `${UNMAPPED_PREFIX}${text}`)) {
    const match = matchNativeRoute(routes, variant.method, variant.path);
    if (match?.route !== route) continue;
    const model = route.modelOf!(asNativeRequest(variant, match.params));
    if (model !== originalModel && !isLiveMapping(model)) return { request: variant, model };
  }
  return undefined;
}

/**
 * The follow-up `fixture` with `operationId` replaced wherever it appears (path, query, JSON strings) by an id
 * that was never started; undefined when the request does not contain the id.
 *
 * @example
 * unknownOperationVariant({ method: 'GET', path: '/v1/predictions/abc' }, 'abc');
 * // { method: 'GET', path: '/v1/predictions/abc-never-started' }
 */
export function unknownOperationVariant(
  fixture: NativeRequestFixture,
  operationId: string,
): NativeRequestFixture | undefined {
  if (operationId === '') return undefined;
  const replace = (text: string) => text.split(operationId).join(`${operationId}${NEVER_STARTED_SUFFIX}`);
  const query = Object.fromEntries(
    Object.entries(fixture.query ?? {}).map(([name, value]) => [name, replace(value)]),
  );
  const body = fixture.body;
  const changedBody =
    body?.kind === 'json'
      ? { kind: 'json' as const, value: JSON.parse(replace(JSON.stringify(body.value))) }
      : body;
  const variant: NativeRequestFixture = {
    ...fixture,
    path: replace(fixture.path),
    ...(fixture.query ? { query } : {}),
    ...(changedBody ? { body: changedBody } : {}),
  };
  const changed =
    variant.path !== fixture.path ||
    JSON.stringify(variant.query) !== JSON.stringify(fixture.query) ||
    JSON.stringify(variant.body) !== JSON.stringify(fixture.body);
  return changed ? variant : undefined;
}
