import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../test-gateway.test-helpers.js';

describe("the operator's provider organization override", () => {
  let test: TestGateway;
  beforeAll(async () => {
    test = await startTestGateway({ config: { providers: { groq: { organization: 'groq-staff' } } } });
  });
  afterAll(async () => {
    await test.close();
  });

  it('lets the configured organization, and not the default one, register the provider’s mappings', async () => {
    const { store, tokens } = test.gateway.kernel;
    const tokenOf = async (userName: string, organization: string) => {
      const user = await store.users.create({ name: userName });
      const { id } = await store.organizations.create({ name: organization });
      await store.organizations.setMember({ organizationId: id, userId: user.id, role: 'write' });
      return (await tokens.issue(user.id, 'partner')).token;
    };
    const register = (token: string) =>
      fetch(`${test.url}/api/partners/groq/models`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          task: 'conversational',
          hfModel: 'acme/x',
          providerModel: 'llama-3.1-8b-instant',
        }),
      });
    const refused = await register(await tokenOf('default-org-writer', 'groq'));
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as { error: string }).error).toMatch(/organization 'groq-staff'/);
    expect((await register(await tokenOf('staff-writer', 'groq-staff'))).status).toBe(201);
  });
});
