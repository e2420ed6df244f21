import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describeWithPostgres, findTestPostgres, useTestSchemas } from '@tollgate/store-postgres/testing';
import { afterEach, expect, it } from 'vitest';
import { SERVER_CONFIG_DEFAULTS, type ServerConfig } from './config/server-config.js';
import { createGatewayLogger } from './logging/create-gateway-logger.js';
import { type RunningGateway, startGateway } from './start-gateway.js';
import { CHAT_MODEL, captureLogs, FIRST_PARTY_PLUGINS } from './test-gateway.test-helpers.js';

const postgres = await findTestPostgres();

describeWithPostgres(postgres, 'startGateway on PostgreSQL', (connectionString) => {
  const schemas = useTestSchemas(connectionString);
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  async function start(databaseUrl: string) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-gateway-postgres-'));
    cleanups.push(() => rmSync(dataDir, { recursive: true, force: true }));
    const config: ServerConfig = {
      ...SERVER_CONFIG_DEFAULTS,
      port: 0,
      dataDir,
      databaseUrl,
      root: dataDir,
      sandbox: false,
      providers: {},
    };
    const logs = captureLogs();
    const gateway: RunningGateway = await startGateway(config, {
      logger: createGatewayLogger({ destination: logs.destination }),
      env: {},
      plugins: FIRST_PARTY_PLUGINS,
    });
    cleanups.push(() => gateway.close());
    return { gateway, logs, dataDir };
  }

  it('runs on the database at databaseUrl, migrated, and reports it on /ready without the password', async () => {
    const { connectionString: confined } = await schemas.createSchema();

    const { gateway, logs } = await start(confined);

    expect(gateway.kernel.store.description).toBe('postgres://127.0.0.1:5432/test');
    const response = await fetch(`${gateway.url}/ready`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: 'ready',
      store: 'postgres://127.0.0.1:5432/test',
      checks: { store: true, plugins: FIRST_PARTY_PLUGINS.length },
    });
    expect(logs.lines()).toContainEqual(expect.objectContaining({ store: 'postgres://127.0.0.1:5432/test' }));
    expect(await gateway.kernel.store.users.list()).toEqual([]);
  });

  it('shares users and tokens between two instances on one database', async () => {
    const { connectionString: confined } = await schemas.createSchema();
    const first = await start(confined);
    const second = await start(confined);
    const user = await first.gateway.kernel.store.users.create({ name: 'alice' });
    const { token } = await first.gateway.kernel.tokens.issue(user.id, 'tests');

    // An empty conversation is refused after authentication (400) and before any provider is called, so the
    // answer tells a token the second instance found in the shared database from one it did not (401).
    const chat = (authorization: string) =>
      fetch(`${second.gateway.url}/v1/chat/completions`, {
        method: 'POST',
        headers: { authorization, 'content-type': 'application/json' },
        body: JSON.stringify({ model: `${CHAT_MODEL}:groq`, messages: [] }),
      });

    const authenticated = await chat(`Bearer ${token}`);
    const denied = await chat('Bearer hf_notATokenAnyoneWasGiven00000000000');

    expect(authenticated.status).toBe(400);
    expect(denied.status).toBe(401);
    expect(await denied.json()).toMatchObject({ error: { code: 'invalid_api_key' } });
  });

  it('fails to start with the database named, without credentials, when PostgreSQL is unreachable', async () => {
    await expect(start('postgres://ops:s3cret@127.0.0.1:1/test')).rejects.toThrow(
      /^The PostgreSQL store at postgres:\/\/127\.0\.0\.1:1\/test cannot be migrated/,
    );
  });
});
