/**
 * `GET /health` (liveness: the process answers) and `GET /ready` (readiness: the store answers, at least one
 * plugin is loaded, and the gateway is not shutting down; it names the store, without credentials).
 */

import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import type { Kernel } from '@tollgate/core';
import type { GatewayLifecycle } from '../lifecycle/gateway-lifecycle.js';

export interface HealthRoutesOptions {
  readonly kernel: Kernel;
  readonly lifecycle: GatewayLifecycle;
}

const ReadinessSchema = Type.Object({
  status: Type.Union([Type.Literal('ready'), Type.Literal('not_ready'), Type.Literal('shutting_down')]),
  store: Type.String({
    description:
      'Which store the gateway runs on, e.g. `postgres://db.internal:5432/tollgate` or `sqlite:/data/tollgate.db`.',
  }),
  checks: Type.Object({ store: Type.Boolean(), plugins: Type.Integer() }),
});

async function storeAnswers(kernel: Kernel): Promise<boolean> {
  try {
    return await kernel.store.ping();
  } catch {
    return false;
  }
}

/**
 * @example app.register(healthRoutes, { kernel, lifecycle });
 */
export const healthRoutes: FastifyPluginAsyncTypebox<HealthRoutesOptions> = async (
  app,
  { kernel, lifecycle },
) => {
  app.get(
    '/health',
    {
      schema: {
        summary: 'Liveness probe',
        tags: ['operations'],
        response: { 200: Type.Object({ status: Type.Literal('ok') }) },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/ready',
    {
      schema: {
        summary: 'Readiness probe',
        tags: ['operations'],
        response: { 200: ReadinessSchema, 503: ReadinessSchema },
      },
    },
    async (_request, reply) => {
      const checks = { store: await storeAnswers(kernel), plugins: kernel.registry.list().length };
      const store = kernel.store.description;
      if (lifecycle.shuttingDown) return reply.code(503).send({ status: 'shutting_down', store, checks });
      if (!checks.store || checks.plugins === 0)
        return reply.code(503).send({ status: 'not_ready', store, checks });
      return { status: 'ready' as const, store, checks };
    },
  );
};
