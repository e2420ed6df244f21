/**
 * Nscale's `/v1/images/generations`: OpenAI's `size: "WxH"`, base64 only (`response_format: b64_json`; URL
 * output is not offered), 1024x1024 by default.
 */
import { createOpenAITaskRoutes } from '../openai-task-routes/create-openai-task-routes.js';
import type { ProviderErrorDialect } from '../provider-profile.js';
import type { SimulatedTaskRoute } from '../simulated-task-route.js';

/**
 * @example
 * taskRoutes: nscaleTaskRoutes(() => nscaleProfile.errors),
 */
export function nscaleTaskRoutes(errors: () => ProviderErrorDialect): SimulatedTaskRoute[] {
  return createOpenAITaskRoutes({
    basePath: '/v1',
    errors,
    images: {
      size: 'size',
      defaultSize: { width: 1024, height: 1024 },
      base64Format: 'b64_json',
      defaultFormat: 'b64_json',
      decorateItem: (item) => ({ ...item, revised_prompt: null, url: null }),
    },
  });
}
