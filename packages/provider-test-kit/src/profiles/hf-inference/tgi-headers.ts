/** The timing headers text-generation-inference (TGI), hf-inference's LLM server, sets on a finished answer. */
import type { HfSimulatedModel } from './hf-inference-catalog.js';

/** Simulated TGI speed: prompt tokens per millisecond and milliseconds per generated token. */
const PROMPT_TOKENS_PER_MS = 20;
const MS_PER_TOKEN = 20;

/**
 * `x-compute-type` (`<hardware>+optimized`), `x-compute-time` (nine-decimal seconds), `x-compute-characters`,
 * `x-total-time`, `x-validation-time`, `x-queue-time`, `x-inference-time`, `x-time-per-token` (milliseconds)
 * and the token counts, as TGI reports them for a JSON answer.
 *
 * @example
 * tgiHeaders(smolLm, { promptCharacters: 23, promptTokens: 7, generatedTokens: 3 })['x-compute-time']; // '0.061000000'
 */
export function tgiHeaders(
  model: HfSimulatedModel,
  counts: {
    readonly promptCharacters: number;
    readonly promptTokens: number;
    readonly generatedTokens: number;
  },
): Record<string, string> {
  const inference =
    Math.ceil(counts.promptTokens / PROMPT_TOKENS_PER_MS) + counts.generatedTokens * MS_PER_TOKEN;
  const total = inference + 1;
  return {
    'x-compute-type': `${model.hardware}+optimized`,
    'x-compute-time': `${Math.floor(total / 1000)}.${String(total % 1000).padStart(3, '0')}000000`,
    'x-compute-characters': String(counts.promptCharacters),
    'x-total-time': String(total),
    'x-validation-time': '0',
    'x-queue-time': '1',
    'x-inference-time': String(inference),
    'x-time-per-token': String(MS_PER_TOKEN),
    'x-prompt-tokens': String(counts.promptTokens),
    'x-generated-tokens': String(counts.generatedTokens),
  };
}
