/**
 * The OpenAI-style non-chat endpoints a provider serves (completions, embeddings, image generation, speech,
 * transcription) as simulator task routes, shared by every profile whose provider speaks them.
 */
import type { SimulatedTaskRoute } from '../simulated-task-route.js';
import type { OpenAITaskRoutesOptions } from './openai-task-routes-options.js';
import { serveOpenAICompletion } from './serve-openai-completion.js';
import { serveOpenAIEmbeddings } from './serve-openai-embeddings.js';
import { serveOpenAIImageGeneration } from './serve-openai-image-generation.js';
import { serveOpenAISpeech } from './serve-openai-speech.js';
import { serveOpenAITranscription } from './serve-openai-transcription.js';

/**
 * One POST route for each endpoint whose options are given, under `basePath`.
 *
 * @example
 * taskRoutes: createOpenAITaskRoutes({
 *   basePath: '/v1/openai',
 *   errors,
 *   embeddings: { dimensionsFor: () => 768, usage: (tokens) => ({ prompt_tokens: tokens, total_tokens: tokens }) },
 * }),
 */
export function createOpenAITaskRoutes(options: OpenAITaskRoutesOptions): SimulatedTaskRoute[] {
  const { basePath, completions, embeddings, images, speech, transcriptions } = options;
  const dialect = options.errors;
  const errors = () => (typeof dialect === 'function' ? dialect() : dialect);
  const routes: SimulatedTaskRoute[] = [];
  const post = (path: string, serve: SimulatedTaskRoute['serve']) =>
    routes.push({ method: 'POST', path: `${basePath}${path}`, serve });
  if (completions)
    post('/completions', (exchange, request) =>
      serveOpenAICompletion(exchange, request, completions, errors()),
    );
  if (embeddings)
    post('/embeddings', (exchange, request) =>
      serveOpenAIEmbeddings(exchange, request, embeddings, errors()),
    );
  if (images)
    post('/images/generations', (exchange, request) =>
      serveOpenAIImageGeneration(exchange, request, images, errors()),
    );
  if (speech)
    post('/audio/speech', (exchange, request) => serveOpenAISpeech(exchange, request, speech, errors()));
  if (transcriptions)
    post('/audio/transcriptions', (exchange, request) =>
      serveOpenAITranscription(exchange, request, transcriptions, errors()),
    );
  return routes;
}
