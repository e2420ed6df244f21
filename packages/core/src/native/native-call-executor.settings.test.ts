import { AuthError } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { kernelFor, principal } from '../execution/executor.test-helpers.js';
import type { NativeCallRequest } from './native-call-types.js';

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'] });
});
afterAll(() => simulator.close());

const chatCall = (): NativeCallRequest => ({
  providerId: 'groq',
  method: 'POST',
  path: '/openai/v1/chat/completions',
  query: {},
  headers: {},
  body: {
    kind: 'json',
    value: { model: 'openai/gpt-oss-120b', messages: [{ role: 'user', content: 'Hi' }] },
  },
  principal,
  requestId: crypto.randomUUID(),
  signal: new AbortController().signal,
});

describe('NativeCallExecutor and account settings', () => {
  it('refuses a provider the account disabled with a 403, before holding credit or calling it', async () => {
    const { kernel, ledger } = await kernelFor(simulator);
    await kernel.inferenceProviderSettings.save(principal.userId, {
      defaultPolicy: 'fastest',
      providerOrder: [],
      disabledProviders: ['groq'],
    });
    const calls = simulator.calls.length;
    const error = await kernel.native.execute(chatCall()).catch((caught: unknown) => caught);
    expect(AuthError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ status: 403, code: 'provider_disabled' });
    expect(ledger.events).toEqual([]);
    expect(simulator.calls.length).toBe(calls);

    await kernel.inferenceProviderSettings.reset(principal.userId);
    expect((await kernel.native.execute(chatCall())).kind).toBe('complete');
  });
});
