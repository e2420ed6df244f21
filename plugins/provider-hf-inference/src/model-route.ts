/** The path of a model's endpoint on hf-inference, which puts the Hub id in the URL rather than in the body. */

/**
 * `/models/<hf id><suffix>`, each segment of the id percent-encoded but its `/` kept, because hf-inference routes
 * on the Hub id's `owner/name` path (`/models/google-bert/bert-base-uncased`).
 *
 * @example
 * modelRoute('sentence-transformers/all-MiniLM-L6-v2', '/pipeline/feature-extraction');
 * // '/models/sentence-transformers/all-MiniLM-L6-v2/pipeline/feature-extraction'
 */
export function modelRoute(providerModelId: string, suffix = ''): string {
  const id = providerModelId.split('/').map(encodeURIComponent).join('/');
  return `/models/${id}${suffix}`;
}
