import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTollgate } from '../run-cli.test-helpers.js';
import { type SandboxGateway, startSandboxGateway } from '../sandbox-gateway.test-helpers.js';

/** A loopback port nothing listens on: bound once, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no port');
  return address.port;
}

describe('tollgate chat failures and token sources', () => {
  let sandbox: SandboxGateway;
  beforeAll(async () => {
    sandbox = await startSandboxGateway();
  });
  afterAll(() => sandbox?.close());

  it('takes the token from TOLLGATE_TOKEN, then HF_TOKEN, and the URL from TOLLGATE_URL', async () => {
    const fromTollgateToken = await runTollgate(['chat', 'Hi'], {
      env: { TOLLGATE_URL: sandbox.baseUrl, TOLLGATE_TOKEN: sandbox.token, HF_TOKEN: 'hf_wrong' },
    });
    const fromHfToken = await runTollgate(['chat', 'Hi'], {
      env: { TOLLGATE_URL: sandbox.baseUrl, HF_TOKEN: sandbox.token },
    });

    expect(fromTollgateToken.exitCode).toBe(0);
    expect(fromHfToken.exitCode).toBe(0);
  });

  it("prints the gateway's message for a rejected token and exits 1", async () => {
    const run = await runTollgate(['chat', '--url', sandbox.baseUrl, '--token', 'hf_notARealToken', 'Hi']);

    expect(run.exitCode).toBe(1);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/^tollgate: [^\n]+ \(HTTP 401\)\n$/);
  });

  it("prints the gateway's message for a model no provider serves", async () => {
    const run = await runTollgate([
      'chat',
      '--url',
      sandbox.baseUrl,
      '--token',
      sandbox.token,
      '--model',
      'nobody/does-not-exist',
      'Hi',
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toMatch(/^tollgate: [^\n]*nobody\/does-not-exist[^\n]* \(HTTP 4\d\d\)\n$/);
  });

  it('says which URL it could not reach when no gateway listens', async () => {
    const url = `http://127.0.0.1:${await closedPort()}/v1`;

    const run = await runTollgate(['chat', '--url', url, '--token', sandbox.token, 'Hi']);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toBe(
      `tollgate: Could not reach the gateway at ${url}/chat/completions (ECONNREFUSED); is \`tollgate serve\` running?\n`,
    );
  });

  it('rejects a --max-tokens that is not a positive integer before calling anything', async () => {
    const before = sandbox.simulator.calls.length;

    const run = await runTollgate([
      'chat',
      '--url',
      sandbox.baseUrl,
      '--token',
      sandbox.token,
      '--max-tokens',
      '0',
      'Hi',
    ]);

    expect(run.exitCode).toBe(1);
    expect(run.stderr).toContain('expected a positive integer');
    expect(sandbox.simulator.calls.length).toBe(before);
  });

  it('bills an organization with --bill-to, and prints the 403 for one it cannot bill', async () => {
    const store = sandbox.gateway.kernel.store;
    const alice = await store.users.findByName('alice');
    const acme = await store.organizations.create({ name: 'acme' });
    await store.billingAccounts.setOrganizationBilling(acme.id, {
      plan: 'team',
      seats: 1,
      spendingLimitNanoUsd: undefined,
    });
    await store.organizations.setMember({ organizationId: acme.id, userId: alice!.id, role: 'read' });
    const args = ['chat', '--url', sandbox.baseUrl, '--token', sandbox.token, '--no-stream'];

    const billed = await runTollgate([...args, '--bill-to', 'acme', 'Hi']);
    const refused = await runTollgate([...args, '--bill-to', 'nobody', 'Hi']);

    expect(billed.exitCode).toBe(0);
    const period = new Date().toISOString().slice(0, 7);
    expect((await store.ledger.balance(acme.id, period)).includedUsedNanoUsd).toBeGreaterThan(0n);
    expect(refused.exitCode).toBe(1);
    expect(refused.stderr).toMatch(/no organization is named 'nobody'.*\(HTTP 403\)/);
  });
});
