/**
 * The Hugging Face Hub API's inference pieces, served by the gateway so that unmodified Hub clients find their
 * mappings here: model info and listings, and the partner registration API. Errors answer in the Hub's shape.
 */
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { installHubErrorHandler } from './hub-error-handler.js';
import { type HubRouteOptions, modelInfoRoute } from './model-info-route.js';
import { modelListRoute } from './model-list-route.js';
import { partnerModelCreateRoute } from './partner-model-create-route.js';
import { partnerModelDeleteRoute } from './partner-model-delete-route.js';
import { partnerModelStatusRoute } from './partner-model-status-route.js';
import { partnerModelsListRoute } from './partner-models-list-route.js';

/**
 * @example app.register(hubRoutes, { kernel });
 */
export const hubRoutes: FastifyPluginAsyncTypebox<HubRouteOptions> = async (app, options) => {
  installHubErrorHandler(app);
  await app.register(modelInfoRoute, options);
  await app.register(modelListRoute, options);
  await app.register(partnerModelsListRoute, options);
  await app.register(partnerModelCreateRoute, options);
  await app.register(partnerModelStatusRoute, options);
  await app.register(partnerModelDeleteRoute, options);
};
