import { billingPeriodOf, type Store } from '@tollgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHAT_MODEL, startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

interface ErrorBody {
  readonly error: { readonly message: string; readonly code: string | null; readonly param: string | null };
}

describe('the admin API (/admin/v1)', () => {
  let test: TestGateway;
  let store: Store;
  let adminToken: string;
  beforeAll(async () => {
    test = await startTestGateway();
    store = test.gateway.kernel.store;
    const root = await store.users.create({ name: 'root', isAdmin: true });
    adminToken = (await test.gateway.kernel.tokens.issue(root.id, 'admin')).token;
  }, 60_000);
  afterAll(async () => {
    await test.close();
  });

  const call = (method: string, path: string, body?: unknown, token: string | null = adminToken) =>
    fetch(`${test.url}${path}`, {
      method,
      headers: {
        ...(token === null ? {} : { authorization: `Bearer ${token}` }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  it('answers 401 without a token and 403 to a user who is not a gateway admin', async () => {
    const anonymous = await call('GET', '/admin/v1/accounts', undefined, null);
    const user = await call('GET', '/admin/v1/accounts', undefined, test.token);
    const userWrite = await call('POST', '/admin/v1/users', { name: 'eve' }, test.token);

    expect(anonymous.status).toBe(401);
    expect(user.status).toBe(403);
    expect(((await user.json()) as ErrorBody).error.code).toBe('admin_required');
    expect(userWrite.status).toBe(403);
    expect(await store.users.findByName('eve')).toBeUndefined();
  });

  it('creates a user on a tier, refuses a taken name with 409 and a bad body with 400 naming the field', async () => {
    const created = await call('POST', '/admin/v1/users', { name: 'ada', tier: 'pro' });
    const taken = await call('POST', '/admin/v1/users', { name: 'ada' });
    const badTier = await call('POST', '/admin/v1/users', { name: 'bea', tier: 'gold' });
    const badName = await call('POST', '/admin/v1/users', { name: 'no spaces' });
    const extra = await call('POST', '/admin/v1/users', { name: 'cid', isAdmin: true });

    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({ name: 'ada', tier: 'pro', admin: false });
    const ada = await store.users.findByName('ada');
    expect(await store.billingAccounts.findUser(ada!.id)).toMatchObject({ tier: 'pro' });
    expect(taken.status).toBe(409);
    expect(((await taken.json()) as ErrorBody).error.code).toBe('user_exists');
    expect(badTier.status).toBe(400);
    expect(((await badTier.json()) as ErrorBody).error.param).toBe('tier');
    expect(badName.status).toBe(400);
    expect(((await badName.json()) as ErrorBody).error.param).toBe('name');
    expect(extra.status).toBe(400);
    expect(((await extra.json()) as ErrorBody).error.param).toBe('isAdmin');
    expect(await store.users.findByName('bea')).toBeUndefined();
  });

  it('creates an organization with a plan, seats and a limit, adds a member, and the member can bill to it', async () => {
    const created = await call('POST', '/admin/v1/organizations', {
      name: 'acme',
      plan: 'team',
      seats: 3,
      spendingLimitUsd: '10.5',
    });
    const taken = await call('POST', '/admin/v1/organizations', { name: 'acme' });
    const badSeats = await call('POST', '/admin/v1/organizations', { name: 'other', seats: 0 });
    const member = await call('PUT', '/admin/v1/organizations/acme/members/alice', { role: 'write' });
    const unknownUser = await call('PUT', '/admin/v1/organizations/acme/members/nobody', { role: 'read' });
    const unknownOrganization = await call('PUT', '/admin/v1/organizations/nope/members/alice', {
      role: 'read',
    });
    const badRole = await call('PUT', '/admin/v1/organizations/acme/members/alice', { role: 'owner' });

    expect(created.status).toBe(201);
    expect(await created.json()).toMatchObject({
      name: 'acme',
      plan: 'team',
      seats: 3,
      spendingLimitUsd: '10.5',
    });
    expect(taken.status).toBe(409);
    expect(badSeats.status).toBe(400);
    expect(((await badSeats.json()) as ErrorBody).error.param).toBe('seats');
    expect(member.status).toBe(200);
    expect(await member.json()).toEqual({
      organization: 'acme',
      user: 'alice',
      role: 'write',
      outcome: 'added',
    });
    expect(unknownUser.status).toBe(404);
    expect(unknownOrganization.status).toBe(404);
    expect(badRole.status).toBe(400);

    const billed = await test.chat(
      { model: `${CHAT_MODEL}:groq`, messages: [{ role: 'user', content: 'Hi' }] },
      { headers: { 'x-hf-bill-to': 'acme' } },
    );
    expect(billed.status).toBe(200);
  });

  it('adds prepaid credits once per grant id, to a user or an organization, and refuses bad amounts', async () => {
    const body = { amountUsd: '12.000000005', grantId: 'payment-1' };
    const first = await call('POST', '/admin/v1/accounts/alice/credits', body);
    const again = await call('POST', '/admin/v1/accounts/alice/credits', body);
    const conflict = await call('POST', '/admin/v1/accounts/alice/credits', { ...body, amountUsd: '13' });
    const toOrganization = await call('POST', '/admin/v1/accounts/acme/credits', {
      amountUsd: '5',
      grantId: 'payment-2',
    });
    const unknown = await call('POST', '/admin/v1/accounts/nobody/credits', {
      amountUsd: '5',
      grantId: 'p-3',
    });
    const negative = await call('POST', '/admin/v1/accounts/alice/credits', {
      amountUsd: '-5',
      grantId: 'p-4',
    });
    const zero = await call('POST', '/admin/v1/accounts/alice/credits', { amountUsd: '0', grantId: 'p-5' });
    const number = await call('POST', '/admin/v1/accounts/alice/credits', { amountUsd: 5, grantId: 'p-6' });

    expect(first.status).toBe(201);
    expect(await first.json()).toMatchObject({
      account: { kind: 'user', name: 'alice' },
      grant: { id: 'payment-1', amountUsd: '12.000000005', outcome: 'granted' },
    });
    expect(again.status).toBe(200);
    expect(conflict.status).toBe(409);
    expect(toOrganization.status).toBe(201);
    expect(unknown.status).toBe(404);
    for (const refused of [negative, zero, number]) {
      expect(refused.status).toBe(400);
      expect(((await refused.json()) as ErrorBody).error.param).toBe('amountUsd');
    }
    const period = billingPeriodOf(new Date());
    const alice = await store.users.findByName('alice');
    const acme = await store.organizations.findByName('acme');
    expect((await store.ledger.balance(alice!.id, period)).prepaidGrantedNanoUsd).toBe(12_000_000_005n);
    expect((await store.ledger.balance(acme!.id, period)).prepaidGrantedNanoUsd).toBe(5_000_000_000n);
  });

  it('issues a token with chosen permissions, lists it without its secret, and revokes it', async () => {
    const issued = await call('POST', '/admin/v1/users/ada/tokens', { name: 'ci', permissions: [] });
    const full = await call('POST', '/admin/v1/users/ada/tokens', {});
    const badPermission = await call('POST', '/admin/v1/users/ada/tokens', { permissions: ['repo.write'] });
    const unknownUser = await call('POST', '/admin/v1/users/nobody/tokens', {});

    expect(issued.status).toBe(201);
    const { token, value } = (await issued.json()) as {
      token: { id: string; permissions: string[] };
      value: string;
    };
    expect(value).toMatch(/^hf_[A-Za-z]{34}$/);
    expect(token.permissions).toEqual([]);
    expect(((await full.json()) as { token: { permissions: string[] } }).token.permissions).toEqual([
      'inference.serverless.write',
    ]);
    expect(badPermission.status).toBe(400);
    expect(unknownUser.status).toBe(404);
    const chat = await test.chat(
      { model: `${CHAT_MODEL}:groq`, messages: [{ role: 'user', content: 'Hi' }] },
      { headers: { authorization: `Bearer ${value}` } },
    );
    expect(chat.status).toBe(403);

    const listed = await call('GET', '/admin/v1/users/ada/tokens');
    const listing = JSON.stringify(await listed.json());
    expect(listing).toContain(token.id);
    expect(listing).not.toContain(value);
    expect(listing).not.toContain('secretHash');

    expect((await call('DELETE', `/admin/v1/tokens/${token.id}`)).status).toBe(200);
    expect((await call('DELETE', `/admin/v1/tokens/${token.id}`)).status).toBe(404);
    const afterRevoke = await fetch(`${test.url}/api/settings/inference-providers`, {
      headers: { authorization: `Bearer ${value}` },
    });
    expect(afterRevoke.status).toBe(401);
  });

  it('lists every account with its terms, and documents the API in /openapi.json', async () => {
    const accounts = (await (await call('GET', '/admin/v1/accounts')).json()) as {
      users: { name: string; tier: string; admin: boolean }[];
      organizations: { name: string; plan: string | null }[];
    };
    const openapi = (await (await fetch(`${test.url}/openapi.json`)).json()) as {
      paths: Record<string, unknown>;
    };

    expect(accounts.users.map((user) => user.name)).toEqual(expect.arrayContaining(['alice', 'root', 'ada']));
    expect(accounts.users.find((user) => user.name === 'root')).toMatchObject({ admin: true, tier: 'free' });
    expect(accounts.organizations).toEqual([
      expect.objectContaining({ name: 'acme', plan: 'team', seats: 3 }),
    ]);
    expect(Object.keys(openapi.paths)).toEqual(
      expect.arrayContaining([
        '/admin/v1/users',
        '/admin/v1/organizations',
        '/admin/v1/accounts/{account}/credits',
        '/admin/v1/tokens/{token}',
        '/api/organizations/{organization}/billing',
      ]),
    );
  });
});
