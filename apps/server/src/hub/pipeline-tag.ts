/**
 * A model's Hub `pipeline_tag`, derived from the tasks its mappings serve: the gateway does not fetch Hub metadata.
 * A chat model is a `text-generation` model on the Hub (`image-text-to-text` when it reads images), and a
 * sentence-transformers model mapped for both embedding tasks is a `sentence-similarity` one.
 */
import type { CatalogEntry } from '@tollgate/core';

/**
 * @example pipelineTagOf(kernel.catalog.entriesFor('openai/gpt-oss-120b')); // 'text-generation'
 */
export function pipelineTagOf(entries: readonly CatalogEntry[]): string | undefined {
  const chat = entries.filter((entry) => entry.task === 'conversational');
  if (chat.length > 0) {
    const readsImages = chat.some((entry) => entry.metadata?.inputModalities?.includes('image') === true);
    return readsImages ? 'image-text-to-text' : 'text-generation';
  }
  if (entries.some((entry) => entry.task === 'sentence-similarity')) return 'sentence-similarity';
  return entries[0]?.task;
}
