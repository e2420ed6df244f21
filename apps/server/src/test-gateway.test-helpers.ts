/**
 * A real gateway for tests: the first-party plugins, a provider simulator on loopback, a SQLite store in a
 * temporary directory, a user with a token, and the gateway's log lines captured in memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import { baseUrlEnvVar } from '@tollgate/core';
import cerebrasPlugin from '@tollgate/provider-cerebras';
import falAiPlugin from '@tollgate/provider-fal-ai';
import groqPlugin from '@tollgate/provider-groq';
import hfInferencePlugin from '@tollgate/provider-hf-inference';
import openAICompatiblePlugin from '@tollgate/provider-openai-compatible';
import replicatePlugin from '@tollgate/provider-replicate';
import type { ProviderPluginV1 } from '@tollgate/provider-spec';
import {
  createProviderSimulator,
  type ProviderSimulator,
  type SimulatorOptions,
} from '@tollgate/provider-test-kit';
import togetherPlugin from '@tollgate/provider-together';
import type { UrlPolicy } from '@tollgate/provider-utils';
import wavespeedPlugin from '@tollgate/provider-wavespeed';
import { SERVER_CONFIG_DEFAULTS, type ServerConfig, type UpstreamTimeouts } from './config/server-config.js';
import { createGatewayLogger } from './logging/create-gateway-logger.js';
import { type RunningGateway, type StartGatewayOptions, startGateway } from './start-gateway.js';

export const FIRST_PARTY_PLUGINS: readonly ProviderPluginV1[] = [
  groqPlugin,
  togetherPlugin,
  cerebrasPlugin,
  openAICompatiblePlugin,
];

/** The first-party plugins plus those serving the unified task API's media tasks (pass them as `plugins`). */
export const TASK_PLUGINS: readonly ProviderPluginV1[] = [
  ...FIRST_PARTY_PLUGINS,
  falAiPlugin,
  replicatePlugin,
  hfInferencePlugin,
  wavespeedPlugin,
];

/** Served by Groq and others; pin it with `:groq` for a predictable provider. */
export const CHAT_MODEL = 'openai/gpt-oss-120b';

export interface LogCapture {
  readonly destination: Writable;
  /** Everything logged so far, raw. */
  text(): string;
  /** Parsed log lines. */
  lines(): Record<string, unknown>[];
}

/** Collects pino's output in memory. */
export function captureLogs(): LogCapture {
  const chunks: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, callback) {
      chunks.push(String(chunk));
      callback();
    },
  });
  const text = () => chunks.join('');
  return {
    destination,
    text,
    lines: () =>
      text()
        .split('\n')
        .filter(Boolean)
        .map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

export interface TestGateway {
  readonly gateway: RunningGateway;
  readonly simulator: ProviderSimulator;
  readonly url: string;
  /** An `hf_` token of a user in the store. */
  readonly token: string;
  readonly logs: LogCapture;
  /** `fetch` of a gateway path with the token (override headers to drop it). */
  request(urlPath: string, init?: RequestInit): Promise<Response>;
  /** POST a chat completion body with the token. */
  chat(body: unknown, init?: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export interface TestGatewayOptions {
  readonly config?: Partial<ServerConfig>;
  readonly simulator?: SimulatorOptions;
  /** A simulator several gateways share (instances of one deployment calling one provider); the caller closes it. */
  readonly sharedSimulator?: ProviderSimulator;
  /** Default {@link FIRST_PARTY_PLUGINS}. */
  readonly plugins?: readonly ProviderPluginV1[];
  /** Replace kernel services (a test's own `coreTokens.performance` view, say). */
  readonly configure?: StartGatewayOptions['configure'];
  /** Set over the simulator's provider variables (e.g. `TOLLGATE_MASTER_KEY`; `undefined` unsets one). */
  readonly env?: NodeJS.ProcessEnv;
}

/** Provider env vars pointing every simulated plugin at the simulator. */
function simulatorEnvironment(
  simulator: ProviderSimulator,
  plugins: readonly ProviderPluginV1[],
): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const plugin of plugins) {
    env[baseUrlEnvVar(plugin.id)] = simulator.baseUrlFor(plugin.id);
    const keyVariable = plugin.settings.apiKeyEnvVars[0];
    if (keyVariable) env[keyVariable] = simulator.apiKeyFor(plugin.id);
  }
  return env;
}

/**
 * @example
 * const test = await startTestGateway();
 * const response = await test.chat({ model: `${CHAT_MODEL}:groq`, messages: [{ role: 'user', content: 'Hi' }] });
 * await test.close();
 */
export async function startTestGateway(options: TestGatewayOptions = {}): Promise<TestGateway> {
  const plugins = options.plugins ?? FIRST_PARTY_PLUGINS;
  const models = Object.fromEntries(
    plugins.map((plugin) => [plugin.id, plugin.models.map((mapping) => mapping.providerModelId)]),
  );
  const simulator =
    options.sharedSimulator ?? (await createProviderSimulator({ models, ...options.simulator }));
  const closeSimulator = () => (options.sharedSimulator ? Promise.resolve() : simulator.close());
  const dataDir = mkdtempSync(path.join(tmpdir(), 'tollgate-gateway-'));
  const logs = captureLogs();
  // ServerConfig's `upstream` holds timeouts; startGateway hands it to the kernel whole, so the URL policy rides
  // along. Provider-returned URLs (Replicate's polling URL, media) may then point at the simulator, as in sandbox
  // mode; pass `config.upstream` without one to see them refused.
  const upstream: UpstreamTimeouts & { readonly urlPolicy: UrlPolicy } = {
    headersTimeoutMs: 5_000,
    bodyTimeoutMs: 5_000,
    urlPolicy: { allowedOrigins: [simulator.url] },
  };
  const config: ServerConfig = {
    host: '127.0.0.1',
    port: 0,
    dataDir,
    root: dataDir,
    sandbox: false,
    providers: {},
    bodyLimitBytes: SERVER_CONFIG_DEFAULTS.bodyLimitBytes,
    shutdownGraceMs: 5_000,
    logLevel: 'info',
    upstream,
    ...options.config,
  };
  const simulated = plugins.filter((plugin) => plugin.id !== 'openai-compatible');
  let gateway: RunningGateway;
  try {
    gateway = await startGateway(config, {
      logger: createGatewayLogger({ level: config.logLevel, destination: logs.destination }),
      env: { ...simulatorEnvironment(simulator, simulated), ...options.env },
      plugins,
      ...(options.configure ? { configure: options.configure } : {}),
    });
  } catch (error) {
    await closeSimulator();
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  // A second instance on a shared (PostgreSQL) store finds alice there already.
  const user =
    (await gateway.kernel.store.users.list()).find((existing) => existing.name === 'alice') ??
    (await gateway.kernel.store.users.create({ name: 'alice' }));
  const { token } = await gateway.kernel.tokens.issue(user.id, 'tests');
  const request = (urlPath: string, init: RequestInit = {}) =>
    fetch(`${gateway.url}${urlPath}`, {
      ...init,
      headers: { authorization: `Bearer ${token}`, ...(init.headers as Record<string, string> | undefined) },
    });
  return {
    gateway,
    simulator,
    url: gateway.url,
    token,
    logs,
    request,
    chat: (body, init = {}) =>
      request('/v1/chat/completions', {
        method: 'POST',
        body: JSON.stringify(body),
        ...init,
        headers: {
          'content-type': 'application/json',
          ...(init.headers as Record<string, string> | undefined),
        },
      }),
    close: async () => {
      await gateway.close();
      await closeSimulator();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Reads an SSE body into its `data:` payloads, in order. */
export async function readSseData(response: Response): Promise<string[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice('data: '.length));
}
