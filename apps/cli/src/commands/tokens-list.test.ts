import { describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

describe('tollgate tokens list', () => {
  it("lists a user's tokens by prefix, never by secret or hash", async () => {
    const cwd = temporaryDirectory();
    const secret = (await runTollgate(['users', 'create', 'alice'], { cwd })).stdout.trim();

    const run = await runTollgate(['tokens', 'list', 'alice', '--json'], { cwd });
    const { tokens } = JSON.parse(run.stdout) as { tokens: Record<string, unknown>[] };

    expect(run.exitCode).toBe(0);
    expect(tokens).toHaveLength(1);
    expect(tokens[0]).toMatchObject({ name: 'default', displayPrefix: secret.slice(0, 7), revokedAt: null });
    expect(tokens[0]).not.toHaveProperty('secretHash');
    expect(run.stdout).not.toContain(secret);
  });

  it('shows revoked tokens with their revocation time in the table', async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['users', 'create', 'alice'], { cwd });
    const listed = JSON.parse((await runTollgate(['tokens', 'list', 'alice', '--json'], { cwd })).stdout);
    await runTollgate(['tokens', 'revoke', listed.tokens[0].id], { cwd });

    const run = await runTollgate(['tokens', 'list', 'alice'], { cwd });
    const [header, row] = run.stdout.split('\n');

    expect(header).toMatch(/^ID\s+NAME\s+PREFIX\s+PERMISSIONS\s+CREATED\s+REVOKED$/);
    expect(row).toMatch(
      new RegExp(`^${listed.tokens[0].id}\\s+default\\s+hf_\\w{4}\\s+\\S+\\s+\\d{4}-\\d{2}-\\d{2}T`),
    );
  });
});
