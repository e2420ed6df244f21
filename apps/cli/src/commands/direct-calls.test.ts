import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';
import { type SandboxGateway, startSandboxGateway } from '../sandbox-gateway.test-helpers.js';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

describe('direct calls to a provider, no gateway involved', () => {
  // The sandbox gateway is here for its provider simulator; direct calls never reach the gateway itself.
  let sandbox: SandboxGateway;
  beforeAll(async () => {
    sandbox = await startSandboxGateway();
  });
  afterAll(() => sandbox?.close());

  const providerEnv = (providerId: string, keyVariable: string) => ({
    [keyVariable]: sandbox.simulator.apiKeyFor(providerId),
    [`TOLLGATE_PROVIDER_${providerId.toUpperCase().replace(/-/g, '_')}_BASE_URL`]:
      sandbox.simulator.baseUrlFor(providerId),
  });

  it('chats with Groq using GROQ_API_KEY, and says the provider bills it', async () => {
    sandbox.simulator.resetCalls();
    const run = await runTollgate(
      [
        'chat',
        '--direct',
        '--provider',
        'groq',
        '--model',
        'openai/gpt-oss-120b',
        '--no-stream',
        'Hello',
        'there',
      ],
      { env: providerEnv('groq', 'GROQ_API_KEY') },
    );

    expect(run.stderr).toMatch(
      /^provider: groq, tokens: \d+ prompt \+ \d+ completion = \d+, billed by the provider \(about \$0\.\d+\)\n$/,
    );
    expect(run.exitCode).toBe(0);
    expect(run.stdout.trim()).not.toBe('');
    expect(sandbox.simulator.calls).toHaveLength(1);
    expect(sandbox.simulator.calls[0]).toMatchObject({
      providerId: 'groq',
      headers: { authorization: `Bearer ${sandbox.simulator.apiKeyFor('groq')}` },
      body: { messages: [{ role: 'user', content: 'Hello there' }] },
    });
  });

  it('streams with --provider-key, which wins over the environment', async () => {
    sandbox.simulator.resetCalls();
    const env = { ...providerEnv('groq', 'GROQ_API_KEY'), GROQ_API_KEY: 'a-stale-key' };
    const run = await runTollgate(
      [
        'chat',
        '--direct',
        '--provider',
        'groq',
        '--provider-key',
        sandbox.simulator.apiKeyFor('groq'),
        '--model',
        'openai/gpt-oss-120b',
        'Stream',
        'please',
      ],
      { env },
    );

    expect(run.exitCode).toBe(0);
    expect(run.stdout).toMatch(/^[a-z]+( [a-z]+)+\n$/);
    expect(run.stderr).toContain('billed by the provider');
    expect(sandbox.simulator.calls[0]?.body).toMatchObject({ stream: true });
  });

  it('reports the provider’s refusal of a wrong key, and asks for --provider and a key', async () => {
    const wrongKey = await runTollgate(
      ['chat', '--direct', '--provider', 'groq', '--model', 'openai/gpt-oss-120b', '--no-stream', 'Hi'],
      { env: { ...providerEnv('groq', 'GROQ_API_KEY'), GROQ_API_KEY: 'wrong-key' } },
    );
    const noProvider = await runTollgate(['chat', '--direct', 'Hi']);
    const noKey = await runTollgate(['chat', '--direct', '--provider', 'groq', 'Hi']);
    const unknown = await runTollgate(['chat', '--direct', '--provider', 'grok', 'Hi']);

    expect(wrongKey.exitCode).toBe(1);
    expect(wrongKey.stderr).toMatch(/401|Invalid API Key/);
    expect(noProvider.stderr).toContain('--direct needs --provider');
    expect(noKey.stderr).toContain('GROQ_API_KEY');
    expect(unknown.stderr).toMatch(/Unknown provider 'grok': this deployment has .*groq/);
  });

  it('draws with fal-ai directly through its queue, into a PNG file', async () => {
    sandbox.simulator.resetCalls();
    const cwd = temporaryDirectory();
    const run = await runTollgate(
      ['image', '--direct', '--provider', 'fal-ai', '--out', 'cat.png', 'a', 'cat', 'in', 'a', 'hat'],
      { cwd, env: providerEnv('fal-ai', 'FAL_KEY') },
    );

    expect(run.stderr).toMatch(/^Wrote \d+ bytes; provider: fal-ai, billed by the provider/);
    expect(run.exitCode).toBe(0);
    expect(run.stdout).toBe(`${path.join(cwd, 'cat.png')}\n`);
    expect(readFileSync(path.join(cwd, 'cat.png')).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
    const falCalls = sandbox.simulator.calls.filter((call) => call.providerId === 'fal-ai');
    expect(falCalls.length).toBeGreaterThan(1);
    for (const call of falCalls)
      expect(call.headers.authorization).toBe(`Key ${sandbox.simulator.apiKeyFor('fal-ai')}`);
  });

  it('draws through the gateway without --direct, with the hf_ token', async () => {
    const cwd = temporaryDirectory();
    const run = await runTollgate(
      ['image', '--url', sandbox.baseUrl, '--token', sandbox.token, '--out', 'dog.png', 'a', 'dog'],
      { cwd },
    );

    expect(run.exitCode).toBe(0);
    expect(run.stderr).toMatch(/^Wrote \d+ bytes; provider: \S+\n$/);
    expect(readFileSync(path.join(cwd, 'dog.png')).subarray(0, 8).equals(PNG_SIGNATURE)).toBe(true);
  });
});
