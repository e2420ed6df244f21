import { describe, expect, it } from 'vitest';
import { defineProviderPlugin } from './define-provider-plugin.js';
import type { NativeRouteV1 } from './v1/native-route-v1.js';
import type { ProviderPluginDefinitionV1 } from './v1/provider-plugin-v1.js';

const forward = () => ({
  method: 'POST' as const,
  path: '/v1/chat/completions',
  body: { kind: 'none' as const },
  expect: 'json' as const,
});

const definition = (nativeRoutes: unknown): ProviderPluginDefinitionV1 => ({
  specificationVersion: 'v1',
  id: 'example',
  displayName: 'Example',
  version: '1.0.0',
  compatibility: '^0.1.0',
  settings: {
    apiKeyEnvVars: [],
    apiKeyRequired: false,
    baseUrl: 'https://api.example.com',
    auth: { kind: 'none' },
  },
  tasks: {
    conversational: { kind: 'sync', mapRequest: forward, mapResponse: () => ({ output: {}, usage: {} }) },
  },
  models: [{ hfModelId: 'org/model', providerModelId: 'model', task: 'conversational', status: 'live' }],
  rates: {
    kind: 'static',
    table: { asOf: '2026-11-01', sourceUrl: 'https://example.com', currency: 'USD', models: {} },
  },
  billing: 'integrated',
  nativeRoutes: nativeRoutes as readonly NativeRouteV1[],
});

const chatRoute: NativeRouteV1 = {
  method: 'POST',
  path: '/v1/chat/completions',
  task: 'conversational',
  role: 'start',
  modelOf: () => 'model',
  mapRequest: forward,
  meterResponse: () => ({ usage: {} }),
};

describe('defineProviderPlugin: native routes', () => {
  it('accepts start and follow-up routes with patterns, and freezes them', () => {
    const followUp: NativeRouteV1 = {
      ...chatRoute,
      method: 'GET',
      path: '/v1/jobs/:id/*',
      role: 'follow-up',
      operationOf: (request) => request.params.id,
    };
    const plugin = defineProviderPlugin(definition([chatRoute, followUp]));
    expect(plugin.nativeRoutes).toHaveLength(2);
    expect(Object.isFrozen(plugin.nativeRoutes?.[1])).toBe(true);
  });

  it('lists every problem of a malformed route', () => {
    const broken = {
      method: 'PATCH',
      path: 'no-leading-slash',
      task: 'text-to-image',
      role: 'start',
      mapRequest: forward,
    };
    const followUp = { ...chatRoute, role: 'follow-up', operationOf: undefined };
    expect(() => defineProviderPlugin(definition([broken, followUp]))).toThrowError(
      expect.objectContaining({
        message: expect.stringMatching(
          /nativeRoutes\[0\]\.method[\s\S]*nativeRoutes\[0\]\.path[\s\S]*task 'text-to-image'[\s\S]*needs modelOf[\s\S]*meterResponse or mapStreamEvent[\s\S]*nativeRoutes\[1\] is a follow-up route and needs operationOf/,
        ),
      }),
    );
  });
});
