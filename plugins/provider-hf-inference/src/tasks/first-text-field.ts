/** Reads one text field from the single-element list text2text pipelines answer with. */
import { isRecord } from '../is-record.js';
import { unusableOutput } from '../unusable-output.js';

/**
 * The string at `field` of `[{field}]` (transformers' list of one) or of `{field}`.
 *
 * @example
 * firstTextField([{ summary_text: 'A tall tower.' }], 'summary_text', 'summarization'); // 'A tall tower.'
 */
export function firstTextField(body: unknown, field: string, task: string): string {
  const answer = Array.isArray(body) ? body[0] : body;
  const text = isRecord(answer) ? answer[field] : undefined;
  if (typeof text !== 'string') throw unusableOutput(task, `expected [{${field}}]`);
  return text;
}
