/** The `_id` of a Hub model: a 24-hex-digit id like the Hub's, stable for a model id across instances and restarts. */
import { createHash } from 'node:crypto';

const ids = new Map<string, string>();

/**
 * @example hubObjectId('openai/gpt-oss-120b'); // '4b1c…' (24 hex digits, always the same for this id)
 */
export function hubObjectId(modelId: string): string {
  let id = ids.get(modelId);
  if (id === undefined) {
    id = createHash('sha256').update(`model:${modelId}`).digest('hex').slice(0, 24);
    // Model ids come from the catalog, so the memo is bounded by it.
    if (ids.size < 100_000) ids.set(modelId, id);
  }
  return id;
}
