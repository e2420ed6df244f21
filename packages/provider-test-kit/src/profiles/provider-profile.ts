/**
 * What the simulator needs to know to speak one provider's dialect: routes, models, ids, error bodies and
 * the extra fields it adds to responses and stream chunks. Adding a provider is adding one profile.
 */
import type { ChatCompletionPlan } from '../simulator/plan-chat-completion.js';
import type { RequestProblem } from '../simulator/validate-chat-request.js';
import type { SimulatedTaskRoute } from './simulated-task-route.js';

export interface SimulatedModel {
  readonly id: string;
  readonly ownedBy: string;
  readonly contextLength: number;
  readonly maxCompletionTokens?: number;
  /** USD per million tokens, as the provider lists them on its models endpoint (where it does). */
  readonly pricing?: { readonly input: number; readonly output: number };
}

export interface SimulatedErrorResponse {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

/** Everything about one answer that a dialect needs to write it. */
export interface CompletionFacts {
  readonly completionId: string;
  /** The provider's request id: sent in its request-id header and, for some providers, in the body. */
  readonly requestId: string;
  /** Unix seconds. */
  readonly created: number;
  readonly model: string;
  readonly plan: ChatCompletionPlan;
  /** Simulated server timings in seconds, derived from the latency settings (providers that report them). */
  readonly timing: {
    readonly queueTime: number;
    readonly promptTime: number;
    readonly completionTime: number;
    readonly totalTime: number;
  };
}

/** Which part of a stream a chunk is: the opening role chunk, a token, a tool-call delta, the finish, or usage. */
export type ChunkKind = 'role' | 'content' | 'tool-call' | 'finish' | 'usage';

export interface ProviderErrorDialect {
  readonly missingKey: () => SimulatedErrorResponse;
  readonly invalidKey: () => SimulatedErrorResponse;
  readonly invalidJson: () => SimulatedErrorResponse;
  readonly invalidRequest: (problem: RequestProblem) => SimulatedErrorResponse;
  readonly modelNotFound: (model: string) => SimulatedErrorResponse;
  readonly unknownRoute: (method: string, path: string) => SimulatedErrorResponse;
  /** The provider's answer for an arbitrary error status (what an injected status fault sends by default). */
  readonly forStatus: (status: number, model: string | undefined) => SimulatedErrorResponse;
}

export interface SimulatedAuthScheme {
  /** Lower-case header name. */
  readonly header: string;
  /** What comes before the key in the header's value, e.g. `Bearer ` (with its space). */
  readonly prefix: string;
}

export interface ProviderProfile {
  /** The Hugging Face provider id; also the simulator's path prefix. */
  readonly id: string;
  readonly displayName: string;
  /** Paths after the provider's base URL; a profile without `chatCompletions` serves no chat. */
  readonly routes: { readonly chatCompletions?: string; readonly models?: string };
  /**
   * How the simulator checks the key: `<header>: <prefix><key>`, header name lower-case. Default
   * `{ header: 'authorization', prefix: 'Bearer ' }`; fal uses `{ header: 'authorization', prefix: 'Key ' }`.
   */
  readonly auth?: SimulatedAuthScheme;
  /**
   * Routes besides chat and models (images, audio, embeddings, job queues), matched in order before them,
   * after faults and the key check.
   */
  readonly taskRoutes?: readonly SimulatedTaskRoute[];
  readonly models: readonly SimulatedModel[];
  /** The response header that carries the request id, as the provider names it; absent if it sends none. */
  readonly requestIdHeader?: string;
  readonly newCompletionId: () => string;
  readonly newRequestId: () => string;
  readonly newToolCallId: () => string;
  /** Whether a stream opens with a role-only chunk before the first token. */
  readonly sendsRoleChunk: boolean;
  /** Checks the provider makes beyond the common ones (e.g. Cerebras refusing `store`). */
  readonly checkQuirks?: (body: Readonly<Record<string, unknown>>) => RequestProblem | undefined;
  readonly errors: ProviderErrorDialect;
  /** The `usage` object in the provider's shape. */
  readonly usage: (facts: CompletionFacts) => Record<string, unknown>;
  /** Adds the provider's fields to an OpenAI-shaped `chat.completion`. */
  readonly decorateCompletion: (
    completion: Record<string, unknown>,
    facts: CompletionFacts,
  ) => Record<string, unknown>;
  /** Adds the provider's fields to an OpenAI-shaped `chat.completion.chunk`. */
  readonly decorateChunk: (
    chunk: Record<string, unknown>,
    kind: ChunkKind,
    facts: CompletionFacts,
  ) => Record<string, unknown>;
  /** The models endpoint's body. */
  readonly modelList: (models: readonly SimulatedModel[]) => unknown;
}
