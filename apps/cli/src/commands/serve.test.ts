import { EventEmitter } from 'node:events';
import path from 'node:path';
import type { RunningGateway } from '@tollgate/server';
import { describe, expect, it, onTestFinished } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

/** Starts `tollgate serve` in-process with a fake signal source, and closes the gateway after the test. */
async function serve(args: readonly string[], cwd: string) {
  const signals = new EventEmitter();
  const exits: number[] = [];
  let gateway: RunningGateway | undefined;
  const run = await runTollgate(['serve', ...args], {
    cwd,
    onGatewayStarted: (started) => {
      gateway = started;
    },
    signals: { source: signals, exit: (code) => exits.push(code) },
  });
  onTestFinished(() => gateway?.close());
  return { run, gateway, signals, exits };
}

describe('tollgate serve', () => {
  it('starts a sandbox gateway on a free port and says where it listens', async () => {
    const cwd = temporaryDirectory();

    const { run, gateway } = await serve(['--port', '0', '--sandbox'], cwd);

    expect(run.exitCode).toBe(0);
    expect(gateway).toBeDefined();
    expect(gateway?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(gateway?.url).not.toBe('http://127.0.0.1:0');
    expect(run.stdout).toContain('SANDBOX MODE');
    expect(run.stdout).toContain(`Tollgate listening on ${gateway?.url}\n`);
    expect(run.stdout).toContain(`OpenAI base URL: ${gateway?.url}/v1\n`);
    expect(run.stdout).toContain(`data directory:  ${path.join(cwd, '.tollgate')}\n`);
    expect(run.stdout).toContain(`store:           sqlite:${path.join(cwd, '.tollgate', 'tollgate.db')}\n`);
    expect(run.stdout).toMatch(/providers: {7}[a-z-]+(, [a-z-]+)*/);
    expect((await fetch(`${gateway?.url}/health`)).status).toBe(200);
  });

  it('closes the gateway gracefully on SIGTERM, then exits 0', async () => {
    const { gateway, signals, exits } = await serve(['--port', '0', '--sandbox'], temporaryDirectory());

    signals.emit('SIGTERM', 'SIGTERM');
    await expect.poll(() => exits).toEqual([0]);

    await expect(fetch(`${gateway?.url}/health`)).rejects.toThrow();
  });

  it('serves tokens made by `users create` in the same data directory', async () => {
    const cwd = temporaryDirectory();
    const token = (
      await runTollgate(['users', 'create', 'alice', '--data-dir', 'state'], { cwd })
    ).stdout.trim();

    const { gateway } = await serve(['--port', '0', '--sandbox', '--data-dir', 'state'], cwd);
    const chat = await runTollgate([
      'chat',
      '--url',
      `${gateway?.url}/v1`,
      '--token',
      token,
      '--no-stream',
      'Hello',
    ]);

    expect(chat.exitCode).toBe(0);
    expect(chat.stdout).toMatch(/^[a-z]+( [a-z]+)+\n$/);
  });

  it('rejects a port that is not a number before starting anything', async () => {
    const { run, gateway } = await serve(['--port', 'eighty'], temporaryDirectory());

    expect(run.exitCode).toBe(1);
    expect(gateway).toBeUndefined();
    expect(run.stderr).toContain("option '--port <n>' argument 'eighty' is invalid");
  });

  it('reports a configuration error in one line and exits 1', async () => {
    const cwd = temporaryDirectory();
    const signals = new EventEmitter();

    const run = await runTollgate(['serve', '--port', '0', '--config', 'missing.json'], {
      cwd,
      signals: { source: signals, exit: () => undefined },
    });

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `tollgate: Cannot read config file ${path.join(cwd, 'missing.json')}: it does not exist.\n`,
    );
    expect(signals.listenerCount('SIGTERM')).toBe(0);
  });
});
