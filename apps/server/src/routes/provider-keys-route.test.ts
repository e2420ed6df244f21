import { randomBytes } from 'node:crypto';
import { coreTokens, StoreCreditLedger } from '@tollgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const path = '/api/settings/inference-providers/keys';
const userGroqKey = 'gsk_alice_own_9Tq4Wm2Xr7Lp';

describe('routed requests with the user’s own provider key', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({
      // The simulated Groq accepts only Alice's own key; the gateway has none for it at all.
      simulator: { apiKeys: { groq: userGroqKey } },
      env: { TOLLGATE_MASTER_KEY: randomBytes(32).toString('base64'), GROQ_API_KEY: undefined },
      // A charging ledger, so that a request billed to credits would leave entries.
      configure: (container) =>
        container.register(coreTokens.credits, {
          useFactory: (c) => {
            const store = c.resolve(coreTokens.store);
            return new StoreCreditLedger({ ledger: store.ledger, billingAccounts: store.billingAccounts });
          },
        }),
    });
  });
  afterAll(async () => {
    await test.close();
  });

  const putKey = (provider: string, body: unknown) =>
    test.request(`${path}/${provider}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const chat = (stream = false) =>
    test.chat({
      model: `${CHAT_MODEL}:groq`,
      messages: [{ role: 'user', content: 'Who pays for this?' }],
      max_tokens: 16,
      stream,
    });

  it('refuses a provider the gateway has no key for, before the user set one', async () => {
    const response = await chat();
    expect(response.status).toBe(400);
    expect(await response.json()).toMatchObject({ error: { code: 'provider_unavailable' } });
  });

  it('refuses a key for an unknown provider, naming the known ones', async () => {
    const response = await putKey('grok', { key: userGroqKey });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('unknown_provider');
    expect(body.error.message).toContain('groq, together, cerebras');
  });

  it('stores the key, lists only its last characters, and serves the user with it without charging credits', async () => {
    const saved = await putKey('groq', { key: userGroqKey });
    expect(saved.status).toBe(200);
    expect(await saved.json()).toMatchObject({ provider: 'groq', suffix: userGroqKey.slice(-4) });
    const listed = await test.request(path);
    const listedText = await listed.text();
    expect(JSON.parse(listedText)).toMatchObject({
      keys: [{ provider: 'groq', suffix: userGroqKey.slice(-4) }],
    });
    expect(listedText).not.toContain(userGroqKey.slice(0, 8));

    test.simulator.resetCalls();
    const response = await chat();
    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    const streamed = await chat(true);
    expect(streamed.status).toBe(200);
    await streamed.text();
    // Groq's own API through the router's pass-through route, too.
    const native = await test.request('/groq/openai/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        model: CHAT_MODEL,
        messages: [{ role: 'user', content: 'Natively?' }],
        max_tokens: 8,
      }),
    });
    expect(native.status).toBe(200);

    // The simulator saw Alice's key, and her gateway token never left the gateway.
    expect(test.simulator.calls.map((call) => call.headers.authorization)).toEqual(
      Array(3).fill(`Bearer ${userGroqKey}`),
    );
    expect(JSON.stringify(test.simulator.calls.map((call) => call.headers))).not.toContain(test.token);
    const served = test.logs.lines().filter((line) => line.msg === 'Chat completion served');
    expect(served.at(-1)).toMatchObject({ billing: 'custom-key', provider: 'groq' });
    const alice = await test.gateway.kernel.store.users.findByName('alice');
    const ledger = test.gateway.kernel.store.ledger;
    expect(await ledger.listEntries({ accountId: alice!.id })).toEqual([]);
    // The same user's request to a provider without a key of hers is held and charged as usual.
    const routed = await test.chat({
      model: `${CHAT_MODEL}:together`,
      messages: [{ role: 'user', content: 'And this one?' }],
      max_tokens: 16,
    });
    expect(routed.status).toBe(200);
    const entries = await ledger.listEntries({ accountId: alice!.id });
    expect(entries.map((entry) => entry.kind)).toEqual(['hold', 'settle']);
    expect(entries.map((entry) => entry.requestId)).toEqual(
      Array(2).fill(routed.headers.get('x-request-id')),
    );
    expect(test.logs.text()).not.toContain(userGroqKey);
  });

  it('removes the key: the provider is unavailable to the user again', async () => {
    const removed = await test.request(`${path}/groq`, { method: 'DELETE' });
    expect(removed.status).toBe(204);
    expect((await test.request(`${path}/groq`, { method: 'DELETE' })).status).toBe(404);
    expect(await (await test.request(path)).json()).toEqual({ keys: [] });
    expect((await chat()).status).toBe(400);
  });
});

describe("an organization's own provider key, for requests billed to it", () => {
  let test: TestGateway;
  let memberToken: string;
  let adminToken: string;
  beforeAll(async () => {
    test = await startTestGateway({
      simulator: { apiKeys: { groq: userGroqKey } },
      env: { TOLLGATE_MASTER_KEY: randomBytes(32).toString('hex'), GROQ_API_KEY: undefined },
    });
    const store = test.gateway.kernel.store;
    const alice = (await store.users.findByName('alice'))!;
    const carol = await store.users.create({ name: 'carol' });
    const acme = await store.organizations.create({ name: 'acme' });
    await store.billingAccounts.setOrganizationBilling(acme.id, {
      plan: 'team',
      seats: 2,
      spendingLimitNanoUsd: undefined,
    });
    await store.organizations.setMember({ organizationId: acme.id, userId: alice.id, role: 'write' });
    await store.organizations.setMember({ organizationId: acme.id, userId: carol.id, role: 'admin' });
    memberToken = test.token;
    adminToken = (await test.gateway.kernel.tokens.issue(carol.id, 'admin')).token;
  }, 60_000);
  afterAll(async () => {
    await test.close();
  });

  const orgKeys = '/api/organizations/acme/settings/inference-providers/keys';
  const put = (token: string) =>
    test.request(`${orgKeys}/groq`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ key: userGroqKey }),
    });
  const chat = (billTo?: string) =>
    test.chat(
      { model: `${CHAT_MODEL}:groq`, messages: [{ role: 'user', content: 'On the team?' }], max_tokens: 8 },
      { headers: billTo ? { 'x-hf-bill-to': billTo } : {} },
    );

  it('is set by an admin only, serves requests billed to the organization, and never a member’s own', async () => {
    expect((await put(memberToken)).status).toBe(403);
    expect((await put(adminToken)).status).toBe(200);
    const listed = await test.request(orgKeys, { headers: { authorization: `Bearer ${memberToken}` } });
    expect(await listed.json()).toMatchObject({
      keys: [{ provider: 'groq', suffix: userGroqKey.slice(-4) }],
    });

    test.simulator.resetCalls();
    const billed = await chat('acme');
    expect(billed.status).toBe(200);
    expect(test.simulator.calls.map((call) => call.headers.authorization)).toEqual([`Bearer ${userGroqKey}`]);
    expect((await chat()).status).toBe(400);
    expect(await test.gateway.kernel.store.ledger.listEntries()).toEqual([]);
  });
});

describe('setting a provider key on a gateway without a master key', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ env: { TOLLGATE_MASTER_KEY: undefined } });
  });
  afterAll(async () => {
    await test.close();
  });

  it("answers 500 without the operator's detail, and stores nothing", async () => {
    const response = await test.request(`${path}/groq`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ key: userGroqKey }),
    });
    expect(response.status).toBe(500);
    const body = (await response.json()) as { error: { message: string; code: string } };
    expect(body.error.code).toBe('master_key_error');
    expect(body.error.message).toContain('misconfigured');
    expect(body.error.message).not.toContain('TOLLGATE_MASTER_KEY');
    expect(await (await test.request(path)).json()).toEqual({ keys: [] });
  });
});
