/**
 * `X-HF-Bill-To` end to end: an organization and its member set up with the built CLI, the unmodified
 * `@huggingface/inference` client sending `billTo`, and `tollgate serve --sandbox` charging the organization's
 * pooled credits, not the member's, as `tollgate credits show` then reports.
 */
import { InferenceClient, InferenceClientProviderApiError } from '@huggingface/inference';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { type SandboxGateway, startSandboxGateway } from '../support/sandbox-gateway.js';

let gateway: SandboxGateway;
let client: InferenceClient;

interface CreditsShown {
  readonly includedUsd: string;
  readonly includedUsedUsd: string;
  readonly prepaidRemainingUsd: string;
}

async function creditsOf(account: string): Promise<CreditsShown> {
  const { stdout } = await runCli(['credits', 'show', account, '--data-dir', gateway.dataDir, '--json']);
  return JSON.parse(stdout) as CreditsShown;
}

beforeAll(async () => {
  gateway = await startSandboxGateway();
  const inStore = ['--data-dir', gateway.dataDir];
  await runCli(['orgs', 'create', 'acme', '--plan', 'team', '--seats', '2', ...inStore]);
  await runCli(['orgs', 'add-member', 'acme', 'sandboxer', '--role', 'read', ...inStore]);
  await runCli(['orgs', 'create', 'hobby', ...inStore]);
  await runCli(['orgs', 'add-member', 'hobby', 'sandboxer', '--role', 'admin', ...inStore]);
  await runCli(['credits', 'add', 'acme', '3.5', '--grant-id', 'invoice-1', ...inStore]);
  client = new InferenceClient(gateway.token, {
    fetch: (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      return fetch(url.replace(/^https:\/\/(router\.)?huggingface\.co/, gateway.url), init);
    },
  });
}, 90_000);
afterAll(async () => {
  await gateway?.stop();
});

describe('@huggingface/inference with billTo, through the sandbox gateway', () => {
  it("charges the organization's pooled credits and leaves the member's untouched", async () => {
    const answer = await client.chatCompletion(
      {
        model: 'openai/gpt-oss-120b',
        provider: 'groq',
        messages: [{ role: 'user', content: 'Put this on the team account' }],
      },
      { billTo: 'acme' },
    );

    expect(answer.choices[0]?.message.content).toBeTruthy();
    const acme = await creditsOf('acme');
    expect(acme.includedUsd).toBe('4');
    expect(Number(acme.includedUsedUsd)).toBeGreaterThan(0);
    expect(acme.prepaidRemainingUsd).toBe('3.5');
    expect((await creditsOf('sandboxer')).includedUsedUsd).toBe('0');
  }, 60_000);

  it('is refused with 403 for an organization without a Team or Enterprise plan', async () => {
    const error = await client
      .chatCompletion(
        { model: 'openai/gpt-oss-120b', provider: 'groq', messages: [{ role: 'user', content: 'Hi' }] },
        { billTo: 'hobby' },
      )
      .catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(InferenceClientProviderApiError);
    const { status, body } = (error as InferenceClientProviderApiError).httpResponse;
    expect(status).toBe(403);
    expect((body as { error: { code: string } }).error.code).toBe('bill_to_plan_required');
    expect((await creditsOf('sandboxer')).includedUsedUsd).toBe('0');
  }, 60_000);
});
