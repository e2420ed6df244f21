import type { OrganizationRole } from '@tollgate/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, TASK_PLUGINS, type TestGateway } from '../test-gateway.test-helpers.js';

const tuned = 'acme/llama-tuned';
const chat = (model: string) => ({ model, messages: [{ role: 'user', content: 'Hi' }], max_tokens: 10 });

describe('the partner registration API', () => {
  let test: TestGateway;
  /** Tokens: a groq org writer, a groq org reader, a fal writer, a gateway admin; `test.token` belongs to nobody. */
  const tokens: Record<'writer' | 'reader' | 'falWriter' | 'admin', string> = {
    writer: '',
    reader: '',
    falWriter: '',
    admin: '',
  };

  beforeAll(async () => {
    test = await startTestGateway({ plugins: TASK_PLUGINS });
    const { store, tokens: issuer } = test.gateway.kernel;
    const groq = await store.organizations.create({ name: 'groq' });
    const fal = await store.organizations.create({ name: 'fal' });
    const member = async (name: string, organizationId: string, role: OrganizationRole) => {
      const user = await store.users.create({ name });
      await store.organizations.setMember({ organizationId, userId: user.id, role });
      return (await issuer.issue(user.id, 'partner')).token;
    };
    tokens.writer = await member('groq-writer', groq.id, 'write');
    tokens.reader = await member('groq-reader', groq.id, 'read');
    tokens.falWriter = await member('fal-writer', fal.id, 'admin');
    const admin = await store.users.create({ name: 'root', isAdmin: true });
    tokens.admin = (await issuer.issue(admin.id, 'admin')).token;
  });
  afterAll(async () => {
    await test.close();
  });

  const send = (method: string, path: string, token: string | undefined, body?: unknown) =>
    fetch(`${test.url}${path}`, {
      method,
      headers: {
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
      },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  const register = (token: string | undefined, body: unknown, provider = 'groq') =>
    send('POST', `/api/partners/${provider}/models`, token, body);
  const single = { task: 'conversational', hfModel: tuned, providerModel: 'llama-3.3-70b-versatile' };
  const mappingOf = async (token: string | undefined) => {
    const response = await send('GET', `/api/models/${tuned}?expand[]=inferenceProviderMapping`, token);
    return { status: response.status, body: (await response.json()) as Record<string, unknown> };
  };
  const chatAs = (token: string, model: string) =>
    fetch(`${test.url}/v1/chat/completions`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify(chat(model)),
    });

  it('refuses writes without a token (401), for an unknown provider (404), and from non-writers (403)', async () => {
    expect((await register(undefined, single)).status).toBe(401);
    const unknown = await register(tokens.writer, single, 'nobody');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual({ error: "Provider 'nobody' is not a provider of this gateway." });
    for (const [token, why] of [
      [test.token, /you are not a member of it/],
      [tokens.reader, /your role in it is 'read'/],
      [tokens.falWriter, /you are not a member of it/],
    ] as const) {
      const refused = await register(token, single);
      expect(refused.status).toBe(403);
      const { error } = (await refused.json()) as { error: string };
      expect(error).toMatch(/organization 'groq' with the write or admin role/);
      expect(error).toMatch(why);
    }
  });

  it('refuses a bad body with a 400 that names the field', async () => {
    const cases: [unknown, RegExp][] = [
      [{ ...single, task: 'text-to-image' }, /^`task`: provider 'groq' does not serve task 'text-to-image'/],
      [{ ...single, hfModel: undefined }, /^`hfModel`: required/],
      [{ ...single, hfModel: 'not a model id' }, /^`hfModel`: 'not a model id' is not a Hub model id/],
      [{ ...single, providerModel: '' }, /^`providerModel`: required/],
      [{ ...single, status: 'error' }, /^`status`: 'live' or 'staging'/],
      [{ ...single, colour: 'blue' }, /^`colour`: not a field of a single-model mapping/],
      [{ ...single, type: 'bundle' }, /^`type`: 'single-model' \(the default\) or 'tag-filter'/],
      [{ type: 'tag-filter', task: 'conversational', providerModel: 'x', tags: [] }, /^`tags`: required/],
      [[], /^`body`: a JSON object/],
    ];
    for (const [body, message] of cases) {
      const response = await register(tokens.writer, body);
      expect(response.status, JSON.stringify(body)).toBe(400);
      expect(((await response.json()) as { error: string }).error).toMatch(message);
    }
  });

  it('registers a staging mapping that only the organization and admins see and route to, until it is live', async () => {
    const created = await register(tokens.writer, single);
    expect(created.status).toBe(201);
    const mapping = (await created.json()) as { _id: string };
    expect(mapping).toEqual({
      _id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      type: 'single-model',
      task: 'conversational',
      status: 'staging',
      hfModel: tuned,
      providerModel: 'llama-3.3-70b-versatile',
    });

    // Invisible to others: 404 on the Hub API, 400 on /v1 (named or not).
    expect(await mappingOf(undefined)).toEqual({ status: 404, body: { error: expect.any(String) } });
    expect((await mappingOf(test.token)).status).toBe(404);
    for (const model of [`${tuned}:groq`, tuned]) {
      const refused = await chatAs(test.token, model);
      expect(refused.status).toBe(400);
      expect(JSON.stringify(await refused.json())).not.toMatch(/staging/);
    }
    // Visible and routable to its organization (any role) and to admins.
    for (const token of [tokens.writer, tokens.reader, tokens.admin]) {
      const seen = await mappingOf(token);
      expect(seen.status).toBe(200);
      expect(seen.body.inferenceProviderMapping).toEqual({
        groq: expect.objectContaining({ status: 'staging', providerId: 'llama-3.3-70b-versatile' }),
      });
      const served = await chatAs(token, `${tuned}:groq`);
      expect(served.status).toBe(200);
      expect(served.headers.get('x-inference-provider')).toBe('groq');
    }

    const live = await send('PUT', `/api/partners/groq/models/${mapping._id}/status`, tokens.writer, {
      status: 'live',
    });
    expect(live.status).toBe(200);
    expect(await live.json()).toMatchObject({ _id: mapping._id, status: 'live' });
    expect((await mappingOf(undefined)).body.inferenceProviderMapping).toEqual({
      groq: expect.objectContaining({ status: 'live' }),
    });
    expect((await chatAs(test.token, tuned)).status).toBe(200);

    // Registering the same key again updates it in place.
    const again = await register(tokens.admin, { ...single, status: 'staging' });
    expect(again.status).toBe(200);
    expect(await again.json()).toMatchObject({ _id: mapping._id, status: 'staging' });
    expect((await mappingOf(undefined)).status).toBe(404);
  });

  it('lists mappings grouped by task, publicly, filtered by status', async () => {
    const lora = await register(
      tokens.falWriter,
      {
        type: 'tag-filter',
        task: 'text-to-image',
        tags: ['lora', 'base_model:adapter:black-forest-labs/FLUX.1-dev'],
        providerModel: 'fal-ai/flux-lora',
        adapterType: 'lora',
      },
      'fal-ai',
    );
    expect(lora.status).toBe(201);
    const { _id } = (await lora.json()) as { _id: string };
    const staging = await send('GET', '/api/partners/fal-ai/models?status=staging', undefined);
    expect(staging.status).toBe(200);
    expect(await staging.json()).toEqual({
      'text-to-image': {
        'tag-filter=base_model:adapter:black-forest-labs/FLUX.1-dev,lora': {
          _id,
          providerId: 'fal-ai/flux-lora',
          status: 'staging',
          adapterType: 'lora',
          tags: ['base_model:adapter:black-forest-labs/FLUX.1-dev', 'lora'],
        },
      },
    });
    const live = (await (
      await send('GET', '/api/partners/fal-ai/models?status=live', undefined)
    ).json()) as Record<string, Record<string, unknown>>;
    expect(live['text-to-image']?.['black-forest-labs/FLUX.1-dev']).toEqual({
      _id: expect.any(String),
      providerId: 'fal-ai/flux/dev',
      status: 'live',
    });
    expect((await send('GET', '/api/partners/fal-ai/models?status=gone', undefined)).status).toBe(400);
    expect((await send('GET', '/api/partners/nobody/models', undefined)).status).toBe(404);
  });

  it("deletes a partner's mapping, refuses built-in ones (409) and other providers' (404)", async () => {
    const created = (await (
      await register(tokens.writer, { ...single, hfModel: 'acme/short-lived' })
    ).json()) as { _id: string };
    expect(
      (await send('DELETE', `/api/partners/fal-ai/models/${created._id}`, tokens.falWriter)).status,
    ).toBe(404);
    const deleted = await send('DELETE', `/api/partners/groq/models/${created._id}`, tokens.writer);
    expect(deleted.status).toBe(200);
    expect(await deleted.json()).toMatchObject({ _id: created._id, hfModel: 'acme/short-lived' });
    expect((await send('DELETE', `/api/partners/groq/models/${created._id}`, tokens.writer)).status).toBe(
      404,
    );

    const [builtIn] = await test.gateway.kernel.store.catalog.list({ providerId: 'groq', origin: 'plugin' });
    const refused = await send('DELETE', `/api/partners/groq/models/${builtIn!.id}`, tokens.writer);
    expect(refused.status).toBe(409);
    expect(((await refused.json()) as { error: string }).error).toMatch(/built into the provider's plugin/);
  });

  it("takes over a built-in mapping when its provider sets the status, so seeding keeps the provider's word", async () => {
    const [builtIn] = await test.gateway.kernel.store.catalog.list({
      providerId: 'groq',
      origin: 'plugin',
      hfModelId: 'openai/gpt-oss-20b',
    });
    const staged = await send('PUT', `/api/partners/groq/models/${builtIn!.id}/status`, tokens.writer, {
      status: 'staging',
    });
    expect(staged.status).toBe(200);
    expect(await test.gateway.kernel.store.catalog.findById(builtIn!.id)).toMatchObject({
      status: 'staging',
      origin: 'partner',
    });
    expect((await chatAs(test.token, 'openai/gpt-oss-20b:groq')).status).toBe(400);
    const bad = await send('PUT', `/api/partners/groq/models/${builtIn!.id}/status`, tokens.writer, {
      status: 'paused',
    });
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual({ error: "`status`: required, 'live' or 'staging', not \"paused\"." });
  });
});
