/** `GET /api/usage` on a real, charging gateway: after chat requests, its totals equal the ledger's. */
import { billingPeriodOf, type Store } from '@tollgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chargesOf, MODEL, settled, startBillingGateway } from '../billing/billing.test-helpers.js';
import { readSseData, type TestGateway } from '../test-gateway.test-helpers.js';

interface Money {
  readonly nanoUsd: string;
  readonly usd: string;
}
interface Row {
  readonly key: string;
  readonly name?: string;
  readonly requests: number;
  readonly failedRequests: number;
  readonly charged: Money;
  readonly cost: Money;
}
interface UsageDocument {
  readonly account: { readonly id: string; readonly name: string; readonly kind: string };
  readonly period: string;
  readonly included: { readonly granted: Money; readonly used: Money; readonly left: Money };
  readonly prepaid: { readonly granted: Money; readonly used: Money; readonly left: Money };
  readonly payAsYouGo: { readonly limit: Money | null; readonly spent: Money };
  readonly held: Money;
  readonly charged: Money;
  readonly requests: number;
  readonly failedRequests: number;
  readonly byModel: readonly Row[];
  readonly byProvider: readonly Row[];
  readonly byDay: readonly Row[];
  readonly byMember: readonly Row[] | null;
  readonly reconciliation: { readonly agrees: boolean; readonly ledgerCharged: Money };
}

const messages = [{ role: 'user', content: 'What does this cost?' }];

let test: TestGateway;
let store: Store;
let aliceId: string;
let carolToken: string;
let bobToken: string;
const requestIds: string[] = [];

beforeAll(async () => {
  test = await startBillingGateway();
  store = test.gateway.kernel.store;
  aliceId = (await store.users.findByName('alice'))!.id;
  const carol = await store.users.create({ name: 'carol' });
  const bob = await store.users.create({ name: 'bob' });
  carolToken = (await test.gateway.kernel.tokens.issue(carol.id, 'tests')).token;
  bobToken = (await test.gateway.kernel.tokens.issue(bob.id, 'tests')).token;
  const acme = await store.organizations.create({ name: 'acme' });
  await store.billingAccounts.setOrganizationBilling(acme.id, {
    plan: 'team',
    seats: 2,
    spendingLimitNanoUsd: undefined,
  });
  await store.organizations.setMember({ organizationId: acme.id, userId: aliceId, role: 'write' });
  await store.organizations.setMember({ organizationId: acme.id, userId: carol.id, role: 'admin' });

  // Alice: two JSON answers and a stream on her own account, one request billed to acme.
  for (const body of [
    { model: MODEL, messages, max_tokens: 5 },
    { model: MODEL, messages, max_tokens: 7 },
    { model: MODEL, messages, max_tokens: 6, stream: true },
  ]) {
    const response = await test.chat(body);
    expect(response.status).toBe(200);
    requestIds.push(response.headers.get('x-request-id')!);
    if (body.stream) await readSseData(response);
    else await response.json();
  }
  const billed = await test.chat(
    { model: MODEL, messages, max_tokens: 4 },
    { headers: { 'x-hf-bill-to': 'acme' } },
  );
  expect(billed.status).toBe(200);
  await billed.json();
  // A model nobody serves: refused, recorded, charged nothing.
  const refused = await test.chat({ model: 'nobody/nothing', messages });
  expect(refused.status).toBeGreaterThanOrEqual(400);
  await settled(test);
}, 120_000);
afterAll(async () => {
  await test?.close();
});

const usageOf = async (query = '', token?: string) => {
  const response = await test.request(`/api/usage${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
  return response;
};

describe('GET /api/usage', () => {
  it("sums the caller's requests to exactly what the ledger charged, by model, provider, day and member", async () => {
    const response = await usageOf();
    expect(response.status).toBe(200);
    const usage = (await response.json()) as UsageDocument;
    const period = billingPeriodOf(new Date());
    expect(usage.account).toEqual({ id: aliceId, name: 'alice', kind: 'user' });
    expect(usage.period).toBe(period);

    const charges = await chargesOf(test);
    const expected = requestIds.reduce((sum, id) => sum + (charges.get(id) ?? 0n), 0n);
    expect(expected).toBeGreaterThan(0n);
    expect(usage.charged.nanoUsd).toBe(expected.toString());
    const balance = await store.ledger.balance(aliceId, period);
    expect(BigInt(usage.charged.nanoUsd)).toBe(
      balance.includedUsedNanoUsd + balance.payAsYouGoUsedNanoUsd + balance.prepaidUsedNanoUsd,
    );
    expect(usage.included.used.nanoUsd).toBe(balance.includedUsedNanoUsd.toString());
    expect(usage.included.granted.usd).toBe('0.1');
    expect(BigInt(usage.included.left.nanoUsd)).toBe(100_000_000n - balance.includedUsedNanoUsd);
    expect(usage.held.nanoUsd).toBe('0');
    expect(usage.reconciliation.agrees).toBe(true);

    expect(usage.requests).toBe(4);
    expect(usage.failedRequests).toBe(1);
    const model = usage.byModel.find((row) => row.key === 'openai/gpt-oss-120b')!;
    expect(model).toMatchObject({
      requests: 3,
      failedRequests: 0,
      charged: { nanoUsd: expected.toString() },
    });
    expect(usage.byModel.find((row) => row.key.startsWith('nobody/nothing'))).toMatchObject({
      requests: 1,
      failedRequests: 1,
      charged: { nanoUsd: '0' },
    });
    expect(usage.byProvider.find((row) => row.key === 'groq')?.charged.nanoUsd).toBe(expected.toString());
    expect(usage.byDay).toEqual([
      expect.objectContaining({ key: new Date().toISOString().slice(0, 10), requests: 4 }),
    ]);
    expect(usage.byMember).toEqual([
      expect.objectContaining({ key: aliceId, name: 'alice', charged: usage.charged }),
    ]);
    // Each breakdown adds up to the total.
    for (const rows of [usage.byModel, usage.byProvider, usage.byDay]) {
      expect(rows.reduce((sum, row) => sum + BigInt(row.charged.nanoUsd), 0n)).toBe(expected);
    }
  });

  it('exports the requests as CSV with the ledger charge of each', async () => {
    const response = await usageOf('?format=csv');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/csv/);
    const lines = (await response.text()).trimEnd().split('\r\n');
    const header = lines[0]!.split(',');
    expect(lines).toHaveLength(5);
    const charges = await chargesOf(test);
    for (const id of requestIds) {
      const line = lines.find((candidate) => candidate.includes(id))!.split(',');
      expect(line[header.indexOf('charged_nano_usd')]).toBe(charges.get(id)!.toString());
      expect(line[header.indexOf('provider')]).toBe('groq');
    }
    expect(lines.some((line) => line.includes(',true,'))).toBe(true);
  });

  it("shows an organization's usage to its members, and who spent it to its admins only", async () => {
    const member = (await (await usageOf('?org=acme')).json()) as UsageDocument;
    expect(member.account).toMatchObject({ name: 'acme', kind: 'organization' });
    expect(member.requests).toBe(1);
    expect(BigInt(member.charged.nanoUsd)).toBeGreaterThan(0n);
    expect(member.byMember).toBeNull();
    expect((await usageOf('?org=acme&format=csv')).status).toBe(403);

    const admin = (await (await usageOf('?org=acme', carolToken)).json()) as UsageDocument;
    expect(admin.byMember).toEqual([
      expect.objectContaining({ key: aliceId, name: 'alice', charged: member.charged }),
    ]);
    expect(admin.reconciliation.agrees).toBe(true);
  });

  it('answers 400 for a bad period, 403 to a non-member, 404 for an unknown organization, 401 without a token', async () => {
    const bad = await usageOf('?period=2026-13');
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error: { code: string } }).error.code).toBe('invalid_period');
    expect((await usageOf('?org=acme', bobToken)).status).toBe(403);
    expect((await usageOf('?org=nobody')).status).toBe(404);
    expect((await test.request('/api/usage', { headers: { authorization: '' } })).status).toBe(401);
    const empty = (await (await usageOf('?period=2020-01')).json()) as UsageDocument;
    expect(empty).toMatchObject({ period: '2020-01', requests: 0, charged: { nanoUsd: '0', usd: '0' } });
  });

  it('records a request refused before the executor took it (a body that is not JSON)', async () => {
    const response = await test.request('/v1/chat/completions', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"model": ',
    });
    expect(response.status).toBe(400);
    const record = await store.requests.find(response.headers.get('x-request-id')!);
    expect(record).toMatchObject({
      accountId: aliceId,
      task: 'conversational',
      httpStatus: 400,
      providerId: undefined,
      chargedNanoUsd: 0n,
    });
  });

  it('records a task API request its schema refused, with the task of its route', async () => {
    const response = await test.request('/v1/embeddings', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: 'BAAI/bge-base-en-v1.5', input: 42 }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { error: { code: string | null; type: string } };
    expect(await store.requests.find(response.headers.get('x-request-id')!)).toMatchObject({
      accountId: aliceId,
      task: 'feature-extraction',
      hfModelId: 'BAAI/bge-base-en-v1.5',
      status: body.error.code ?? body.error.type,
      httpStatus: 400,
    });
  });

  it('is in the OpenAPI document', async () => {
    const document = (await (await test.request('/openapi.json')).json()) as {
      paths: Record<string, unknown>;
    };
    expect(document.paths['/api/usage']).toBeDefined();
  });
});
