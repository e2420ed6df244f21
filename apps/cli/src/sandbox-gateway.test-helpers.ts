/**
 * A real gateway for CLI tests: `startGateway` in sandbox mode on a free loopback port, over a data directory
 * whose user and token were made by `tollgate users create`, so the tests also prove the two agree.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createGatewayLogger, loadServerConfig, type RunningGateway, startGateway } from '@tollgate/server';
import { captureText, runTollgate } from './run-cli.test-helpers.js';

/** The provider simulator a sandbox gateway runs, typed through the server so the CLI needs no test-kit dependency. */
export type SandboxSimulator = NonNullable<RunningGateway['sandbox']>;

export interface SandboxGateway {
  readonly gateway: RunningGateway;
  /** The OpenAI base URL, `http://127.0.0.1:<port>/v1`. */
  readonly baseUrl: string;
  /** A live token of user `alice`, created through the CLI. */
  readonly token: string;
  readonly simulator: SandboxSimulator;
  /** The gateway's data directory (its SQLite store), for admin commands run beside it. */
  readonly dataDir: string;
  close(): Promise<void>;
}

/**
 * @example
 * const sandbox = await startSandboxGateway();
 * await runTollgate(['chat', '--url', sandbox.baseUrl, '--token', sandbox.token, 'Hello']);
 * await sandbox.close();
 */
export async function startSandboxGateway(): Promise<SandboxGateway> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-cli-gateway-'));
  try {
    const created = await runTollgate(['users', 'create', 'alice', '--json', '--data-dir', dataDir], {
      cwd: dataDir,
    });
    if (created.exitCode !== 0) throw new Error(`users create failed: ${created.stderr}`);
    const token = (JSON.parse(created.stdout) as { token: { value: string } }).token.value;
    const config = await loadServerConfig({
      options: { host: '127.0.0.1', port: 0, sandbox: true, dataDir },
      env: {},
      cwd: dataDir,
    });
    const logger = createGatewayLogger({ level: 'warn', destination: captureText() });
    const gateway = await startGateway(config, { logger, env: {} });
    if (gateway.sandbox === undefined) throw new Error('the gateway did not start its provider simulator');
    return {
      gateway,
      baseUrl: `${gateway.url}/v1`,
      token,
      simulator: gateway.sandbox,
      dataDir,
      close: async () => {
        await gateway.close();
        rmSync(dataDir, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
}
