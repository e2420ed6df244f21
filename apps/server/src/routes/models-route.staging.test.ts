import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

const tuned = 'acme/llama-tuned';

interface Listed {
  id: string;
  providers: { provider: string; status: string }[];
}

describe('/v1/models and staging mappings', () => {
  let test: TestGateway;
  let memberToken: string;
  beforeAll(async () => {
    test = await startTestGateway();
    const { store, tokens, catalog } = test.gateway.kernel;
    const member = await store.users.create({ name: 'groq-member' });
    const groq = await store.organizations.create({ name: 'groq' });
    await store.organizations.setMember({ organizationId: groq.id, userId: member.id, role: 'read' });
    memberToken = (await tokens.issue(member.id, 'member')).token;
    await catalog.upsert({
      type: 'single',
      hfModelId: tuned,
      providerId: 'groq',
      providerModelId: 'llama-3.3-70b-versatile',
      task: 'conversational',
      status: 'staging',
      origin: 'partner',
    });
  });
  afterAll(async () => {
    await test.close();
  });

  const get = (path: string, token?: string) =>
    fetch(`${test.url}${path}`, token ? { headers: { authorization: `Bearer ${token}` } } : {});

  it("lists a staging mapping, as `staging`, to the provider's organization only", async () => {
    const ids = async (token?: string) =>
      ((await (await get('/v1/models', token)).json()) as { data: Listed[] }).data.map((model) => model.id);
    expect(await ids()).not.toContain(tuned);
    expect(await ids(test.token)).not.toContain(tuned);
    expect(await ids('hf_not-a-token')).not.toContain(tuned);
    expect(await ids(memberToken)).toContain(tuned);

    expect((await get(`/v1/models/${tuned}`, test.token)).status).toBe(404);
    const seen = await get(`/v1/models/${tuned}`, memberToken);
    expect(seen.status).toBe(200);
    expect(((await seen.json()) as Listed).providers).toEqual([
      expect.objectContaining({ provider: 'groq', status: 'staging' }),
    ]);
  });
});
