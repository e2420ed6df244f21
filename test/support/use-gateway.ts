/**
 * Declares, for one test file, a provider simulator and a real gateway process in front of it, with an openai
 * SDK client holding a fresh `hf_` token. Read the returned getters inside tests (they are set in beforeAll).
 */
import {
  createProviderSimulator,
  type ProviderSimulator,
  type SimulatorOptions,
} from '@tollgate/provider-test-kit';
import OpenAI from 'openai';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { type GatewayProcess, startGatewayProcess } from './gateway-process.js';

export interface GatewayUnderTest {
  readonly simulator: ProviderSimulator;
  readonly gateway: GatewayProcess;
  /** The official SDK, retries off so each test sees exactly one request. */
  readonly client: OpenAI;
}

export function useGateway(
  options: { simulator?: SimulatorOptions; env?: Record<string, string> } = {},
): GatewayUnderTest {
  let simulator: ProviderSimulator | undefined;
  let gateway: GatewayProcess | undefined;
  let client: OpenAI | undefined;
  beforeAll(async () => {
    simulator = await createProviderSimulator(options.simulator);
    gateway = await startGatewayProcess({ simulator, ...(options.env ? { env: options.env } : {}) });
    client = new OpenAI({ baseURL: `${gateway.url}/v1`, apiKey: gateway.token, maxRetries: 0 });
  });
  afterEach(() => simulator?.clearFaults());
  afterAll(async () => {
    await gateway?.stop();
    await simulator?.close();
  });
  return {
    get simulator() {
      return simulator!;
    },
    get gateway() {
      return gateway!;
    },
    get client() {
      return client!;
    },
  };
}
