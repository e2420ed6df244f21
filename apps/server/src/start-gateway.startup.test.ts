import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SERVER_CONFIG_DEFAULTS, type ServerConfig } from './config/server-config.js';
import { createGatewayLogger } from './logging/create-gateway-logger.js';
import { type RunningGateway, startGateway } from './start-gateway.js';
import { captureLogs, startTestGateway } from './test-gateway.test-helpers.js';

/** A plugin package as an operator installs it: plain JavaScript, branded the way defineProviderPlugin brands. */
const FIXTURE_PLUGIN_SOURCE = `
const handler = {
  kind: 'sync',
  mapRequest: ({ input, context }) => ({ method: 'POST', path: '/v1/chat/completions', body: { kind: 'json', value: { ...input, model: context.providerModelId } }, expect: 'json' }),
  mapResponse: ({ response }) => ({ output: response.body, usage: {} }),
};
export default Object.freeze({
  [Symbol.for('tollgate.provider-plugin')]: true,
  specificationVersion: 'v1', id: 'fixture', displayName: 'Fixture', version: '2.1.0', compatibility: '^0.1.0',
  settings: { apiKeyEnvVars: [], apiKeyRequired: false, baseUrl: 'http://127.0.0.1:9', auth: { kind: 'none' } },
  tasks: { conversational: handler },
  models: [{ hfModelId: 'fixture/model', providerModelId: 'model', task: 'conversational', status: 'live' }],
  rates: { kind: 'static', table: { asOf: '2026-11-23', sourceUrl: 'http://127.0.0.1:9', currency: 'USD', models: {} } },
  billing: 'integrated',
});
`;

function writePackage(root: string, name: string, manifest: Record<string, unknown>, source?: string): void {
  const directory = path.join(root, 'node_modules', ...name.split('/'));
  mkdirSync(directory, { recursive: true });
  writeFileSync(
    path.join(directory, 'package.json'),
    JSON.stringify({ name, type: 'module', main: 'index.js', ...manifest }),
  );
  if (source) writeFileSync(path.join(directory, 'index.js'), source);
}

describe('startGateway start-up', () => {
  const cleanups: (() => Promise<void> | void)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  function deployment(): string {
    const root = mkdtempSync(path.join(tmpdir(), 'tollgate-deployment-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(
      path.join(root, 'package.json'),
      JSON.stringify({
        name: 'deployment',
        dependencies: { 'tollgate-provider-fixture': '2.1.0', '@tollgate/provider-notes': '1.0.0' },
      }),
    );
    writePackage(
      root,
      'tollgate-provider-fixture',
      { version: '2.1.0', tollgate: { kind: 'provider', id: 'fixture', specificationVersion: 'v1' } },
      FIXTURE_PLUGIN_SOURCE,
    );
    writePackage(root, '@tollgate/provider-notes', { version: '1.0.0' }, 'export default {};');
    return root;
  }

  function configFor(root: string): ServerConfig {
    return {
      ...SERVER_CONFIG_DEFAULTS,
      port: 0,
      dataDir: path.join(root, 'data'),
      root,
      sandbox: false,
      providers: {},
    };
  }

  async function start(config: ServerConfig) {
    const logs = captureLogs();
    const gateway: RunningGateway = await startGateway(config, {
      logger: createGatewayLogger({ destination: logs.destination }),
      env: {},
    });
    cleanups.push(() => gateway.close());
    return { gateway, logs };
  }

  it('discovers plugins from the root package.json and logs what it loaded and skipped', async () => {
    const { gateway, logs } = await start(configFor(deployment()));
    expect(gateway.discovery.loaded.map((loaded) => loaded.plugin.id)).toEqual(['fixture']);
    expect(gateway.kernel.registry.has('fixture')).toBe(true);
    const messages = logs.lines().map((line) => line.msg);
    expect(messages).toContain(
      'Detected tollgate-provider-fixture@2.1.0 -> provider fixture (tasks: conversational)',
    );
    expect(messages).toContainEqual(
      expect.stringMatching(/^Skipped @tollgate\/provider-notes: its package.json has no "tollgate" field/),
    );
    const models = (await (await fetch(`${gateway.url}/v1/models`)).json()) as { data: { id: string }[] };
    expect(models.data.map((model) => model.id)).toEqual(['fixture/model']);
  });

  it('creates the SQLite store in the data directory', async () => {
    const root = deployment();
    const { gateway } = await start(configFor(root));
    expect(gateway.kernel.store.description).toBe(`sqlite:${path.join(root, 'data', 'tollgate.db')}`);
    expect(await gateway.kernel.store.ping()).toBe(true);
  });

  it('answers /ready 503 when no plugin is loaded', async () => {
    const root = mkdtempSync(path.join(tmpdir(), 'tollgate-empty-'));
    cleanups.push(() => rmSync(root, { recursive: true, force: true }));
    writeFileSync(path.join(root, 'package.json'), JSON.stringify({ name: 'empty' }));
    const { gateway, logs } = await start(configFor(root));
    const response = await fetch(`${gateway.url}/ready`);
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: 'not_ready',
      store: `sqlite:${path.join(root, 'data', 'tollgate.db')}`,
      checks: { store: true, plugins: 0 },
    });
    expect(logs.text()).toContain('No provider plugin found');
  });

  it('never writes the access token to the log, even at trace level', async () => {
    const test = await startTestGateway({ config: { logLevel: 'trace' } });
    cleanups.push(() => test.close());
    await (
      await test.chat({ model: 'openai/gpt-oss-120b:groq', messages: [{ role: 'user', content: 'Hi' }] })
    ).json();
    await (await test.chat({ model: 'openai/gpt-oss-120b:groq', messages: [] })).json();
    test.simulator.injectFault('groq', { kind: 'status', status: 500, times: 1 });
    expect(
      (await test.chat({ model: 'openai/gpt-oss-120b:groq', messages: [{ role: 'user', content: 'Hi' }] }))
        .status,
    ).toBe(502);
    await (
      await test.request('/v1/models', {
        headers: { 'x-api-key': test.token, cookie: `token=${test.token}` },
      })
    ).json();
    expect(test.logs.lines().length).toBeGreaterThan(5);
    expect(test.logs.text()).not.toContain(test.token);
    expect(test.logs.text()).not.toContain(test.simulator.apiKeyFor('groq'));
  });
});
