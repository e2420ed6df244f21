import { RoutingError } from '@tollgate/provider-spec';
import { createProviderSimulator, type ProviderSimulator } from '@tollgate/provider-test-kit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { principal, RecordingCreditLedger, simulatedGroq } from '../execution/executor.test-helpers.js';
import { coreTokens } from '../kernel/core-tokens.js';
import { createKernel } from '../kernel/create-kernel.js';
import type { OrganizationAccess, OrganizationAccessService } from '../organizations/organization-access.js';
import type { Store } from '../store/store.js';
import { createInMemoryCatalogRepository } from '../store/testing/in-memory-catalog-repository.js';
import type { NativeCallRequest } from './native-call-types.js';

const member = { userId: 'member', userName: 'groq-staff', tokenId: 't-member' };
const tuned = 'acme/gpt-oss-tuned';

let simulator: ProviderSimulator;
beforeAll(async () => {
  simulator = await createProviderSimulator({ providers: ['groq'], models: { groq: ['acme-private'] } });
});
afterAll(() => simulator.close());

async function kernelWithStaging() {
  const access: Record<string, OrganizationAccess> = {
    member: { isAdmin: false, roles: new Map([['groq', 'write']]) },
  };
  const kernel = createKernel({
    store: { catalog: createInMemoryCatalogRepository() } as Store,
    plugins: [simulatedGroq],
    env: {
      TOLLGATE_PROVIDER_GROQ_BASE_URL: simulator.baseUrlFor('groq'),
      GROQ_API_KEY: simulator.apiKeyFor('groq'),
    },
    configure: (container) => {
      container.register(coreTokens.credits, { useValue: new RecordingCreditLedger() });
      const fake = {
        forUser: async (userId: string) => access[userId] ?? { isAdmin: false, roles: new Map() },
      } as unknown as OrganizationAccessService;
      container.register(coreTokens.organizationAccess, { useValue: fake });
    },
  });
  await kernel.start();
  const staging = {
    providerId: 'groq',
    task: 'conversational',
    status: 'staging',
    origin: 'partner',
  } as const;
  // A partner's fine-tune under the provider model of a live mapping, and one under a model of its own.
  await kernel.catalog.upsert({
    ...staging,
    type: 'single',
    hfModelId: tuned,
    providerModelId: 'openai/gpt-oss-120b',
  });
  await kernel.catalog.upsert({
    ...staging,
    type: 'single',
    hfModelId: 'acme/private',
    providerModelId: 'acme-private',
  });
  return kernel;
}

const chatCall = (model: string, caller = principal): NativeCallRequest => ({
  providerId: 'groq',
  method: 'POST',
  path: '/openai/v1/chat/completions',
  query: {},
  headers: {},
  body: { kind: 'json', value: { model, messages: [{ role: 'user', content: 'Hi' }] } },
  principal: caller,
  requestId: crypto.randomUUID(),
  signal: new AbortController().signal,
});

describe('NativeCallExecutor and staging mappings', () => {
  it("bills the live mapping of a provider model that a partner's staging mapping shares", async () => {
    const kernel = await kernelWithStaging();
    for (const caller of [principal, member]) {
      const result = await kernel.native.execute(chatCall('openai/gpt-oss-120b', caller));
      expect(result.route).toEqual({
        providerId: 'groq',
        hfModelId: 'openai/gpt-oss-120b',
        providerModelId: 'openai/gpt-oss-120b',
      });
    }
    await kernel.dispose();
  });

  it("serves a staging-only provider model to the provider's organization, and to nobody else", async () => {
    const kernel = await kernelWithStaging();
    const refused = await kernel.native.execute(chatCall('acme-private')).catch((error: unknown) => error);
    expect(RoutingError.isInstance(refused)).toBe(true);
    expect(refused).toMatchObject({
      status: 400,
      message: expect.stringMatching(/Model not supported by provider groq/),
    });

    const served = await kernel.native.execute(chatCall('acme-private', member));
    expect(served).toMatchObject({ kind: 'complete', route: { hfModelId: 'acme/private' } });
    await kernel.dispose();
  });

  it('routes the unified API to a staging mapping for members only', async () => {
    const kernel = await kernelWithStaging();
    const request = (caller: typeof principal) => ({
      task: 'conversational',
      model: `${tuned}:groq`,
      input: { messages: [{ role: 'user', content: 'Hi' }] },
      principal: caller,
      requestId: crypto.randomUUID(),
      signal: new AbortController().signal,
    });
    await expect(kernel.executor.execute(request(principal))).rejects.toThrow(
      `The requested model '${tuned}' is not supported by provider 'groq'`,
    );
    const result = await kernel.executor.execute(request(member));
    expect(result.route).toMatchObject({ providerId: 'groq', hfModelId: tuned });
    await kernel.dispose();
  });
});
