/** `text-generation` on hf-inference: a raw prompt completed through the model's OpenAI-style completions route. */
import type { TextGenerationInputV1, TextGenerationOutputV1 } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

/**
 * `{inputs, parameters}` becomes `{model, prompt, max_tokens, ...}`: HF's `max_new_tokens` is OpenAI's
 * `max_tokens`, and the other parameters keep their names (TGI reads `repetition_penalty` and `seed` there too).
 * The body names the model although the path already does, because the OpenAI route requires `model`.
 *
 * @example
 * textGenerationHandler.mapRequest({ input: { inputs: 'The answer is', parameters: { max_new_tokens: 20 } }, context });
 * // POST /models/HuggingFaceTB/SmolLM3-3B/v1/completions {"model":"HuggingFaceTB/SmolLM3-3B","prompt":"The answer is","max_tokens":20}
 */
function textGenerationBody(model: string, input: TextGenerationInputV1): Record<string, unknown> {
  const request = requireInputObject(input);
  const prompt = requireText(request.inputs, 'inputs');
  const { max_new_tokens: maxNewTokens, ...rest } = optionalParameters(request.parameters) ?? {};
  return { model, prompt, ...(maxNewTokens !== undefined ? { max_tokens: maxNewTokens } : {}), ...rest };
}

/**
 * @example
 * textGenerationHandler.mapResponse({ response: { body: { choices: [{ text: ' 42.', finish_reason: 'stop' }] } } });
 * // output { generated_text: ' 42.', finish_reason: 'stop' }
 */
export const textGenerationHandler = createPipelineHandler<TextGenerationInputV1, TextGenerationOutputV1>({
  route: '/v1/completions',
  body: (input, context) => ({ kind: 'json', value: textGenerationBody(context.providerModelId, input) }),
  output: (body) => {
    const choice = isRecord(body) && Array.isArray(body.choices) ? body.choices[0] : undefined;
    if (!isRecord(choice) || typeof choice.text !== 'string') {
      throw unusableOutput('text-generation', 'expected {choices: [{text}]}');
    }
    const reason = choice.finish_reason;
    return { generated_text: choice.text, ...(typeof reason === 'string' ? { finish_reason: reason } : {}) };
  },
});
