/** Checks a chat completion body against the route's schema with TypeBox's compiled checker (no framework in between). */

import { TypeCompiler } from '@sinclair/typebox/compiler';
import { InputError } from '@tollgate/provider-spec';
import { type ChatCompletionRequest, ChatCompletionRequestSchema } from '../routes/chat-completion-schema.js';

const checker = TypeCompiler.Compile(ChatCompletionRequestSchema);

/** `/messages/0/role` -> `messages.0.role`. */
function paramOf(path: string): string | undefined {
  const param = path.split('/').filter(Boolean).join('.');
  return param === '' ? undefined : param;
}

/**
 * The body as a chat completion request, or an `InputError` naming the first field that is wrong.
 *
 * @example
 * const input = checkChatCompletionBody(JSON.parse(text));
 */
export function checkChatCompletionBody(body: unknown): ChatCompletionRequest {
  if (checker.Check(body)) return body;
  const first = checker.Errors(body).First();
  if (body === null || typeof body !== 'object' || Array.isArray(body) || first === undefined) {
    throw new InputError({ message: 'The request body must be a JSON object.' });
  }
  const param = paramOf(first.path);
  throw new InputError({
    message: `body${first.path.replaceAll('/', '.')} is invalid: ${first.message}`,
    ...(param ? { param } : {}),
  });
}
