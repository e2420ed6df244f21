/** The prompt a fal model cannot run without. */
import { InputError } from '@tollgate/provider-spec';

/**
 * `prompt` when it is a non-empty string; an `InputError` naming `param` otherwise (fal would answer 422 after
 * a queue round trip, so the caller hears it at once instead).
 *
 * @example
 * requiredPrompt('a lighthouse', 'inputs'); // 'a lighthouse'
 */
export function requiredPrompt(prompt: unknown, param: string): string {
  if (typeof prompt === 'string' && prompt.trim() !== '') return prompt;
  throw new InputError({
    message: `fal-ai needs a text prompt in '${param}'`,
    param,
    code: 'missing_prompt',
  });
}
