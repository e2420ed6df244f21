/** `zero-shot-classification` on hf-inference: a text scored against labels the caller names. */
import type {
  ClassificationOutputV1,
  ZeroShotClassificationInputV1,
  ZeroShotClassificationOutputV1,
} from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { parseClassificationOutput } from '../parse-classification-output.js';
import { optionalParameters, requireInputObject, requireText, requireTextList } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

const TASK = 'zero-shot-classification';

/** transformers' own shape, `{sequence, labels, scores}` with two parallel lists, which hf-inference still sends. */
function fromParallelLists(value: Record<string, unknown>): ClassificationOutputV1 {
  const { labels, scores } = value;
  if (
    !Array.isArray(labels) ||
    !Array.isArray(scores) ||
    labels.length !== scores.length ||
    !labels.every((label) => typeof label === 'string') ||
    !scores.every((score) => typeof score === 'number')
  ) {
    throw unusableOutput(TASK, 'labels and scores must be lists of the same length');
  }
  return labels.map((label: string, index) => ({ label, score: scores[index] as number }));
}

/**
 * @example
 * zeroShotClassificationHandler.mapRequest({
 *   input: { inputs: 'I want a refund', parameters: { candidate_labels: ['refund', 'legal', 'faq'] } }, context,
 * }); // POST /models/facebook/bart-large-mnli {"inputs":"I want a refund","parameters":{"candidate_labels":[...]}}
 */
export const zeroShotClassificationHandler = createPipelineHandler<
  ZeroShotClassificationInputV1,
  ZeroShotClassificationOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    const inputs = requireText(request.inputs, 'inputs');
    const parameters = optionalParameters(request.parameters);
    requireTextList(parameters?.candidate_labels, 'parameters.candidate_labels');
    return jsonPipelineBody(inputs, parameters);
  },
  output: (body) => {
    // A list input gets a list of answers; one text gets the object itself. Both are transformers' shape.
    const answer =
      Array.isArray(body) && body.length === 1 && isRecord(body[0]) && 'labels' in body[0] ? body[0] : body;
    if (isRecord(answer)) return fromParallelLists(answer);
    return parseClassificationOutput(answer, TASK);
  },
});
