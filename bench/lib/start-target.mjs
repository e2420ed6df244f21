// The ways a chat request can reach the mock upstream: directly, through the bare proxy, through the gateway.
import { fileURLToPath } from 'node:url';
import { spawnNode } from './child-processes.mjs';
import { startGatewayProcess } from './gateway-process.mjs';

/** @typedef {import('./target-names.mjs').TargetName} TargetName */

/** The mock's Groq-style path: what the gateway calls upstream, so direct and proxied calls use it too. */
const UPSTREAM_CHAT_PATH = '/openai/v1/chat/completions';

/**
 * @typedef {object} RunningTarget
 * @property {TargetName} name
 * @property {string} origin where the load generator sends requests
 * @property {string} path
 * @property {number | undefined} pid the proxying process, whose CPU and memory are measured (none for direct)
 * @property {() => Promise<void>} stop
 */

/**
 * @typedef {object} TargetContext
 * @property {string} repositoryRoot
 * @property {string} dataDir the gateway's data directory, which already holds the benchmark user
 * @property {string} mockUrl
 * @property {number} connections load connections, to size the bare proxy's upstream pool
 * @property {number | undefined} proxyCpu
 * @property {string | undefined} databaseUrl the gateway's PostgreSQL database (its store is SQLite without one)
 */

/**
 * Starts the process a target needs (none for direct) and says where to send requests.
 *
 * @param {TargetName} name
 * @param {TargetContext} context
 * @returns {Promise<RunningTarget>}
 * @example
 * const target = await startTarget('proxy', context);
 * try { ... } finally { await target.stop(); }
 */
export async function startTarget(
  name,
  { repositoryRoot, dataDir, mockUrl, connections, proxyCpu, databaseUrl },
) {
  if (name === 'direct') {
    return { name, origin: mockUrl, path: UPSTREAM_CHAT_PATH, pid: undefined, stop: async () => {} };
  }
  if (name === 'proxy') {
    const script = fileURLToPath(new URL('./bare-proxy.mjs', import.meta.url));
    const handle = spawnNode(
      [script, JSON.stringify({ upstreamUrl: mockUrl, connections: connections * 2 })],
      {
        label: 'bare proxy',
        cpu: proxyCpu,
      },
    );
    const origin = await handle.waitForReady(10_000).catch(async (error) => {
      await handle.stop();
      throw error;
    });
    return { name, origin, path: UPSTREAM_CHAT_PATH, pid: handle.pid, stop: handle.stop };
  }
  const { handle, url } = await startGatewayProcess({
    repositoryRoot,
    dataDir,
    upstreamUrl: mockUrl,
    cpu: proxyCpu,
    billing: name === 'gateway-on',
    databaseUrl,
  });
  return { name, origin: url, path: '/v1/chat/completions', pid: handle.pid, stop: handle.stop };
}
