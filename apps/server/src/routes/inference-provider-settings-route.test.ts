import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const path = '/api/settings/inference-providers';

describe('GET and PUT /api/settings/inference-providers', () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway();
  });
  afterAll(async () => {
    await test.close();
  });

  const put = (body: unknown, token?: string) =>
    test.request(path, {
      method: 'PUT',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    });

  it('shows the defaults, with every provider of the gateway enabled, before anything was saved', async () => {
    const response = await test.request(path);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      defaultPolicy: 'fastest',
      providerOrder: [],
      disabledProviders: [],
      updatedAt: null,
      providers: [
        { provider: 'groq', enabled: true },
        { provider: 'together', enabled: true },
        { provider: 'cerebras', enabled: true },
        { provider: 'openai-compatible', enabled: true },
      ],
    });
  });

  it('replaces the settings and shows the providers in the order of preference', async () => {
    const saved = await put({
      defaultPolicy: 'preferred',
      providerOrder: ['cerebras', 'groq'],
      disabledProviders: ['together'],
    });
    expect(saved.status).toBe(200);
    const body = (await saved.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      defaultPolicy: 'preferred',
      providerOrder: ['cerebras', 'groq'],
      disabledProviders: ['together'],
      providers: [
        { provider: 'cerebras', enabled: true },
        { provider: 'groq', enabled: true },
        { provider: 'together', enabled: false },
        { provider: 'openai-compatible', enabled: true },
      ],
    });
    expect(body.updatedAt).toEqual(expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/));
    expect(await (await test.request(path)).json()).toEqual(body);

    // A PUT is the whole document: what it leaves out goes back to the default.
    const reset = (await (await put({ disabledProviders: ['groq'] })).json()) as Record<string, unknown>;
    expect(reset).toMatchObject({ defaultPolicy: 'fastest', providerOrder: [], disabledProviders: ['groq'] });
  });

  it('keeps each account to its own settings', async () => {
    await put({ defaultPolicy: 'cheapest' });
    const bob = await test.gateway.kernel.store.users.create({ name: 'bob' });
    const { token } = await test.gateway.kernel.tokens.issue(bob.id, 'tests');
    const response = await test.request(path, { headers: { authorization: `Bearer ${token}` } });
    expect(((await response.json()) as { defaultPolicy: string }).defaultPolicy).toBe('fastest');
    await put({ disabledProviders: ['cerebras'] }, token);
    expect(((await (await test.request(path)).json()) as { defaultPolicy: string }).defaultPolicy).toBe(
      'cheapest',
    );
  });

  it.each([
    [
      { providerOrder: ['grok'] },
      'providerOrder.0',
      'unknown_provider',
      /'grok' is not a provider of this gateway/,
    ],
    [{ disabledProviders: ['groq', 'Fal'] }, 'disabledProviders.1', 'unknown_provider', /'Fal'/],
    [{ defaultPolicy: 'slowest' }, 'defaultPolicy', 'invalid_request', /allowed values/],
    [{ order: ['groq'] }, undefined, 'invalid_request', /additional properties/],
  ])('refuses %j with a 400 naming the field', async (body, param, code, message) => {
    const response = await put(body);
    expect(response.status).toBe(400);
    const { error } = (await response.json()) as {
      error: { param: string | null; code: string; message: string };
    };
    expect(error.code).toBe(code);
    if (param !== undefined) expect(error.param).toBe(param);
    expect(error.message).toMatch(message);
  });

  it('needs a valid token', async () => {
    const response = await test.request(path, { headers: { authorization: '' } });
    expect(response.status).toBe(401);
    const refused = await put({}, 'hf_notatokenatall');
    expect(refused.status).toBe(401);
  });
});
