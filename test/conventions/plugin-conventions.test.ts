/**
 * Every package under `plugins/` follows the same shape, so that adding a provider is copying one and a reader
 * finds the same things in the same places: the checks run over the directory, not over a list kept by hand.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { isProviderPlugin, type ProviderPluginV1 } from '@tollgate/provider-spec';
import { describe, expect, it } from 'vitest';
import { repoRoot as REPO_ROOT } from '../support/repo-paths.js';

const PLUGINS_DIR = path.join(REPO_ROOT, 'plugins');
const pluginDirs = readdirSync(PLUGINS_DIR, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && entry.name.startsWith('provider-'))
  .map((entry) => entry.name)
  .sort();

interface PackageJson {
  name?: string;
  keywords?: string[];
  tollgate?: { kind?: string; id?: string; specificationVersion?: string };
  dependencies?: Record<string, string>;
}

const readPackage = (dir: string): PackageJson =>
  JSON.parse(readFileSync(path.join(PLUGINS_DIR, dir, 'package.json'), 'utf8')) as PackageJson;

/**
 * Mappings billed at the cost the provider states for each job (`reportedCostNanoUsd`), with no price to put in
 * a rate card; each needs a reason here, so an empty card never means free by accident.
 */
const BILLED_AT_REPORTED_COST: Readonly<Record<string, string>> = {
  'together/Wan-AI/Wan2.2-T2V-A14B': "Together's video jobs state their cost in `outputs.cost`",
  'together/Wan-AI/Wan2.2-I2V-A14B': "Together's video jobs state their cost in `outputs.cost`",
};

/**
 * Tasks served through a start route that names no task (the task is then the one the requested model is mapped
 * for), by plugin: `*` for a route every model goes through whatever its task, with the route that serves them.
 * Every other declared task needs a native start route of its own.
 */
const SERVED_BY_TASKLESS_ROUTE: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  'fal-ai': { '*': 'POST /{model id}, sync or queued with ?_subdomain=queue' },
  'hf-inference': { '*': 'POST /models/{model id}, at the pipeline of the model' },
  replicate: { '*': 'POST /v1/models/{owner}/{name}/predictions and POST /v1/predictions' },
  wavespeed: { '*': 'POST /api/v3/{model id}' },
  together: {
    'text-to-video': 'POST /v2/videos, for video models only',
    'image-to-video': 'POST /v2/videos, for video models only',
  },
};

async function manifestOf(dir: string): Promise<ProviderPluginV1> {
  const module = (await import(pathToFileURL(path.join(PLUGINS_DIR, dir, 'src/index.ts')).href)) as {
    default: ProviderPluginV1;
  };
  return module.default;
}

describe('plugin conventions', () => {
  it('finds every provider of the Inference Providers list and the generic one', () => {
    expect(pluginDirs.length).toBeGreaterThanOrEqual(21);
  });

  describe.each(pluginDirs)('%s', (dir) => {
    const suffix = dir.slice('provider-'.length);

    it('is named after its id: package suffix = tollgate.id = manifest id', async () => {
      const pkg = readPackage(dir);
      expect(pkg.name).toBe(`@tollgate/provider-${suffix}`);
      expect(pkg.tollgate).toEqual({ kind: 'provider', id: suffix, specificationVersion: 'v1' });
      expect(pkg.keywords).toContain('tollgate-provider');
      const manifest = await manifestOf(dir);
      expect(isProviderPlugin(manifest)).toBe(true);
      expect(manifest.id).toBe(suffix);
    });

    it('has the same files as every plugin, and no import of the kernel', () => {
      const src = path.join(PLUGINS_DIR, dir, 'src');
      for (const file of ['index.ts', `${suffix}-plugin.ts`, `${suffix}-models.ts`, `${suffix}-rates.ts`]) {
        expect(existsSync(path.join(src, file)), `${dir}/src/${file}`).toBe(true);
      }
      const conformance = path.join(src, `${suffix}-plugin.conformance.test.ts`);
      expect(existsSync(conformance), `${dir} runs the conformance suite`).toBe(true);
      expect(readFileSync(conformance, 'utf8')).toContain('runProviderConformance(');
      const dependencies = Object.keys(readPackage(dir).dependencies ?? {});
      expect(dependencies.filter((name) => ['@tollgate/core', 'tsyringe'].includes(name))).toEqual([]);
    });

    it("serves every task it declares through the router's native routes", async () => {
      const manifest = await manifestOf(dir);
      const starts = (manifest.nativeRoutes ?? []).filter((route) => route.role === 'start');
      const routed = new Set(starts.map((route) => route.task).filter((task) => task !== undefined));
      const taskless = SERVED_BY_TASKLESS_ROUTE[manifest.id] ?? {};
      if (Object.keys(taskless).length > 0) {
        expect(
          starts.some((route) => route.task === undefined),
          `${manifest.id} is listed as serving tasks through a start route without a task, but has none`,
        ).toBe(true);
      }
      for (const task of Object.keys(taskless).filter((task) => task !== '*')) {
        expect(
          Object.keys(manifest.tasks),
          `${manifest.id} lists '${task}' but does not declare it`,
        ).toContain(task);
      }
      const unserved = Object.keys(manifest.tasks).filter(
        (task) => !routed.has(task) && taskless[task] === undefined && taskless['*'] === undefined,
      );
      expect(
        unserved,
        `${manifest.id} declares tasks no native route serves: ${unserved.join(', ')}`,
      ).toEqual([]);
    });

    it('maps models for every task it declares, and prices every mapping unless billing is estimated', async () => {
      const manifest = await manifestOf(dir);
      const mappedTasks = new Set(manifest.models.map((mapping) => mapping.task));
      // The generic plugin's models and rates come from the operator's configuration.
      if (manifest.id === 'openai-compatible') return;
      for (const task of Object.keys(manifest.tasks)) {
        expect(mappedTasks.has(task), `${manifest.id} declares '${task}' but maps no model for it`).toBe(
          true,
        );
      }
      if (manifest.billing === 'estimated') return;
      const { models, fallback } = manifest.rates.table;
      for (const mapping of manifest.models.filter((candidate) => candidate.status === 'live')) {
        const card = models[mapping.providerModelId] ?? fallback;
        expect(card, `${manifest.id} has no rate for live mapping ${mapping.providerModelId}`).toBeDefined();
        if (BILLED_AT_REPORTED_COST[`${manifest.id}/${mapping.providerModelId}`]) continue;
        expect(
          Object.keys(card ?? {}).length,
          `${manifest.id}: empty rate for ${mapping.providerModelId}`,
        ).toBeGreaterThan(0);
      }
    });
  });
});
