import {
  allowanceOf,
  billingPeriodOf,
  DEFAULT_BILLING_TIERS,
  type OrganizationRecord,
  type Store,
} from '@tollgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const messages = [{ role: 'user', content: 'Bill this to my team' }];

interface ErrorBody {
  readonly error: { readonly message: string; readonly type: string; readonly code: string | null };
}

describe('X-HF-Bill-To and organization billing over HTTP', () => {
  let test: TestGateway;
  let store: Store;
  let aliceId: string;
  let acme: OrganizationRecord;
  let adminToken: string;
  let outsiderToken: string;
  beforeAll(async () => {
    // The kernel charges by default (StoreCreditLedger on the store's ledger).
    test = await startTestGateway();
    store = test.gateway.kernel.store;
    const alice = await store.users.findByName('alice');
    aliceId = alice!.id;
    const carol = await store.users.create({ name: 'carol' });
    const bob = await store.users.create({ name: 'bob' });
    adminToken = (await test.gateway.kernel.tokens.issue(carol.id, 'admin')).token;
    outsiderToken = (await test.gateway.kernel.tokens.issue(bob.id, 'outsider')).token;
    acme = await store.organizations.create({ name: 'acme' });
    await store.billingAccounts.setOrganizationBilling(acme.id, {
      plan: 'team',
      seats: 2,
      spendingLimitNanoUsd: undefined,
    });
    await store.organizations.setMember({ organizationId: acme.id, userId: aliceId, role: 'write' });
    await store.organizations.setMember({ organizationId: acme.id, userId: carol.id, role: 'admin' });
    const hobby = await store.organizations.create({ name: 'hobby' });
    await store.organizations.setMember({ organizationId: hobby.id, userId: aliceId, role: 'admin' });
  }, 60_000);
  afterAll(async () => {
    await test.close();
  });

  const billedChat = (organization: string, token?: string, model = `${CHAT_MODEL}:groq`) =>
    test.chat(
      { model, messages },
      {
        headers: {
          'x-hf-bill-to': organization,
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
    );
  const period = () => billingPeriodOf(new Date());
  const putJson = (path: string, body: unknown, token: string) =>
    test.request(path, {
      method: 'PUT',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify(body),
    });

  it("charges a member's request to the organization's pooled credits, not the member's", async () => {
    const response = await billedChat('acme');

    expect(response.status).toBe(200);
    expect(response.headers.get('x-inference-provider')).toBe('groq');
    const balance = await store.ledger.balance(acme.id, period());
    expect(balance.includedNanoUsd).toBe(4_000_000_000n);
    expect(balance.includedUsedNanoUsd).toBeGreaterThan(0n);
    expect(balance.heldNanoUsd).toBe(0n);
    expect(await store.ledger.listEntries({ accountId: aliceId })).toEqual([]);
  });

  it("bills the organization on a provider's native route too", async () => {
    const before = (await store.ledger.balance(acme.id, period())).includedUsedNanoUsd;

    const response = await test.request('/groq/openai/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hf-bill-to': 'acme' },
      body: JSON.stringify({ model: CHAT_MODEL, messages }),
    });

    expect(response.status).toBe(200);
    expect((await store.ledger.balance(acme.id, period())).includedUsedNanoUsd).toBeGreaterThan(before);
    expect(await store.ledger.listEntries({ accountId: aliceId })).toEqual([]);
  });

  it('charges the caller when the header is absent', async () => {
    expect((await test.chat({ model: `${CHAT_MODEL}:groq`, messages })).status).toBe(200);

    expect((await store.ledger.balance(aliceId, period())).includedUsedNanoUsd).toBeGreaterThan(0n);
  });

  it.each([
    ['nobody', undefined, 'bill_to_organization_not_found', /no organization is named 'nobody'/],
    ['acme', 'outsider', 'bill_to_not_a_member', /'bob' is not a member of the organization 'acme'/],
    ['hobby', undefined, 'bill_to_plan_required', /'hobby' has no Team or Enterprise plan/],
  ])('refuses X-HF-Bill-To: %s (%s) with 403 %s', async (organization, who, code, message) => {
    const response = await billedChat(organization, who === 'outsider' ? outsiderToken : undefined);

    expect(response.status).toBe(403);
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({ type: 'permission_error', code });
    expect(body.error.message).toMatch(message);
  });

  it('refuses a bill-to on the task routes too, before reading the body', async () => {
    const response = await test.request('/v1/embeddings', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-hf-bill-to': 'nobody' },
      body: JSON.stringify({ model: 'BAAI/bge-base-en-v1.5', input: 'x' }),
    });

    expect(response.status).toBe(403);
    expect(((await response.json()) as ErrorBody).error.code).toBe('bill_to_organization_not_found');
  });

  it('refuses a token without the inference permission with 403, on every kind of inference route', async () => {
    const { token } = await test.gateway.kernel.tokens.issue(aliceId, 'no-inference', { permissions: [] });
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' };

    const chat = await test.chat({ model: `${CHAT_MODEL}:groq`, messages }, { headers });
    const native = await test.request('/groq/openai/v1/chat/completions', {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: CHAT_MODEL, messages }),
    });
    const embeddings = await test.request('/v1/embeddings', {
      method: 'POST',
      headers,
      body: JSON.stringify({ model: 'BAAI/bge-base-en-v1.5', input: 'x' }),
    });
    const settings = await test.request('/api/settings/inference-providers', { headers });

    for (const response of [chat, native, embeddings]) {
      expect(response.status).toBe(403);
      const body = (await response.json()) as ErrorBody;
      expect(body.error.code).toBe('token_permission_required');
      expect(body.error.message).toMatch(/inference\.serverless\.write/);
    }
    // Managing the account is not calling providers.
    expect(settings.status).toBe(200);
  });

  it("routes an org-billed request with the organization's disabled providers, set by its admin", async () => {
    const path = '/api/organizations/acme/settings/inference-providers';
    const byMember = await putJson(path, { disabledProviders: ['groq'] }, test.token);
    expect(byMember.status).toBe(403);
    expect(((await byMember.json()) as ErrorBody).error.code).toBe('organization_admin_required');

    const byAdmin = await putJson(path, { disabledProviders: ['groq'] }, adminToken);
    expect(byAdmin.status).toBe(200);
    const readByMember = await test.request(path);
    expect(((await readByMember.json()) as { disabledProviders: string[] }).disabledProviders).toEqual([
      'groq',
    ]);

    const billed = await billedChat('acme');
    const own = await test.chat({ model: `${CHAT_MODEL}:groq`, messages });

    expect(billed.status).toBe(403);
    expect(((await billed.json()) as ErrorBody).error.message).toMatch(/groq/);
    expect(own.status).toBe(200);
    expect((await putJson(path, { disabledProviders: [] }, adminToken)).status).toBe(200);
  });

  it('answers 402 once the organization reached its spending limit, until an admin raises it', async () => {
    const path = '/api/organizations/acme/billing';
    expect((await putJson(path, { spendingLimitUsd: '0' }, test.token)).status).toBe(403);
    const limited = await putJson(path, { spendingLimitUsd: '0' }, adminToken);
    expect(limited.status).toBe(200);
    expect(await limited.json()).toMatchObject({
      organization: 'acme',
      plan: 'team',
      seats: 2,
      spendingLimitUsd: '0',
    });
    // Earlier requests spent what is left of the pooled credits.
    const balance = await store.ledger.balance(acme.id, period());
    const left = balance.includedNanoUsd - balance.includedUsedNanoUsd;
    const terms = await store.billingAccounts.findOrganization(acme.id);
    const allowance = allowanceOf(
      {
        kind: 'organization',
        id: acme.id,
        plan: 'team',
        seats: 2,
        spendingLimitNanoUsd: terms?.spendingLimitNanoUsd,
      },
      DEFAULT_BILLING_TIERS,
    );
    await store.ledger.reserve({
      accountId: acme.id,
      period: period(),
      requestId: 'earlier',
      attempt: 1,
      amountNanoUsd: left,
      allowance,
    });
    await store.ledger.settle({ requestId: 'earlier', attempt: 1, costNanoUsd: left });

    const refused = await billedChat('acme');
    expect(refused.status).toBe(402);
    expect(((await refused.json()) as ErrorBody).error.message).toMatch(
      /organization 'acme' .* reached its spending limit/,
    );

    const raised = await putJson(path, { spendingLimitUsd: '1.50' }, adminToken);
    expect(((await raised.json()) as { spendingLimitUsd: string }).spendingLimitUsd).toBe('1.5');
    const served = await billedChat('acme');
    expect(served.status).toBe(200);
    expect((await store.ledger.balance(acme.id, period())).payAsYouGoUsedNanoUsd).toBeGreaterThan(0n);
  });

  it('validates the spending limit and names the field', async () => {
    const path = '/api/organizations/acme/billing';
    for (const spendingLimitUsd of ['-1', 'ten', 5, '0.0000000001']) {
      const response = await putJson(path, { spendingLimitUsd }, adminToken);
      expect(response.status).toBe(400);
      expect(((await response.json()) as { error: { param: string } }).error.param).toBe('spendingLimitUsd');
    }
    expect(
      (await putJson('/api/organizations/nobody/billing', { spendingLimitUsd: null }, adminToken)).status,
    ).toBe(404);
    expect((await test.request(path, { headers: { authorization: `Bearer ${outsiderToken}` } })).status).toBe(
      403,
    );
    expect((await test.request(path, { headers: { authorization: '' } })).status).toBe(401);
  });
});
