/** Shared vitest settings: resolve workspace packages to their TypeScript sources, so tests need no build. */
import type { ViteUserConfig } from 'vitest/config';

export function tollgateVitestConfig(overrides: ViteUserConfig['test'] = {}): ViteUserConfig {
  const conditions = ['@tollgate/source', 'import', 'module', 'node', 'default'];
  // Vitest hands the SSR conditions to Node as --conditions for the test workers, where `import` would also steer
  // require() inside CommonJS packages to their ESM entry (pg requiring pg-pool gets a module namespace, not the
  // class). Vite applies `import` by itself wherever it belongs.
  const nodeConditions = conditions.filter((condition) => condition !== 'import');
  return {
    resolve: { conditions },
    ssr: { resolve: { conditions: nodeConditions, externalConditions: ['@tollgate/source'] } },
    test: {
      include: ['src/**/*.test.ts', 'tests/**/*.test.ts'],
      // In CI every package also writes a JSON report, which .ci/run sums into one closing line.
      ...(process.env.CI
        ? { reporters: ['default', 'json'], outputFile: { json: '.vitest-report.json' } }
        : {}),
      testTimeout: 20_000,
      hookTimeout: 30_000,
      ...overrides,
    },
  };
}
