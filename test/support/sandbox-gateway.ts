/** Starts `tollgate serve --sandbox` from the built CLI as a real child process, and stops it again. */
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort } from './free-port.js';
import { cliMain } from './repo-paths.js';
import { createUserToken } from './run-cli.js';

export interface SandboxGateway {
  readonly url: string;
  /** An `hf_` token of a user created with the CLI while the gateway runs. */
  readonly token: string;
  /** The gateway's data directory (its SQLite store), for tests that set up what only the CLI or store can. */
  readonly dataDir: string;
  /** Everything the process printed so far. */
  output(): string;
  stop(): Promise<void>;
}

export async function startSandboxGateway(): Promise<SandboxGateway> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-sandbox-'));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const child: ChildProcess = spawn(
    process.execPath,
    [cliMain, 'serve', '--sandbox', '--port', String(port), '--data-dir', dataDir],
    { env: { PATH: process.env.PATH, TOLLGATE_LOG_LEVEL: 'info' }, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let printed = '';
  child.stdout?.on('data', (data: Buffer) => {
    printed += data.toString();
  });
  child.stderr?.on('data', (data: Buffer) => {
    printed += data.toString();
  });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  for (let attempt = 0; attempt < 300 && child.exitCode === null; attempt += 1) {
    const ready = await fetch(`${url}/ready`).then(
      (response) => response.ok,
      () => false,
    );
    if (ready) {
      const token = await createUserToken(dataDir, 'sandboxer');
      return { url, token, dataDir, output: () => printed, stop };
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  await stop();
  throw new Error(`The sandbox gateway did not start:\n${printed}`);
}
