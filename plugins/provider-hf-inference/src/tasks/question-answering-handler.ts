/** `question-answering` on hf-inference: the span of a context that answers a question. */
import type {
  QuestionAnsweringElementV1,
  QuestionAnsweringInputV1,
  QuestionAnsweringOutputV1,
} from '@tollgate/provider-spec';
import { InputError } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

function isAnswer(value: unknown): value is QuestionAnsweringElementV1 {
  return (
    isRecord(value) &&
    typeof value.answer === 'string' &&
    typeof value.score === 'number' &&
    typeof value.start === 'number' &&
    typeof value.end === 'number'
  );
}

/**
 * @example
 * questionAnsweringHandler.mapRequest({
 *   input: { inputs: { question: 'What is the capital of France?', context: 'The capital of France is Paris.' } }, context,
 * });
 */
export const questionAnsweringHandler = createPipelineHandler<
  QuestionAnsweringInputV1,
  QuestionAnsweringOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    if (!isRecord(request.inputs)) {
      throw new InputError({
        message: "'inputs' must be an object with question and context",
        param: 'inputs',
      });
    }
    const inputs = {
      question: requireText(request.inputs.question, 'inputs.question'),
      context: requireText(request.inputs.context, 'inputs.context'),
    };
    return jsonPipelineBody(inputs, optionalParameters(request.parameters));
  },
  output: (body) => {
    // transformers answers one object when top_k is 1 (the default), a list when it is more.
    const answers = Array.isArray(body) ? body : [body];
    if (answers.length === 0 || !answers.every(isAnswer)) {
      throw unusableOutput('question-answering', 'expected {answer, score, start, end}');
    }
    return answers.map(({ answer, score, start, end }) => ({ answer, score, start, end }));
  },
});
