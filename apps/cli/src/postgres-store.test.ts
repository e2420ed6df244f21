import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { type RunningGateway, SERVER_CONFIG_DEFAULTS, startGateway } from '@tollgate/server';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { expect, it, onTestFinished } from 'vitest';
import { runTollgate, temporaryDirectory } from './run-cli.test-helpers.js';

const postgres = await findTestPostgres();

/** A gateway started as apps/server's start-up tests start one, on the given database and no plugins. */
async function startGatewayOn(databaseUrl: string): Promise<RunningGateway> {
  const root = temporaryDirectory();
  const gateway = await startGateway(
    {
      ...SERVER_CONFIG_DEFAULTS,
      port: 0,
      dataDir: path.join(root, 'data'),
      databaseUrl,
      root,
      sandbox: false,
      providers: {},
    },
    { env: {}, plugins: [] },
  );
  onTestFinished(() => gateway.close());
  return gateway;
}

/**
 * True when the gateway accepts `token` over HTTP. An empty conversation is refused after authentication (400) and
 * before any provider is involved, so the status tells a known token from an unknown one (401).
 */
async function authenticates(gateway: RunningGateway, token: string): Promise<boolean> {
  const response = await fetch(`${gateway.url}/v1/chat/completions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ model: 'openai/gpt-oss-120b', messages: [] }),
  });
  await response.arrayBuffer();
  if (response.status !== 400 && response.status !== 401) {
    throw new Error(`Expected 400 or 401 from the gateway, got ${response.status}.`);
  }
  return response.status === 400;
}

describeWithPostgres(postgres, 'the CLI on a PostgreSQL store', (connectionString) => {
  const schemas = useTestSchemas(connectionString);

  it('creates a user with --database-url whose token a gateway on the same database accepts', async () => {
    const { connectionString: databaseUrl } = await schemas.createSchema();
    const cwd = temporaryDirectory();

    const run = await runTollgate(['users', 'create', 'alice', '--database-url', databaseUrl], { cwd });

    expect(run.exitCode).toBe(0);
    const token = run.stdout.trim();
    expect(token).toMatch(/^hf_[A-Za-z]{34}$/);
    // Nothing went to SQLite in the data directory.
    expect(existsSync(path.join(cwd, '.tollgate'))).toBe(false);
    const gateway = await startGatewayOn(databaseUrl);
    expect(gateway.kernel.store.description).toBe('postgres://127.0.0.1:5432/test');
    expect(await authenticates(gateway, token)).toBe(true);
    expect(await authenticates(gateway, 'hf_notATokenAnyoneWasGiven0000000000')).toBe(false);
  });

  it('takes the database from TOLLGATE_DATABASE_URL for every admin command, down to revoking', async () => {
    const { connectionString: databaseUrl } = await schemas.createSchema();
    const env = { TOLLGATE_DATABASE_URL: databaseUrl };
    const cwd = temporaryDirectory();
    const created = JSON.parse(
      (await runTollgate(['users', 'create', 'alice', '--json'], { cwd, env })).stdout,
    );
    const second = await runTollgate(['tokens', 'create', 'alice', '--name', 'ci', '--json'], { cwd, env });

    const users = JSON.parse((await runTollgate(['users', 'list', '--json'], { cwd, env })).stdout);
    const tokens = JSON.parse(
      (await runTollgate(['tokens', 'list', 'alice', '--json'], { cwd, env })).stdout,
    );
    const revoked = await runTollgate(['tokens', 'revoke', created.token.id], { cwd, env });

    expect(second.exitCode).toBe(0);
    expect(users.users).toMatchObject([{ name: 'alice', liveTokens: 2 }]);
    expect(tokens.tokens.map((token: { name: string }) => token.name).sort()).toEqual(['ci', 'default']);
    expect(revoked.exitCode).toBe(0);
    const gateway = await startGatewayOn(databaseUrl);
    expect(await authenticates(gateway, created.token.value)).toBe(false);
    expect(await authenticates(gateway, JSON.parse(second.stdout).token.value)).toBe(true);
    expect(existsSync(path.join(cwd, '.tollgate'))).toBe(false);
  });

  it('serves from the database with `serve --database-url`, naming it without the password', async () => {
    const { connectionString: databaseUrl } = await schemas.createSchema();
    const cwd = temporaryDirectory();
    const token = (
      await runTollgate(['users', 'create', 'alice', '--database-url', databaseUrl], { cwd })
    ).stdout.trim();
    let gateway: RunningGateway | undefined;
    const signals = new EventEmitter();

    const run = await runTollgate(['serve', '--port', '0', '--sandbox', '--database-url', databaseUrl], {
      cwd,
      onGatewayStarted: (started) => {
        gateway = started;
      },
      signals: { source: signals, exit: () => undefined },
    });
    onTestFinished(() => gateway?.close());

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toContain('  store:           postgres://127.0.0.1:5432/test\n');
    const ready = await fetch(`${gateway?.url}/ready`);
    expect(await ready.json()).toMatchObject({ status: 'ready', store: 'postgres://127.0.0.1:5432/test' });
    expect(gateway && (await authenticates(gateway, token))).toBe(true);
  });

  it('refuses a --database-url that is not a PostgreSQL URL, in one line', async () => {
    const run = await runTollgate(['users', 'list', '--database-url', 'mysql://root:s3cret@db/tollgate']);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(
      /^tollgate: --database-url must be a postgres:\/\/ or postgresql:\/\/ URL[^\n]*\n$/,
    );
    expect(run.stderr).not.toContain('s3cret');
  });
});
