import { describe, expect, it } from 'vitest';
import { runTollgate, temporaryDirectory } from '../run-cli.test-helpers.js';

async function withUser(name = 'alice') {
  const cwd = temporaryDirectory();
  await runTollgate(['users', 'create', name], { cwd });
  const settings = async (...args: string[]) => runTollgate(['settings', ...args], { cwd });
  const json = async (...args: string[]) => {
    const run = await settings(...args, '--json');
    expect(run.stderr).toBe('');
    expect(run.exitCode).toBe(0);
    return JSON.parse(run.stdout) as Record<string, unknown>;
  };
  return { cwd, settings, json };
}

describe('tollgate settings', () => {
  it('shows the defaults of a user who saved nothing', async () => {
    const { settings, json } = await withUser();
    expect(await json('show', 'alice')).toMatchObject({
      user: { name: 'alice' },
      defaultPolicy: 'fastest',
      providerOrder: [],
      disabledProviders: [],
      updatedAt: null,
    });
    const text = await settings('show', 'alice');
    expect(text.stdout).toContain("Inference provider settings of 'alice' (defaults: none saved):");
    expect(text.stdout).toMatch(/default policy:\s+fastest/);
  });

  it('sets the policy, order and disabled providers, keeping what a later call leaves out', async () => {
    const { settings, json } = await withUser();
    expect(
      await json('set', 'alice', '--policy', 'cheapest', '--order', 'together,groq', '--disable', 'cerebras'),
    ).toMatchObject({
      defaultPolicy: 'cheapest',
      providerOrder: ['together', 'groq'],
      disabledProviders: ['cerebras'],
      updatedAt: expect.any(String),
    });
    expect(await json('set', 'alice', '--disable', 'fal-ai', '--enable', 'cerebras')).toMatchObject({
      defaultPolicy: 'cheapest',
      providerOrder: ['together', 'groq'],
      disabledProviders: ['fal-ai'],
    });
    expect(await json('set', 'alice', '--order', '')).toMatchObject({ providerOrder: [] });
    expect(await json('show', 'alice')).toMatchObject({
      defaultPolicy: 'cheapest',
      disabledProviders: ['fal-ai'],
    });
    expect(await json('set', 'alice', '--reset', '--policy', 'preferred')).toMatchObject({
      defaultPolicy: 'preferred',
      providerOrder: [],
      disabledProviders: [],
    });
    const text = await settings('set', 'alice', '--disable', 'groq');
    expect(text.stdout).toMatch(/disabled providers:\s+groq/);
  });

  it('refuses what cannot be stored with one line on stderr', async () => {
    const { settings } = await withUser();
    const cases: [string[], RegExp][] = [
      [['set', 'alice'], /^tollgate: Nothing to change/],
      [['set', 'alice', '--disable', 'Groq!'], /^tollgate: `disabledProviders\[0\]` is not a provider id/],
      [
        ['set', 'alice', '--disable', 'groq', '--enable', 'groq'],
        /^tollgate: Cannot both --disable and --enable groq/,
      ],
      [['set', 'bob', '--policy', 'cheapest'], /^tollgate: No user or organization named 'bob'/],
      [['show', 'bob'], /^tollgate: No user or organization named 'bob'/],
    ];
    for (const [args, message] of cases) {
      const run = await settings(...args);
      expect(run.exitCode).toBe(1);
      expect(run.stderr).toMatch(message);
    }
    const run = await settings('set', 'alice', '--policy', 'slowest');
    expect(run.exitCode).not.toBe(0);
    expect(run.stderr).toMatch(/Allowed choices are fastest, cheapest, preferred/);
  });

  it("sets an organization's disabled providers, which route the requests billed to it", async () => {
    const cwd = temporaryDirectory();
    await runTollgate(['orgs', 'create', 'acme', '--plan', 'team'], { cwd });

    const set = await runTollgate(['settings', 'set', 'acme', '--disable', 'groq', '--json'], { cwd });
    const shown = await runTollgate(['settings', 'show', 'acme'], { cwd });

    expect(set.exitCode).toBe(0);
    expect(JSON.parse(set.stdout)).toMatchObject({
      organization: { name: 'acme' },
      disabledProviders: ['groq'],
    });
    expect(shown.stdout).toContain("Inference provider settings of organization 'acme'");
    expect(shown.stdout).toMatch(/disabled providers:\s+groq/);
  });
});
