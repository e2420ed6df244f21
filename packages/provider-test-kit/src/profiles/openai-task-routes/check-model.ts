/** The model check every OpenAI-style task route makes first, answering the provider's own error bodies. */
import type { ProviderErrorDialect, SimulatedErrorResponse } from '../provider-profile.js';
import type { SimulatedTaskRequest } from '../simulated-task-route.js';

/**
 * The problem with `model`, as the provider's error response: missing (400) or not served (404); undefined when
 * the simulator serves it.
 *
 * @example
 * const problem = checkModel(body.model, request, errors);
 * if (problem) return sendJsonResponse(exchange, problem);
 */
export function checkModel(
  model: unknown,
  request: SimulatedTaskRequest,
  errors: ProviderErrorDialect,
): SimulatedErrorResponse | undefined {
  if (typeof model !== 'string' || model === '') {
    return errors.invalidRequest({ message: 'is required', param: 'model' });
  }
  if (!request.models.some((candidate) => candidate.id === model)) return errors.modelNotFound(model);
  return undefined;
}
