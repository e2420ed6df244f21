// The "what Node itself costs" baseline: node:http in front of an undici Pool, streaming both ways, no logic.
import http from 'node:http';
import { pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { announceReady } from './child-handshake.mjs';

// Hop-by-hop headers describe one connection, so a proxy must not forward them (RFC 9110, 7.6.1).
const HOP_BY_HOP_HEADERS = new Set([
  'connection',
  'keep-alive',
  'proxy-authenticate',
  'proxy-authorization',
  'proxy-connection',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
]);

/**
 * Creates a pass-through proxy to `upstreamUrl` (not listening yet): method, path, headers and body go up,
 * status, headers and body come back, bodies streamed without buffering.
 *
 * @param {{ upstreamUrl: string, connections: number }} options `connections` caps the upstream pool
 * @returns {http.Server}
 * @example
 * const proxy = createBareProxy({ upstreamUrl: 'http://127.0.0.1:4000', connections: 128 });
 * proxy.listen(0, '127.0.0.1');
 */
export function createBareProxy({ upstreamUrl, connections }) {
  const pool = new Pool(upstreamUrl, { connections, pipelining: 1 });
  const server = http.createServer((request, response) => {
    const abort = new AbortController();
    response.on('close', () => {
      if (!response.writableFinished) abort.abort();
    });
    pool
      .stream(
        {
          method: /** @type {import('undici').Dispatcher.HttpMethod} */ (request.method ?? 'GET'),
          path: request.url ?? '/',
          headers: withoutHopByHop(request.headers, ['host', 'expect']),
          body: request.method === 'GET' || request.method === 'HEAD' ? null : request,
          signal: abort.signal,
        },
        ({ statusCode, headers }) => {
          response.writeHead(statusCode, withoutHopByHop(headers, []));
          return response;
        },
      )
      .catch((error) => {
        if (response.headersSent) {
          response.destroy();
          return;
        }
        response.writeHead(502, { 'content-type': 'text/plain' });
        response.end(`bare proxy: ${error instanceof Error ? error.message : String(error)}`);
      });
  });
  server.keepAliveTimeout = 60_000;
  server.on('close', () => {
    pool.destroy().catch(() => {});
  });
  return server;
}

/**
 * @param {Record<string, string | string[] | undefined>} headers
 * @param {readonly string[]} alsoDrop
 * @returns {Record<string, string | string[]>}
 */
function withoutHopByHop(headers, alsoDrop) {
  /** @type {Record<string, string | string[]>} */
  const kept = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined || HOP_BY_HOP_HEADERS.has(name) || alsoDrop.includes(name)) continue;
    kept[name] = value;
  }
  return kept;
}

// Run as a child process: `node bare-proxy.mjs '{"upstreamUrl":"http://127.0.0.1:4000","connections":128}'`.
if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const proxy = createBareProxy(JSON.parse(process.argv[2] ?? '{}'));
  proxy.listen(0, '127.0.0.1', () => announceReady(proxy));
  // An orderly exit on SIGTERM, so that `--cpu-prof` writes its profile (tools/stream-cost.mjs).
  process.once('SIGTERM', () => process.exit(0));
}
