// The real gateway as the benchmark runs it: a built `apps/server` process, configured by environment only.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { spawnNode } from './child-processes.mjs';
import { findFreePort } from './free-port.mjs';
import { waitForStatus } from './wait-for-status.mjs';

const execFileAsync = promisify(execFile);

/** How long the gateway may take from spawn to answering `GET /ready` with 200. */
const GATEWAY_START_TIMEOUT_MS = 30_000;

/**
 * The built entry points the benchmark needs, and whether they exist.
 *
 * @param {string} repositoryRoot
 * @example
 * const { serverMain, cliMain } = gatewayEntryPoints('/work/main');
 */
export function gatewayEntryPoints(repositoryRoot) {
  const serverMain = path.join(repositoryRoot, 'apps/server/dist/main.js');
  const cliMain = path.join(repositoryRoot, 'apps/cli/dist/main.js');
  return { serverMain, cliMain, serverBuilt: existsSync(serverMain), cliBuilt: existsSync(cliMain) };
}

/**
 * Creates the user `bench` in `dataDir` and returns its `hf_` token, so the gateway authenticates, holds credit for
 * and charges every benchmark request for real. The user is on PRO (pay-as-you-go), so a long run is never cut
 * off by a Free account's $0.10. Uses `tollgate users create --json` when the CLI is built, else the
 * store and token service from the built packages.
 *
 * With `databaseUrl`, the user is made in that PostgreSQL database (CLI only).
 *
 * @param {{ repositoryRoot: string, dataDir: string, databaseUrl?: string | undefined }} options
 * @returns {Promise<{ token: string, createdWith: 'cli' | 'library' }>}
 * @example
 * const { token } = await createBenchToken({ repositoryRoot, dataDir });
 */
export async function createBenchToken({ repositoryRoot, dataDir, databaseUrl }) {
  const { cliMain, cliBuilt } = gatewayEntryPoints(repositoryRoot);
  if (databaseUrl !== undefined && !cliBuilt)
    throw new Error('a PostgreSQL run needs the CLI built (pnpm build)');
  if (cliBuilt) {
    const location = databaseUrl === undefined ? ['--data-dir', dataDir] : ['--database-url', databaseUrl];
    const { stdout } = await execFileAsync(
      process.execPath,
      [cliMain, 'users', 'create', 'bench', '--tier', 'pro', ...location, '--json'],
      { cwd: repositoryRoot, timeout: 30_000 },
    ).catch((/** @type {{ stderr?: string }} */ error) => {
      throw new Error(
        `tollgate users create failed (is the CLI built? pnpm build):\n${error.stderr ?? error}`,
      );
    });
    /** @type {{ token?: { value?: unknown } }} */
    const output = JSON.parse(stdout);
    const token = output.token?.value;
    if (typeof token !== 'string' || !token.startsWith('hf_')) {
      throw new Error(`tollgate users create --json printed no token.value: ${stdout.slice(0, 300)}`);
    }
    return { token, createdWith: 'cli' };
  }
  const { openSqliteStoreInDataDir } = await import('@tollgate/store-sqlite');
  const { TokenService } = await import('@tollgate/core');
  const store = openSqliteStoreInDataDir(dataDir);
  try {
    await store.migrate();
    const user = await store.users.create({ name: 'bench' });
    await store.billingAccounts.setUserTier(user.id, 'pro');
    const { token } = await new TokenService(store.tokens).issue(user.id, 'bench');
    return { token, createdWith: 'library' };
  } finally {
    await store.close();
  }
}

/**
 * Starts `node apps/server/dist/main.js` on a free port of 127.0.0.1, with Groq's base URL pointed at the
 * mock upstream, billing on or off (`TOLLGATE_BILLING`), on SQLite in `dataDir` or on the PostgreSQL database
 * at `databaseUrl`, and waits until `GET /ready` answers 200.
 *
 * @param {{ repositoryRoot: string, dataDir: string, upstreamUrl: string, cpu: number | undefined,
 *   billing: boolean, databaseUrl?: string | undefined }} options
 * @returns {Promise<{ handle: import('./child-processes.mjs').ChildHandle, url: string }>}
 * @example
 * const gateway = await startGatewayProcess({ repositoryRoot, dataDir, upstreamUrl: mockUrl, cpu: 0, billing: true });
 */
export async function startGatewayProcess({
  repositoryRoot,
  dataDir,
  upstreamUrl,
  cpu,
  billing,
  databaseUrl,
}) {
  const { serverMain, serverBuilt } = gatewayEntryPoints(repositoryRoot);
  if (!serverBuilt) throw new Error(`${serverMain} is missing: build the gateway first (pnpm build)`);
  const port = await findFreePort();
  const handle = spawnNode([serverMain], {
    label: 'gateway',
    cpu,
    cwd: repositoryRoot,
    // Only what a deployment would set: no provider keys or settings leak in from the benchmark's shell.
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      TOLLGATE_PORT: String(port),
      TOLLGATE_HOST: '127.0.0.1',
      TOLLGATE_DATA_DIR: dataDir,
      TOLLGATE_LOG_LEVEL: 'warn',
      TOLLGATE_PROVIDER_GROQ_BASE_URL: upstreamUrl,
      GROQ_API_KEY: 'bench',
      TOLLGATE_BILLING: billing ? '1' : '0',
      ...(databaseUrl === undefined ? {} : { TOLLGATE_DATABASE_URL: databaseUrl }),
    },
  });
  const url = `http://127.0.0.1:${port}`;
  try {
    await waitForStatus(`${url}/ready`, {
      status: 200,
      timeoutMs: GATEWAY_START_TIMEOUT_MS,
      stillRunning: () => handle.child.exitCode === null && handle.child.signalCode === null,
    });
  } catch (error) {
    await handle.stop();
    throw new Error(
      `the gateway did not start: ${error instanceof Error ? error.message : String(error)}\n${handle.outputTail()}`,
    );
  }
  return { handle, url };
}
