/** `summarization` on hf-inference: a text in, its summary out. */
import type { SummarizationInputV1, SummarizationOutputV1 } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { firstTextField } from './first-text-field.js';

/**
 * @example
 * summarizationHandler.mapResponse({ response: { body: [{ summary_text: 'The tower is 324 metres tall.' }] } });
 * // output { summary_text: 'The tower is 324 metres tall.' }
 */
export const summarizationHandler = createPipelineHandler<SummarizationInputV1, SummarizationOutputV1>({
  body: (input) => {
    const request = requireInputObject(input);
    return jsonPipelineBody(requireText(request.inputs, 'inputs'), optionalParameters(request.parameters));
  },
  output: (body) => ({ summary_text: firstTextField(body, 'summary_text', 'summarization') }),
});
