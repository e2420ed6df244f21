/** The parsed JSON body of a task request, when it is an object. */
import type { SimulatedTaskRequest } from '../simulated-task-route.js';

/**
 * The request body as an object, or undefined when it is not one (the route answers invalid JSON).
 *
 * @example
 * const body = jsonBody(request);
 * if (!body) return sendJsonResponse(exchange, errors.invalidJson());
 */
export function jsonBody(request: SimulatedTaskRequest): Record<string, unknown> | undefined {
  const { body } = request;
  return body != null && typeof body === 'object' && !Array.isArray(body)
    ? (body as Record<string, unknown>)
    : undefined;
}
