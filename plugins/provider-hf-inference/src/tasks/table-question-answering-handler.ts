/** `table-question-answering` on hf-inference (TAPAS and similar): a question answered from a table's cells. */
import type {
  TableQuestionAnsweringElementV1,
  TableQuestionAnsweringInputV1,
  TableQuestionAnsweringOutputV1,
} from '@tollgate/provider-spec';
import { InputError } from '@tollgate/provider-spec';
import { createPipelineHandler } from '../create-pipeline-handler.js';
import { isRecord } from '../is-record.js';
import { jsonPipelineBody } from '../json-pipeline-body.js';
import { optionalParameters, requireInputObject, requireText } from '../require-input.js';
import { unusableOutput } from '../unusable-output.js';

function requireTable(value: unknown): Record<string, readonly string[]> {
  const columns = isRecord(value) ? Object.values(value) : [];
  const valid =
    columns.length > 0 &&
    columns.every((column) => Array.isArray(column) && column.every((cell) => typeof cell === 'string')) &&
    columns.every((column) => (column as unknown[]).length === (columns[0] as unknown[]).length);
  if (!valid) {
    throw new InputError({
      message:
        "'inputs.table' must map each column header to a list of cell strings, all columns equally long",
      param: 'inputs.table',
    });
  }
  return value as Record<string, readonly string[]>;
}

function toAnswer(value: unknown): TableQuestionAnsweringElementV1 | undefined {
  if (!isRecord(value) || typeof value.answer !== 'string') return undefined;
  const { coordinates, cells, aggregator } = value;
  const validCoordinates =
    Array.isArray(coordinates) &&
    coordinates.every((pair) => Array.isArray(pair) && pair.every((index) => typeof index === 'number'));
  if (!validCoordinates || !Array.isArray(cells) || !cells.every((cell) => typeof cell === 'string')) {
    return undefined;
  }
  return {
    answer: value.answer,
    coordinates: coordinates as number[][],
    cells: cells as string[],
    ...(typeof aggregator === 'string' ? { aggregator } : {}),
  };
}

/**
 * @example
 * tableQuestionAnsweringHandler.mapRequest({
 *   input: { inputs: { question: 'How many stars?', table: { Repository: ['Transformers'], Stars: ['36542'] } } }, context,
 * });
 */
export const tableQuestionAnsweringHandler = createPipelineHandler<
  TableQuestionAnsweringInputV1,
  TableQuestionAnsweringOutputV1
>({
  body: (input) => {
    const request = requireInputObject(input);
    if (!isRecord(request.inputs)) {
      throw new InputError({
        message: "'inputs' must be an object with table and question",
        param: 'inputs',
      });
    }
    const inputs = {
      table: requireTable(request.inputs.table),
      question: requireText(request.inputs.question, 'inputs.question'),
    };
    return jsonPipelineBody(inputs, optionalParameters(request.parameters));
  },
  output: (body) => {
    // One question gets one object from the pipeline; the public shape is a list, as in HF's specification.
    const answers = (Array.isArray(body) ? body : [body]).map(toAnswer);
    if (answers.length === 0 || answers.some((answer) => answer === undefined)) {
      throw unusableOutput('table-question-answering', 'expected {answer, coordinates, cells, aggregator}');
    }
    return answers as TableQuestionAnsweringElementV1[];
  },
});
