/** `translation` on hf-inference: a text in, its translation out. */
import type { TranslationInputV1, TranslationOutputV1 } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { firstTextField } from './first-text-field.js';

/**
 * @example
 * translationHandler.mapResponse({ response: { body: [{ translation_text: 'Mein Name ist Wolfgang' }] } });
 * // output { translation_text: 'Mein Name ist Wolfgang' }
 */
export const translationHandler = createPipelineHandler<TranslationInputV1, TranslationOutputV1>({
  body: (input) => {
    const request = requireInputObject(input);
    return jsonPipelineBody(requireText(request.inputs, 'inputs'), optionalParameters(request.parameters));
  },
  output: (body) => ({ translation_text: firstTextField(body, 'translation_text', 'translation') }),
});
