/** Resolves where a provider request goes: the base URL plus the request's path, or its absolute URL. */
import { isIP } from 'node:net';
import type { UpstreamRequestV1 } from '@tollgate/provider-spec';

/**
 * The Hugging Face router's way to name a provider's sub-host through one base URL:
 * `router.huggingface.co/fal-ai/fal-ai/flux/dev?_subdomain=queue` is fal's `queue.fal.run/fal-ai/flux/dev`.
 */
const SUBDOMAIN_PARAMETER = '_subdomain';
const HOST_LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/**
 * Whether the base URL is a provider's own host (a DNS name with no path), where `_subdomain` names a sub-host,
 * rather than a router or simulator that takes the parameter as it is.
 */
function isBareProviderHost(base: URL): boolean {
  const host = base.hostname.replace(/^\[(.*)\]$/, '$1');
  return (
    (base.pathname === '/' || base.pathname === '') &&
    isIP(host) === 0 &&
    host.includes('.') &&
    host !== 'localhost'
  );
}

/**
 * Build the URL of an upstream request. The path is appended to the base URL as text (not resolved like a
 * link), so a base URL with a path prefix such as `https://router.example/together` keeps its prefix.
 * `request.absoluteUrl`, when present, replaces base URL and path. Query parameters are appended, except
 * `_subdomain` on a bare provider host (`https://fal.run`), which becomes a sub-domain of it
 * (`https://queue.fal.run`); behind a router or simulator base URL it stays a query parameter, as Hugging
 * Face's router expects. Throws a `TypeError` for a URL that does not parse or is not http(s).
 *
 * @example
 * buildUpstreamUrl('https://api.groq.com/', { method: 'POST', path: '/openai/v1/chat/completions', body: { kind: 'none' }, expect: 'json' });
 * // -> URL 'https://api.groq.com/openai/v1/chat/completions'
 * buildUpstreamUrl('https://fal.run', { method: 'POST', path: '/fal-ai/flux/dev', query: { _subdomain: 'queue' }, body: { kind: 'none' }, expect: 'json' });
 * // -> URL 'https://queue.fal.run/fal-ai/flux/dev'
 */
export function buildUpstreamUrl(baseUrl: string, request: UpstreamRequestV1): URL {
  let url: URL;
  let subdomain: string | undefined;
  if (request.absoluteUrl !== undefined) {
    url = new URL(request.absoluteUrl);
  } else {
    const base = baseUrl.replace(/\/+$/, '');
    const path = request.path.startsWith('/') ? request.path : `/${request.path}`;
    url = new URL(`${base}${path}`);
    const requested = request.query?.[SUBDOMAIN_PARAMETER];
    if (requested !== undefined && isBareProviderHost(new URL(baseUrl))) {
      if (!HOST_LABEL.test(requested)) throw new TypeError(`'${requested}' is not a host name label`);
      subdomain = requested;
      url.hostname = `${requested}.${url.hostname}`;
    }
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new TypeError(`Upstream URLs must be http(s), got '${url.protocol}'`);
  }
  for (const [name, value] of Object.entries(request.query ?? {})) {
    if (subdomain !== undefined && name === SUBDOMAIN_PARAMETER) continue;
    url.searchParams.append(name, value);
  }
  return url;
}
