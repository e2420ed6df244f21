/** Simulated table question answering (TAPAS): the cell the question points at, or a count over a column. */
import type { HfSimulatedModel } from './hf-inference-catalog.js';
import { type PipelineAnswer, PipelineError } from './pipeline-answer.js';
import type { TextPipelineInput } from './read-pipeline-input.js';

const isRecord = (value: unknown): value is Record<string, unknown> =>
  value != null && typeof value === 'object' && !Array.isArray(value);

/**
 * `{answer, coordinates, cells, aggregator}`: the column the question names, at the row whose cell it quotes
 * (aggregator `NONE`); "how many" without a quoted row counts the column (`COUNT > ...`, as TAPAS answers).
 * `question` is HF's field name; the older `query` is read too.
 *
 * @example
 * answerTableQuestionAnswering(tapas, { inputs: { question: 'How many stars does Transformers have?', table: { Repository: ['Transformers'], Stars: ['36542'] } }, parameters: {} }).body;
 * // { answer: '36542', coordinates: [[0, 1]], cells: ['36542'], aggregator: 'NONE' }
 */
export function answerTableQuestionAnswering(
  _model: HfSimulatedModel,
  input: TextPipelineInput,
): PipelineAnswer {
  const inputs = input.inputs;
  const question = isRecord(inputs) ? (inputs.question ?? inputs.query) : undefined;
  const table = isRecord(inputs) ? inputs.table : undefined;
  if (typeof question !== 'string' || !isRecord(table)) {
    throw new PipelineError(400, 'inputs must be an object with a table and a question');
  }
  const headers = Object.keys(table);
  const columns = headers.map((header) =>
    Array.isArray(table[header]) ? (table[header] as unknown[]).map(String) : [],
  );
  const rows = columns[0]?.length ?? 0;
  if (headers.length === 0 || rows === 0 || columns.some((column) => column.length !== rows)) {
    throw new PipelineError(400, 'table must have columns of the same, non-zero length');
  }
  const lower = question.toLowerCase();
  const named = headers.findIndex((header) => lower.includes(header.toLowerCase()));
  const column = named === -1 ? Math.min(1, headers.length - 1) : named;
  const row = Array.from({ length: rows }, (_, index) => index).find((index) =>
    columns.some(
      (cells, at) =>
        at !== column && cells[index] !== '' && lower.includes((cells[index] ?? '').toLowerCase()),
    ),
  );
  const body =
    row === undefined && lower.startsWith('how many')
      ? {
          answer: `COUNT > ${columns[column]!.join(', ')}`,
          coordinates: columns[column]!.map((_, index) => [index, column]),
          cells: columns[column]!,
          aggregator: 'COUNT',
        }
      : {
          answer: columns[column]![row ?? 0]!,
          coordinates: [[row ?? 0, column]],
          cells: [columns[column]![row ?? 0]!],
          aggregator: 'NONE',
        };
  const characters = question.length + columns.flat().join('').length;
  return {
    kind: 'json',
    body,
    computeMs: 150 + Math.ceil(characters / 10),
    metrics: { 'x-compute-characters': String(characters) },
  };
}
