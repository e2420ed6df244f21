/**
 * Starts the built gateway (`apps/server/dist/main.js`) as a real child process, configured by environment alone
 * and pointed at a provider simulator, and stops it again.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ProviderSimulator } from '@tollgate/provider-test-kit';
import { freePort } from './free-port.js';
import { serverMain } from './repo-paths.js';
import { createUserToken } from './run-cli.js';

export interface GatewayProcess {
  readonly url: string;
  readonly token: string;
  readonly dataDir: string;
  readonly child: ChildProcess;
  /** Everything the process printed so far. */
  output(): string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const SIMULATED_PROVIDERS: Record<string, string> = {
  groq: 'GROQ_API_KEY',
  together: 'TOGETHER_API_KEY',
  cerebras: 'CEREBRAS_API_KEY',
};

/** Environment that points each first-party plugin at the simulator with the key it expects. */
export function simulatorEnvironment(simulator: ProviderSimulator): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [providerId, keyVariable] of Object.entries(SIMULATED_PROVIDERS)) {
    env[`TOLLGATE_PROVIDER_${providerId.toUpperCase()}_BASE_URL`] = simulator.baseUrlFor(providerId);
    env[keyVariable] = simulator.apiKeyFor(providerId);
  }
  return env;
}

async function waitUntilReady(url: string, child: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`The gateway exited with ${child.exitCode}:\n${output()}`);
    try {
      const response = await fetch(`${url}/ready`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`The gateway did not become ready within 30 s:\n${output()}`);
}

export interface GatewayProcessOptions {
  readonly simulator?: ProviderSimulator;
  readonly env?: Record<string, string>;
  /**
   * A data directory the caller owns (kept when the process stops, so a restart finds its state), with `token` of
   * a user already in its store. Default: a fresh directory with a new user, removed on `stop()`.
   */
  readonly dataDir?: string;
  readonly token?: string;
}

export async function startGatewayProcess(options: GatewayProcessOptions = {}): Promise<GatewayProcess> {
  const ownsDataDir = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'tollgate-e2e-'));
  const token = options.token ?? (await createUserToken(dataDir, 'e2e-user'));
  const port = await freePort();
  const child = spawn(process.execPath, [serverMain], {
    env: {
      PATH: process.env.PATH,
      TOLLGATE_PORT: String(port),
      TOLLGATE_HOST: '127.0.0.1',
      TOLLGATE_DATA_DIR: dataDir,
      TOLLGATE_LOG_LEVEL: 'info',
      ...(options.simulator ? simulatorEnvironment(options.simulator) : {}),
      ...options.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let printed = '';
  child.stdout?.on('data', (data: Buffer) => {
    printed += data.toString();
  });
  child.stderr?.on('data', (data: Buffer) => {
    printed += data.toString();
  });
  const url = `http://127.0.0.1:${port}`;
  const output = () => printed;
  try {
    await waitUntilReady(url, child, output);
  } catch (error) {
    child.kill('SIGKILL');
    throw error;
  }
  return {
    url,
    token,
    dataDir,
    child,
    output,
    stop(signal = 'SIGTERM') {
      const removeDataDir = () => {
        if (ownsDataDir) rmSync(dataDir, { recursive: true, force: true });
      };
      return new Promise((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) {
          removeDataDir();
          return resolve(child.exitCode);
        }
        const killer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        child.once('exit', (code) => {
          clearTimeout(killer);
          removeDataDir();
          resolve(code);
        });
        child.kill(signal);
      });
    },
  };
}
